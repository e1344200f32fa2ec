// The quick switcher (Ctrl/Cmd+O; electron/domain/README.md §2): find a note by its names — title,
// aliases, frontmatter title, first `# heading` — and its path. Words in any order, a space for
// any separator, 초성 and an unfinished last syllable (name-forms.ts), typos; exact names first,
// then names that start with the query, then notes holding every word, then typo matches.
//
// FlexSearch does the looking up: a `forward` index holds every prefix of every word form, and a
// `tolerant` index over the vocabulary corrects typos (switch-vocabulary.ts). Our layer exists for what FlexSearch 0.8 has no answer to:
// - it returns no scores, so the exact/prefix/words/fuzzy order is worked out here on the
//   candidates it returns, by comparing whole names (a map gives exact names directly, so one is
//   never lost among thousands of prefix matches);
// - a query word that starts no known word is replaced by its corrections and the query asked
//   again;
// - a word split by a typed space (`sage maker`) is looked up once more joined;
// - FlexSearch's AND intersects the whole list of notes of every word: at 50k notes a query of
//   common words (`the ml`) costs tens of milliseconds. So FlexSearch lists the notes of the
//   query's rarest word, in its order, and the other words are checked on each candidate's own
//   forms, stopping as soon as enough are found (`matchAll`).
import { Index } from 'flexsearch';
import type { ParsedNote } from '../notes/note-types.ts';
import { isChoseong, jamoForm, nameWords } from './name-forms.ts';
import { DeferredRemovals, exportParts, type FlexParts, isFlexParts } from './flex-import.ts';
import { runSteps } from '../run-steps.ts';
import { SwitchVocabulary, plainEncoder, type VocabularySnapshot } from './switch-vocabulary.ts';

export interface SwitchHit {
  id: string;
  title: string;
  /** The other name that matched (alias, frontmatter title or first heading), when the title did not. */
  alias: string | null;
  /** The note's folder ('' at the vault's root): shown where names repeat. */
  folder: string;
}

/** What the switcher keeps of a note. */
export interface SwitchEntry {
  id: string;
  title: string;
  /** Names other than the title, in order of preference. */
  others: string[];
}

/** The switcher as it is in memory: the entries as worked out, FlexSearch's export of the names
 *  index and the vocabulary with its spelling index. Restoring it is a few imports and map sets
 *  (at 10k notes, about 0.15 s; adding every note again took 1.7 s). */
export interface QuickSwitchSnapshot {
  version: typeof SNAPSHOT_VERSION;
  entries: Array<Omit<Entry, 'folder'>>;
  words: FlexParts;
  vocabulary: VocabularySnapshot;
}

/** Bump when name-forms.ts, the entries or the index change: an older snapshot is then not used. */
const SNAPSHOT_VERSION = 2;
/** Candidates read from FlexSearch and ranked here, at least. */
const POOL = 200;
/** Notes listed per word to find the rarest one. */
const PAGE = 2000;
/** Corrected queries asked at most (each misspelt word has up to 4 corrections). */
const FUZZY_QUERIES = 8;
const TIER = { exact: 0, prefix: 1, words: 2, fuzzy: 3 } as const;

interface Entry extends SwitchEntry {
  /** Its id in FlexSearch: a number is a small integer in FlexSearch's lists, where a path would
   *  be a string per list once the index is imported. */
  num: number;
  folder: string;
  /** nameKey of the title, then of each other name, then of the path. */
  keys: string[];
  /** Its distinct words, as taken from the vocabulary. */
  words: string[];
  /** Every form it is indexed under, each after a `\n`: whether one starts with `w` is one
   *  `includes('\n' + w)`. */
  terms: string;
}

export class QuickSwitchIndex {
  private entries = new Map<string, Entry>();
  private byNum = new Map<number, Entry>();
  private nextNum = 1;
  /** nameKey → the id of the note with that exact name, or the ids when several have it (a Set
   *  for every key held 6 MB at 10k notes, where almost every name is a single note's). */
  private byKey = new Map<string, string | string[]>();
  private words = newWordsIndex(true);
  /** Removing an entry from an imported `words` index reads every list (4-13 ms a note at 10k
   *  notes), so it waits for the sweep there (flex-import.ts); a snapshot sweeps what is left. */
  private readonly removals = new DeferredRemovals((num) => this.words.remove(num));
  private vocabulary = new SwitchVocabulary();

