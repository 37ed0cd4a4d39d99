// Where the user is typing a Rapport snippet's prefix. Markdown has quick
// suggestions off (prose would pop a list at every word), so Rapport's snippets
// are offered on the one character no prose word needs: the `-` of `rapport-`.

/** What every Rapport snippet's prefix starts with (snippets/markdown.json). */
export const SNIPPET_PREFIX = 'rapport-';

/**
 * The column where a snippet prefix being typed starts, when the text of the line
 * before the cursor ends with one (`rapport-`, `rapport-tha`…) that starts the
 * line or follows a space, a tab or a list marker; undefined elsewhere, so a
 * `-` typed in prose, a list or a word like `non-rapport-` opens nothing.
 */
export function snippetPrefixStart(lineBefore: string): number | undefined {
  const m = /(?:^|[\s>])(rapport-[a-z-]*)$/i.exec(lineBefore);
  if (!m || !m[1].toLowerCase().startsWith(SNIPPET_PREFIX)) return undefined;
  return lineBefore.length - m[1].length;
}
