// Korean particles (조사), verb endings (어미) and stop-words for the search encoder's stemmer and
// filter. FlexSearch's stemmer strips the longest listed ending at the end of a term, again and
// again, while the term is longer than 2 characters (its loop, encoder.js); index and query go
// through the same encoder, so a noun that happens to end in one of these is cut the same way on
// both sides and still matches itself.

/** Particles glued to a noun: `인스턴스를` → `인스턴스`. */
export const PARTICLES = [
  '에서부터',
  '으로부터',
  '이라고는',
  '에서는',
  '에서도',
  '에서의',
  '에게서',
  '한테서',
  '으로는',
  '으로도',
  '으로서',
  '으로써',
  '이라고',
  '이라는',
  '이지만',
  '까지는',
  '부터는',
  '에서',
  '에게',
  '한테',
  '께서',
  '으로',
  '로서',
  '로써',
  '로는',
  '까지',
  '부터',
  '보다',
  '처럼',
  '마다',
  '조차',
  '마저',
  '밖에',
  '이나',
  '이든',
  '이며',
  '이랑',
  '이라',
  '에는',
  '에도',
  '와는',
  '과는',
  '라는',
  '라고',
  '와의',
  '과의',
  '들을',
  '들이',
  '들은',
  '들의',
  '들',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '의',
  '에',
  '도',
  '만',
  '로',
  '와',
  '과',
  '랑',
  '요',
];

/** Verb and adjective endings after a stem (`줄이려면`, `줄이는`, `줄이기` → `줄이`;
 *  `변경하려면` → `변경`), with the replacement that restores the stem's last syllable where the
 *  ending fused with it (`줄였다` → `줄이`). */
export const ENDINGS: Array<[string, string]> = [
  ...[
    '하려면',
    '하려고',
    '합니다',
    '했습니다',
    '했다',
    '하는',
    '하기',
    '하고',
    '하면',
    '해서',
    '하여',
    '한다',
    '하다',
    '하지',
    '해야',
    '하세요',
    '할까',
    '할',
    '한',
    '해',
    '되려면',
    '됩니다',
    '되는',
    '되면',
    '된다',
    '되어',
    '되고',
    '되지',
    '돼서',
    '된',
    '돼',
    '시키는',
    '시키려면',
    '시키기',
  ].map((e): [string, string] => [e, '']),
  ...['으려면', '려면', '으면', '는다', '습니다', '입니다', '니다', '세요', '어요', '아요', '게', '기', '고', '면', '다', '지만'].map((e): [string, string] => [
    e,
    '',
  ]),
  ['였다', '이'],
  ['였습니다', '이'],
  ['여서', '이'],
  ['여야', '이'],
  ['인다', '이'],
  ['입니다', '이'],
];

/** Words that only shape a question (`노트북 비용을 줄이는 방법`, `how do I stop …`): a note need
 *  not contain them to answer it. Compared after the particle is stripped. */
export const STOP_WORDS = new Set([
  '방법',
  '어떻게',
  '어떤',
  '무엇',
  '뭐',
  '왜',
  '언제',
  '어디',
  '어디서',
  '어느',
  '누가',
  '하는',
  '및',
  '등',
  '것',
  '수',
  '있다',
  '있나요',
  '있는',
  '없는',
  '하나요',
  '되나요',
  '인가요',
  '알려줘',
  '알려주세요',
  '좀',
  '그',
  '이',
  '저',
  '때',
  '경우',
  '위한',
  '위해',
  '대한',
  'a',
  'an',
  'the',
  'how',
  'do',
  'does',
  'did',
  'i',
  'me',
  'my',
  'we',
  'you',
  'your',
  'to',
  'of',
  'in',
  'on',
  'for',
  'is',
  'are',
  'was',
  'be',
  'can',
  'should',
  'what',
  'which',
  'when',
  'where',
  'why',
  'who',
  'with',
  'and',
  'or',
  'it',
  'its',
  'this',
  'that',
  'from',
  'at',
  'by',
  'as',
  'vs',
  'about',
  'there',
  'way',
  'into',
  'if',
  'so',
  'get',
  'use',
  'using',
  'not',
  'no',
  'keep',
  'much',
  'many',
  'often',
  'make',
  'mean',
  'means',
  'am',
  'will',
  'would',
  'could',
  'after',
  'before',
]);

const BY_LAST = new Map<string, string[]>();
for (const p of PARTICLES) BY_LAST.set(p.at(-1)!, [...(BY_LAST.get(p.at(-1)!) ?? []), p]);

/** A word without its trailing particle (at least one syllable left), or the word. */
export function withoutParticle(word: string): string {
  for (const p of BY_LAST.get(word.at(-1) ?? '') ?? []) {
    if (word.length > p.length && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return word;
}

/** Particles cut from two-syllable words, which FlexSearch's stemmer leaves alone: only those no
 *  two-syllable noun ends in (`값을` → `값`, but `속도`, `결과`, `경로` stay). */
const SHORT_WORD_PARTICLES = new Set(['을', '를', '은', '는', '에']);

export function shortWordStem(word: string): string {
  return word.length === 2 && SHORT_WORD_PARTICLES.has(word[1]) && isHangulSyllable(word[0]) ? word[0] : word;
}

export function isHangulSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xac00 && c <= 0xd7a3;
}

/** For a last syllable still being typed (`세이지메잌`): the syllable without its final
 *  consonant (`세이지메이`), or null when it has none. Unicode Hangul syllables are
 *  0xAC00 + (initial × 21 + medial) × 28 + final. */
export function withoutFinalConsonant(word: string): string | null {
  const last = word.charCodeAt(word.length - 1);
  if (!(last >= 0xac00 && last <= 0xd7a3) || (last - 0xac00) % 28 === 0) return null;
  return word.slice(0, -1) + String.fromCharCode(last - ((last - 0xac00) % 28));
}

/** The stem of a Hangul word with its trailing particle removed (at least two syllables left),
 *  or null when none applies. */
export function stripParticle(word: string): string | null {
  const stem = withoutParticle(word);
  return stem !== word && stem.length >= 2 ? stem : null;
}
