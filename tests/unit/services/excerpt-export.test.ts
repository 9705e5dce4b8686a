// Every export read back by a reader other than its writer: the DOCX's XML (fflate + fast-xml-parser, and
// LibreOffice's PDF through pdftotext), the CSV with papaparse, the XLSX's sheet XML (exceljs wrote it),
// the Markdown through the importer's inline reader, the HTML as XML. The expected excerpts, citations and
// paragraph numbers are written out by hand from tests/unit/excerpts-fixture.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { listAttributes } from '../../../db/queries/cases';
import { clipText, exportExcerpts, type ExcerptFormat, type ExcerptReport } from '../../../electron/services/excerpt-export';
import { describeSelection, excerptSelection, selectExcerpts } from '../../../electron/services/excerpts';
import { parseInline } from '../../../electron/services/import/markdown';
import { excerptsFixture } from '../excerpts-fixture';
import { tempDir } from '../helpers';

const TEMPLATE = '({case}, {speaker}, {paragraph}, {time}; {Authority type})';

const ONE = '(Borough, DCS, ¶1; London borough)';
const TWO = '(District, DCS, ¶2; Metropolitan district)';
const DREI = (speaker: string, paragraph: string, time: string) => `(Город 1, ${speaker}, ${paragraph}, ${time}; London borough)`;

/** Codes T1 (with its sub-code T1a) and T2, grouped by code: s10 carries both, so it is quoted under each. */
const GROUPS: [string, [string, string][]][] = [
  [
    'Themes/T1',
    [
      ['DCS: Ça va 😀', ONE],
      ['va 😀 naïve p', ONE],
      ['DCS: ', TWO],
      ['Επιθεώρηση 😀 σημαντική\nПродолжение', DREI('DCS', '¶1–2', '00:12:31')],
      ['=SUM(A1) and - dashes', DREI('Interviewer', '¶3', '00:13:05')],
      ['@home *not* bold', DREI('DCS', '¶4', '00:13:05')],
    ],
  ],
  [
    'Themes/T2',
    [
      ['Ça va 😀 na', ONE],
      [': Boar', TWO],
      ['=SUM(A1) and - dashes', DREI('Interviewer', '¶3', '00:13:05')],
    ],
  ],
];

const HEADER = [
  ...['document', 'case', 'start', 'end', 'paragraph_start', 'paragraph_end', 'speaker', 'time', 'coder', 'codes', 'memo', 'text'],
  ...['citation', 'Authority type', 'Duration (minutes)'],
];

/** One row per excerpt, at its first group; text that looks like a formula starts with an apostrophe. */
const ROWS: (string | number)[][] = [
  [
    'One',
    'Borough',
    0,
    12,
    1,
    1,
    'DCS',
    '',
    'A',
    'MGF:System/Constitutive; MGF:Local; Themes/T1',
    '',
    'DCS: Ça va 😀',
    ONE,
    'London borough',
    '52',
  ],
  ['One', 'Borough', 8, 20, 1, 1, 'DCS', '', 'B', 'Themes/T1', '', 'va 😀 naïve p', ONE, 'London borough', '52'],
  [
    'Two',
    'District',
    18,
    23,
    2,
    2,
    'DCS',
    '',
    'A',
    'MGF:Organizational/Operational; MGF:National; Themes/T1',
    '',
    'DCS: ',
    TWO,
    'Metropolitan district',
    '9',
  ],
  // TEXT_3's second line starts at 39 (38 code points and a line end); its first word ends at 50.
  ['Drei', 'Город 1', 16, 50, 1, 2, 'DCS', '00:12:31', 'A', 'MGF:System/Constitutive; Themes/T1', 'Σημείωση 📝'].concat([
    'Επιθεώρηση 😀 σημαντική\nПродолжение',
    DREI('DCS', '¶1–2', '00:12:31'),
    'London borough',
    '40',
  ]),
  ['Drei', 'Город 1', 82, 103, 3, 3, 'Interviewer', '00:13:05', 'A', 'Themes/T2; Themes/T1/T1a', '', "'=SUM(A1) and - dashes"].concat([
    DREI('Interviewer', '¶3', '00:13:05'),
    'London borough',
    '40',
  ]),
  ['Drei', 'Город 1', 109, 125, 4, 4, 'DCS', '00:13:05', 'A', 'Themes/T1/T1a', '', "'@home *not* bold"].concat([
    DREI('DCS', '¶4', '00:13:05'),
    'London borough',
    '40',
  ]),
  ['One', 'Borough', 5, 15, 1, 1, 'DCS', '', 'A', 'Themes/T2', '', 'Ça va 😀 na', ONE, 'London borough', '52'],
  ['Two', 'District', 21, 27, 2, 2, 'DCS', '', 'A', 'MGF:System/Constitutive; Themes/T2', '', ': Boar', TWO, 'Metropolitan district', '9'],
];

