// Full-text, tag and alias search over the vault (electron/domain/README.md §2), on FlexSearch 0.8:
// one Document index with a field per kind of text (note-fields.ts) and the tag index. What
// FlexSearch has no answer for is ours, each file saying why: fusing the fields' answers and
// counting them (fuse.ts), the spelling pass (spelling.ts), Hangul readings of a word that found
// nothing (query-terms.ts), phrases, exclusions and the re-ranking of the best (here).
import { firstByLocale } from '../text/locale-order.ts';
import type { ParsedNote } from '../notes/note-types.ts';
import { tagKey } from '../notes/parse-tags.ts';
import { fold } from '../text/fold.ts';
import { createEncoder } from './encoder.ts';
import { type FieldName, type FieldSink, Fusion, topKeys, topN, WordCounter } from './fuse.ts';
import { type EncodedNote, encodeNote, isHangulTerm } from './note-document.ts';
import { fieldsOf, NoteFields } from './note-fields.ts';
import { type Doc, foldedText, hasPhrases, holdsWord, nameKey, occurrences, order, type Ranked, tierOf, words } from './note-text.ts';
import { parseQuery, type ParsedQuery } from './parse-query.ts';
import { hangulAlternatives, queryTerms, queryUnits } from './query-terms.ts';
import { hitOf } from './hit.ts';
import { escapeHtml } from './snippet.ts';
import { type TermCounts, Vocabulary } from './spelling.ts';
import { DeferredRemovals, type FlexParts } from './flex-import.ts';
import { warmUpQueries } from './warm-up.ts';
import { runSteps } from '../run-steps.ts';

export type HitField = 'title' | 'alias' | 'heading' | 'tag' | 'body';

export interface SearchHit {
  id: string;
  title: string;
  field: HitField;
  /** HTML-escaped text with matches wrapped in <mark>. */
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many notes match, beyond `limit`: the real number when `exact`, else at least this
   *  many (countHits gives the real one). */
  total: number;
  exact: boolean;
}

/** Bump when the fields, the encoder or the snapshot change: a snapshot of another format is
 *  never imported; its notes are indexed again. */
export const SNAPSHOT_FORMAT = 6;

/** What the index cache saves (vault/index-cache.ts). */
export interface SearchSnapshot {
  format: number;
  nextNum: number;
  /** Note id → its number in the FlexSearch index. */
  nums: Array<[string, number]>;
  vocabulary: Array<[string, number]>;
  /** FlexSearch's Document.export, key → data. */
  flex: Array<[string, string]>;
  /** Numbers of notes gone whose entries are still in `flex` (SearchIndex.sweepOne). */
  dead: number[];
}

/** How many notes each field answers per word: enough for the best 40 (RERANK) of any field; a
 *  query with a phrase keeps only the notes holding it, so it asks for more. */
const PER_FIELD = 150;
const PER_FIELD_PHRASE = 1000;
/** How many of the best candidates are re-ranked by the text (textBonus). */
const RERANK = 40;
/** Corrected words count less than the words typed. */
const CORRECTED = 0.6;

export class SearchIndex {
  private encoder = createEncoder();
  private fields = this.newFields();
  private vocabulary = new Vocabulary();
  private docs = new Map<number, Doc>();
  /** The same by number, for the candidates of a query (an array reads faster than a Map). */
  private byNum: Array<Doc | undefined> = [];
  /** Fusion's note → slot table, zero between queries. */
  private slots = new Int32Array(0);
  /** The ranking's fusion and its scratch sort keys, used again by each query (fuse.ts). */
  private readonly fusion = new Fusion();
  private keys = new Float64Array(0);
  /** WordCounter's note → words found, zero between counts. */
  private countBits = new Int32Array(0);
  private numOf = new Map<string, number>();
  private nextNum = 1;
  /** The fields keep no fast-update registry (note-fields.ts), so removing a note reads every list
   *  of every field (about 40 ms a note at 10k notes): it waits for the sweep (flex-import.ts). */
  private readonly removals = new DeferredRemovals((num) => this.fields.remove(num), true);

