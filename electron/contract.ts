// THE API between the renderer and the app, whatever carries it (Electron IPC or the local HTTP
// host): operation names, request schemas (checked at every boundary), response types, error codes.
import { z } from 'zod';
import { APP_COMMANDS, OP_NAMES, type AppCommand, type OpName } from './op-names.ts';
import type { Diagnostic, Heading } from './domain/notes/note-types.ts';
import type { NoteDetails } from './domain/vault/note-details.ts';
import type { SearchHit, SearchResult } from './domain/search/search-index.ts';
import type { SwitchHit } from './domain/search/quick-switch.ts';
import type { Card } from './domain/cards/card-types.ts';
import type { DeckCounts } from './domain/reviews/due-counts.ts';
import type { CardState } from './domain/reviews/fsrs-scheduler.ts';
import type { CardStats, CardsService, SessionCard } from './services/cards-service.ts';
import type { CalculatorView } from './services/calc-service.ts';
import type { BrowserRow, ExamOverview, ExamStatus } from './services/exam-service.ts';
import type { ExamPlan } from './domain/exam/exam-plan.ts';
import type { PracticeScore, PracticeTest } from './domain/exam/practice.ts';
import type { TypeInResult } from './domain/exam/type-in.ts';
import { VaultSettingsPatchSchema, type VaultSettings } from './domain/settings/vault-settings.ts';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_OPERATION'
  | 'NO_VAULT'
  | 'VAULT_NOT_FOUND'
  | 'VAULT_UNREADABLE'
  | 'NOTE_NOT_FOUND'
  | 'OUTSIDE_VAULT'
  | 'NOT_SUPPORTED'
  | 'CANCELLED'
  | 'REVIEW_NOT_SAVED'
  | 'CARD_NOT_FOUND'
  | 'CALCULATOR_NOT_FOUND'
  | 'BAD_INPUT'
  | 'FORBIDDEN'
  /** The vault is still being indexed past the wait the caller allowed (DispatchOptions.waitMs);
   *  the operation did not run. The local host's page asks again (renderer/api.ts). */
  | 'NOT_READY'
  | 'INTERNAL';

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A note id: vault-relative, `/`-separated; never absolute, never `..` (checked again in the domain). */
const NoteId = z
  .string()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\0') && !s.startsWith('/') && !/^[a-zA-Z]:/.test(s) && !s.split(/[\\/]/).includes('..'), 'id must stay inside the vault');
const Query = z.string().max(500);
const Limit = z.number().int().min(1).max(500).optional();
/** How many search hits the search panel asks for at a time (and the bench measures). */
export const SEARCH_PAGE = 30;
const Deck = z.string().max(300).optional();
const InputValue = z.union([z.number().finite(), z.string().max(200), z.boolean()]);
const CardId = z.string().min(1).max(200);
const ExamDay = z.string().max(40);
const Target = z.number().gt(0).lt(1).optional();
const Inputs = z.record(z.string().max(100), InputValue);

export interface VaultInfo {
  root: string;
  name: string;
  notes: number;
  diagnostics: Diagnostic[];
  /** The local host cannot show a folder dialog: only the Electron app opens other vaults. */
  canOpenVault: boolean;
  recent: string[];
  /** How the index is doing: `names` while the notes are read (the list by file name; tags and
   *  links wait), `list` while the full text is indexed (search waits), then `full`. */
  index: IndexState;
}

export interface IndexState {
  stage: 'names' | 'list' | 'full';
  /** Notes that came from the persisted index unchanged, and notes read from their files. */
  fromCache: number;
  read: number;
  /** One line to show when the persisted index could not be used (the vault was indexed again). */
  notice: string | null;
  /** One line to show when changes on disk cannot be followed (the file watcher failed, e.g. at
   *  the system's limit of watched folders). */
  watch: string | null;
}

export interface NoteSummary {
  id: string;
  title: string;
}

export interface TagCount {
  /** Full path, first casing seen: `service/sagemaker-processing`. */
  tag: string;
  /** Notes carrying the tag or one of its descendants. */
  count: number;
}

