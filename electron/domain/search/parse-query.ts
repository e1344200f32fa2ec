// Query syntax (electron/domain/README.md §2): free words, "exact phrase", tag:name or #name — combinable.

export interface ParsedQuery {
  /** Free text (words and phrases) without the tag filters. */
  text: string;
  phrases: string[];
  /** Tag filters, lower-case, without `#`; a note must carry each (or a descendant). */
  tags: string[];
}

const TOKEN = /"([^"]*)"?|(\S+)/g;

export function parseQuery(input: string): ParsedQuery {
  const phrases: string[] = [];
  const tags: string[] = [];
  const free: string[] = [];
  for (const m of String(input ?? '').normalize('NFC').matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const phrase = m[1].trim();
      if (phrase) {
        phrases.push(phrase);
        free.push(phrase);
      }
      continue;
    }
    const word = m[2];
    const tag = /^(?:tag:|#)#*(.+)$/i.exec(word);
    const name = tag?.[1].replace(/^#+/, '').replace(/\/+$/, '').toLowerCase() ?? '';
    // Obsidian: `#1984` is no tag, so it is searched as a word.
    if (name && !/^[0-9/]+$/.test(name)) {
      tags.push(name);
    } else {
      free.push(word);
    }
  }
  return { text: free.join(' '), phrases, tags };
}