function report(options: Partial<ExcerptReport> = {}): ExcerptReport {
  const f = excerptsFixture();
  const selection = excerptSelection.parse({ codeIds: [f.T1, f.T2], groupBy: 'code' });
  const { total, excerpts } = selectExcerpts(f.db, selection, { limit: 1000, offset: 0 });
  return {
    ...describeSelection(f.db, selection, total),
    excerpts,
    attributes: listAttributes(f.db).map((a) => a.name),
    template: TEMPLATE,
    toc: true,
    pageNumbers: true,
    maxLength: null,
    ...options,
  };
}

const xml = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false, parseTagValue: false, htmlEntities: true });
type Node = Record<string, unknown> & { ':@'?: Record<string, string> };
const nameOf = (n: Node) => Object.keys(n).find((k) => k !== ':@')!;
const kids = (n: Node) => (Array.isArray(n[nameOf(n)]) ? (n[nameOf(n)] as Node[]) : []);
/** Every element named `name` under the nodes, depth first, in document order. */
function all(nodes: Node[], name: string): Node[] {
  return nodes.flatMap((n) => (nameOf(n) === name ? [n] : all(kids(n), name)));
}
/** The text under a node: its #text, joined in order (w:t, <p>, <cite>…). */
const textOf = (n: Node): string => (nameOf(n) === '#text' ? String(n['#text']) : kids(n).map(textOf).join(''));

async function exported(format: ExcerptFormat, r = report()) {
  return exportExcerpts(r, format);
}

