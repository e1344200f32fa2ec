// File names and note text come from the vault, which someone else may have written: printed
// raw, a name with ANSI escapes or control characters could rewrite the terminal (move the
// cursor, hide lines, set the window title). runCli passes everything it prints through here.

/** C0 controls but newline and tab, DEL, C1 controls, and the bidi overrides that reorder a line. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every such character written as `\uNNNN`: safe on a terminal, and still valid
 * inside a JSON string (`--json` output stays parseable and means the same).
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
