// A schedule written by the Obsidian SR plugin (SM-2: due date, interval in days, ease ×100)
// turned into an FSRS memory state, so a card reviewed in Obsidian does not start over as new.
//
// Stability: an SM-2 interval is taken as the time to 90% recall, which is FSRS' stability at the
// default retention. Difficulty: the D for which FSRS grows stability on a "Good" recall at
// R = 0.9 by exactly the SM-2 ease, solving S'/S = 1 + e^w8·(11−D)·S^−w9·(e^(w10·(1−R))−1)
// (ts-fsrs next_recall_stability) for D — the same idea as fsrs-rs `memory_state_from_sm2`.
// Dates are read as UTC midnight so every device replays the same state.
import { default_w, State, type Card as FsrsCard } from 'ts-fsrs';
import type { ImportedSchedule } from '../cards/card-types.ts';

const DAY_MS = 86_400_000;
const SM2_RETENTION = 0.9;

export function fsrsCardFromImported(schedule: ImportedSchedule, w: readonly number[] = default_w): FsrsCard {
  const due = new Date(`${schedule.due}T00:00:00Z`);
  const stability = Math.max(schedule.interval, 0.1);
  const growth = Math.exp(w[8]) * stability ** -w[9] * (Math.exp(w[10] * (1 - SM2_RETENTION)) - 1);
  const difficulty = Math.min(10, Math.max(1, 11 - (schedule.ease / 100 - 1) / growth));
  return {
    due,
    stability,
    difficulty,
    elapsed_days: 0,
    scheduled_days: schedule.interval,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: State.Review,
    last_review: new Date(due.getTime() - schedule.interval * DAY_MS),
  };
}
