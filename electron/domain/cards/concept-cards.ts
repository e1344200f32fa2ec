// Concept cards (electron/domain/README.md §3): under a heading named 주요개념, 주요 개념, Key concepts or
// Concepts — compared without leading/trailing emoji or symbols ("🔍 주요개념") and
// case-insensitively — each bullet `- **Term**: definition` (or `- **Term:** definition`) is a
// card: front the term, back the definition plus any lines indented under the bullet.
//
// The section runs to the next heading of the same or a higher level, and its sub-sections count,
// EXCEPT a sub-section whose heading names practice or application (실전, 적용, 활용, 예시,
// practice, applied, application, example): there `- **개발 단계**: …` is advice on what to do,
// not a concept to recall. In the seed this keeps "Reserved Instance (RI)", "On-Demand" and
// "SageMaker Processing" and leaves out the three bullets of "실전 적용".
import type { DraftCard, DraftResult } from './card-types.ts';
import { isBlank, type BodyLines } from './body-lines.ts';

export interface BodyHeading {
  level: number;
  text: string;
  /** 0-based body line. */
  bodyLine: number;
}

const CONCEPT_HEADINGS = new Set(['주요개념', '주요 개념', 'key concepts', 'concepts']);
const PRACTICE_WORDS = /실전|적용|활용|예시|practice|applied|application|example/i;
const TERM_BULLET = /^(\s*)[-*+]\s+\*\*([^*]+?)\*\*\s*[:：]\s*(\S.*)$|^(\s*)[-*+]\s+\*\*([^*]+?)[:：]\*\*\s*(\S.*)$/;

/** Heading text without leading/trailing emoji and symbols, spaces collapsed, lower-cased. */
export function headingName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

export function conceptCards(lines: BodyLines, headings: BodyHeading[], claimed: Set<number>): DraftResult {
  const result: DraftResult = { cards: [], diagnostics: [], claimed: new Set() };
  for (const bodyLine of conceptLines(headings, lines.raw.length)) {
    if (claimed.has(bodyLine) || result.claimed.has(bodyLine) || !TERM_BULLET.test(lines.scan[bodyLine])) continue;
    const m = TERM_BULLET.exec(lines.raw[bodyLine]);
    if (!m) continue;
    const indent = (m[1] ?? m[4]).length;
    const definition = [(m[3] ?? m[6]).trim()];
    result.claimed.add(bodyLine);
    // Lines indented under the bullet (sub-bullets, wrapped text) belong to its definition.
    for (let i = bodyLine + 1; i < lines.raw.length && !isBlank(lines.raw[i]) && indentOf(lines.raw[i]) > indent; i++) {
      definition.push(lines.raw[i].trim());
      result.claimed.add(i);
    }
    const card: DraftCard = { kind: 'basic', front: (m[2] ?? m[5]).trim(), back: definition.join('\n'), bodyLine };
    result.cards.push(card);
  }
  return result;
}

/** Body lines inside concept sections, practice sub-sections left out, in order. */
function conceptLines(headings: BodyHeading[], lineCount: number): number[] {
  const out: number[] = [];
  const endOf = (k: number) => {
    const next = headings.slice(k + 1).find((h) => h.level <= headings[k].level);
    return next ? next.bodyLine : lineCount;
  };
  headings.forEach((heading, k) => {
    if (!CONCEPT_HEADINGS.has(headingName(heading.text))) return;
    const end = endOf(k);
    const skipped = new Set<number>();
    headings.forEach((sub, j) => {
      if (j <= k || sub.bodyLine >= end || !PRACTICE_WORDS.test(sub.text)) return;
      for (let i = sub.bodyLine; i < endOf(j); i++) skipped.add(i);
    });
    for (let i = heading.bodyLine + 1; i < end; i++) if (!skipped.has(i)) out.push(i);
  });
  return out;
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;
