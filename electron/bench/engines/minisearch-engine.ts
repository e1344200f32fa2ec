// MiniSearch 7 configured as Obsidian Omnisearch configures it (src/search/search-engine.ts,
// default settings): fields basename, directory, aliases, content, headings1–3, tags stored;
// BM25 (MiniSearch's scoring); prefix on every term; fuzzy 0 up to 3 letters, half the
// fuzziness up to 5, then the fuzziness (0.1: Omnisearch's default setting); boosts basename 3, directory 2, aliases 3, h1 1.5, h2 1.3, h3 1.1, tags 1.1. Its
// persisted index is MiniSearch's toJSON/loadJSON plus a path → mtime map, as Omnisearch keeps.
// Like Omnisearch's document cache, the engine holds each note's text (for quoted phrases).
import { readFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { isNoteId, scanVault } from '../../domain/vault/scan-vault.ts';
import { mapLimit } from '../map-limit.ts';
import { processTerm, tokenizeForIndexing, tokenizeForSearch } from './omnisearch-tokenizer.ts';
import type { BenchEngine } from './engine.ts';

const FUZZINESS = 0.1;
const BOOST = { basename: 3, directory: 2, aliases: 3, headings1: 1.5, headings2: 1.3, headings3: 1.1, tags: 1.1, unmarkedTags: 1.1 };
const CACHE_FILE = 'minisearch.json';

interface OmniDoc {
  path: string;
  basename: string;
  aliases: string;
  content: string;
  headings1: string;
  headings2: string;
  headings3: string;
  /** Lower-case tag paths, for the `tag:` filter. */
  tags: string[];
}

const OPTIONS: Options<OmniDoc> = {
  idField: 'path',
  fields: ['basename', 'directory', 'aliases', 'content', 'headings1', 'headings2', 'headings3'],
  storeFields: ['tags'],
  tokenize: tokenizeForIndexing,
  processTerm,
  extractField: (doc, field) => (field === 'directory' ? path.posix.dirname(doc.path) : (doc as unknown as Record<string, string>)[field]),
};

const searchOptions = (fields?: string[]) => ({
  fields,
  prefix: (term: string) => term.length >= 1,
  fuzzy: (term: string) => (term.length <= 3 ? 0 : term.length <= 5 ? FUZZINESS / 2 : FUZZINESS),
  boost: BOOST,
  tokenize: (text: string) => [text],
});

export function minisearchEngine(): BenchEngine {
  let index = new MiniSearch<OmniDoc>(OPTIONS);
  let mtimes = new Map<string, number>();
  const contents = new Map<string, string>();
  let root = '';
  let cacheFolder = '';

  const addFile = async (id: string, abs: string, mtimeMs: number) => {
    const text = await readFile(abs, 'utf8');
    contents.set(id, text);
    const doc = omniDoc(id, text);
    if (index.has(id)) index.discard(id);
    index.add(doc);
    mtimes.set(id, mtimeMs);
  };

  return {
    name: 'minisearch',
    async coldIndex(dir, cacheDir) {
      root = dir;
      cacheFolder = cacheDir;
      index = new MiniSearch<OmniDoc>(OPTIONS);
      mtimes = new Map();
      contents.clear();
      const scan = await scanVault(dir);
      await mapLimit(
        scan.files.filter((f) => isNoteId(f.id)),
        16,
        (f) => addFile(f.id, f.abs, f.mtimeMs),
      );
    },
    async saveCache() {
      await writeFile(path.join(cacheFolder, CACHE_FILE), JSON.stringify({ index, mtimes: [...mtimes] }));
    },
    async warmStart(dir, cacheDir) {
      root = dir;
      cacheFolder = cacheDir;
      const saved = JSON.parse(await readFile(path.join(cacheDir, CACHE_FILE), 'utf8'));
      index = MiniSearch.loadJS<OmniDoc>(saved.index, OPTIONS);
      mtimes = new Map(saved.mtimes);
      contents.clear();
      // Omnisearch's getDiff: files whose mtime changed are indexed again, missing ones dropped.
      const scan = await scanVault(dir);
      const seen = new Set<string>();
      await mapLimit(
        scan.files.filter((f) => isNoteId(f.id)),
        16,
        async (f) => {
          seen.add(f.id);
          if (mtimes.get(f.id) !== f.mtimeMs) await addFile(f.id, f.abs, f.mtimeMs);
        },
      );
      for (const id of mtimes.keys()) if (!seen.has(id) && index.has(id)) index.discard(id);
    },
    search: (q) =>
      runSearch(index, q, (id) => {
        if (!contents.has(id)) contents.set(id, readFileSync(path.join(root, id), 'utf8'));
        return contents.get(id)!;
      }),
    quickSwitch: (q) =>
      index
        .search(tokenizeForSearch(q), searchOptions(['basename', 'aliases']))
        .slice(0, 20)
        .map((r) => String(r.id)),
    async fileChanged(abs) {
      const id = path.relative(root, abs).split(path.sep).join('/');
      await addFile(id, abs, (await stat(abs)).mtimeMs);
    },
  };
}

/** Cairn's query syntax on MiniSearch: `tag:x` becomes a filter (the tag or a descendant) and a
 *  `"phrase"` a check on the content of the 50 best, as Omnisearch does with quoted terms. */
function runSearch(index: MiniSearch<OmniDoc>, query: string, contentOf: (id: string) => string): string[] {
  const tags: string[] = [];
  const phrases: string[] = [];
  const without: string[] = [];
  const text = query
    // Omnisearch's `-word` excludes notes holding the word.
    .replace(/(?:^|\s)-(?!tag:)([^\s"]+)/g, (_, w: string) => {
      without.push(w.toLowerCase());
      return ' ';
    })
    .replace(/"([^"]*)"/g, (_, p: string) => {
      phrases.push(p.toLowerCase());
      return p;
    })
    .replace(/(?:^|\s)(?:tag:|#)(\S+)/g, (_, t: string) => {
      tags.push(t.toLowerCase());
      return ' ';
    })
    .trim();
  const filter = tags.length ? (r: SearchResult) => tags.every((t) => (r.tags as string[]).some((x) => x === t || x.startsWith(t + '/'))) : undefined;
  let results = index
    .search(tokenizeForSearch(text), { ...searchOptions(), filter })
    .sort((a, b) => b.score - a.score)
    .slice(0, 50);
  if (phrases.length) results = results.filter((r) => phrases.every((p) => contentOf(String(r.id)).toLowerCase().includes(p)));
  if (without.length) results = results.filter((r) => !without.some((w) => contentOf(String(r.id)).toLowerCase().includes(w)));
  return results.slice(0, 20).map((r) => String(r.id));
}

