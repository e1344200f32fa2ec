// Card sides are markdown, but the renderer has no markdown library and HTML may only enter the
// page through SafeHtml (README.md house rule 8): cards are short, so they are shown as plain text, with
// the few inline marks they use taken out.

export function plainText(md: string): string {
  return md
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
    .replace(/\[\[([^\]]+)\]\]/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/==(.+?)==/g, '$1')
    .replace(/`([^`]+)`/g, '$1');
}

/** A cloze card's back cut around the deletion it tests; the span indexes `back` (UTF-16). */
export function clozeParts(back: string, span: [number, number] | undefined): { before: string; hidden: string; after: string } {
  if (!span || span[0] < 0 || span[1] > back.length || span[0] >= span[1]) return { before: back, hidden: '', after: '' };
  return { before: back.slice(0, span[0]), hidden: back.slice(span[0], span[1]), after: back.slice(span[1]) };
}

/** `$45.10`: calculator figures are dollars; the app's locale must not turn them into ₩ or `45,10`. */
export function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `4m 05s`, `38s`, `1h 02m`. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
}

/** `87%`, or `—` before any card was seen twice (retention has nothing to measure yet). */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
