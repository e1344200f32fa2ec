// Deterministic link resolution, electron/domain/README.md §1: exact vault path → path relative to the linking
// note's folder → shortest path ending in `/` + link (then alphabetical, reported ambiguous).
import path from 'node:path';

export interface Resolution {
  target: string | null;
  ambiguous: boolean;
  /** Other files the link could have meant, when ambiguous. */
  candidates: string[];
}

/** NFC changes nothing in ASCII, and most link targets and ids are ASCII: the check is cheaper
 *  than the call. */
const ASCII = /^[\x00-\x7f]*$/;
const nfc = (p: string) => (ASCII.test(p) ? p : p.normalize('NFC'));
const key = (p: string) => nfc(p).toLowerCase();
/** A `.` or `..` segment, or an empty one: what path.posix.normalize would change. */
const DOT_SEGMENT_OR_DOUBLE_SLASH = /(?:^|\/)\.{1,2}(?:\/|$)|\/\//;

/** Whether a relative path (no leading `/`) is its own normal form, joined to any normal folder
 *  too (resolve-link.test.ts checks it against path.posix). */
export function isNormalPath(p: string): boolean {
  return p !== '' && !DOT_SEGMENT_OR_DOUBLE_SLASH.test(p);
}
const withoutMd = (p: string) => p.replace(/\.md$/i, '');

/** Index of the vault's file ids (notes and attachments) for link resolution. */
export class FileIndex {
  /** Case- and normalisation-folded path → ids (more than one: `Case.md` and `case.md`). */
  private byKey = new Map<string, string[]>();
  /** basename key (without .md for notes) → ids */
  private byName = new Map<string, string[]>();
  /** Each id's key, folded once (most ids are folded already: then it is the id itself). A cold
   *  10k-note graph folded every candidate again for every link. */
  private keyOf = new Map<string, string>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) this.add(id);
  }

  add(id: string): void {
    const k = key(id);
    const same = this.byKey.get(k) ?? [];
    if (same.includes(id)) return;
    this.byKey.set(k, [...same, id].sort());
    this.keyOf.set(id, k);
    const name = key(withoutMd(id.slice(id.lastIndexOf('/') + 1)));
    const list = this.byName.get(name);
    if (list) list.push(id);
    else this.byName.set(name, [id]);
  }

  remove(id: string): void {
    const same = this.byKey.get(key(id)) ?? [];
    if (!same.includes(id)) return;
    const rest = same.filter((x) => x !== id);
    if (rest.length) this.byKey.set(key(id), rest);
    else this.byKey.delete(key(id));
    this.keyOf.delete(id);
    const name = key(withoutMd(id.slice(id.lastIndexOf('/') + 1)));
    const list = this.byName.get(name)?.filter((x) => x !== id) ?? [];
    if (list.length) this.byName.set(name, list);
    else this.byName.delete(name);
  }

  has(id: string): boolean {
    return this.byKey.has(key(id));
  }

  /** The files an exact vault path names, with or without `.md` (several only when they differ
   *  by case or Unicode normalisation alone). */
  exact(p: string): string[] {
    const k = key(p);
    return this.byKey.get(k) ?? this.byKey.get(k + '.md') ?? [];
  }

  /** Files whose path ends with `/` + p (with or without .md), or equals p. */
  endingWith(p: string): string[] {
    const whole = key(p);
    const k = withoutMd(whole);
    const name = k.slice(k.lastIndexOf('/') + 1);
    const candidates = this.byName.get(name) ?? [];
    const suffixes = [whole, whole + '.md'];
    return candidates.filter((id) => {
      const ik = this.keyOf.get(id)!;
      return suffixes.some((s) => ik === s || ik.endsWith('/' + s));
    });
  }
}

/**
 * Resolves `linkPath` written in note `fromId`. An empty path (`[[#Heading]]`) is the note itself.
 * Paths that climb out of the vault never resolve.
 */
export function resolveLink(linkPath: string, fromId: string, files: FileIndex): Resolution {
  const none: Resolution = { target: null, ambiguous: false, candidates: [] };
  let p = nfc(linkPath).trim().replace(/\\/g, '/');
  if (p === '') return { target: fromId, ambiguous: false, candidates: [] };
  if (p.includes('\0')) return none;
  p = p.replace(/^\/+/, '');

  // Most links are a bare name or a plain path, already in normal form: skipping the two
  // normalize calls and the join for them, and NFC for ASCII (`nfc`), took resolving the 10k
  // bench vault's links from about 500 to 300 ms.
  const plain = isNormalPath(p);
  const normal = plain ? p : path.posix.normalize(p);
  if (!normal.startsWith('../') && normal !== '..') {
    const exact = pick(files.exact(normal), normal);
    if (exact) return exact;
  }

  const dir = path.posix.dirname(fromId);
  const relative = plain ? (dir === '.' ? p : `${dir}/${p}`) : path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, p));
  if (relative.startsWith('../') || relative === '..') return none;
  const beside = pick(files.exact(relative), relative);
  if (beside) return beside;

  if (normal.startsWith('../') || normal.startsWith('./')) return none;
  const matches = files.endingWith(normal);
  if (matches.length === 0) return none;
  matches.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return { target: matches[0], ambiguous: matches.length > 1, candidates: matches.slice(1) };
}

/** Among files equal but for case or normalisation, the one spelled as written wins; any
 *  other choice is ambiguous. */
function pick(ids: string[], written: string): Resolution | null {
  if (ids.length === 0) return null;
  const spelled = ids.find((id) => id === written || id === written + '.md');
  const target = spelled ?? ids[0];
  return { target, ambiguous: ids.length > 1 && !spelled, candidates: ids.filter((id) => id !== target) };
}

/** Whether a path as written tries to climb out of the vault. */
export function escapesVault(linkPath: string, fromId: string): boolean {
  const dir = path.posix.dirname(fromId);
  const joined = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, linkPath.replace(/\\/g, '/')));
  return joined === '..' || joined.startsWith('../');
}
