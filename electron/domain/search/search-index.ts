// Full-text, tag and alias search over the vault with FlexSearch (PRODUCT.md §2).
// One FlexSearch index holds every note's title, aliases, headings, tags and body as terms we
// make ourselves (tokenize.ts); FlexSearch's forward tokenizer adds prefix matching and its
// position scoring puts early (title) matches first. Tags are filtered with our own map that
// includes every ancestor, since FlexSearch tag filters are exact-match.
import FlexSearch from 'flexsearch';
import type { ParsedNote } from '../notes/note-types.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';
import { fold } from '../text/fold.ts';
import { parseQuery } from './parse-query.ts';
import { cutAround, escapeHtml, findMatches, makeSnippet } from './snippet.ts';
import { indexTerms, queryTerms, words } from './tokenize.ts';

export type HitField = 'title' | 'alias' | 'heading' | 'tag' | 'body';

export interface SearchHit {
  id: string;
  title: string;
  field: HitField;
  /** HTML-escaped text with matches wrapped in <mark>. */
  snippet: string;
}

export interface SwitchHit {
  id: string;
  title: string;
  /** The alias that matched, when the title did not. */
  alias: string | null;
}

interface Doc {
  note: ParsedNote;
  names: string[];
  nameKeys: string[];
  nameTerms: string[][];
  headingTerms: string[];
  tagTerms: string[];
  tagKeys: string[];
  /** Folded body, computed the first time the note is a candidate worth re-ranking. */
  folded?: string;
}

const CANDIDATES = 2000;
/** Candidates (in tier order) re-ranked by term frequency; the rest keep FlexSearch's order. */
const RERANK = 100;

function newIndex() {
  const encoder = new FlexSearch.Encoder({ normalize: false, split: ' ', dedupe: false, numeric: false });
  return new FlexSearch.Index({ tokenize: 'forward', encoder, resolution: 9 });
}

interface Tier {
  tier: number;
  field: HitField;
  /** Which name (0 = title, then aliases) matched. */
  name?: number;
}

const hasTermsWithPrefixes = (terms: string[], have: string[]) => terms.every((t) => have.some((h) => h.startsWith(t)));

