// Link forms of electron/domain/README.md §1 (obsidian-help "Internal links"). Input must have code masked.
import type { RawLink } from './note-types.ts';

const WIKILINK = /(!?)\[\[([^[\]\n]+?)\]\]/g;
// [text](dest) or [text](<dest with spaces>), optionally with a "title".
const MD_LINK = /(!?)\[((?:[^[\]\n]|\[[^[\]\n]*\])*)\]\(\s*(<[^>\n]*>|[^)\s]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function parseLinks(masked: string, original: string, lineOf: (offset: number) => number): RawLink[] {
  const found: Array<RawLink & { offset: number }> = [];
  for (const m of masked.matchAll(WIKILINK)) {
    const raw = original.slice(m.index, m.index + m[0].length);
    const inner = raw.slice(m[1].length + 2, -2);
    found.push({ ...wikilinkParts(inner, Boolean(m[1])), raw, line: lineOf(m.index), offset: m.index });
  }
  for (const m of masked.matchAll(MD_LINK)) {
    let dest = m[3].startsWith('<') ? m[3].slice(1, -1) : m[3];
    if (URL_SCHEME.test(dest) || dest.startsWith('#') || dest === '') continue;
    const hash = dest.indexOf('#');
    const subpath = hash < 0 ? null : safeDecode(dest.slice(hash + 1)) || null;
    dest = hash < 0 ? dest : dest.slice(0, hash);
    found.push({
      raw: original.slice(m.index, m.index + m[0].length),
      kind: 'markdown',
      path: safeDecode(dest),
      subpath,
      display: m[2],
      line: lineOf(m.index),
      embed: Boolean(m[1]),
      offset: m.index,
    });
  }
  found.sort((a, b) => a.offset - b.offset);
  return found.map(({ offset: _offset, ...link }) => link);
}

/** Target, heading or block and display text of the inside of `[[…]]`. */
export function wikilinkParts(inner: string, embed: boolean): Pick<RawLink, 'kind' | 'path' | 'subpath' | 'display' | 'embed'> {
  const pipe = inner.indexOf('|');
  // In tables Obsidian writes `[[Note\|shown]]`.
  const target = (pipe < 0 ? inner : inner.slice(0, pipe).replace(/\\$/, '')).trim();
  const hash = target.indexOf('#');
  return {
    kind: embed ? 'embed' : 'wikilink',
    path: (hash < 0 ? target : target.slice(0, hash)).trim(),
    subpath: hash < 0 ? null : target.slice(hash + 1).trim() || null,
    display: pipe < 0 ? null : inner.slice(pipe + 1),
    embed,
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Blanks wikilinks and markdown links, so `[[Note#y]]` and `[x](a.md#y)` hold no tag. */
export function maskLinkTargets(masked: string): string {
  const blank = (s: string) => ' '.repeat(s.length);
  return masked.replace(WIKILINK, blank).replace(MD_LINK, blank);
}