/** The note view: everything but the unlinked mentions (`noteMentions`). */
export interface NoteView extends Omit<NoteDetails, 'unlinkedMentions'> {
  /** Rendered markdown; unsanitised — the renderer's SafeHtml sanitises before it reaches the page. */
  html: string;
  /** A long note comes in two parts: `noteRest` renders the rest. */
  more: boolean;
  frontmatter: Record<string, unknown>;
  /** Set while the vault's notes are still being read (a first open of a large vault): the note
   *  was read on its own, its backlinks are not known yet and `backlinks` is empty. An `indexed`
   *  event follows once every note is read. */
  linksPending?: true;
}

export type { LocalGraphData as LocalGraph, GlobalGraphData as GlobalGraph } from './domain/links/graph-view.ts';
import type { LocalGraphData as LocalGraph, GlobalGraphData as GlobalGraph } from './domain/links/graph-view.ts';

export type VaultEvent =
  | { kind: 'add' | 'change' | 'delete'; id: string }
  | { kind: 'reload' }
  /** While a vault is indexed (off the main thread): notes read (`read`), then notes in the
   *  full-text index (`text`), so far of all found. */
  | { kind: 'progress'; done: number; total: number; stage?: 'read' | 'text' }
  /** The index reached a stage: the notes by name (`names`), every note read (`list`), or search too (`full`). */
  | { kind: 'indexed'; index: IndexState };

export const ops = {
  vaultInfo: { req: z.object({}).strict() },
  noteList: { req: z.object({}).strict() },
  tagList: { req: z.object({}).strict() },
  getNote: { req: z.object({ id: NoteId }).strict() },
  noteRest: { req: z.object({ id: NoteId }).strict() },
  noteMentions: { req: z.object({ id: NoteId }).strict() },
  search: { req: z.object({ query: Query, limit: Limit }).strict() },
  searchCount: { req: z.object({ query: Query }).strict() },
  quickSwitch: { req: z.object({ query: Query, limit: Limit }).strict() },
  localGraph: { req: z.object({ id: NoteId, depth: z.number().int().min(1).max(3).optional() }).strict() },
  globalGraph: { req: z.object({}).strict() },
  openVault: { req: z.object({ path: z.string().min(1).max(4096).optional() }).strict() },
  cardDecks: { req: z.object({}).strict() },
  cardSession: { req: z.object({ deck: Deck, newLimit: z.number().int().min(0).max(1000).optional() }).strict() },
  reviewCard: { req: z.object({ cardId: z.string().min(1).max(200), rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]) }).strict() },
  undoReview: { req: z.object({ cardId: z.string().min(1).max(200).optional() }).strict() },
  cardStats: { req: z.object({}).strict() },
  vaultSettings: { req: z.object({}).strict() },
  exportAnkiPackage: { req: z.object({ deck: Deck }).strict() },
  updateVaultSettings: { req: VaultSettingsPatchSchema },
  noteCards: { req: z.object({ id: NoteId }).strict() },
  noteCalculators: { req: z.object({ id: NoteId, inputs: z.record(z.string().max(200), Inputs).optional() }).strict() },
  costBlock: { req: z.object({ id: NoteId, calculatorId: z.string().min(1).max(200), scenarioId: z.string().min(1).max(200), inputs: Inputs }).strict() },
  examOverview: { req: z.object({}).strict() },
  examPlan: { req: z.object({ deck: z.string().min(1).max(300), date: ExamDay, target: Target }).strict() },
  setExam: { req: z.object({ deck: z.string().min(1).max(300), date: ExamDay, target: Target }).strict() },
  removeExam: { req: z.object({ deck: z.string().min(1).max(300) }).strict() },
  practiceTest: { req: z.object({ deck: Deck, count: z.union([z.number().int().min(1).max(1000), z.literal('all')]).optional() }).strict() },
  practiceAnswer: { req: z.object({ test: z.string().min(1).max(100), cardId: CardId, picked: z.string().min(1).max(10).nullable() }).strict() },
  practiceScore: { req: z.object({ test: z.string().min(1).max(100) }).strict() },
  practiceAgain: { req: z.object({ cardIds: z.array(CardId).min(1).max(1000) }).strict() },
  cardBrowser: { req: z.object({}).strict() },
  suspendCard: { req: z.object({ cardId: CardId, suspended: z.boolean() }).strict() },
  checkTyped: { req: z.object({ cardId: CardId, typed: z.string().max(5000) }).strict() },
} as const satisfies Record<OpName, { req: z.ZodType }>;
export type Req<K extends OpName> = z.infer<(typeof ops)[K]['req']>;