  get size(): number {
    return this.docs.size;
  }

  private newFields(): NoteFields {
    return new NoteFields(
      () => this.nextNum,
      (term, max) => this.vocabulary.completions(term, max),
    );
  }

  /** How many gone notes still have entries in FlexSearch (sweepOne removes them). */
  get deadCount(): number {
    return this.removals.count;
  }

  /** Removes one gone note's entries from FlexSearch; false when none was left. */
  sweepOne(): boolean {
    return this.removals.sweepOne();
  }

  /** Indexes a note (again). `encoded`: its encodeNote, when a parse thread made it. */
  put(note: ParsedNote, encoded?: EncodedNote): void {
    this.remove(note.id);
    const num = this.nextNum++;
    const { fields, terms } = encoded ?? encodeNote(note, this.encoder);
    this.fields.add({ id: num, ...fields });
    this.vocabulary.add(terms);
    this.addDoc(num, note);
  }

  private addDoc(num: number, note: ParsedNote): void {
    const names = [note.title, ...note.aliases];
    const doc: Doc = { note, names, exactKeys: names.map(nameKey) };
    this.docs.set(num, doc);
    this.byNum[num] = doc;
    this.numOf.set(note.id, num);
  }

  remove(id: string): void {
    const num = this.numOf.get(id);
    if (num === undefined) return;
    // Its terms leave the spelling vocabulary, worked out again from the note as it was indexed
    // (about half a millisecond): the index keeps no term list per note, which at 10k notes would
    // hold a few million strings for the rare edit.
    this.vocabulary.remove(encodeNote(this.docs.get(num)!.note, this.encoder).terms);
    this.removals.remove(num);
    this.docs.delete(num);
    this.byNum[num] = undefined;
    this.numOf.delete(id);
  }

  snapshot(): SearchSnapshot {
    const flex: Array<[string, string]> = [];
    this.fields.export((key: string, data: string) => void flex.push([key, data]));
    const nums = [...this.docs].map(([num, doc]): [string, number] => [doc.note.id, num]);
    return { format: SNAPSHOT_FORMAT, nextNum: this.nextNum, nums, vocabulary: this.vocabulary.toJSON(), flex, dead: this.removals.waiting() };
  }

  /** Fills an empty index from a snapshot, for the notes it names that are in `notes` (the
   *  cache's notes: their bodies are not indexed again). A snapshot of another format is not
   *  read: the notes are indexed from their text. */
  restore(snap: SearchSnapshot, notes: ReadonlyMap<string, ParsedNote>): void {
    runSteps(this.restoring(snap, notes));
  }

  /** `restore` a piece at a time: it yields after each of FlexSearch's exported parts (at 10k
   *  notes eight, the largest about 0.15 s to import), so the caller can give the thread a turn. */
  *restoring(snap: SearchSnapshot, notes: ReadonlyMap<string, ParsedNote>): Generator<void> {
    if (this.docs.size || this.nextNum !== 1) throw new Error('restore needs an empty index');
    if (snap?.format !== SNAPSHOT_FORMAT || !Array.isArray(snap.flex) || !Array.isArray(snap.dead)) {
      for (const note of notes.values()) this.put(note);
      return;
    }
    yield* this.importing(snap.flex);
    this.vocabulary = Vocabulary.from(snap.vocabulary);
    this.nextNum = snap.nextNum;
    this.removals.imported(snap.dead.filter((num) => Number.isInteger(num)));
    for (const [id, num] of snap.nums) {
      const note = notes.get(id);
      if (note) this.addDoc(num, note);
      else this.removals.remove(num);
    }
  }

