// Multiple-choice exam questions in the seed's format (electron/domain/README.md §3):
//   **Question:** text            (question text may continue on the next lines)
//   - A) option … - D) option
//   **정답: C) short answer**      or `Answer: C`
//   - **옵션 A** - why A is wrong  (explanations, after the answer line)
// A question runs until the next question or heading. Without an answer line, or with an answer
// letter that is no option, it is reported and no card is made: the answer is never guessed.
import type { ChoiceOption, DraftDiagnostic, DraftCard, DraftResult } from './card-types.ts';
import { isBlank, isHeading, unbold, type BodyLines } from './body-lines.ts';

// The question label must be bold, with a colon inside or after it: a prose line such as
// "문제: 비용이 크다" ("problem: …") is no exam question.
const QUESTION = /^\s*\*\*(?:Question|문제)(?:\s*\d+)?(?:\s*[:：]\*\*|\*\*\s*[:：])\s*(.*)$/i;
// The rest are matched against lines with bold markers removed.
const OPTIONS_LABEL = /^\s*(?:Options|Choices|보기|선택지)\s*[:：]?\s*$/i;
const OPTION = /^\s*(?:[-*+]\s+)?\(?([A-Z])[).]\s*(\S.*)$/;
// Upper-case letters only, so `Answer: a business…` is no answer C.
const ANSWER = /^\s*(?:[-*+]\s+)?(?:정답|답|[Aa]nswer|[Cc]orrect answer)\s*[:：]\s*\(?([A-Z])(?![\p{L}\p{N}])\)?[\s).:：-]*(.*)$/u;
const EXPLANATION = /^\s*(?:[-*+]\s+)?(?:(?:옵션|선택지|보기|Option|Choice)\s*)?\(?([A-Z])\)?\s*(?:[-–—:：]|\))\s*(\S.*)$/;

export function examQuestionCards(lines: BodyLines): DraftResult {
  const result: DraftResult = { cards: [], diagnostics: [], claimed: new Set() };
  const match = (re: RegExp, i: number) => (re.test(unbold(lines.scan[i])) ? re.exec(unbold(lines.raw[i])) : null);
  const question = (i: number) => (QUESTION.test(lines.scan[i]) ? QUESTION.exec(lines.raw[i]) : null);

  for (let start = 0; start < lines.raw.length; start++) {
    const first = question(start);
    if (!first) continue;
    let end = start + 1;
    while (end < lines.raw.length && !question(end) && !isHeading(lines.scan[end])) end++;
    for (let i = start; i < end; i++) result.claimed.add(i);
    const outcome = readQuestion(start, end, unbold(first[1]), match, lines);
    if ('card' in outcome) result.cards.push(outcome.card);
    else result.diagnostics.push(outcome.diagnostic);
    start = end - 1;
  }
  return result;
}

type LineMatcher = (re: RegExp, i: number) => RegExpExecArray | null;

function readQuestion(
  start: number,
  end: number,
  firstText: string,
  match: LineMatcher,
  lines: BodyLines,
): { card: DraftCard } | { diagnostic: DraftDiagnostic } {
  const question = [firstText.trim()];
  let i = start + 1;
  // The question continues on the following lines until a blank line or the options begin.
  while (i < end && !isBlank(lines.scan[i]) && !match(OPTION, i) && !match(OPTIONS_LABEL, i) && !match(ANSWER, i)) {
    question.push(lines.raw[i].trim());
    i++;
  }
  const options: ChoiceOption[] = [];
  let answer: { key: string; text: string; line: number } | null = null;
  const explanations: Record<string, string> = {};
  for (; i < end; i++) {
    const ans: RegExpExecArray | null = answer ? null : match(ANSWER, i);
    if (ans) {
      answer = { key: ans[1], text: ans[2].trim(), line: i };
      continue;
    }
    const option = answer ? null : match(OPTION, i);
    if (option) options.push({ key: option[1], text: option[2].trim() });
    const why = answer ? match(EXPLANATION, i) : null;
    if (why) explanations[why[1]] = why[2].trim();
  }

  const front = question.filter(Boolean).join('\n');
  const fail = (code: DraftDiagnostic['code'], message: string, bodyLine = start) => ({ diagnostic: { code, message, bodyLine } });
  if (options.length === 0) return fail('CARD_NO_OPTIONS', `question without options (- A) …): ${clip(front)}`);
  if (!answer) return fail('CARD_NO_ANSWER', `question without an answer line (정답: X / Answer: X): ${clip(front)}`);
  const { key, text, line } = answer;
  const right = options.find((o) => o.key === key);
  if (!right) {
    const keys = options.map((o) => o.key).join(', ');
    return fail('CARD_ANSWER_NOT_AN_OPTION', `answer ${key} is not among the options ${keys}`, line);
  }
  // The answer line's own words explain the right option when no explanation line does.
  if (!explanations[right.key] && text) explanations[right.key] = text;
  const known = options.filter((o) => explanations[o.key]).map((o) => [o.key, explanations[o.key]] as const);
  return {
    card: {
      kind: 'choice',
      front,
      back: choiceBack(right, known),
      options,
      answer: right.key,
      explanations: Object.fromEntries(known),
      bodyLine: start,
    },
  };
}

/** The right option, then the explanation of every option that has one, in option order. */
function choiceBack(right: ChoiceOption, explained: ReadonlyArray<readonly [string, string]>): string {
  const lines = explained.map(([key, text]) => `- **${key}** — ${text}`);
  return [`**${right.key}) ${right.text}**`, ...(lines.length ? ['', ...lines] : [])].join('\n');
}

const clip = (text: string) => (text.length > 60 ? text.slice(0, 57) + '…' : text);
