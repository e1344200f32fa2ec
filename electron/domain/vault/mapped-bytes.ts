// Text moved between threads as UTF-8 in a buffer of its own mapping, so that its memory leaves
// the process when the buffer is freed (parse-pool.ts: the fields the parse threads share, and
// their parts of the full-text index).
//
// Why this layer exists: glibc's malloc maps an allocation on its own (and unmaps it when it is
// freed) only above a threshold that rises, up to 32 MB, each time such an allocation is freed;
// below it, the bytes come from the allocating thread's arena, and an arena is trimmed only from
// its top, past a threshold that rises too. A structured clone of text, or TextEncoder's output,
// is such an allocation. After a cold open at 10k notes through `cairn serve`, the two parse
// threads' arenas, long after the threads had ended, still held the high-water mark of what they
// had sent: malloc held 70-84 MB in all, against 43 MB after this layer, and the process's RSS
// went from 296-305 to 271-273 MB. A buffer of MAPPED bytes or more is always mapped on its own
// under glibc; the pages the text does not reach are never touched, so they never become
// resident. (Other systems map a large allocation on its own anyway.)
const MAPPED = 33 * 1024 * 1024;
/** Below this the text is encoded as usual: a small buffer costs little wherever it lives. */
const LARGE = 256 * 1024;

/** Texts as one run of UTF-8, and where each one ends in it (bytes). */
export interface MappedTexts {
  bytes: Uint8Array;
  ends: number[];
}

/** `texts` as UTF-8, one after another: a view of their exact length, over a buffer of at least
 *  MAPPED bytes when they are large. Transfer `bytes.buffer`; the receiver reads them back with
 *  textsOf. */
export function mappedUtf8(texts: readonly string[]): MappedTexts {
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  const most = texts.reduce((n, t) => n + t.length * 3, 0);
  const buffer = most < LARGE ? new Uint8Array(most) : mappedBuffer(most);
  const utf8 = new TextEncoder();
  const ends: number[] = [];
  let at = 0;
  for (const text of texts) {
    at += utf8.encodeInto(text, buffer.subarray(at)).written;
    ends.push(at);
  }
  return { bytes: buffer.subarray(0, at), ends };
}

/** A buffer of at least MAPPED bytes, or of `size` where the system will not reserve that much
 *  (strict overcommit): the text still goes, from malloc's arena. */
function mappedBuffer(size: number): Uint8Array {
  try {
    return new Uint8Array(Math.max(size, MAPPED));
  } catch {
    return new Uint8Array(size);
  }
}

/** The texts mappedUtf8 wrote (a leading U+FEFF stays: it is a text's, not a byte-order mark). */
export function textsOf({ bytes, ends }: MappedTexts): string[] {
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  return ends.map((end, i) => utf8.decode(bytes.subarray(i ? ends[i - 1] : 0, end)));
}
