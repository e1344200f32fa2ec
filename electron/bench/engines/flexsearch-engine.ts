// FlexSearch 0.8 as its README starts a user off: a Document with default options (tokenizer
// `strict`, the default Encoder, resolution 9, no context), over each note's title and text, and
// its frontmatter tags as a tag field. Read and parsed as the floor does (one blocking read,
// gray-matter), on one thread. No persisted index, quick switcher, link graph or watcher: it
// stands beside Cairn's cold index as what the engine Cairn builds on costs by itself.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document } from 'flexsearch';
import matter from 'gray-matter';
import { isNoteId, scanVault } from '../../domain/vault/scan-vault.ts';
import type { BenchEngine } from './engine.ts';

interface FlexDoc {
  [field: string]: number | string | string[];
  id: number;
  title: string;
  content: string;
  tags: string[];
}

const newIndex = () => new Document<FlexDoc>({ document: { id: 'id', index: ['title', 'content'], tag: [{ field: 'tags' }] } });

export function flexsearchEngine(): BenchEngine {
  let index = newIndex();
  const ids: string[] = [];
  const numOf = new Map<string, number>();
  let root = '';

  const addFile = (id: string, abs: string) => {
    let data: Record<string, unknown> = {};
    let content = readFileSync(abs, 'utf8');
    try {
      ({ data, content } = matter(content, {}));
    } catch {
      // A note whose frontmatter does not parse is indexed as text.
    }
    const tags = Array.isArray(data.tags) ? data.tags.map((t) => String(t).toLowerCase()) : [];
    let num = numOf.get(id);
    if (num === undefined) {
      num = ids.push(id) - 1;
      numOf.set(id, num);
    } else index.remove(num);
    index.add({ id: num, title: path.posix.basename(id, '.md'), content, tags });
  };

  return {
    name: 'flexsearch',
    async coldIndex(dir) {
      root = dir;
      index = newIndex();
      const scan = await scanVault(dir);
      for (const f of scan.files) if (isNoteId(f.id)) addFile(f.id, f.abs);
    },
    search: (q) => runSearch(index, q).map((n) => ids[n]),
    async fileChanged(abs) {
      addFile(path.relative(root, abs).split(path.sep).join('/'), abs);
    },
  };
}

/** Cairn's query syntax as a FlexSearch user would pass it: `tag:x` as a tag filter (FlexSearch's
 *  is an exact match), quotes dropped (it has no phrases), the rest as the query. */
function runSearch(index: Document<FlexDoc>, query: string): number[] {
  const tags: string[] = [];
  const text = query
    .replace(/(?:^|\s)tag:(\S+)/g, (_, t: string) => {
      tags.push(t.toLowerCase());
      return ' ';
    })
    .replaceAll('"', ' ')
    .trim();
  const hits = index.search(text, { limit: 20, merge: true, ...(tags.length ? { tag: tags.map((t) => ({ tags: t })) } : {}) });
  return (hits as Array<{ id: number }>).slice(0, 20).map((h) => h.id);
}
