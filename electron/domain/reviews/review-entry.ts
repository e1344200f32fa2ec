// One line of a review log (`<vault>/.cairn/reviews/<device>.jsonl`), version 1. Lines are only
// ever appended; an undo is a new line naming the review it cancels.
import { z } from 'zod';

export type Rating = 1 | 2 | 3 | 4;

const common = {
  v: z.literal(1),
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  device: z.string().min(1),
};

export const ReviewEntrySchema = z.object({
  ...common,
  type: z.literal('review'),
  cardId: z.string().min(1),
  noteId: z.string(),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});

export const UndoEntrySchema = z.object({
  ...common,
  type: z.literal('undo'),
  target: z.string().min(1),
});

export const LogEntrySchema = z.discriminatedUnion('type', [ReviewEntrySchema, UndoEntrySchema]);

export type ReviewEntry = z.infer<typeof ReviewEntrySchema>;
export type UndoEntry = z.infer<typeof UndoEntrySchema>;
export type LogEntry = z.infer<typeof LogEntrySchema>;

export interface ParsedLog {
  entries: LogEntry[];
  warnings: string[];
}

/**
 * The entries of one log file. A line that does not parse is skipped with a warning: at the end
 * it is a write torn by a crash, in the middle a damaged or foreign line — neither stops the rest.
 */
export function parseLogText(text: string, source: string): ParsedLog {
  const entries: LogEntry[] = [];
  const warnings: string[] = [];
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = parseLogLine(line);
    if (entry) entries.push(entry);
    else if (i === lines.length - 1 && !complete) warnings.push(`${source}: torn last line skipped (an interrupted write)`);
    else warnings.push(`${source}:${i + 1}: unreadable line skipped`);
  });
  return { entries, warnings };
}

/** One line of a log, or null when it is not a valid entry. */
export function parseLogLine(line: string): LogEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = LogEntrySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