  /** Whether `words` was imported (restore) rather than built entry by entry, when FlexSearch keeps
   *  its fast-update registry and every list has room to grow: at 10k notes, 66 MB built against
   *  about 30 imported. */
  private fromImport = false;
  /** How many puts and removes changed the index: a copy made from a snapshot is still the same
   *  index when this has not moved since. */
  private changes = 0;

  get size(): number {
    return this.entries.size;
  }

  get imported(): boolean {
    return this.fromImport;
  }

  get edits(): number {
    return this.changes;
  }

  /** How many gone entries still have terms in FlexSearch (sweepOne removes them). */
  get deadCount(): number {
    return this.removals.count;
  }

  /** Removes one gone entry's terms from FlexSearch; false when none was left. */
  sweepOne(): boolean {
    return this.removals.sweepOne();
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  put(note: Pick<ParsedNote, 'id' | 'title' | 'aliases' | 'subtitle' | 'headings'>): void {
    const h1 = note.headings.find((h) => h.level === 1)?.text;
    // A name of the title's words (a `# heading` or a frontmatter title that repeats the file
    // name, as most notes have) adds no key, word or form: it is left out.
    const titleWords = nameWords(note.title).join(' ');
    const others = [...new Set([...note.aliases, note.subtitle, h1])].filter((n): n is string => Boolean(n?.trim()) && nameWords(n!).join(' ') !== titleWords);
    // A note put again with the same names is left as it is: the names first put from the file
    // name alone (Vault's first step), then read, are most often the same, and a remove and an
    // add cost about 0.2 ms (2 s for every note at 10k notes).
    const now = this.entries.get(note.id);
    if (now && now.title === note.title && now.others.length === others.length && now.others.every((o, i) => o === others[i])) return;
    this.add({ id: note.id, title: note.title, others });
  }

  remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.changes++;
    for (const k of e.keys) {
      const ids = this.byKey.get(k);
      if (ids === id) this.byKey.delete(k);
      else if (Array.isArray(ids)) {
        const rest = ids.filter((other) => other !== id);
        this.byKey.set(k, rest.length === 1 ? rest[0] : rest);
      }
    }
    for (const w of e.words) this.vocabulary.release(w);
    this.entries.delete(id);
    this.byNum.delete(e.num);
    this.removals.remove(e.num);
  }

  private add(s: SwitchEntry): void {
    this.remove(s.id);
    this.changes++;
    const e = this.enter(s, this.nextNum++);
    // Title words come first: FlexSearch puts matches early in the content first.
    this.words.add(e.num, e.terms.slice(1).replaceAll('\n', ' '));
  }

  /** The entry of `s`, known to FlexSearch as `num`, in every map but FlexSearch's. */
  private enter(s: SwitchEntry, num: number): Entry {
    const names = [s.title, ...s.others, s.id.replace(/\.md$/i, '')];
    const nameWordLists = names.map(nameWords);
    const distinct = [...new Set(nameWordLists.flat())];
    // Each distinct word's forms come from the vocabulary, worked out once for the whole vault.
    const forms = new Map(distinct.map((w) => [w, this.vocabulary.take(w)]));
    const keys = nameWordLists.map((ws) => ws.map((w) => forms.get(w)!.word).join(' '));
    const all = [...forms.values()];
    const terms = [...all.map((f) => f.word), ...all.flatMap((f) => f.extra)];
    const e = { id: s.id, title: s.title, others: s.others, num, folder: folderOf(s.id), keys, words: distinct, terms: terms.map((t) => '\n' + t).join('') };
    this.register(e);
    return e;
  }

  private register(e: Entry): void {
    this.entries.set(e.id, e);
    this.byNum.set(e.num, e);
    for (const k of e.keys) {
      const ids = this.byKey.get(k);
      if (ids === undefined) this.byKey.set(k, e.id);
      else if (typeof ids === 'string') {
        if (ids !== e.id) this.byKey.set(k, [ids, e.id]);
      } else if (!ids.includes(e.id)) ids.push(e.id);
    }
  }

