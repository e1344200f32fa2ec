// The text of one synthetic note: YAML frontmatter (title, created, modified, hierarchical tags,
// aliases), a title heading, sections of mostly Korean prose with English terms, particles,
// compounds, wikilinks to other generated notes, an occasional body tag, list or code block.
import { withParticle } from './korean-words.ts';
import { koreanNoun, type Lexicon, type NotePlan, type VaultPlan } from './vault-plan.ts';
import type { Rng } from './prng.ts';

/** Notes average about 3 KB on disk (UTF-8; a Hangul syllable is 3 bytes). */
const MIN_BYTES = 1800;
const MAX_BYTES = 3800;

export function renderNote(note: NotePlan, vault: VaultPlan, rng: Rng): string {
  const target = rng.int(MIN_BYTES, MAX_BYTES);
  const lines = [
    '---',
    `title: ${JSON.stringify(note.title)}`,
    `created: ${note.created}`,
    `modified: ${note.modified}`,
    'tags:',
    ...note.tags.map((t) => `- ${t}`),
    ...(note.aliases.length ? [`aliases: [${note.aliases.map((a) => JSON.stringify(a)).join(', ')}]`] : []),
    '---',
    '',
    `# ${note.title}`,
    '',
  ];
  let bytes = byteLength(lines);
  const lex = vault.lexicon;
  for (let s = 0; bytes < target; s++) {
    const section = [`## ${note.headings[s % note.headings.length]}${s >= note.headings.length ? ` ${s + 1}` : ''}`, ''];
    for (let p = rng.int(1, 3); p > 0; p--) section.push(paragraph(vault, rng), '');
    if (rng.chance(0.3)) section.push(...bulletList(vault, rng), '');
    if (rng.chance(0.1)) section.push('```', ...Array.from({ length: rng.int(2, 5) }, () => englishWords(lex, rng, 3, 7).toLowerCase()), '```', '');
    lines.push(...section);
    bytes += byteLength(section);
  }
  return lines.join('\n');
}

function paragraph(vault: VaultPlan, rng: Rng): string {
  return Array.from({ length: rng.int(2, 5) }, () => (rng.chance(0.8) ? koreanSentence(vault, rng) : englishSentence(vault, rng))).join(' ');
}

function koreanSentence(vault: VaultPlan, rng: Rng): string {
  const lex = vault.lexicon;
  const words: string[] = [];
  for (let n = rng.int(4, 10); n > 0; n--) {
    if (rng.chance(0.3)) words.push(rng.pickSkewed(lex.englishWords));
    else {
      const noun = koreanNoun(lex, rng);
      words.push(rng.chance(0.55) ? withParticle(noun, rng) : noun);
    }
  }
  if (rng.chance(0.25)) words.splice(rng.int(0, words.length), 0, wikilink(vault, rng));
  if (rng.chance(0.03)) words.push(`#${rng.pickSkewed(lex.koreanNouns)}`);
  return `${words.join(' ')} ${rng.pickSkewed(lex.koreanEndings)}.`;
}

function englishSentence(vault: VaultPlan, rng: Rng): string {
  const text = englishWords(vault.lexicon, rng, 8, 16);
  const link = rng.chance(0.2) ? ` See ${wikilink(vault, rng)}.` : '';
  return text[0].toUpperCase() + text.slice(1) + '.' + link;
}

function bulletList(vault: VaultPlan, rng: Rng): string[] {
  const lex = vault.lexicon;
  return Array.from({ length: rng.int(3, 5) }, () => `- **${rng.pickSkewed(lex.englishWords)}**: ${koreanSentence(vault, rng)}`);
}

function englishWords(lex: Lexicon, rng: Rng, min: number, max: number): string {
  return Array.from({ length: rng.int(min, max) }, () => rng.pickSkewed(lex.englishWords)).join(' ');
}

/** A link to another note: popular notes (low index) are linked more, as hubs are in real vaults. */
function wikilink(vault: VaultPlan, rng: Rng): string {
  const target = rng.chance(0.5) ? rng.pickSkewed(vault.notes) : rng.pick(vault.notes);
  const r = rng.next();
  if (r < 0.6) return `[[${target.title}]]`;
  if (r < 0.8) return `[[${target.title}|${koreanNoun(vault.lexicon, rng)}]]`;
  if (r < 0.95) return `[[${target.title}#${target.headings[0]}]]`;
  return `![[${target.title}]]`;
}

function byteLength(lines: string[]): number {
  let n = 0;
  for (const l of lines) n += Buffer.byteLength(l) + 1;
  return n;
}
