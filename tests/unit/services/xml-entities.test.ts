import { describe, expect, it } from 'vitest';
import { readQdc } from '../../../electron/services/qdc';
import { decodeXmlReferences } from '../../../electron/services/xml-entities';

describe('decodeXmlReferences', () => {
  it('decodes the five predefined entities and decimal and hexadecimal character references in one pass', () => {
    // Expected values are the characters XML 1.0 §4.1 assigns to each reference.
    expect(decodeXmlReferences('a&#10;b&#x1F600;&#X1f600;&#233;&lt;&gt;&amp;&quot;&apos;')).toBe('a\nb😀&#X1f600;é<>&"\'');
    // "&amp;#10;" is the text "&#10;": decoding &amp; first and then the numbers would make it a line break.
    expect(decodeXmlReferences('&amp;#10;&amp;amp;')).toBe('&#10;&amp;');
  });

  it('leaves references XML does not allow as written: NUL, a lone surrogate, beyond U+10FFFF, HTML entities', () => {
    for (const text of ['&#0;', '&#xD800;', '&#x110000;', '&nbsp;', '&copy;', '& plain', '&#;'])
      expect(decodeXmlReferences(text)).toBe(text);
  });
});

describe('readQdc with character references', () => {
  it('decodes them in code names and descriptions', () => {
    const qdc = readQdc(
      `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
  <Code guid="11111111-2222-4333-8444-555555555555" name="Caf&#xE9; &#x1F600;" isCodable="true"><Description>One&#13;&#10;two &amp;#10;</Description></Code>
</Codes></CodeBook>`,
      'refs.qdc',
    );
    expect(qdc.codes[0]).toMatchObject({ name: 'Café 😀', description: 'One\r\ntwo &#10;' });
  });
});