  /** The entries, in the order they were added (ties keep that order after a restore), and the indexes. */
  snapshot(): QuickSwitchSnapshot {
    while (this.sweepOne());
    const entries = [...this.entries.values()].map(({ folder, ...e }) => e);
    return { version: SNAPSHOT_VERSION, entries, words: exportParts(this.words), vocabulary: this.vocabulary.snapshot() };
  }

  /** Fills an empty index from a snapshot, for the notes in `keep` (those still in the vault).
   *  Returns false, leaving the index empty, when the snapshot is of another version or malformed. */
  restore(snap: QuickSwitchSnapshot | undefined, keep: (id: string) => boolean): boolean {
    return runSteps(this.restoring(snap, keep));
  }

  /** `restore` a piece at a time: the caller may give the thread a turn at each `yield` (at 10k
   *  notes the whole of it is about 0.1 s, which a request for the note list would wait out). */
  *restoring(snap: QuickSwitchSnapshot | undefined, keep: (id: string) => boolean): Generator<void, boolean> {
    if (this.entries.size) throw new Error('restore needs an empty index');
    if (!isSnapshot(snap)) return false;
    try {
      this.vocabulary = SwitchVocabulary.restore(snap.vocabulary);
      yield;
      // Imported, the index has no fast-update registry: a remove scans it (flex-import.ts).
      this.words = newWordsIndex(false);
      this.removals.imported();
      // Each part is imported into what the index already holds (serialize.js adds to its maps).
      for (const [key, data] of snap.words) {
        this.words.import(key, data as string);
        yield;
      }
      let n = 0;
      for (const e of snap.entries) {
        for (const w of e.words) if (!this.vocabulary.use(w)) throw new Error(`a word out of the vocabulary: ${w}`);
        this.register({ ...e, folder: folderOf(e.id) });
        this.nextNum = Math.max(this.nextNum, e.num + 1);
        if (++n % 500 === 0) yield;
      }
      this.vocabulary.dropUnused();
      for (const e of snap.entries) {
        if (keep(e.id)) continue;
        this.remove(e.id);
        yield;
      }
      this.fromImport = true;
      return true;
    } catch {
      this.entries = new Map();
      this.byNum = new Map();
      this.byKey = new Map();
      this.words = newWordsIndex(true);
      this.removals.reset();
      this.vocabulary = new SwitchVocabulary();
      this.nextNum = 1;
      return false;
    }
  }

  search(query: string, limit = 20): SwitchHit[] {
    const max = Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 0;
    const words = nameWords(query).map(jamoForm);
    if (!max || !words.length) return [];
    const key = words.join(' ');
    const pool = Math.max(POOL, max * 4);
    const found = new Map<string, number>();
    const take = (ids: Iterable<string>, tier: number) => {
      for (const id of ids) if (!found.has(id)) found.set(id, tier);
    };
    const exact = this.byKey.get(key) ?? [];
    take(typeof exact === 'string' ? [exact] : exact, TIER.words);
    take(this.matchAll(words, pool), TIER.words);
    if (found.size < max && words.length > 1) take(this.matchAll([words.join('')], pool), TIER.words);
    const corrected = found.size < max ? this.corrected(words) : [];
    for (const q of corrected) take(this.matchAll(q.split(' '), pool), TIER.fuzzy);

    const ranked = [...found].map(([id, tier], order) => this.rank(this.entries.get(id)!, key, tier, order));
    // Among exact and prefix matches the shorter name is nearer the query; among the others,
    // FlexSearch's order (words early in the names first) stands.
    ranked.sort((a, b) => a.tier - b.tier || (a.tier <= TIER.prefix ? a.length - b.length : 0) || a.order - b.order);
    const queries = [key, ...corrected].map((q) => q.split(' ').map((w) => ' ' + w));
    return ranked.slice(0, max).map(({ e, name }) => {
      // A word match: the first name that holds every word (as typed or corrected) tells why.
      for (let q = 0; name < 0 && q < queries.length; q++) name = e.keys.findIndex((k) => queries[q].every((n) => (' ' + k).includes(n)));
      const alias = name > 0 && name <= e.others.length ? e.others[name - 1] : null;
      return { id: e.id, title: e.title, alias, folder: e.folder };
    });
  }

