// Where reviews are kept: one append-only log per device, `<vault>/.cairn/reviews/<device>.jsonl`,
// so devices syncing the vault (git, a sync service) never write the same file. When the vault
// cannot be written (read-only folder or medium), this device's log goes to the app-data folder
// instead, under a key of the vault path; replay always reads both places. Nothing under the
// vault's `.cairn/` is trusted: a link, FIFO, device or folder where the log should be sends this
// device's reviews to the app-data folder too, and reading it is a warning (review-log-file.ts).
import { createHash, randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Card } from '../cards/card-types.ts';
import type { CardState, SchedulerOptions } from './fsrs-scheduler.ts';
import {
  LogEntrySchema,
  ReviewEntrySchema,
  type LogEntry,
  type PracticeEntry,
  type Rating,
  type ReviewEntry,
  type SuspendEntry,
  type UndoEntry,
} from './review-entry.ts';
import { appendLogLine, ensureLogFile, nodeLogFs, ReviewLogError, type LogFs } from './review-log-file.ts';
import { LogTail, type TailRead } from './log-tail.ts';
import { IncrementalReplay } from './incremental-replay.ts';
import { DEFAULT_RETENTION } from './fsrs-scheduler.ts';
import { startOfLocalDay } from './local-day.ts';
import { UnsafePathError } from '../vault/open-vault-file.ts';

export interface ReviewStoreOptions {
  vaultRoot: string;
  /** This device's name, written in every entry (hostname by default in the CLI). */
  device: string;
  /** App-data folder used when the vault is read-only. */
  fallbackDir: string;
  fs?: LogFs;
  clock?: () => Date;
}

export interface NewReview {
  cardId: string;
  noteId: string;
  rating: Rating;
}

export interface LogLocation {
  file: string;
  /** True when the vault could not be written and the app-data folder is used. */
  fallback: boolean;
  /** Why the vault's log was not used (with `fallback`). */
  reason?: string;
}

export interface OrphanCard {
  cardId: string;
  /** The note the card was in when last reviewed. */
  noteId: string;
  reviews: number;
  lastReview: string;
}

export interface ReplayResult {
  states: Map<string, CardState>;
  /** The reviews in effect (undone ones left out), in replay order. */
  reviews: readonly ReviewEntry[];
  /** New cards started today (local day of `now`): their first review in effect is today. */
  startedToday: number;
  /** Reviewed cards no longer in `cards` (note deleted or card edited away); history kept. */
  orphans: OrphanCard[];
  warnings: string[];
}

export class ReviewStore {
  private readonly fs: LogFs;
  private readonly clock: () => Date;
  private location: Promise<LogLocation> | null = null;
  // Both log folders read incrementally, and one replay per retention kept up to date from them,
  // so a review or a deck view costs what was appended, not the size of the log (log-tail.ts).
  private readonly tails: LogTail[];
  private readonly replayers = new Map<number, IncrementalReplay>();
  private reads: TailRead[] = [];
  private syncing: Promise<TailRead[]> = Promise.resolve([]);

  private constructor(private readonly options: ReviewStoreOptions) {
    this.fs = options.fs ?? nodeLogFs;
    this.clock = options.clock ?? (() => new Date());
    this.tails = [new LogTail(this.fs, options.vaultRoot, this.vaultLogDir), new LogTail(this.fs, options.fallbackDir, this.fallbackLogDir)];
  }

  /** No file is touched until the first append: reading (replay, due counts) writes nothing. */
  static open(options: ReviewStoreOptions): ReviewStore {
    if (!options.device.trim()) throw new RangeError('device name is empty');
    return new ReviewStore(options);
  }

  get vaultLogDir(): string {
    return path.join(this.options.vaultRoot, '.cairn', 'reviews');
  }

  get fallbackLogDir(): string {
    const key = createHash('sha1').update(path.resolve(this.options.vaultRoot)).digest('hex').slice(0, 12);
    return path.join(this.options.fallbackDir, 'reviews', key);
  }

  /** The file this device appends to, created on first use; the vault's when it can be written. */
  logLocation(): Promise<LogLocation> {
    // A failure is not cached: the next append tries again (the disk may be back).
    this.location ??= this.chooseLocation().catch((err: unknown) => {
      this.location = null;
      throw err;
    });
    return this.location;
  }

  private async chooseLocation(): Promise<LogLocation> {
    const name = `${logFileName(this.options.device)}.jsonl`;
    const inVault = path.join(this.vaultLogDir, name);
    try {
      await ensureLogFile(this.fs, this.options.vaultRoot, inVault);
      return { file: inVault, fallback: false };
    } catch (vaultErr) {
      const elsewhere = path.join(this.fallbackLogDir, name);
      try {
        // The app-data folder is the user's own; only what is below it is checked like the vault.
        await mkdir(this.options.fallbackDir, { recursive: true });
        await ensureLogFile(this.fs, this.options.fallbackDir, elsewhere);
        return { file: elsewhere, fallback: true, reason: (vaultErr as Error).message };
      } catch (err) {
        const reason = `${(vaultErr as Error).message}; ${(err as Error).message}`;
        throw new ReviewLogError('REVIEW_LOG_UNAVAILABLE', `no writable place for the review log: ${reason}`, { cause: err });
      }
    }
  }

