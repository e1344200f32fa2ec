// Query syntax (electron/domain/README.md §2): free words, "exact phrase", tag:name or #name, and
// `-word` / `-tag:name` / `-"phrase"` to exclude — combinable.

export interface ParsedQuery {
  /** Free text (words and phrases) without the tag filters and exclusions. */
  text: string;
  phrases: string[];
  /** Tag filters, lower-case, without `#`; a note must carry each (or a descendant). */
  tags: string[];
  /** Words and phrases a hit must not contain. */
  without: string[];
  /** Tags (and their descendants) a hit must not carry. */
  withoutTags: string[];
  /** A `tag:` filter no tag can match (digits only: Obsidian's `#1984` is no tag): no hit. */
  impossible: boolean;
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;
const TAG = /^(-?)(tag:|#)#*(.*)$/i;

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { text: '', phrases: [], tags: [], without: [], withoutTags: [], impossible: false };
  const free: string[] = [];
  for (const m of String(input ?? '')
    .normalize('NFC')
    .matchAll(TOKEN)) {
    if (m[2] !== undefined) {
      const phrase = m[2].trim();
      if (!phrase) continue;
      if (m[1]) q.without.push(phrase);
      else {
        q.phrases.push(phrase);
        free.push(phrase);
      }
      continue;
    }
    const word = m[3];
    const tag = TAG.exec(word);
    const name = tag?.[3].replace(/^#+/, '').replace(/\/+$/, '').toLowerCase() ?? '';
    const explicit = tag?.[2].toLowerCase() === 'tag:';
    if (tag && name && !/^[\p{N}/]+$/u.test(name)) {
      (tag[1] ? q.withoutTags : q.tags).push(name);
    } else if (tag && explicit && !tag[1]) {
      // `tag:#2024`, `tag:`: asked for a tag that cannot exist.
      q.impossible = true;
    } else if (word.length > 1 && word.startsWith('-') && /[\p{L}\p{N}]/u.test(word)) {
      q.without.push(word.slice(1));
    } else {
      // Obsidian: `#1984` is no tag, so it is searched as a word.
      free.push(word);
    }
  }
  q.text = free.join(' ');
  return q;
}