describe('DOCX', () => {
  it('has a Word heading per group and each excerpt in the Quote style with its citation, a contents table and page numbers', async () => {
    const file = await exported('docx');
    expect(file.fileName).toBe('Excerpts T1 T2.docx');
    const zip = unzipSync(new Uint8Array(file.data));
    const body = all(xml.parse(strFromU8(zip['word/document.xml']!)) as Node[], 'w:body')[0]!;
    const paragraphs = kids(body)
      .filter((n) => nameOf(n) === 'w:p')
      .map((p) => {
        const style = all(kids(p), 'w:pStyle')[0]?.[':@']?.['@_w:val'] ?? '';
        return [style, all(kids(p), 'w:t').map(textOf).join('')];
      });
    expect(paragraphs.slice(0, 2)).toEqual([
      ['Title', 'Excerpts: T1, T2'],
      ['Description', '8 excerpts · any of T1, T2 (with sub-codes) · grouped by code · ordered by document position'],
    ]);
    // A passage over two paragraphs is two Quote paragraphs; s9's memo (the fixture's only one) follows its citation.
    const expected = GROUPS.flatMap(([group, quotes]) => [
      ['Heading1', group],
      ...quotes.flatMap(([text, citation]) => [
        ...text.split('\n').map((line) => ['Quote', line]),
        ['QuoteCitation', citation],
        ...(text.startsWith('Επιθεώρηση') ? [['QuoteMemo', 'Memo: Σημείωση 📝']] : []),
      ]),
    ]);
    expect(paragraphs.slice(2)).toEqual(expected);
    // The table of contents lists the headings; the footer numbers the pages.
    const toc = all(kids(body), 'w:sdt')[0]!;
    expect(all(kids(toc), 'w:instrText').map(textOf).join('')).toMatch(/^TOC .*\\o "1-1"/);
    expect(all(kids(toc), 'w:t').map(textOf)).toEqual(expect.arrayContaining(['Themes/T1', 'Themes/T2']));
    const footer = Object.keys(zip).find((k) => /^word\/footer\d*\.xml$/.test(k))!;
    expect(strFromU8(zip[footer]!)).toContain('PAGE');
    const styles = all(xml.parse(strFromU8(zip['word/styles.xml']!)) as Node[], 'w:style').map((s) => s[':@']!['@_w:styleId']);
    expect(styles).toEqual(expect.arrayContaining(['Heading1', 'Quote', 'QuoteCitation', 'Title']));
  });

  it('leaves out the contents and page numbers when asked, and headings when not grouped', async () => {
    const zip = unzipSync(new Uint8Array((await exported('docx', report({ toc: false, pageNumbers: false }))).data));
    expect(strFromU8(zip['word/document.xml']!)).not.toContain('w:sdt>');
    expect(Object.keys(zip).some((k) => k.startsWith('word/footer'))).toBe(false);
  });

  it('converts to PDF in LibreOffice with every excerpt and citation in it', async (context) => {
    const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => {
      try {
        execFileSync(p, ['--version'], { stdio: 'ignore', timeout: 60_000 });
        return true;
      } catch {
        return false;
      }
    });
    // CI installs libreoffice-writer-nogui and poppler-utils (.ci/run); a machine without them skips this one test.
    if (!soffice) return context.skip('LibreOffice (soffice) is not installed');
    const dir = tempDir();
    writeFileSync(join(dir, 'excerpts.docx'), (await exported('docx')).data);
    mkdirSync(join(dir, 'profile'));
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'excerpts.docx'),
      ],
      { stdio: 'ignore', timeout: 150_000 },
    );
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'excerpts.pdf'), '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    for (const [group, quotes] of GROUPS) {
      expect(flat).toContain(group);
      for (const [quote, citation] of quotes) {
        expect(flat).toContain(quote.replace(/\s+/g, ' ').trim());
        expect(flat).toContain(citation);
      }
    }
    // Each citation as often as its excerpts are quoted: nine quotes in all.
    const citations = GROUPS.flatMap(([, quotes]) => quotes.map(([, c]) => c));
    for (const c of new Set(citations)) expect(flat.split(c).length - 1).toBe(citations.filter((x) => x === c).length);
    expect(readFileSync(join(dir, 'excerpts.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);
});

describe('CSV and XLSX', () => {
  it('CSV: the column contract, one row per excerpt, the exact text, formula-like text neutralised', async () => {
    const file = await exported('csv');
    expect(file.mimeType).toBe('text/csv');
    const text = file.data.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trimEnd(), { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(HEADER);
    expect(parsed.data.slice(1)).toEqual(ROWS.map((r) => r.map(String)));
  });

  it('XLSX: the same rows in the sheet, numbers as numbers, text as strings (never a formula)', async () => {
    const file = await exported('xlsx');
    const zip = unzipSync(new Uint8Array(file.data));
    const sharedXml = zip['xl/sharedStrings.xml'];
    const shared = sharedXml ? all(xml.parse(strFromU8(sharedXml)) as Node[], 'si').map(textOf) : [];
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[ >]/);
    const rows = all(xml.parse(sheet) as Node[], 'row').map((row) => {
      const cells: (string | number)[] = [];
      for (const c of all(kids(row), 'c')) {
        const ref = c[':@']!['@_r']!;
        const column = [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        const type = c[':@']!['@_t'];
        // A shared string by index, an inline string, or a number.
        const value = type === 'inlineStr' ? all(kids(c), 'is').map(textOf)[0] : all(kids(c), 'v').map(textOf)[0];
        while (cells.length < column) cells.push('');
        cells[column] = value === undefined ? '' : type === 's' ? shared[Number(value)]! : type === undefined ? Number(value) : value;
      }
      while (cells.length < HEADER.length) cells.push('');
      return cells;
    });
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1)).toEqual(ROWS);
  });
});