  /** Records a review; resolves only once the line is on disk (fsync'd). */
  async append(review: NewReview): Promise<ReviewEntry> {
    // The schema also drops any other property the caller's object carries.
    const checked = ReviewEntrySchema.safeParse({ ...review, v: 1, type: 'review', id: randomUUID(), at: this.now(), device: this.options.device });
    if (!checked.success) throw new RangeError(`not a review: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    await this.write(checked.data);
    return checked.data;
  }

  /** Records a practice answer or a suspension (flushed like a review); the scheduler skips both. */
  async appendOther(entry: Omit<PracticeEntry, 'v' | 'id' | 'at' | 'device'> | Omit<SuspendEntry, 'v' | 'id' | 'at' | 'device'>): Promise<LogEntry> {
    const checked = LogEntrySchema.safeParse({ ...entry, v: 1, id: randomUUID(), at: this.now(), device: this.options.device });
    if (!checked.success || checked.data.type === 'review' || checked.data.type === 'undo')
      throw new RangeError(`not a log entry: ${checked.error?.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') ?? 'wrong type'}`);
    await this.write(checked.data);
    return checked.data;
  }

  /**
   * Cancels this device's latest review that is still in effect (of `cardId` when given) by
   * appending an undo entry; the review's line stays. Resolves to the cancelled review, or null.
   */
  async undoLast(cardId?: string): Promise<ReviewEntry | null> {
    await this.sync();
    const mine = this.replayer({})
      .effective()
      .filter((r) => r.device === this.options.device && (!cardId || r.cardId === cardId));
    const target = mine.at(-1);
    if (!target) return null;
    const undo: UndoEntry = { v: 1, type: 'undo', id: randomUUID(), target: target.id, at: this.now(), device: this.options.device };
    await this.write(undo);
    return target;
  }

  /** Every entry of every device, from the vault and the app-data fallback. */
  async readAll(): Promise<{ entries: LogEntry[]; warnings: string[] }> {
    const reads = await this.sync();
    return { entries: reads.flatMap((r) => r.entries()), warnings: reads.flatMap((r) => r.warnings) };
  }

  async replay(cards: Card[], now: Date, options: SchedulerOptions = {}): Promise<ReplayResult> {
    const reads = await this.sync();
    const replayer = this.replayer(options);
    return {
      states: replayer.states(cards, now),
      reviews: replayer.effective(),
      startedToday: replayer.startedSince(startOfLocalDay(now).getTime()),
      orphans: replayer.orphans(new Set(cards.map((c) => c.id))),
      warnings: reads.flatMap((r) => r.warnings),
    };
  }

  /** Reads what was appended to the logs and feeds it to the replays; one read at a time. */
  private sync(): Promise<TailRead[]> {
    const next = this.syncing
      .catch(() => undefined)
      .then(async () => {
        const reads = await Promise.all(this.tails.map((t) => t.read()));
        // A log shrank or was replaced: entries may be gone, so the replays start over.
        if (reads.some((r) => r.reset)) this.replayers.clear();
        else for (const replayer of this.replayers.values()) for (const r of reads) replayer.add(r.added);
        this.reads = reads;
        return reads;
      });
    this.syncing = next;
    return next;
  }

  private replayer(options: SchedulerOptions): IncrementalReplay {
    const retention = options.retention ?? DEFAULT_RETENTION;
    let replayer = this.replayers.get(retention);
    if (!replayer) {
      replayer = new IncrementalReplay({ retention });
      for (const r of this.reads) replayer.add(r.entries());
      this.replayers.set(retention, replayer);
    }
    return replayer;
  }

  private async write(entry: LogEntry, retry = true): Promise<void> {
    let location: LogLocation;
    try {
      location = await this.logLocation();
    } catch (err) {
      throw new ReviewLogError('REVIEW_NOT_SAVED', `review not saved: ${(err as Error).message}`, { cause: err });
    }
    try {
      await appendLogLine(this.fs, location.fallback ? this.options.fallbackDir : this.options.vaultRoot, location.file, JSON.stringify(entry));
    } catch (err) {
      // The vault's log was swapped for a link, FIFO or folder since it was chosen: choose again
      // (the app-data folder), so the review is still kept.
      if (!retry || location.fallback || !((err as Error).cause instanceof UnsafePathError)) throw err;
      this.location = null;
      await this.write(entry, false);
    }
  }

  private now(): string {
    return this.clock().toISOString();
  }
}

/** A device name as a file name: letters, digits, `.`, `_`, `-`; anything else becomes `_`. */
export function logFileName(device: string): string {
  const name = device
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]/gu, '_')
    .replace(/^\.+/, '_');
  return name || 'device';
}
