// Queries the app runs once the full text is indexed, before the user's first (SearchIndex.warmUp,
// electron/domain/README.md §2). V8 optimises a function only after it has run many times; until
// then a search takes two to four times as long. Measured at 10k notes over the bench's query
// mix, right after the open: the first 150 searches had a p95 of 3.6-5.9 ms, the later ones 1.5.
// The queries are made from the vault's own most common words, so each path of a search runs
// (one word, several, a prefix, a Hangul word with a particle, a compound without its space, a
// phrase, an exclusion, a tag, a typo, a question) and finds notes to rank and show.

export interface WarmUpWords {
  /** Common Latin words, most common first (three or more for every query kind). */
  latin: string[];
  /** Common Hangul words, the same. */
  hangul: string[];
  /** A tag some note carries, or null. */
  tag: string | null;
}

export function warmUpQueries({ latin, hangul, tag }: WarmUpWords): string[] {
  const out: string[] = [];
  const [a, b, c] = latin;
  const [x, y] = hangul;
  if (a) out.push(a, a.slice(0, 3), `${a[1]}${a[0]}${a.slice(2)}`);
  if (a && b) out.push(`${a} ${b}`, `"${a} ${b}"`, `${a} -${b}`, `how do I ${a} the ${b}`);
  if (a && b && c) out.push(`${c} ${a} ${b}`);
  if (x) out.push(`${x}에서`, x.slice(0, -1));
  if (x && y) out.push(`${x} ${y}`, `${x}${y}`, `${y}를 ${x}`);
  if (a && x) out.push(`${x} ${a}`, `${x} -${a}`);
  if (tag) out.push(`tag:${tag} ${a ?? x ?? ''}`.trim(), `-tag:${tag} ${x ?? a ?? ''}`.trim());
  return out;
}