  /** Fills an empty index with `notes` already indexed elsewhere: the FlexSearch export of all
   *  of them numbered 1, 2, 3… in their order (field-split.ts: the parse threads' fields, joined),
   *  and their terms counted in parts (Vocabulary.merging) for the spelling vocabulary. The same
   *  index as putting them in that order. It yields between pieces, as `restoring` does. */
  *fillingFrom(flex: FlexParts, notes: readonly ParsedNote[], terms: ReadonlyArray<TermCounts>): Generator<void> {
    if (this.docs.size || this.nextNum !== 1) throw new Error('fillingFrom needs an empty index');
    yield* this.importing(flex);
    this.vocabulary = Vocabulary.merging(terms);
    yield;
    for (let i = 0; i < notes.length; i++) {
      this.addDoc(i + 1, notes[i]);
      if (i % 500 === 499) yield;
    }
    this.nextNum = notes.length + 1;
  }

  /** New fields filled from FlexSearch's export (its import takes each part as text or parsed),
   *  a part at a time. */
  private *importing(parts: FlexParts): Generator<void> {
    this.fields = this.newFields();
    for (const [key, data] of parts) {
      this.fields.import(key, data as string);
      yield;
    }
  }

  search(query: string, limit = 20): SearchHit[] {
    return this.searchWithTotal(query, limit).hits;
  }

  /** The best `limit` hits, ranked from the first PER_FIELD notes of each field and word. When
   *  a field answered that many, more notes may match than were ranked: the total is then a
   *  lower bound (`exact` false), and countHits counts them all. The count is asked apart so
   *  that the hits never wait for it: over the whole lists of a common word it costs more than
   *  the ranking (about 10 ms at 50k notes). */
  searchWithTotal(query: string, limit = 20): SearchResult {
    const plan = this.plan(query, limit);
    if ('done' in plan) return plan.done;
    const { hits, total, cut } = this.rank(plan, limit);
    return { hits, total, exact: !cut };
  }

  /** How many notes the query finds: the total of searchWithTotal, counted over whole lists.
   *  Checking a phrase reads each note's text; past `budgetMs` of that the count stops, and is
   *  then a lower bound (`exact` false): a phrase of common words at 50k notes would otherwise
   *  hold the index for seconds. */
  countHits(query: string, budgetMs = 250): { total: number; exact: boolean } {
    const plan = this.plan(query, 0);
    if ('done' in plan) return { total: plan.done.total, exact: true };
    const ranked = this.rank(plan, 0);
    if (!ranked.cut) return { total: ranked.total, exact: true };
    const counted = this.count(plan, performance.now() + budgetMs);
    return { total: counted.total - ranked.dropped, exact: counted.exact };
  }

