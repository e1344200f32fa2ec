// The notes' bodies, read from the index cache's data file when they are asked for, instead of
// held in memory (README.md, "How it is built"): at 10k notes they were 42 MB of the index
// worker's 370, at 50k over 200 MB. Every note the cache holds has its body there already, as
// UTF-16, so a body is one positioned read of its own bytes (a few microseconds from the page
// cache). Its readers (search snippets and re-ranking, cards, calculators, mentions, context
// lines) ask for a few notes at a time; those that go through every note (the cards' first
// extraction, a phrase count) read each once: all 10k bodies in 55 ms.
//
// The layer is a getter on the notes' prototype, so no code that reads `note.body` changes: a
// note read from the cache, or one whose body is in the cache just saved, gets the prototype
// STORED and an entry in `where`. A note parsed from its file keeps its own `body` until the
// next save puts it in the cache; assigning `note.body` gives it its own value again.
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { ParsedNote } from '../notes/note-types.ts';
import { parseNote } from '../notes/parse-note.ts';
import { readNoteFileSync } from './read-note-file.ts';

/** The `bodies` section of one data file: body i is chars [ends[i-1], ends[i]) of it. */
export class BodyFile {
  private fd: number | null;
  private scratch = Buffer.alloc(0);

  /** Opens `file` (a data file whose `bodies` section starts at byte `offset`); `root` is the
   *  vault's folder, where a body is read from its note's file if this one cannot be read. */
  constructor(
    file: string,
    private readonly offset: number,
    private readonly ends: Int32Array,
    readonly root: string,
  ) {
    this.fd = openSync(file, 'r');
    // A file the vault stops using without closing it (another vault opened) closes with it.
    closing.register(this, this.fd, this);
  }

  /** Body `i`; null once closed, or when the file cannot give its bytes (changed under us). */
  read(i: number): string | null {
    if (this.fd === null || !(i >= 0 && i < this.ends.length)) return null;
    const start = i ? this.ends[i - 1] : 0;
    const bytes = (this.ends[i] - start) * 2;
    if (bytes === 0) return '';
    if (this.scratch.length < bytes) this.scratch = Buffer.allocUnsafe(Math.max(bytes, 1 << 16));
    try {
      for (let done = 0; done < bytes; ) {
        const n = readSync(this.fd, this.scratch, done, bytes - done, this.offset + start * 2 + done);
        if (n === 0) return null;
        done += n;
      }
    } catch {
      return null;
    }
    return this.scratch.toString('utf16le', 0, bytes);
  }

  close(): void {
    if (this.fd === null) return;
    closing.unregister(this);
    closeSync(this.fd);
    this.fd = null;
  }
}

const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Where each stored note's body is. */
const where = new WeakMap<object, { file: BodyFile; i: number }>();

/** The body of a note whose data file is closed or unreadable: its file as it is now, or ''. */
function fromNoteFile(note: ParsedNote, root: string): string {
  try {
    return parseNote(note.id, readNoteFileSync(note.id, path.join(root, note.id)).text).body;
  } catch {
    return '';
  }
}

const STORED: object = Object.create(Object.prototype, {
  body: {
    get(this: ParsedNote): string {
      const at = where.get(this);
      if (!at) return '';
      return at.file.read(at.i) ?? fromNoteFile(this, at.file.root);
    },
    set(this: ParsedNote, value: string) {
      where.delete(this);
      Object.defineProperty(this, 'body', { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: false,
    configurable: false,
  },
});

/** Note `note`'s body is body `i` of `file` from now on: its own copy (if any) is let go. */
export function storeBody(note: ParsedNote, file: BodyFile, i: number): void {
  // `body` is the last key parseNote gives a note, so deleting it keeps the object's fast shape.
  if (Object.hasOwn(note, 'body')) delete (note as Partial<ParsedNote>).body;
  if (Object.getPrototypeOf(note) !== STORED) Object.setPrototypeOf(note, STORED);
  where.set(note, { file, i });
}

/** Whether the note's body is read from a data file (not held). */
export function isStored(note: ParsedNote): boolean {
  return where.has(note) && !Object.hasOwn(note, 'body');
}

/** A note as plain data, body included (tests, and copies that must not read the file later). */
export function withBody(note: ParsedNote): ParsedNote {
  return { ...note, body: note.body };
}
