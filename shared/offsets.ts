// Stored offsets are Unicode code points (REFI-QDA); JavaScript strings index UTF-16 code units.
// These pure helpers convert at the boundary. They are used by the main process and the renderer.

/** Number of code points in a string. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** UTF-16 index → code-point offset. */
export function utf16ToCodePoint(text: string, utf16Index: number): number {
  return codePointLength(text.slice(0, utf16Index));
}

/** Code-point offset → UTF-16 index (clamped to the string's end). */
export function codePointToUtf16(text: string, offset: number): number {
  let i = 0;
  for (let n = 0; n < offset && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/** The substring between two code-point offsets (end exclusive). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  const from = codePointToUtf16(text, start);
  return text.slice(from, from + codePointToUtf16(text.slice(from), end - start));
}

/**
 * Code-point offset → UTF-16 index for offsets that never decrease, walking the text once in all (a
 * document's paragraphs in order) instead of from its start at every call.
 */
export function codePointCursor(text: string): (offset: number) => number {
  let i = 0;
  let n = 0;
  return (offset) => {
    for (; n < offset && i < text.length; n++) {
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    }
    return i;
  };
}
