// XML's own references, decoded for fast-xml-parser in one pass over each text and attribute value: the
// five predefined entities and numeric character references (&#10;, &#x1F600;). fast-xml-parser decodes
// numeric references only with its HTML entities switched on, which would also turn &nbsp; and the like
// (undefined in XML) into characters. One pass matters: decoding &amp; first and the numbers after
// would turn the text "&amp;#10;" into a line break.
import type { X2jOptions } from 'fast-xml-parser';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Whether XML 1.0 allows the code point as a character (production [2] Char). */
const isXmlChar = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/**
 * A text with its references decoded. A reference to a code point XML does not allow (&#0;) or an
 * entity XML does not define (&nbsp;) is left as written.
 */
export function decodeXmlReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (name) return PREDEFINED[name]!;
      const code = hex ? parseInt(hex, 16) : Number(decimal);
      return isXmlChar(code) ? String.fromCodePoint(code) : whole;
    },
  );
}

/** The entityDecoder option that makes fast-xml-parser decode with decodeXmlReferences (a DOCTYPE is refused before parsing). */
export const xmlReferences: NonNullable<X2jOptions['entityDecoder']> = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: decodeXmlReferences,
};
