// What the frontmatter readers (frontmatter.ts, simple-yaml.ts) and the key table
// share: here, in a module that imports nothing, so none of the three imports another
// in a circle.

export interface FrontmatterProblem {
  message: string;
  start: number;
  end: number;
}

export interface TopLevelKey {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Source span of the value (equal to keyEnd..keyEnd when the value is empty). */
  valueStart: number;
  valueEnd: number;
  /** Spans of the items when the value is a sequence. */
  items?: { start: number; end: number }[];
}