export class SearchIndex {
  private index = newIndex();
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
    const num = existing ?? this.nextNum++;
    const names = [note.title, ...note.aliases];
    const tagText = note.tags.map((t) => t.replace(/[/_-]/g, ' ')).join(' ');
    const headingText = note.headings.map((h) => h.text).join(' ');
    const doc: Doc = {
      note,
      names,
      nameKeys: names.map(fold),
      nameTerms: names.map(indexTerms),
      headingTerms: indexTerms(headingText),
      tagTerms: indexTerms(tagText),
      tagKeys: [...new Set(note.tags.flatMap(tagWithAncestors).map(tagKey))],
    };
    this.docs.set(num, doc);
    this.numOf.set(note.id, num);
    for (const k of doc.tagKeys) {
      let set = this.byTag.get(k);
      if (!set) this.byTag.set(k, (set = new Set()));
      set.add(num);
    }
    const text = [names.join(' '), tagText, headingText, note.body].map((t) => indexTerms(t).join(' ')).join(' ');
    this.index.add(num, text);
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
  }

  search(query: string, limit = 20): SearchHit[] {
    const q = parseQuery(query);
    const terms = queryTerms(q.text);
    const allowed = this.tagFilter(q.tags);
    if (terms.length === 0) return q.tags.length ? this.listByTags(allowed, q.tags, limit) : [];

    const whole = fold(q.text).trim();
    const phrases = q.phrases.map((p) => fold(p).replace(/\s+/g, ' '));
    const ranked: Array<Tier & { doc: Doc; order: number; tf: number }> = [];
    const found = this.index.search(terms.join(' '), { limit: CANDIDATES }) as number[];
    found.forEach((num, order) => {
      if (allowed && !allowed.has(num)) return;
      const doc = this.docs.get(num);
      if (!doc) return;
      if (phrases.length && !this.hasPhrases(doc, phrases)) return;
      ranked.push({ ...this.tierOf(doc, whole, terms), doc, order, tf: 0 });
    });
    ranked.sort((a, b) => a.tier - b.tier || a.order - b.order);
    const surface = words(q.text);
    for (const r of ranked.slice(0, RERANK)) r.tf = termFrequency(r.doc, terms, surface);
    ranked.sort((a, b) => a.tier - b.tier || b.tf - a.tf || a.order - b.order);
    return ranked.slice(0, limit).map((r) => ({
      id: r.doc.note.id,
      title: r.doc.note.title,
      field: r.field,
      snippet: this.snippetOf(r.doc, r, terms, q.phrases),
    }));
  }

  /** Ids of notes that contain every term of `text` (by prefix), in FlexSearch's order. */
  candidates(text: string, limit = CANDIDATES): string[] {
    const terms = queryTerms(text);
    if (terms.length === 0) return [];
    const found = this.index.search(terms.join(' '), { limit }) as number[];
    return found.map((n) => this.docs.get(n)?.note.id).filter((id): id is string => Boolean(id));
  }

  /** Ranking tiers of PRODUCT.md §2: exact title/alias, then title/alias prefix, then headings
   *  and tags, then body. */
  private tierOf(doc: Doc, whole: string, terms: string[]): Tier {
    const nameField = (tier: number, i: number): Tier => ({ tier, field: i === 0 ? 'title' : 'alias', name: i });
    const exact = doc.nameKeys.indexOf(whole);
    if (exact >= 0) return nameField(0, exact);
    const prefix = doc.nameKeys.findIndex((k) => k.startsWith(whole));
    if (prefix >= 0) return nameField(1, prefix);
    // A word inside a title or alias ranks with headings and tags.
    const inName = doc.nameTerms.findIndex((t) => hasTermsWithPrefixes(terms, t));
    if (inName >= 0) return nameField(2, inName);
    if (hasTermsWithPrefixes(terms, doc.headingTerms)) return { tier: 2, field: 'heading' };
    if (hasTermsWithPrefixes(terms, doc.tagTerms)) return { tier: 2, field: 'tag' };
    return { tier: 3, field: 'body' };
  }

  private hasPhrases(doc: Doc, phrases: string[]): boolean {
    const text = fold([doc.names.join(' '), doc.note.headings.map((h) => h.text).join(' '), doc.note.body].join('\n')).replace(/\s+/g, ' ');
    return phrases.every((p) => text.includes(p));
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

  /** Quick switcher over titles and aliases: exact, prefix, word start, infix, then in-order letters. */
  quickSwitch(query: string, limit = 20): SwitchHit[] {
    const q = fold(query.trim());
    if (!q) return [];
    const scored: Array<{ hit: SwitchHit; score: number; len: number }> = [];
    for (const doc of this.docs.values()) {
      let best = Infinity;
      let which = 0;
      doc.nameKeys.forEach((k, i) => {
        const s = switchScore(k, q);
        if (s < best) {
          best = s;
          which = i;
        }
      });
      if (best === Infinity) continue;
      scored.push({
        hit: { id: doc.note.id, title: doc.note.title, alias: which === 0 ? null : doc.names[which] },
        score: best,
        len: doc.names[which].length,
      });
    }
    scored.sort((a, b) => a.score - b.score || a.len - b.len || a.hit.title.localeCompare(b.hit.title));
    return scored.slice(0, limit).map((s) => s.hit);
  }
}

/**
 * BM25-style saturated term frequency in the body. A word typed with its particle
 * (`인스턴스를`) counts its exact form twice as much as the bare stem, so the note that uses
 * the words as typed comes first among equals.
 */
function termFrequency(doc: Doc, terms: string[], surface: string[]): number {
  doc.folded ??= fold(doc.note.body);
  const text = doc.folded;
  const lengthNorm = 0.25 + 0.75 * Math.min(4, text.length / 3000);
  let score = 0;
  terms.forEach((t, i) => {
    let tf = count(text, t);
    if (surface[i] && surface[i] !== t) tf += count(text, surface[i]);
    score += tf / (tf + 1.2 * lengthNorm);
  });
  return score;
}

function count(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && n < 1000; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

function switchScore(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  const at = name.indexOf(q);
  if (at > 0) return /[\s\-_/.]/.test(name[at - 1]) ? 2 : 3;
  let i = 0;
  for (const ch of name) if (ch === q[i]) i++;
  return i === q.length ? 4 : Infinity;
}
