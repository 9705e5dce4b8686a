import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
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

  it('writes line ends and tabs so an XML parser gives them back, and leaves out what XML cannot carry', () => {
    const xml = writeXml({ Note: { '@_name': 'a\tb\nc\r\nd', PlainTextContent: 'one\r\ntwo\rthree\u000b\u0000' } });
    const read: { name?: string; text: string } = { text: '' };
    const parser = new SaxesParser();
    parser.on('opentag', (tag) => (read.name ??= tag.attributes.name));
    // The line break after the XML declaration comes first.
    parser.on('text', (t) => (read.text += t));
    parser.write(xml).close();
    expect(read).toEqual({ name: 'a\tb\nc\r\nd', text: '\none\r\ntwo\rthree' });
  });

  it('copies raw XML as it is, where the element would go', () => {
    expect(writeXml({ R: { A: 'a', B: new RawXml('<B x="1"/><B x="2"/>'), C: 'c' } })).toContain(
      '<R><A>a</A><B x="1"/><B x="2"/><C>c</C></R>',
    );
  });
});