const HEADING = /^(#{1,3})[ \t]+(.+?)[ \t]*#*[ \t]*$/gm;
const BODY_TAG = /(?:^|\s)#([^\s#!"$%&'()*+,.:;<=>?@^`{|}~[\]\\]+)/gu;

/** The document Omnisearch builds for a note: its whole text as content, headings by level,
 *  aliases and tags from the frontmatter (and body tags). */
function omniDoc(id: string, text: string): OmniDoc {
  let data: Record<string, unknown> = {};
  try {
    data = matter(text, {}).data;
  } catch {
    // Obsidian indexes a note with broken YAML as text, and so does Omnisearch.
  }
  const headings: string[][] = [[], [], [], []];
  for (const m of text.matchAll(HEADING)) headings[m[1].length].push(m[2]);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : []).map((s) => s.trim()).filter(Boolean);
  const tags = [...list(data.tags), ...[...text.matchAll(BODY_TAG)].map((m) => m[1])].map((t) => t.replace(/^#/, '').toLowerCase());
  return {
    path: id,
    basename: path.posix.basename(id, '.md'),
    aliases: list(data.aliases).join(' '),
    content: text,
    headings1: headings[1].join(' '),
    headings2: headings[2].join(' '),
    headings3: headings[3].join(' '),
    tags: [...new Set(tags)],
  };
}
