import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { RawXml, writeXml } from '../../../electron/services/xml-write';

const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  }).parse(xml) as Record<string, any>;

describe('writeXml', () => {
  it('writes attributes, text, repeated and empty elements, skipping undefined', () => {
    const xml = writeXml({ Root: { '@_a': 'x', '@_n': 3, '@_b': true, '@_gone': undefined, Item: ['one', { '@_k': 'v' }], Empty: '' } });
    expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<Root a="x" n="3" b="true"><Item>one</Item><Item k="v"/><Empty/></Root>');
  });

  it('escapes markup characters, so the reader Trellis uses gets the same strings back', () => {
    const name = 'A & B <"quoted"> > 😀';
    const body = 'x < y && z > w\nline two 😀';
    const xml = writeXml({ Note: { '@_name': name, PlainTextContent: body } });
    const back = parse(xml).Note;
    expect(back['@_name']).toBe(name);
    expect(back.PlainTextContent).toBe(body);
  });

  it('copies raw XML as it is, where the element would go', () => {
    expect(writeXml({ R: { A: 'a', B: new RawXml('<B x="1"/><B x="2"/>'), C: 'c' } })).toContain(
      '<R><A>a</A><B x="1"/><B x="2"/><C>c</C></R>',
    );
  });
});