describe('Markdown and HTML', () => {
  /** Groups and blockquotes of the Markdown, each line unescaped by the importer's inline reader. */
  function readMarkdown(source: string) {
    const groups: [string, [string, string][]][] = [];
    let quote: string[] | null = null;
    let title = '';
    for (const line of [...source.split('\n'), '']) {
      if (line.startsWith('# ')) title = parseInline(line.slice(2)).text;
      else if (line.startsWith('## ')) groups.push([parseInline(line.slice(3)).text, []]);
      else if (line.startsWith('>')) (quote ??= []).push(line.slice(2));
      else if (quote) {
        // Paragraphs are separated by an empty quoted line; the last one is the citation.
        const paragraphs = quote
          .join('\n')
          .split('\n\n')
          .map((p) => parseInline(p).text);
        groups.at(-1)![1].push([paragraphs.slice(0, -1).join('\n'), paragraphs.at(-1)!.replace(/^— /, '')]);
        quote = null;
      }
    }
    return { title, groups };
  }

  it('Markdown: a heading per group, blockquotes with the citation, the text exactly as coded', async () => {
    const file = await exported('md');
    expect(file.fileName).toBe('Excerpts T1 T2.md');
    const read = readMarkdown(file.data.toString('utf8'));
    expect(read.title).toBe('Excerpts: T1, T2');
    expect(read.groups).toEqual(GROUPS);
    // Syntax in the text is escaped, not interpreted.
    expect(file.data.toString('utf8')).toContain('> @home \\*not\\* bold');
    // The coding memo of s9 (the fixture's only memo) follows its quote.
    expect(file.data.toString('utf8')).toContain(`> — ${DREI('DCS', '¶1–2', '00:12:31')}\n\n**Memo:** Σημείωση 📝\n`);
  });

  it('HTML: one self-contained page with sections, blockquotes and cited sources', async () => {
    const page = (await exported('html')).data.toString('utf8');
    expect(page).not.toMatch(/<(script|link|img)\b|src=|url\(/);
    const doc = xml.parse(page) as Node[];
    expect(all(doc, 'h1').map(textOf)).toEqual(['Excerpts: T1, T2']);
    expect(all(all(doc, 'nav'), 'a').map(textOf)).toEqual(['Themes/T1', 'Themes/T2']);
    const read = all(doc, 'section').map((s) => [
      textOf(all(kids(s), 'h2')[0]!),
      all(kids(s), 'blockquote').map((b) => [textOf(all(kids(b), 'p')[0]!), textOf(all(kids(b), 'cite')[0]!)]),
    ]);
    expect(read).toEqual(GROUPS);
    // s9's memo inside its blockquote, under the citation.
    expect(page).toContain(
      `<cite>${DREI('DCS', '¶1–2', '00:12:31')}</cite></footer><p class="memo"><b>Memo:</b> Σημείωση 📝</p></blockquote>`,
    );
  });
});

describe('excerpt length', () => {
  it('keeps the text whole unless asked, then cuts it on a word boundary with an ellipsis', async () => {
    expect(clipText('Επιθεώρηση 😀 σημαντική', null)).toBe('Επιθεώρηση 😀 σημαντική');
    expect(clipText('Επιθεώρηση 😀 σημαντική', 23)).toBe('Επιθεώρηση 😀 σημαντική');
    // 14 code points end inside "σημαντική": back to the last word boundary.
    expect(clipText('Επιθεώρηση 😀 σημαντική', 16)).toBe('Επιθεώρηση 😀…');
    // A cut right at a word's end keeps that word.
    expect(clipText('one two three', 7)).toBe('one two…');
    expect(clipText('unbreakable', 4)).toBe('unbr…');
    // Excerpts of 12 code points or fewer stay whole.
    const csv = Papa.parse<string[]>((await exported('csv', report({ maxLength: 12 }))).data.toString('utf8').slice(1).trimEnd()).data;
    expect(csv.slice(1).map((r) => r[11])).toEqual([
      'DCS: Ça va 😀',
      'va 😀 naïve p',
      'DCS: ',
      'Επιθεώρηση 😀…',
      "'=SUM(A1) and…",
      "'@home *not*…",
      'Ça va 😀 na',
      ': Boar',
    ]);
  });
});
