// A frontmatter's top-level keys with their source spans, kept flat.
//
// Every note keeps its keys for as long as it is indexed (diagnostics, fixes and
// hovers point at them), so their layout is the index's memory: a Map of one
// object per key cost ~750 bytes a note, these two arrays about a third of that
// (~40 MB at 100,000 notes). Lookups scan a handful of names.

import type { TopLevelKey } from './frontmatter-types.js';

type Span = { start: number; end: number };

export class KeyTable {
  private constructor(
    private readonly names: string[],
    /** keyStart, keyEnd, valueStart, valueEnd of each name, in the same order. */
    private readonly spans: number[],
    /** Item spans (start, end, start, end…) of the keys whose value is a sequence. */
    private readonly items: (number[] | null)[] | undefined,
  ) {}

  static empty(): KeyTable {
    return new KeyTable([], [], undefined);
  }

  /**
   * The table of arrays built by a reader (names unique, four spans a name, item spans or null
   * a name). They are copied at their exact size: arrays grown by push keep spare room, and
   * every note keeps its table.
   */
  static fromParts(names: string[], spans: number[], items: (number[] | null)[] | undefined): KeyTable {
    return new KeyTable(names.slice(), spans.slice(), items?.map((i) => i && i.slice()));
  }

  /** The table of these keys (names are unique). Arrays are allocated at their final size: no slack. */
  static of(entries: readonly TopLevelKey[]): KeyTable {
    const n = entries.length;
    const names = new Array<string>(n);
    const spans = new Array<number>(n * 4);
    let items: (number[] | null)[] | undefined;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      names[i] = e.key;
      spans[i * 4] = e.keyStart;
      spans[i * 4 + 1] = e.keyEnd;
      spans[i * 4 + 2] = e.valueStart;
      spans[i * 4 + 3] = e.valueEnd;
      if (e.items) {
        items ??= new Array<number[] | null>(n).fill(null);
        const flat = new Array<number>(e.items.length * 2);
        e.items.forEach((s, k) => {
          flat[k * 2] = s.start;
          flat[k * 2 + 1] = s.end;
        });
        items[i] = flat;
      }
    }
    return new KeyTable(names, spans, items);
  }

  get size(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.names.includes(name);
  }

  /** The key's spans, as a new object each time. */
  get(name: string): TopLevelKey | undefined {
    const i = this.names.indexOf(name);
    return i === -1 ? undefined : this.at(i);
  }

  /** Each key's value span, without building the key objects (the parser's scan for links). */
  eachValue(fn: (valueStart: number, valueEnd: number) => void): void {
    for (let i = 0; i < this.spans.length; i += 4) fn(this.spans[i + 2], this.spans[i + 3]);
  }

  /** The name of the key whose value holds this offset. */
  keyAt(offset: number): string | undefined {
    for (let i = 0; i < this.names.length; i++) {
      if (this.spans[i * 4 + 2] <= offset && offset < this.spans[i * 4 + 3]) return this.names[i];
    }
    return undefined;
  }

  values(): TopLevelKey[] {
    return this.names.map((_, i) => this.at(i));
  }

  entries(): [string, TopLevelKey][] {
    return this.names.map((n, i) => [n, this.at(i)]);
  }

  /** The persisted form (the note cache): the arrays as they are. */
  toJSON(): KeyTableJson {
    return this.items ? { names: this.names, spans: this.spans, items: this.items } : { names: this.names, spans: this.spans };
  }

  static fromJSON(json: KeyTableJson): KeyTable {
    return new KeyTable(json.names, json.spans, json.items);
  }

  private at(i: number): TopLevelKey {
    const s = this.spans;
    const entry: TopLevelKey = { key: this.names[i], keyStart: s[i * 4], keyEnd: s[i * 4 + 1], valueStart: s[i * 4 + 2], valueEnd: s[i * 4 + 3] };
    const items = this.items?.[i];
    if (items) {
      const spans: Span[] = [];
      for (let k = 0; k < items.length; k += 2) spans.push({ start: items[k], end: items[k + 1] });
      entry.items = spans;
    }
    return entry;
  }
}

export interface KeyTableJson {
  names: string[];
  spans: number[];
  items?: (number[] | null)[];
}
