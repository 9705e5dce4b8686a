// Item 9 of issue 13: a damaged file is described as what it is, in plain words.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSheetRows } from '../../../electron/services/import/case-sheet';
import { decodeText } from '../../../electron/services/import/decode';
import { readTranscript } from '../../../electron/services/import/read';

const upload = (name: string, bytes: Uint8Array) => ({ name, data: Buffer.from(bytes).toString('base64') });
const odt = (content: string) => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8(content) });

describe('messages for bad input', () => {
  it('points at the first byte of an encoded surrogate, an overlong form or a code point past U+10FFFF, by line', () => {
    // "😀 ok\n" then ED A0 80 (U+D800 encoded as if it were a character) after 4 + 3 + 1 + 2 + 2 bytes: byte 12 on line 2.
    const surrogate = new Uint8Array([...new TextEncoder().encode('😀 ok\nab\u00e9'), 0xed, 0xa0, 0x80, 0x62]);
    expect(() => decodeText(surrogate)).toThrow('is not valid UTF-8 text: byte 12 (line 2) is not part of a UTF-8 character');
    for (const bad of [
      [0xe0, 0x80, 0x80, 0x41],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
    ]) {
      expect(() => decodeText(new Uint8Array([0x63, 0xc3, 0xa9, ...bad]))).toThrow('byte 3 (line 1)');
    }
    // The boundary cases on the good side still read: U+10FFFF, U+E000 and U+0800.
    expect(decodeText(new TextEncoder().encode('\u{10FFFF}\uE000\u0800')).text).toBe('\u{10FFFF}\uE000\u0800');
  });

  it('says a malformed ODT is damaged rather than that it has no text', async () => {
    await expect(readTranscript(upload('broken.odt', odt('<office:document-content><office:body>')))).rejects.toThrow(
      /"broken\.odt" is damaged or not an OpenDocument text \(\.odt\): .*content\.xml line/,
    );
    await expect(readTranscript(upload('other.odt', odt('<html><body><p>Hello</p></body></html>')))).rejects.toThrow(
      '"other.odt" is damaged or not an OpenDocument text (.odt): its content.xml has no document body.',
    );
    const empty = odt('<office:document-content><office:body><office:text/></office:body></office:document-content>');
    await expect(readTranscript(upload('empty.odt', empty))).rejects.toThrow('"empty.odt" has no text to import.');
  });

  it('writes "an Excel workbook"', async () => {
    await expect(readSheetRows('xlsx', new TextEncoder().encode('Case,Region\nA,North'))).rejects.toThrow(
      'is not an Excel workbook (.xlsx) (those are ZIP archives',
    );
  });
});