/** Response type of each operation. */
export interface Responses {
  vaultInfo: VaultInfo;
  noteList: NoteSummary[];
  tagList: TagCount[];
  getNote: NoteView;
  noteRest: { html: string };
  /** Notes naming this one without linking to it: asked apart from getNote, as they cost a look
   *  through every note that holds the name's words. */
  noteMentions: NoteDetails['unlinkedMentions'];
  /** The best `limit` hits and how many notes match in all (at least, unless `exact`). */
  search: SearchResult;
  /** How many notes match, asked when `search` answered `exact: false`: the real total, or at
   *  least this many when checking a phrase ran out of time (`exact` false). */
  searchCount: { total: number; exact: boolean };
  quickSwitch: SwitchHit[];
  localGraph: LocalGraph;
  globalGraph: GlobalGraph;
  openVault: VaultInfo;
  cardDecks: Awaited<ReturnType<CardsService['decks']>>;
  cardSession: SessionCard[];
  reviewCard: { state: CardState | null; card: SessionCard };
  undoReview: { undone: string | null };
  cardStats: CardStats;
  vaultSettings: VaultSettings;
  /** The .apkg as base64 (it crosses IPC and HTTP as JSON), with a file name to save it under. */
  exportAnkiPackage: { fileName: string; base64: string; notes: number; media: number };
  updateVaultSettings: VaultSettings;
  noteCards: Card[];
  noteCalculators: { calculators: CalculatorView[]; errors: string[]; warnings: string[] };
  costBlock: { text: string };
  examOverview: ExamOverview;
  examPlan: ExamPlan;
  setExam: ExamPlan;
  removeExam: Record<string, never>;
  practiceTest: PracticeTest;
  practiceAnswer: { correct: boolean };
  practiceScore: PracticeScore;
  practiceAgain: { sent: number };
  cardBrowser: BrowserRow[];
  suspendCard: { suspended: boolean };
  checkTyped: TypeInResult;
}

/** Commands the Electron menu sends to the window (the browser host has keyboard shortcuts only). */

/** What the renderer calls: one named verb per operation, each returning a Result. */
/** How a renderer call may be given up: a view that no longer wants the answer aborts it. Over
 *  HTTP this closes the request's connection, of which a browser keeps six per host: calls that
 *  wait in the host for the index (a search during a cold start) would otherwise hold them all and
 *  stall calls that could answer at once. Electron's IPC has no such limit and ignores it. */
export interface CallOptions {
  signal?: AbortSignal;
}

export type CairnApi = { [K in OpName]: (req: Req<K>, options?: CallOptions) => Promise<Result<Responses[K]>> } & {
  onVaultEvent(listener: (e: VaultEvent) => void): () => void;
  onCommand(listener: (c: AppCommand) => void): () => void;
  /** 'electron' or 'browser': the renderer shows "Open vault…" only where it works. */
  readonly transport: 'electron' | 'browser';
};

/** Parses an untrusted payload for `op`; a bad one is a BAD_REQUEST value, never a throw. */
export function parseRequest<K extends OpName>(op: K, payload: unknown): Result<Req<K>> {
  const parsed = ops[op].req.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as Req<K> };
  const issue = parsed.error.issues[0];
  return { ok: false, error: { code: 'BAD_REQUEST', message: `${op}: ${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}` } };
}

export function isOpName(name: unknown): name is OpName {
  return typeof name === 'string' && Object.hasOwn(ops, name);
}

export { APP_COMMANDS, OP_NAMES, type AppCommand, type OpName };
export type {
  Heading,
  SearchHit,
  SearchResult,
  SwitchHit,
  Card,
  DeckCounts,
  CardState,
  CardStats,
  SessionCard,
  CalculatorView,
  VaultSettings,
  ExamOverview,
  ExamStatus,
  ExamPlan,
  PracticeTest,
  PracticeScore,
  BrowserRow,
  TypeInResult,
};
