// Is a question on a meeting's list a yes/no question? "Do you think…" is
// closed, "What do you think…" is open, whatever the markup around it: bold or
// italics, numbering ("1.", "Q3:"), a leading "So," or "And", a topic before a
// colon ("Career path: do you regret leaving law?"). Only the question's first
// word decides, as the practice says: a yes/no opener invites a yes or a no.

/** The words that open a yes/no question (the spec's list, and am, may, might, shall), each also with n't. */
export const YES_NO_WORDS = ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'will', 'would', 'should', 'have', 'has'];
const CLOSED_OPENERS = new Set([...YES_NO_WORDS, 'am', 'may', 'might', 'shall'].flatMap((w) => [w, `${w}n't`]));
CLOSED_OPENERS.add("won't").add("can't").add("shan't");
/** Words that open an open question, or a request to tell ("Walk me through…"). */
const OPEN_OPENERS = new Set(['what', "what's", 'how', "how's", 'why', 'which', 'who', "who's", 'whom', 'whose', 'where', 'when', 'tell', 'describe', 'walk', 'explain', 'talk', 'share', 'in', 'to', 'if']);
/** Words that only lead in to the question ("So, do you…", "And is it…"). */
const LEAD_INS = new Set(['so', 'and', 'but', 'or', 'also', 'then', 'now', 'ok', 'okay', 'well', 'finally', 'lastly', 'first', 'next', 'plus', 'honestly', 'oh']);

/** Words that make a subject: after a yes/no word they make a question even without a "?" ("Do you enjoy the work"). */
const SUBJECTS = new Set(['you', 'i', 'we', 'they', 'he', 'she', 'it', 'there', 'the', 'your', 'this', 'that', 'these', 'those', 'any', 'anyone', 'anybody', 'someone', 'somebody', 'people', 'everyone', 'a', 'an', 'our', 'their', 'his', 'her', 'my', 'one', 'most', 'many', 'remote', 'working']);

/** Markup before a question's first word: quotes, emphasis, numbering ("1.", "(2)", "a)"), bullets, a checkbox. */
const MARKUP = /^(?:\s+|[>*_~`"“‘'(]+|\d{1,3}[.)/](?=\s)|\(\d{1,3}\)|[a-z]\)(?=\s)|[qQ]\d{0,3}[.):](?=\s)|#\d{1,3}(?=\s)|[-•·–—]+(?=\s)|\[[ xX]\])+/u;
const WORD = /^[\p{L}][\p{L}'’]*/u;

/** The closed question in a list item's text, cleaned of its markup, or undefined when it asks openly (or asks nothing). */
export function closedQuestion(item: string): string | undefined {
  // Each sentence that asks ("?"), or the item's first sentence when none does.
  const sentences = item.match(/[^.?!]*(?:\?+|[.!]+(?=\s|$)|$)/g)?.filter((s) => s.trim()) ?? [];
  const asking = sentences.filter((s) => s.includes('?'));
  for (const sentence of asking.length ? asking : sentences.slice(0, 1)) {
    const closed = closedSentence(sentence, asking.length > 0);
    if (closed) return closed;
  }
  return undefined;
}

/** `sentence` cleaned of its lead-in when it opens with a yes/no word; a topic before a colon or dash is passed over. */
function closedSentence(sentence: string, asks: boolean): string | undefined {
  // "Career path: do you…", "Q3 — is it…", "In hindsight, would you…": a short label or lead-in, then the question.
  const segments = sentence.split(/\s*(?::|\s[-–—]\s)\s*/).flatMap((s) => {
    const comma = /^([^,]{1,40}),\s*(.*)$/su.exec(s);
    return comma && comma[1].trim().split(/\s+/).length <= 4 ? [comma[1], comma[2]] : [s];
  });
  for (let i = 0; i < segments.length; i++) {
    const { word, next, rest } = opening(segments[i]);
    if (!word) continue;
    if (CLOSED_OPENERS.has(word)) {
      // "Do not forget the deck", "Have a look at…": an instruction, not a question, when nothing asks.
      // Without a "?", only a yes/no word with its subject asks ("Do you enjoy the work"), not "Would love to…", "Can't wait…".
      if (!asks && (next === 'not' || (word === 'have' && /^(?:a|an|the|some)$/.test(next)) || !SUBJECTS.has(next))) return undefined;
      return rest.replace(/[*_~`]+/g, '').trim();
    }
    // An open question, or a sentence that opens with anything but a short label: not closed.
    if ((OPEN_OPENERS.has(word) && !(word === 'in' && !/^(?:what|which|how)$/.test(next))) || segments[i].split(/\s+/).length > 5 || i === segments.length - 1) return undefined;
  }
  return undefined;
}

/** The first word after the markup and lead-ins, lower-case with a straight apostrophe, the word after it, and the text from it on. */
function opening(segment: string): { word: string; next: string; rest: string } {
  let s = segment;
  for (;;) {
    s = s.replace(MARKUP, '');
    const m = WORD.exec(s);
    if (!m) return { word: '', next: '', rest: s };
    const word = m[0].toLowerCase().replace(/’/g, "'");
    const after = s.slice(m[0].length);
    if (LEAD_INS.has(word) && /^[*_]*(?:,|\s)/.test(after)) {
      s = after.replace(/^[*_]*,?/, '');
      continue;
    }
    const next = WORD.exec(after.replace(/^[*_\s]+/, ''))?.[0].toLowerCase() ?? '';
    return { word, next, rest: s };
  }
}
