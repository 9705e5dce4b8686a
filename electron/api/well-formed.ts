// JSON can carry an unpaired UTF-16 surrogate ("\ud800"), which SQLite would store as invalid UTF-8 and
// every export would then carry. Arguments are checked for it once, before any schema sees them.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path (`codeRefs[2]`, `name`) of the first string holding an unpaired surrogate, or null; depth-bounded. */
export function brokenTextAt(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(the argument)' : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = brokenTextAt(item, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}
