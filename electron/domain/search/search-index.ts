// Full-text, tag and alias search over the vault (electron/domain/README.md §2).
// One term index holds every note's title, aliases, headings, tags and body as terms we make
// ourselves (tokenize.ts); it matches query terms as prefixes, and its position scoring (the one
// of FlexSearch, which it replaced: term-index.ts) puts early (title) matches first. A field
// index tells which candidates can rank above the body (rank.ts). Tags are filtered with our own
// map that includes every ancestor.
import type { ParsedNote } from '../notes/note-types.ts';
import { tagKey } from '../notes/parse-tags.ts';
import { fold } from '../text/fold.ts';
import { FieldIndex, type FieldSnapshot } from './field-index.ts';
import { nameFields, noteFields, termList, type NameFields } from './note-fields.ts';
import { parseQuery } from './parse-query.ts';
import { quickSwitch, type SwitchHit } from './quick-switch.ts';
import { BODY_TIER, hasPhrases, mayRankAboveBody, phrasePattern, termFrequency, tierOf, type HitField, type Phrase, type RankedNote, type Tier } from './rank.ts';
import { cutAround, escapeHtml, findMatches, makeSnippet } from './snippet.ts';
import { TermIndex, isIndexable, type TermIndexSnapshot } from './term-index.ts';
import { forEachWord, queryTerms, wordTerms, words } from './tokenize.ts';

export type { HitField, SwitchHit };

export interface SearchHit {
  id: string;
  title: string;
  field: HitField;
  /** HTML-escaped text with matches wrapped in <mark>. */
  snippet: string;
}

/** What the index cache saves (vault/index-cache.ts). */
export interface SearchSnapshot {
  nextNum: number;
  /** Note id → its number in the term indexes. */
  nums: Array<[string, number]>;
  terms: TermIndexSnapshot;
  fields: FieldSnapshot;
}

interface Doc extends RankedNote {
  tagKeys: string[];
}

type Ranked = Tier & { doc: Doc; order: number; tf: number };

const CANDIDATES = 2000;
/** Candidates (in tier order) re-ranked by term frequency; the rest keep the index's order. */
const RERANK = 100;

export class SearchIndex {
  private index = new TermIndex();
  private fields = new FieldIndex();
  /** Each word's index terms as term ids, worked out once per distinct word: notes repeat
   *  words and share them, and most of the cost of indexing a note is in its words. */
  private wordIds = new Map<string, Int32Array>();
  private docs = new Map<number, Doc>();
  private numOf = new Map<string, number>();
  private byTag = new Map<string, Set<number>>();
  private nextNum = 1;

  get size(): number {
    return this.docs.size;
  }

  put(note: ParsedNote): void {
    const existing = this.numOf.get(note.id);
    if (existing !== undefined) this.removeNum(existing);
    // A changed note is indexed again under a new number: like FlexSearch's remove + add, it
    // then comes after the others among equals.
    const num = this.nextNum++;
    const f = noteFields(note);
    this.addDoc(num, note, f);
    this.fields.add(num, f);
    const ids = [...f.nameTerms.flat(), ...f.tagTerms, ...f.headingTerms].filter(isIndexable).map((t) => this.index.intern(t));
    // The body's terms are indexTerms(note.body), taken word by word from `wordIds`.
    forEachWord(fold(note.body), (w, hangul) => {
      let known = this.wordIds.get(w);
      if (!known) this.wordIds.set(w, (known = Int32Array.from(wordTerms(w, hangul).filter(isIndexable), (t) => this.index.intern(t))));
      for (let i = 0; i < known.length; i++) ids.push(known[i]);
    });
    this.index.addIds(num, ids);
  }

  /** A restored note needs only its names and tags: its field terms come with the snapshot. */
  private addDoc(num: number, note: ParsedNote, f: NameFields = nameFields(note)): void {
    const doc: Doc = { note, names: f.names, nameKeys: f.nameKeys, nameTerms: f.nameTerms.map(termList), tagKeys: f.tagKeys };
    this.docs.set(num, doc);
    this.numOf.set(note.id, num);
    for (const k of doc.tagKeys) {
      let set = this.byTag.get(k);
      if (!set) this.byTag.set(k, (set = new Set()));
      set.add(num);
    }
  }

  snapshot(): SearchSnapshot {
    // In the order of `docs` (ties in the quick switcher and tag lists keep it after a restore).
    const nums = [...this.docs].map(([num, doc]): [string, number] => [doc.note.id, num]);
    return { nextNum: this.nextNum, nums, terms: this.index.snapshot(), fields: this.fields.snapshot() };
  }

  /** Fills an empty index from a snapshot, for the notes it names that are in `notes` (the
   *  cache's notes: their bodies are not indexed again). */
  restore(snap: SearchSnapshot, notes: ReadonlyMap<string, ParsedNote>): void {
    if (this.docs.size || this.nextNum !== 1) throw new Error('restore needs an empty index');
    this.index = TermIndex.fromSnapshot(snap.terms);
    this.fields = FieldIndex.fromSnapshot(snap.fields);
    this.wordIds = new Map();
    this.nextNum = snap.nextNum;
    for (const [id, num] of snap.nums) {
      const note = notes.get(id);
      if (note) this.addDoc(num, note);
      else {
        this.index.remove(num);
        this.fields.remove(num);
      }
    }
  }

  remove(id: string): void {
    const num = this.numOf.get(id);
    if (num === undefined) return;
    this.removeNum(num);
    this.numOf.delete(id);
  }

