// Obsidian's tag rules (obsidian-help Tags.md; the character class is the one in Obsidian's app.js,
// quoted in obsidianmd/obsidian-help#816). See electron/domain/README.md §1.

// A tag runs until whitespace, one of these ASCII symbols, or General/Supplemental Punctuation.
const BODY_TAG = /(^|\s)#([^\s!"#$%&'()*+,.:;<=>?@^`{|}~[\]\\\u2000-\u206F\u2E00-\u2E7F]+)/gu;
/** Only digits and nesting slashes: no tag (`#1984`, `#2024/05`, and `#/` which names nothing). */
const NO_NAME = /^[0-9/]*$/;

/** Tags written in the body. `text` must already have code, comments and link targets masked. */
export function bodyTags(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(BODY_TAG)) {
    const tag = m[2];
    // Obsidian: a tag needs at least one non-numeric character (`#1984` is no tag).
    if (!NO_NAME.test(tag)) out.push(tag);
  }
  return out;
}

/** Tags from frontmatter `tags`/`tag`: a YAML list, or a string split on commas and spaces. */
export function frontmatterTags(fm: Record<string, unknown>): string[] {
  return listProperty(fm, ['tags', 'tag'], /[,\s]+/)
    .map((t) => t.replace(/^#+/, '').trim())
    .filter((t) => t.length > 0 && !NO_NAME.test(t));
}

/** Aliases from frontmatter `aliases`/`alias`: a YAML list, or a comma-separated string. */
export function frontmatterAliases(fm: Record<string, unknown>): string[] {
  return listProperty(fm, ['aliases', 'alias'], /,/)
    .map((a) => a.trim())
    .filter(Boolean);
}

function listProperty(fm: Record<string, unknown>, keys: string[], separator: RegExp): string[] {
  const out: string[] = [];
  for (const key of keys) {
    const value = fm[key];
    if (value == null) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item == null || typeof item === 'object') continue;
      const text = String(item);
      if (Array.isArray(value)) out.push(text);
      else out.push(...text.split(separator));
    }
  }
  return out;
}

/** Tag identity is case-insensitive (`AWS` = `aws`); the first casing seen is kept for display. */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLowerCase();
}

export function dedupeTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of tags) {
    const k = tagKey(t);
    if (!seen.has(k)) seen.set(k, t.normalize('NFC'));
  }
  return [...seen.values()];
}

/** `service/sagemaker-processing` → [`service`, `service/sagemaker-processing`]. */
export function tagWithAncestors(tag: string): string[] {
  const parts = tag.split('/').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
