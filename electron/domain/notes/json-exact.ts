// Notes travel as JSON where they can: into the index cache (index-cache.ts) and from the parse
// threads (parse-pool.ts). JSON.parse makes objects that hold their fields in the object itself,
// and one string for every short value (a link's kind, a common tag), where V8's structured
// clone makes a separate property store for any object of more than four fields and a string per
// occurrence. A note whose frontmatter JSON would change (a YAML date, for one) goes as it is.

/** Whether JSON.parse(JSON.stringify(value)) gives `value` back exactly. */
export function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonExact(value[i])) return false;
    return true;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isJsonExact);
  return false;
}
