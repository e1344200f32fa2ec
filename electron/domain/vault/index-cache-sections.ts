// The index cache's data file as named sections, each with its own CRC-32 (index-cache.ts says
// what goes in them). Written a piece at a time: every piece is a separate write, so the index
// worker answers requests between pieces instead of stalling for the whole encoding, and only
// one piece is held as bytes at once. Read a section at a time, so no buffer of the whole file
// is kept while the vault opens.
import { open, type FileHandle } from 'node:fs/promises';
import { crc32 } from 'node:zlib';

/** Section name → where it is in the data file and its checksum. */
export type SectionTable = Record<string, [offset: number, length: number, crc: number]>;

/** Pieces of a section, made when the writer gets to them. */
export type Pieces = Iterable<Buffer | string>;

export class SectionWriter {
  readonly sections: SectionTable = {};
  private offset = 0;

  private constructor(private readonly fh: FileHandle) {}

  /** A new data file (it must not exist: each save writes a file of its own name). */
  static async create(file: string): Promise<SectionWriter> {
    return new SectionWriter(await open(file, 'wx'));
  }

  get bytes(): number {
    return this.offset;
  }

  async section(name: string, pieces: Pieces): Promise<void> {
    const start = this.offset;
    let crc = 0;
    for (const piece of pieces) {
      const buf = typeof piece === 'string' ? Buffer.from(piece) : piece;
      crc = crc32(buf, crc);
      for (let done = 0; done < buf.length; ) done += (await this.fh.write(buf, done, buf.length - done, this.offset + done)).bytesWritten;
      this.offset += buf.length;
    }
    this.sections[name] = [start, this.offset - start, crc];
  }

  /** Flushes the file to disk before the manifest names it (a crash then leaves the old cache). */
  async close(): Promise<void> {
    try {
      await this.fh.sync();
    } finally {
      await this.fh.close();
    }
  }

  /** Closes after a failed write (the caller removes the file). */
  async abandon(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

/** Reading chunk of `verify`: checks a section without holding it. */
const CHUNK = 1 << 20;

export class SectionReader {
  private constructor(
    private readonly fh: FileHandle,
    private readonly sections: SectionTable,
  ) {}

  /** Opens a data file of `bytes` bytes and checks the table against it; throws when they disagree. */
  static async open(file: string, bytes: number, sections: unknown): Promise<SectionReader> {
    const fh = await open(file, 'r');
    try {
      const size = (await fh.stat()).size;
      if (size !== bytes) throw new Error(`data file is ${size} bytes, not ${bytes}`);
      if (!sections || typeof sections !== 'object') throw new Error('no section table');
      for (const [name, entry] of Object.entries(sections as Record<string, unknown>)) {
        const [offset, length, crc] = Array.isArray(entry) ? entry : [];
        const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
        if (!whole(offset) || !whole(length) || !whole(crc) || offset + length > size) throw new Error(`cache section ${name} out of range`);
      }
      return new SectionReader(fh, sections as SectionTable);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  /** A section's bytes, checked. */
  async read(name: string): Promise<Buffer> {
    const [offset, length, crc] = this.entry(name);
    const buf = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const n = (await this.fh.read(buf, done, length - done, offset + done)).bytesRead;
      if (n === 0) throw new Error(`cache section ${name} is cut short`);
      done += n;
    }
    if (crc32(buf) !== crc) throw new Error(`cache section ${name} is damaged`);
    return buf;
  }

  /** Checks a section's checksum reading it a chunk at a time (it is read for real later). */
  async verify(name: string): Promise<void> {
    const [offset, length, crc] = this.entry(name);
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, length));
    let sum = 0;
    for (let done = 0; done < length; ) {
      const n = (await this.fh.read(buf, 0, Math.min(buf.length, length - done), offset + done)).bytesRead;
      if (n === 0) throw new Error(`cache section ${name} is cut short`);
      sum = crc32(buf.subarray(0, n), sum);
      done += n;
    }
    if (sum !== crc) throw new Error(`cache section ${name} is damaged`);
  }

  /** Where a section starts in the file, and its length in bytes. */
  place(name: string): [offset: number, length: number] {
    const [offset, length] = this.entry(name);
    return [offset, length];
  }

  async close(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }

  private entry(name: string): [number, number, number] {
    if (!Object.hasOwn(this.sections, name)) throw new Error(`cache section ${name} missing`);
    return this.sections[name];
  }
}