  /** The warm-up's queries (warm-up.ts) over this index's common words, `rounds` times, one run
   *  at each step (it yields the query run): the caller pauses between steps. */
  *warmingUp(limit: number, rounds = 1): Generator<string> {
    // Words of middling frequency (the 10th, 20th and 30th most common): every path runs, over
    // lists shorter than the commonest words', so a round costs less.
    const common = (hangul: boolean) =>
      this.vocabulary.common(30, (t) => (hangul ? isHangulTerm(t) && t.length >= 2 : /^[a-z]{4,}$/.test(t))).filter((_, i) => i % 10 === 9);
    const tagged = this.byNum.find((doc) => doc?.note.tags.length);
    const tag = tagged ? tagged.note.tags[0].split('/')[0] : null;
    const queries = warmUpQueries({ latin: common(false), hangul: common(true), tag });
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        this.searchWithTotal(query, limit);
        yield query;
      }
    }
  }

  /** What a query asks, read once for ranking and counting; `done`: the answer, when there is
   *  nothing to fuse. */
  private plan(query: string, limit: number): Plan | { done: SearchResult } {
    const q = parseQuery(query);
    if (q.impossible) return { done: { hits: [], total: 0, exact: true } };
    const { terms, units } = queryUnits(this.encoder, q.text);
    if (terms.length === 0 && q.tags.length === 0) return { done: { hits: [], total: 0, exact: true } };
    const allowed = this.fields.tagSet(q.tags, 'all');
    const excluded = this.excludedNums(q);
    if (terms.length === 0) return { done: this.listByTags(allowed!, excluded, q.tags, limit) };
    const phrases = q.phrases.map((p) => fold(p).replace(/\s+/g, ' '));
    let phraseWords = 0;
    for (const p of q.phrases) for (const t of queryTerms(this.encoder, p)) if (terms.includes(t)) phraseWords |= 1 << terms.indexOf(t);
    const need = units.length >= 3 ? Math.ceil(units.length / 2) : 1;
    return { q, terms, units, allowed, excluded, phrases, phraseWords, need };
  }

  /** The note, when it passes the query's tags and exclusions and holds each word of its phrases
   *  (`found`: its words, one bit each); else null. The phrases themselves are checked apart
   *  (hasPhrases reads the note's text). */
  private passes(p: Plan, num: number, found: number): Doc | null {
    if ((p.allowed && !p.allowed.has(num)) || (p.excluded.size && p.excluded.has(num))) return null;
    const doc = this.byNum[num];
    if (!doc || (found & p.phraseWords) !== p.phraseWords) return null;
    return doc;
  }

  /** The best `limit` notes, from PER_FIELD notes per field and word. `cut`: whether a field's
   *  list was cut at that limit; `dropped`: the counted notes the re-ranking took out. */
  private rank(p: Plan, limit: number): { hits: SearchHit[]; total: number; cut: boolean; dropped: number } {
    const { q, terms, units, need } = p;
    if (this.slots.length <= this.nextNum) this.slots = new Int32Array(this.nextNum * 2);
    const fusion = this.fusion;
    fusion.begin(terms.length, this.slots);
    let n: number;
    let shown: string[];
    let direct: Set<number>;
    let cut: boolean;
    // The notes that pass the tags, exclusions and phrase words, with their docs (by k).
    const docs: Doc[] = [];
    try {
      ({ shown, direct, cut } = this.fuse(terms, q.phrases.length ? PER_FIELD_PHRASE : PER_FIELD, fusion));
      n = fusion.collect(
        units,
        need,
        (num, found) => {
          const doc = this.passes(p, num, found);
          if (doc) docs.push(doc);
          return doc !== null;
        },
        p.phraseWords,
      );
    } finally {
      fusion.release();
    }
    const queryKey = nameKey(q.text);
    // Each kept note's sort key (tier, then units, then score), in a scratch array: objects are
    // made only for the notes that can reach the page.
    if (this.keys.length < n) this.keys = new Float64Array(n * 2);
    const keys = this.keys;
    const tiers = new Int8Array(n);
    for (let k = 0; k < n; k++) {
      tiers[k] = fusion.allInName(k) ? tierOf(docs[k], queryKey) : 2;
      keys[k] = rankKey(fusion.unitsOf(k), tiers[k], fusion.scoreOf(k));
    }
    const ranked = (k: number): Ranked => Object.assign(fusion.fused(k), { doc: docs[k], tier: tiers[k] });
    const want = Math.max(limit, RERANK);
    let top: Ranked[];
    if (p.phrases.length) {
      // The phrases are looked for in the best candidates first, until enough hold them: a
      // phrase of common words has thousands of candidates, and each check reads a note.
      const byKey = Int32Array.from({ length: n }, (_, k) => k).sort(
        (a, b) =>
          keys[b] - keys[a] ||
          tiers[a] - tiers[b] ||
          fusion.unitsOf(b) - fusion.unitsOf(a) ||
          fusion.scoreOf(b) - fusion.scoreOf(a) ||
          fusion.num(a) - fusion.num(b),
      );
      const holding: Ranked[] = [];
      let i = 0;
      for (; i < n && holding.length < want; i++) if (hasPhrases(docs[byKey[i]], p.phrases)) holding.push(ranked(byKey[i]));
      if (i < n) cut = true;
      top = topN(holding, want, (r) => rankKey(r.words, r.tier, r.score), order);
      n = holding.length;
    } else {
      top = topKeys(keys, n, want).map(ranked).sort(order).slice(0, want);
    }
    // FlexSearch ranks by where a word first occurs, not how often, nor whether it is written as
    // typed (`인스턴스를` with its particle): the first candidates are re-ranked by both.
    const head = top.slice(0, RERANK);
    const typed = words(q.text).filter((w) => !terms.includes(w) && this.encoder.encode(w).length > 0);
    // A Hangul word of three syllables or more is found by its syllable pairs, which can also be
    // apart in a note: such a note does not count the word (written whole or spaced, as
    // 멸치육수 for 멸치 육수), and goes when too few are left. (A stem ending in 이 can stand for
    // a fused ending, 줄였다 → 줄이, so it is not checked.)
    const paired = terms.map((t, i) => (direct.has(i) && isHangulTerm(t) && t.length >= 3 && !t.endsWith('이') ? i : -1)).filter((i) => i >= 0);
    for (const r of head) {
      const text = foldedText(r.doc);
      for (const w of typed) if (text.includes(w)) r.score += 1;
      for (const t of terms) r.score += 0.08 * occurrences(text, t);
      for (const i of paired) if (r.found & (1 << i) && !holdsWord(text, terms[i])) r.words -= 1;
    }
    const kept = head.filter((r) => r.words >= need).sort(order);
    top.splice(0, head.length, ...kept);
    const hits = top.slice(0, Math.max(0, limit)).map((r) => hitOf(r.doc, r.best, shown, q.phrases, queryKey));
    const dropped = head.length - kept.length;
    return { hits, total: n - dropped, cut, dropped };
  }

  /** How many notes the query finds, from the fields' whole lists (WordCounter in fuse.ts); the
   *  phrases are checked until `deadline` (performance.now()), and not `exact` if it passed. */
  private count(p: Plan, deadline: number): { total: number; exact: boolean } {
    if (this.countBits.length <= this.nextNum) this.countBits = new Int32Array(this.nextNum * 2);
    const counter = new WordCounter(this.countBits);
    this.fuse(p.terms, Math.max(this.nextNum, 1), counter, (f, t) => this.fields.wholeField(f, t));
    let late = false;
    const total = counter.count(
      p.units,
      p.need,
      (num, found) => {
        const doc = this.passes(p, num, found);
        if (!doc) return false;
        if (!p.phrases.length) return true;
        late ||= performance.now() > deadline;
        // Read once, not kept: a count reads more notes than the folded-text cache holds.
        return !late && hasPhrases(doc, p.phrases, false);
      },
      p.phraseWords,
    );
    return { total, exact: !late };
  }

  /** Each word in each field that can hold it, into `sink`; a word that finds nothing is read
   *  again (query-terms.ts) or corrected (spelling.ts). `shown`: the words to mark in snippets;
   *  `direct`: the words found as typed. */
  private fuse(
    terms: string[],
    perField: number,
    sink: FieldSink,
    ask = (f: FieldName, t: string) => this.fields.field(f, t, perField),
  ): { shown: string[]; direct: Set<number>; cut: boolean } {
    const shown = [...terms];
    const direct = new Set<number>();
    const nameHits = terms.map(() => 0);
    let cut = false;
    terms.forEach((term, w) => {
      let found = 0;
      for (const field of fieldsOf(term)) {
        const ids = ask(field, term);
        if (ids.length >= perField) cut = true;
        if (field === 'name') nameHits[w] = ids.length;
        if (field !== 'typo') found += ids.length;
        sink.add(w, field, ids);
      }
      if (found) return void direct.add(w);
      const { prefix, splits } = hangulAlternatives(term);
      if (prefix) {
        sink.add(w, 'name', ask('name', prefix), CORRECTED);
        sink.add(w, 'ko', ask('ko', prefix), CORRECTED);
        shown.push(prefix);
      }
      // A compound typed without its space: FlexSearch ANDs the two parts within the Hangul field
      // (names and headings are in it too).
      for (const [a, b] of splits) {
        const both = ask('ko', a + ' ' + b);
        if (both.length === 0) continue;
        sink.add(w, 'body', both);
        shown.push(a, b);
        return;
      }
      for (const fixed of this.vocabulary.corrections(term)) {
        shown.push(fixed);
        for (const field of fieldsOf(fixed)) if (field !== 'typo') sink.add(w, field, ask(field, fixed), CORRECTED);
      }
    });
    // FlexSearch's own multi-word ranking within the names: with `suggest`, a title holding more
    // of the words comes first. Only a bonus: a note it lists has not found a word by it.
    // Its suggest mode reads every note of every word's list: only asked when each list is short.
    if (sink.bonus && terms.length > 1 && nameHits.every((n) => n < perField)) sink.bonus(this.fields.field('name', terms.join(' '), perField, true), 0.2);
    return { shown, direct, cut };
  }

  /** Ids of notes that contain every word of `text` (by prefix, in any field). */
  candidates(text: string, limit = 2000): string[] {
    const terms = queryTerms(this.encoder, text);
    if (terms.length === 0) return [];
    let nums: number[] | null = null;
    for (const t of terms) {
      const these = this.fields.anyField(t, Math.max(limit, this.nextNum));
      nums = nums ? nums.filter((n) => these.has(n)) : [...these];
    }
    return (nums ?? [])
      .slice(0, limit)
      .map((n) => this.docs.get(n)?.note.id)
      .filter((id): id is string => Boolean(id));
  }

  private excludedNums(q: ParsedQuery): Set<number> {
    const out = new Set<number>(this.fields.tagSet(q.withoutTags, 'any'));
    for (const text of q.without) {
      const phrase = fold(text).replace(/\s+/g, ' ');
      const terms = queryTerms(this.encoder, text);
      if (terms.length === 0) continue;
      // A word is excluded by its term in any field; a phrase by its exact text.
      if (terms.length === 1) {
        this.fields.anyField(terms[0], this.nextNum, out);
        continue;
      }
      const nums = terms.map((t) => this.fields.anyField(t, this.nextNum));
      for (const n of nums[0]) {
        if (!nums.every((s) => s.has(n))) continue;
        const doc = this.docs.get(n);
        if (doc && hasPhrases(doc, [phrase])) out.add(n);
      }
    }
    return out;
  }

  private listByTags(allowed: Set<number>, excluded: Set<number>, tags: string[], limit: number): SearchResult {
    const docs: Doc[] = [];
    for (const n of allowed) {
      const doc = excluded.has(n) ? undefined : this.byNum[n];
      if (doc) docs.push(doc);
    }
    const hits = firstByLocale(docs, limit, (doc) => doc.note.title).map((doc) => {
      const shown = doc.note.tags.filter((t) => tags.some((q) => tagKey(t) === q || tagKey(t).startsWith(q + '/')));
      return { id: doc.note.id, title: doc.note.title, field: 'tag' as const, snippet: shown.map((t) => `<mark>#${escapeHtml(t)}</mark>`).join(' ') };
    });
    return { hits, total: docs.length, exact: true };
  }
}

/** A ranked note's sort key: its tier first, then the units it holds, then its score. */
const rankKey = (units: number, tier: number, score: number) => units * 1e6 - tier * 1e9 + score;

/** A query read once (SearchIndex.plan). */
interface Plan {
  q: ParsedQuery;
  terms: string[];
  units: number[][];
  allowed: Set<number> | null;
  excluded: Set<number>;
  /** The phrases, folded, and the words they hold, one bit each. */
  phrases: string[];
  phraseWords: number;
  /** How many units a note must hold. */
  need: number;
}
