// Pure helpers of the search boxes and their lists.

/** An Enter (or any key) that only ends an IME composition: it finishes the syllable being typed
 *  (Korean, Japanese, Chinese input) and must not act. Chromium and Safari report keyCode 229
 *  for it; `isComposing` is the standard flag. */
export function isComposing(e: Pick<React.KeyboardEvent, 'nativeEvent' | 'keyCode'>): boolean {
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

/** Titles that appear more than once among `items`: their folder tells them apart. */
export function repeatedTitles(items: Array<{ title: string }>): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { title } of items) (seen.has(title) ? repeated : seen).add(title);
  return repeated;
}

/** A note id's folder ('' at the vault's root). */
export const folderOf = (id: string) => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '');

/** What the notes' names are searched for while the full text is indexed (SearchPanel): the
 *  query's words and phrases, quotes dropped; null when it filters by tag (`tag:x`, `#x`) or
 *  excludes (`-word`), which names cannot answer. */
export function nameQuery(query: string): string | null {
  const tokens = query.match(/-?"[^"]*"?|\S+/g) ?? [];
  if (tokens.some((t) => /^(?:-|tag:|#)/i.test(t))) return null;
  const text = tokens
    .map((t) => t.replaceAll('"', ' '))
    .join(' ')
    .trim();
  return text || null;
}