  private removeNum(num: number): void {
    const doc = this.docs.get(num);
    if (!doc) return;
    for (const k of doc.tagKeys) this.byTag.get(k)?.delete(num);
    this.docs.delete(num);
    this.index.remove(num);
    this.fields.remove(num);
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = parseQuery(query);
    const terms = queryTerms(q.text);
    const allowed = this.tagFilter(q.tags);
    if (terms.length === 0) return q.tags.length ? this.listByTags(allowed, q.tags, limit) : [];

    const whole = fold(q.text).trim();
    const phrases = q.phrases.map((p) => fold(p).replace(/\s+/g, ' '));
    const found = this.index.search(terms, CANDIDATES);
    const wanted = limit >= 0 ? Math.max(RERANK, limit) : Infinity;
    const ranked = this.inTierOrder(found, wanted, allowed, whole, terms, phrases.map(phrasePattern));
    const surface = words(q.text);
    // Re-ranking by term frequency reorders the first RERANK among themselves; the notes after
    // them (tf 0, same or later tier) stay after them.
    const head = ranked.slice(0, RERANK);
    for (const r of head) r.tf = termFrequency(r.doc, terms, surface);
    head.sort((a, b) => a.tier - b.tier || b.tf - a.tf || a.order - b.order);
    return [...head, ...ranked.slice(RERANK)].slice(0, limit).map((r) => ({
      id: r.doc.note.id,
      title: r.doc.note.title,
      field: r.field,
      snippet: this.snippetOf(r.doc, r, terms, q.phrases),
    }));
  }

  /**
   * The first `wanted` candidates that hold the phrases, by tier, each tier in the index's order
   * (only those can be shown: the costly checks stop there). A candidate's tier is worked out
   * when it is reached; tiers 0 and 1 need a name that starts with the query, which the field
   * index finds without reading the notes.
   */
  private inTierOrder(found: number[], wanted: number, allowed: Set<number> | null, whole: string, terms: string[], phrases: Phrase[]): Ranked[] {
    const needles = terms.map((t) => '\n' + t);
    // A term too long for the indexes (hostile input): every tier is read from the notes.
    const match = terms.every(isIndexable) ? this.fields.match(whole, terms) : null;
    const known: Array<Ranked | null | undefined> = new Array(found.length);
    // A candidate out of the tag filter or without the phrases is never shown: no tier for it.
    const at = (order: number): Ranked | null => {
      let r = known[order];
      if (r === undefined) {
        const num = found[order];
        let doc = allowed && !allowed.has(num) ? undefined : this.docs.get(num);
        if (doc && phrases.length && !hasPhrases(doc, phrases)) doc = undefined;
        const tier = !doc ? null : mayRankAboveBody(match, num) ? tierOf(doc, num, whole, needles, match) : BODY_TIER;
        known[order] = r = doc && tier ? { tier: tier.tier, field: tier.field, name: tier.name, doc, order, tf: 0 } : null;
      }
      return r;
    };
    const byName: Ranked[][] = [[], []];
    found.forEach((num, order) => {
      if (match && !match.nameKeys(num) && !match.overLong(num)) return;
      const r = at(order);
      if (r && r.tier < 2) byName[r.tier].push(r);
    });
    const ranked = byName.flat().slice(0, wanted);
    for (const tier of [2, 3]) {
      for (let order = 0; order < found.length && ranked.length < wanted; order++) {
        const r = at(order);
        if (r?.tier === tier) ranked.push(r);
      }
    }
    return ranked;
  }

  /** Ids of notes that contain every term of `text` (by prefix), in the index's order. */
  candidates(text: string, limit = CANDIDATES): string[] {
    const terms = queryTerms(text);
    if (terms.length === 0) return [];
    const found = this.index.search(terms, limit);
    return found.map((n) => this.docs.get(n)?.note.id).filter((id): id is string => Boolean(id));
  }

  /** Quick switcher over titles and aliases (quick-switch.ts). */
  quickSwitch(query: string, limit = 20): SwitchHit[] {
    return quickSwitch(this.docs.values(), query, limit);
  }

  private snippetOf(doc: Doc, { field, name: nameIndex }: Tier, terms: string[], phrases: string[]): string {
    const body = makeSnippet(doc.note.body, terms, phrases);
    if (body && field === 'body') return body;
    if (nameIndex !== undefined) {
      const name = doc.names[nameIndex];
      return cutAround(name, findMatches(name, terms, phrases)) + (body ? ' — ' + body : '');
    }
    if (field === 'tag') {
      const tag = doc.note.tags.find((t) => findMatches(t.replace(/[/_-]/g, ' '), terms).length) ?? '';
      return '#' + escapeHtml(tag) + (body ? ' — ' + body : '');
    }
    if (field === 'heading') {
      const h = doc.note.headings.find((x) => findMatches(x.text, terms).length);
      if (h) return cutAround(h.text, findMatches(h.text, terms, phrases));
    }
    return body;
  }

  private tagFilter(tags: string[]): Set<number> | null {
    if (tags.length === 0) return null;
    const sets = tags.map((t) => this.byTag.get(tagKey(t)) ?? new Set<number>());
    return new Set([...sets[0]].filter((n) => sets.every((s) => s.has(n))));
  }

  private listByTags(allowed: Set<number> | null, tags: string[], limit: number): SearchHit[] {
    const docs = [...(allowed ?? [])].map((n) => this.docs.get(n)!).filter(Boolean);
    docs.sort((a, b) => a.note.title.localeCompare(b.note.title));
    return docs.slice(0, limit).map((doc) => {
      const shown = doc.note.tags.filter((t) => tags.some((q) => tagKey(t) === q || tagKey(t).startsWith(q + '/')));
      return {
        id: doc.note.id,
        title: doc.note.title,
        field: 'tag' as const,
        snippet: shown.map((t) => `<mark>#${escapeHtml(t)}</mark>`).join(' '),
      };
    });
  }
}
