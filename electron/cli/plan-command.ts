// `cairn plan --deck TAG --exam YYYY-MM-DD [--target 0.9]`: the exam plan of a deck (README.md,
// "Exam mode"), over the same planner the app uses.
import { deckKey } from '../domain/cards/decks.ts';
import { DEFAULT_EXAM_TARGET, ExamInputError } from '../domain/exam/exam-date.ts';
import { planExam, type ExamPlan } from '../domain/exam/exam-plan.ts';
import { ReviewStore } from '../domain/reviews/review-store.ts';
import { VaultSettingsStore } from '../domain/settings/vault-settings.ts';
import { UsageError, type CliCommand } from './cli-types.ts';
import { appDataDir, deviceName, loadCards, optionalString } from './cards-commands.ts';

function targetOption(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_EXAM_TARGET;
  const value = Number(raw);
  if (!(value > 0 && value < 1)) throw new UsageError('--target takes a retention between 0 and 1, e.g. 0.9');
  return value;
}

function printPlan(out: (s: string) => void, plan: ExamPlan): void {
  out(
    `exam of ${plan.deck} on ${plan.exam}: ${plan.daysLeft} day${plan.daysLeft === 1 ? '' : 's'} left, ${plan.cards} cards, ${plan.unseen} not yet introduced`,
  );
  if (plan.newLimitRaised) out(`new cards a day raised from ${plan.newLimit} to ${plan.newPerDay} to introduce every card before the exam`);
  out(`${'date'.padEnd(12)} ${'reviews'.padStart(7)} ${'new'.padStart(5)}`);
  for (const d of plan.days) out(`${d.date.padEnd(12)} ${String(d.reviews).padStart(7)} ${String(d.new).padStart(5)}`);
  const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
  out(`predicted retention at the exam: ${pct(plan.retrievabilityAtExam)} (target ${pct(plan.target)})`);
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage: 'plan --deck TAG --exam YYYY-MM-DD [--target 0.9] [--json]',
  summary: 'Reviews and new cards a day until an exam, and the predicted retention on exam day',
  options: { deck: { type: 'string' }, exam: { type: 'string' }, target: { type: 'string' }, device: { type: 'string' } },
  async run(ctx) {
    const deck = optionalString(ctx, 'deck');
    const exam = optionalString(ctx, 'exam');
    if (!deck || !deckKey(deck)) throw new UsageError('--deck needs a tag, e.g. --deck exam/mla');
    if (!exam) throw new UsageError('--exam needs the exam day, e.g. --exam 2027-01-15');
    const target = targetOption(optionalString(ctx, 'target'));
    const { cards, vaultRoot } = await loadCards(ctx);
    const store = ReviewStore.open({ vaultRoot, device: deviceName(ctx), fallbackDir: appDataDir() });
    const now = new Date();
    const { states, warnings } = await store.replay(cards, now);
    for (const w of warnings) ctx.err(`warning: ${w}`);
    const { newCardsPerDay } = await new VaultSettingsStore(appDataDir()).load(vaultRoot);
    let plan: ExamPlan;
    try {
      plan = planExam({ deck: deckKey(deck), cards, states, exam, target, now, newLimit: newCardsPerDay }).plan;
    } catch (err) {
      if (err instanceof ExamInputError) throw new UsageError(err.message);
      throw err;
    }
    if (ctx.json) {
      ctx.out(JSON.stringify(plan, null, 2));
      return;
    }
    printPlan(ctx.out, plan);
  },
};
