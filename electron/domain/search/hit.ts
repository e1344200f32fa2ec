// A search hit as the panel shows it: the field it matched in and a snippet of that text with the
// matches marked (snippet.ts).
import type { FieldName } from './fuse.ts';
import type { Doc } from './note-text.ts';
import type { SearchHit } from './search-index.ts';
import { cutAround, escapeHtml, findMatches, foldsToLower, makeSnippet } from './snippet.ts';

export function hitOf(doc: Doc, best: FieldName, terms: string[], phrases: string[], queryKey: string): SearchHit {
  const { note } = doc;
  const body = makeSnippet(note.body, terms, phrases, (doc.plain ??= foldsToLower(note.body)));
  const base = { id: note.id, title: note.title };
  if (best === 'name' || best === 'typo') {
    // The name the query is, else the one holding most of its words.
    let i = doc.exactKeys.indexOf(queryKey);
    if (i < 0) {
      const counts = doc.names.map((n) => findMatches(n, terms, phrases).length);
      i = counts.indexOf(Math.max(...counts));
      if (counts[i] === 0) i = -1;
    }
    if (i >= 0) {
      const name = doc.names[i];
      return { ...base, field: i === 0 ? 'title' : 'alias', snippet: cutAround(name, findMatches(name, terms, phrases)) + (body ? ' — ' + body : '') };
    }
  }
  if (best === 'head' || best === 'typo') {
    const h = note.headings.find((x) => findMatches(x.text, terms).length);
    if (h) return { ...base, field: 'heading', snippet: cutAround(h.text, findMatches(h.text, terms, phrases)) };
  }
  if (best === 'tagtext' || best === 'typo') {
    const tag = note.tags.find((t) => findMatches(t.replace(/[/_-]/g, ' '), terms).length);
    if (tag) return { ...base, field: 'tag', snippet: '#' + escapeHtml(tag) + (body ? ' — ' + body : '') };
  }
  if (body) return { ...base, field: 'body', snippet: body };
  return { ...base, field: 'title', snippet: escapeHtml(note.title) };
}