  /** The query with each word that starts no known word replaced by a correction of it: every
   *  combination, up to FUZZY_QUERIES. None when every word is known (or one has no correction). */
  private corrected(words: string[]): string[] {
    let queries = [''];
    let changed = false;
    for (const w of words) {
      const known = isChoseong(w) || this.lookup(w, 1 + this.removals.count).some((num) => this.byNum.has(num));
      const options = known ? [w] : this.vocabulary.corrections(w);
      if (!options.length) return [];
      changed ||= !known;
      queries = queries.flatMap((q) => options.map((o) => (q ? q + ' ' : '') + o)).slice(0, FUZZY_QUERIES);
    }
    return changed ? queries : [];
  }

  /** Up to `pool` notes holding every word (each as a prefix of one of their forms). */
  private matchAll(words: string[], pool: number): string[] {
    if (words.length === 1) return this.lookup(words[0], pool).flatMap((num) => this.byNum.get(num)?.id ?? []);
    const lists = words.map((w) => this.lookup(w, PAGE));
    let rarest = 0;
    lists.forEach((l, i) => l.length < lists[rarest].length && (rarest = i));
    const needles = words.filter((_, i) => i !== rarest).map((w) => '\n' + w);
    const out: string[] = [];
    const scan = (list: number[], from: number) => {
      for (let i = from; i < list.length && out.length < pool; i++) {
        const e = this.byNum.get(list[i]);
        if (e && needles.every((n) => e.terms.includes(n))) out.push(e.id);
      }
    };
    scan(lists[rarest], 0);
    // Every word is common and its first page held too few: the rarest one's whole list, in one
    // call (paging by offset would walk FlexSearch's slots again for each page), from where the
    // page ended. FlexSearch lists in the same order whatever the limit.
    if (out.length < pool && lists[rarest].length >= PAGE) scan(this.lookup(words[rarest], this.nextNum), lists[rarest].length);
    return out;
  }

  /** FlexSearch 0.8.212 answers `undefined` instead of [] for a term whose notes were all removed
   *  (with `fastupdate` it empties the term's slots but keeps the term). */
  private lookup(query: string, limit: number): number[] {
    return (this.words.search(query, { limit }) as number[] | undefined) ?? [];
  }

  /** The best tier of a note's names for the query, and the name that gave it (-1: none alone). */
  private rank(e: Entry, key: string, tier: number, order: number) {
    let best = { e, tier, length: Infinity, name: -1, order };
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      const t = k === key ? TIER.exact : k.startsWith(key) ? TIER.prefix : tier;
      if (t < best.tier || (t === best.tier && t <= TIER.prefix && k.length < best.length)) best = { e, tier: t, length: k.length, name: i, order };
    }
    return best;
  }
}

/** The names index: every prefix of every form (`forward`). `fastupdate` off for one filled by
 *  import (FlexSearch's import refuses a fast-update registry). */
function newWordsIndex(fastupdate: boolean): Index {
  return new Index({ tokenize: 'forward', encoder: plainEncoder(), fastupdate });
}

const folderOf = (id: string) => {
  const path = id.replace(/\.md$/i, '');
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
};

const isStrings = (a: unknown): a is string[] => Array.isArray(a) && a.every((x) => typeof x === 'string');

function isSnapshot(snap: QuickSwitchSnapshot | undefined): snap is QuickSwitchSnapshot {
  if (snap?.version !== SNAPSHOT_VERSION || !Array.isArray(snap.entries) || !isFlexParts(snap.words)) return false;
  const nums = new Set<number>();
  for (const e of snap.entries) {
    const ok =
      typeof e?.id === 'string' &&
      typeof e.title === 'string' &&
      isStrings(e.others) &&
      isStrings(e.keys) &&
      isStrings(e.words) &&
      typeof e.terms === 'string' &&
      Number.isInteger(e.num) &&
      e.num > 0 &&
      !nums.has(e.num);
    if (!ok) return false;
    nums.add(e.num);
  }
  return true;
}
