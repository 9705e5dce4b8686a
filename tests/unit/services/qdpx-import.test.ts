import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listAttributes, listCases } from '../../../db/queries/cases';
import { codeTree, type CodeNode } from '../../../db/queries/codes';
import type { Db } from '../../../db/project-file';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import { sliceCodePoints } from '../../../shared/offsets';
import { expectDerivedMatchRebuild } from '../db/migrations/old-projects';
import { readQdpx } from '../../../electron/services/qdpx-import';
import { newSession, ok } from '../helpers';
import { buildZip } from './zip-bomb';

const EMOJI_TEXT = 'Interviewer: Why 😀?\nDCS: Because 🎉 the board — and naïve budgets.';

async function session(create: 'demo' | 'empty') {
  const s = newSession();
  await ok(dispatch(s, create === 'demo' ? 'project.createDemo' : 'project.create', create === 'demo' ? {} : { file: 'Imported' }));
  return s;
}

const call = <T>(s: Session, method: Parameters<typeof dispatch>[1], args: unknown) => ok<T>(dispatch(s, method, args));
const importQdpx = (s: Session, bytes: Uint8Array, name = 'project.qdpx') =>
  dispatch(s, 'qdpx.import', { source: { name, data: Buffer.from(bytes).toString('base64') } });

/** Everything a project exchange must keep, by names and GUIDs rather than ids. */
function dump(db: Db) {
  const docs = db.prepare('SELECT id, name, plain_text AS text FROM documents ORDER BY name').all() as {
    id: number;
    name: string;
    text: string;
  }[];
  const docName = new Map(docs.map((d) => [d.id, d.name]));
  const node = (n: CodeNode): unknown => ({
    guid: n.guid,
    name: n.name,
    color: n.color,
    description: n.description,
    inclusion: n.inclusion,
    exclusion: n.exclusion,
    codable: n.codable,
    children: n.children.map(node),
  });
  const segments = db
    .prepare(
      `SELECT d.name AS document, s.start, s.end, c.name AS coder, s.memo,
              (SELECT group_concat(k.guid) FROM (SELECT k.guid FROM segment_codes sc JOIN codes k ON k.id = sc.code_id WHERE sc.segment_id = s.id ORDER BY k.guid) k) AS codes
         FROM segments s JOIN documents d ON d.id = s.document_id JOIN coders c ON c.id = s.coder_id
        ORDER BY d.name, s.start, s.end, c.name, codes`,
    )
    .all();
  return {
    documents: docs.map((d) => ({ name: d.name, text: d.text })),
    memos: db.prepare('SELECT d.name, m.body FROM memos m JOIN documents d ON d.id = m.document_id ORDER BY d.name').all(),
    objectMemos: db
      .prepare(
        `SELECT coalesce(k.guid, c.name, 'project') AS object, m.body FROM memos m
           LEFT JOIN codes k ON k.id = m.code_id LEFT JOIN cases c ON c.id = m.case_id
          WHERE m.document_id IS NULL ORDER BY object`,
      )
      .all(),
    cases: listCases(db).map((c) => ({
      ...c,
      id: undefined,
      guid: undefined,
      documentIds: c.documentIds.map((id) => docName.get(id)).sort(),
    })),
    attributes: listAttributes(db).map((a) => ({ ...a, id: undefined })),
    codebook: codeTree(db).map(node),
    coders: (db.prepare('SELECT name FROM coders ORDER BY name').all() as { name: string }[]).map((c) => c.name),
    segments,
  };
}

describe('qdpx round trip', () => {
  it('export then import into an empty project gives the same documents, cases, attributes, codebook, coders and segments', async () => {
    const from = await session('demo');
    const doc = await call<{ documentId: number }>(from, 'documents.import', { source: { name: 'Emoji', text: EMOJI_TEXT } });
    await call(from, 'segments.create', {
      documentId: doc.documentId,
      start: 26,
      end: 35,
      codeRefs: ['Themes/Leadership'],
      memo: 'Memo 😀',
    });
    await call(from, 'memos.set', { target: { kind: 'document', id: doc.documentId }, body: 'Document memo' });
    const [firstCase] = listCases(from.db);
    await call(from, 'memos.set', { target: { kind: 'case', id: firstCase!.id }, body: 'Case memo 😀' });
    await call(from, 'memos.set', { target: { kind: 'code', id: codeTree(from.db)[0]!.id }, body: 'Code memo' });
    await call(from, 'memos.set', { target: { kind: 'project' }, body: 'Project memo' });
    const exported = await call<ResultOf<'qdpx.export'>>(from, 'qdpx.export', {});
    const to = await session('empty');
    const report = await ok<ResultOf<'qdpx.import'>>(importQdpx(to, Buffer.from(exported.base64, 'base64')));
    expect(report.rejected).toEqual([]);
    expect(report.corrected).toEqual([]);
    expect(report.selections).toBe(exported.report.selections);
    expect(report.codings).toBe(exported.report.codings);
    const [a, b] = [dump(from.db), dump(to.db)];
    expect(a.segments.length).toBeGreaterThan(100);
    expect(a.cases.length * a.attributes.length * a.memos.length).toBeGreaterThan(0);
    expect(b.documents).toEqual(a.documents);
    expect(b.memos).toEqual(a.memos);
    expect(a.objectMemos).toHaveLength(3);
    expect(b.objectMemos).toEqual(a.objectMemos);
    expect(b.cases).toEqual(a.cases);
    expect(b.attributes).toEqual(a.attributes);
    expect(b.codebook).toEqual(a.codebook);
    expect(b.coders).toEqual(a.coders);
    expect(b.segments).toEqual(a.segments);
  }, 60_000);
});

const G = (n: number) => `{0000000${n}-aaaa-4bbb-8ccc-00000000000${n}}`.toLowerCase();
const U = (n: number) => `0000000${n}-AAAA-4BBB-8CCC-00000000000${n}`;
// Text with astral characters; the writer counts UTF-16 units, as some programs do.
const SOURCE_TEXT = 'Interviewer: Tell me 🙂 more.\nMaria: The 🎉 party was the best part.';
const u16 = (s: string) => [SOURCE_TEXT.indexOf(s), SOURCE_TEXT.indexOf(s) + s.length];

/** A project.qde in the shape other programs write: {GUID} braces in lower case, nested codes, users, notes, variables, a PDF. */
function otherToolQde(selection = u16('the best part.'), extra = '') {
  const [s, e] = selection;
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Elsewhere" origin="Other tool 12">
  <Users><User guid="${G(1)}" name="Maria K"/><User guid="${U(2)}" name="Tom"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(3)}" name="Feelings" isCodable="false" color="#abc">
      <Description>Emotions.</Description>
      <Code guid="${G(4)}" name="Joy" isCodable="true" color="#00FF00"/>
    </Code>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="${G(5)}" name="Age" typeOfVariable="Integer"/>
    <Variable guid="${G(6)}" name="Consent" typeOfVariable="Boolean"/>
  </Variables>
  <Cases><Case guid="${G(7)}" name="Maria"><VariableValue><VariableRef targetGUID="${G(5)}"/><IntegerValue>42</IntegerValue></VariableValue>
    <VariableValue><VariableRef targetGUID="${G(6)}"/><BooleanValue>1</BooleanValue></VariableValue><SourceRef targetGUID="${G(8)}"/></Case></Cases>
  <Sources>
    <TextSource guid="${G(8)}" name="Maria interview" plainTextPath="internal://maria.txt">
      <PlainTextSelection guid="${G(9)}" startPosition="${s}" endPosition="${e}" creatingUser="${G(1)}">
        <Coding guid="${U(1)}" creatingUser="${U(2)}"><CodeRef targetGUID="${G(4).toUpperCase()}"/></Coding>
        <NoteRef targetGUID="${G(2)}"/>
      </PlainTextSelection>
      ${extra}
      <NoteRef targetGUID="${U(3)}"/>
    </TextSource>
    <TextSource guid="${U(4)}" name="Inline"><PlainTextContent>Just inline text.</PlainTextContent></TextSource>
    <PDFSource guid="${U(5)}" name="Scan.pdf" path="internal://scan.pdf">
      <PDFSelection guid="${U(6)}" page="1" firstX="0" firstY="0" secondX="1" secondY="1"><Coding guid="${U(7)}"><CodeRef targetGUID="${G(4)}"/></Coding></PDFSelection>
      <PDFSelection guid="${U(8)}" page="2" firstX="0" firstY="0" secondX="1" secondY="1"/>
    </PDFSource>
  </Sources>
  <Notes>
    <Note guid="${G(2)}" name="n1"><PlainTextContent>Big smile here.</PlainTextContent></Note>
    <Note guid="${U(3)}" name="n2"><PlainTextContent>Interview at home.</PlainTextContent></Note>
  </Notes>
</Project>`;
}

const archive = (qde: string, files: Record<string, string> = { 'sources/maria.txt': SOURCE_TEXT }) =>
  zipSync(Object.fromEntries(Object.entries({ 'project.qde': qde, ...files }).map(([k, v]) => [k, new TextEncoder().encode(v)])));

describe('qdpx import of files other programs write', () => {
  it('imports nested codes, {GUID}s in any case, users, notes, typed variables, skips the PDF and corrects UTF-16 positions', async () => {
    const s = await session('empty');
    const report = await ok<ResultOf<'qdpx.import'>>(importQdpx(s, archive(otherToolQde())));
    expect(report).toMatchObject({ sources: 2, users: 2, cases: 1, selections: 1, codings: 1, rejected: [] });
    expect(report.skippedSources).toEqual([{ name: 'Scan.pdf', kind: 'PDF', selections: 2 }]);
    expect(report.corrected).toHaveLength(1);
    const d = dump(s.db);
    expect(d.documents).toEqual([
      { name: 'Inline', text: 'Just inline text.' },
      { name: 'Maria interview', text: SOURCE_TEXT },
    ]);
    // Where the phrase starts in code points (two emoji before it each count once, not twice).
    const cp = Array.from(SOURCE_TEXT.slice(0, SOURCE_TEXT.indexOf('the best part.'))).length;
    expect(cp).toBe(SOURCE_TEXT.indexOf('the best part.') - 2);
    // The coding's own creatingUser (Tom) wins over the selection's; the text is exactly the phrase coded.
    const joy = codeTree(s.db).find((c) => c.name === 'Feelings')!.children[0]!;
    expect(joy).toMatchObject({ name: 'Joy', guid: U(4), color: '#00FF00' });
    expect(codeTree(s.db).find((c) => c.name === 'Feelings')).toMatchObject({ codable: false, color: '#AABBCC', description: 'Emotions.' });
    expect(d.segments).toEqual([
      { document: 'Maria interview', start: cp, end: cp + 14, coder: 'Tom', memo: 'Big smile here.', codes: U(4) },
    ]);
    expect(sliceCodePoints(SOURCE_TEXT, cp, cp + 14)).toBe('the best part.');
    expect(d.coders).toEqual(expect.arrayContaining(['Maria K', 'Tom']));
    expect(d.memos).toEqual([{ name: 'Maria interview', body: 'Interview at home.' }]);
    expect(d.cases).toEqual([
      { name: 'Maria', description: '', documentIds: ['Maria interview'], attributes: { Age: '42', Consent: 'true' } },
    ]);
    expect(d.attributes).toEqual([
      { name: 'Age', type: 'number', choices: null },
      { name: 'Consent', type: 'boolean', choices: null },
    ]);
    // Speaker turns are found as on any import.
    const speakers = s.db.prepare('SELECT DISTINCT speaker FROM paragraphs WHERE speaker IS NOT NULL ORDER BY speaker').all();
    expect(speakers).toEqual([{ speaker: 'Interviewer' }, { speaker: 'Maria' }]);
  });
});

describe('qdpx import: character references, line ends and the current coder', () => {
  // The text as the writer had it: an emoji, a CR LF line end and an é, all written as numeric
  // character references, and "&amp;#10;", which is the six characters "&#10;", not a line break.
  const RAW = 'Interviewer: Hi 😀\r\nAna: Café &#10; time.';
  const escaped = 'Interviewer: Hi &#x1F600;&#13;&#10;Ana: Caf&#233; &amp;#10; time.';
  // Positions count code points of RAW, the CR included (the emoji is one).
  const at = (phrase: string) => {
    const start = Array.from(RAW.slice(0, RAW.indexOf(phrase))).length;
    return [start, start + Array.from(phrase).length];
  };
  const qde = (users = `<Users><User guid="${G(1)}" name="Ana &#x1F600;"/><User guid="${G(2)}" name="Ben"/></Users>`) => {
    const [s, e] = at('Café');
    const [s2, e2] = [0, 'Interviewer: one'.length];
    return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Refs">
  ${users}
  <CodeBook><Codes><Code guid="${G(3)}" name="Caf&#xE9; &#x1F600;" isCodable="true"><Description>Line one&#10;line two</Description></Code></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(4)}" name="Talk &#x1F600;"><PlainTextContent>${escaped}</PlainTextContent>
      <PlainTextSelection guid="${G(5)}" startPosition="${s}" endPosition="${e}" creatingUser="${G(2)}">
        <Coding guid="${G(6)}"><CodeRef targetGUID="${G(3)}"/></Coding><NoteRef targetGUID="${G(7)}"/>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${G(8)}" name="Literal">${'<PlainTextContent>Interviewer: one\r\nAna: two</PlainTextContent>'}
      <PlainTextSelection guid="${G(9)}" startPosition="${s2}" endPosition="${e2}" creatingUser="${G(2)}">
        <Coding guid="${U(1)}"><CodeRef targetGUID="${G(3)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes><Note guid="${G(7)}" name="n"><PlainTextContent>Smile &#x1F600;&#13;&#10;here</PlainTextContent></Note></Notes>
</Project>`;
  };

  it('decodes numeric character references in names, descriptions, notes and texts, and keeps a CR LF written as references', async () => {
    const s = await session('empty');
    const report = await ok<ResultOf<'qdpx.import'>>(importQdpx(s, archive(qde(), {})));
    expect(report).toMatchObject({ sources: 2, selections: 2, rejected: [], corrected: [] });
    const d = dump(s.db);
    // The CR of the CR LF counts in the positions (as the writer counted it) and leaves the canonical
    // text, which ends lines with \n alone, as every import does.
    expect(d.documents).toEqual([
      { name: 'Literal', text: 'Interviewer: one\nAna: two' },
      { name: 'Talk 😀', text: 'Interviewer: Hi 😀\nAna: Café &#10; time.' },
    ]);
    const segment = d.segments.find((x) => (x as { document: string }).document === 'Talk 😀') as {
      start: number;
      end: number;
      memo: string;
    };
    expect(sliceCodePoints(d.documents[1]!.text, segment.start, segment.end)).toBe('Café');
    expect(segment.memo).toBe('Smile 😀\r\nhere');
    expect(d.codebook).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Café 😀', description: 'Line one\nline two' })]));
    expect(d.coders).toEqual(['Ana 😀', 'Ben']);
  });

  it('reads a literal CR LF in a PlainTextContent as XML requires: one line break (XML 1.0 §2.11), positions counted on it', async () => {
    // XML parsers turn a literal CR LF into LF before the application sees the text; a writer that means
    // CR LF writes &#13;. "Interviewer: one" is 0–16 either way; "Ana" starts at 17 after the one \n.
    const s = await session('empty');
    await ok(importQdpx(s, archive(qde(), {})));
    const literal = dump(s.db).segments.find((x) => (x as { document: string }).document === 'Literal') as { start: number; end: number };
    expect(literal).toMatchObject({ start: 0, end: 16 });
  });

  it("makes the file's first user the current coder of a project that had none, and leaves a chosen one", async () => {
    const fresh = await session('empty');
    expect((await call<ResultOf<'coders.list'>>(fresh, 'coders.list', {})).currentId).toBeNull();
    const report = await ok<ResultOf<'qdpx.import'>>(importQdpx(fresh, archive(qde(), {})));
    const listed = await call<ResultOf<'coders.list'>>(fresh, 'coders.list', {});
    expect(listed.coders.find((c) => c.id === listed.currentId)?.name).toBe('Ana 😀');
    expect(report.notes).toContain('The current coder is now "Ana 😀" (the project had none).');
    // Without users, the coder its codings brought (the selection names a user the file does not list).
    const noUsers = await session('empty');
    await ok(importQdpx(noUsers, archive(qde(''), {})));
    const second = await call<ResultOf<'coders.list'>>(noUsers, 'coders.list', {});
    expect(second.coders.find((c) => c.id === second.currentId)?.name).toMatch(/^User /);
    // A project where someone already codes keeps its current coder.
    const demo = await session('demo');
    const before = (await call<ResultOf<'coders.list'>>(demo, 'coders.list', {})).currentId;
    expect(before).not.toBeNull();
    await ok(importQdpx(demo, archive(qde(), {})));
    expect((await call<ResultOf<'coders.list'>>(demo, 'coders.list', {})).currentId).toBe(before);
  });

  it('recounts only the imported documents into a coded project, leaving counts equal to a rebuild', async () => {
    // The demo project has 306 segments of its own; the import's recount covers only the new documents'
    // pairs, and the kept counts must still equal the rule's SQL rebuild (db/code-counts.ts, db/cooccurrence.ts).
    const demo = await session('demo');
    await ok(importQdpx(demo, archive(otherToolQde())));
    await ok(importQdpx(demo, archive(qde(), {})));
    expectDerivedMatchRebuild(demo.db);
  });
});

describe('qdpx bad input: a clear message and the project untouched', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['not a zip', new TextEncoder().encode('hello, this is not a zip archive'), /^"bad\.qdpx" is not a REFI-QDA project/],
    ['no project.qde', archive('', {}).slice(0) && zipSync({ 'other.xml': new Uint8Array(3) }), /has no project\.qde/],
    ['not XML', archive('<Project><oops></Project>'), /project\.qde that is not XML: .*\(line 1\)/],
    [
      'schema: a code without isCodable',
      archive(otherToolQde().replace(' isCodable="true"', '')),
      /does not follow the REFI-QDA schema: the code "Feelings\/Joy" has no isCodable/,
    ],
    [
      'schema: bad GUID',
      archive(otherToolQde().replace(`guid="${G(9)}"`, 'guid="nope"')),
      /selection 1 of the source "Maria interview" has an invalid guid "nope"/,
    ],
    ['missing source file', archive(otherToolQde(), {}), /lacks the text of "Maria interview": sources\/maria\.txt is not in the archive/],
    ['.. entry', buildZip([{ name: '../project.qde', content: '<Project/>' }]), /unsafe path \("\.\.\/project\.qde"\)/],
    ['absolute entry', buildZip([{ name: '/etc/project.qde', content: '<Project/>' }]), /unsafe path/],
    ['zip bomb', buildZip([{ name: 'project.qde', zeros: 16 * 1024 * 1024, declared: 100 }]), /packed more than 200 to 1/],
    [
      'entity bomb',
      archive(
        '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><Project name="x">&b;</Project>',
      ),
      /DOCTYPE or entity declaration/,
    ],
    ['external entity', archive('<?xml version="1.0"?><!DOCTYPE p SYSTEM "file:///etc/passwd"><Project name="x"/>'), /DOCTYPE/],
  ];
  it.each(cases)('%s', async (_what, bytes, message) => {
    const s = await session('empty');
    const before = JSON.stringify(dump(s.db));
    const result = await importQdpx(s, bytes, 'bad.qdpx');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(message);
    expect(!result.ok && result.error.message).toMatch(/^"bad\.qdpx" /);
    expect(JSON.stringify(dump(s.db))).toBe(before);
  });

  it('rejects a selection outside its source and reports it, importing the rest', async () => {
    const s = await session('empty');
    const outside = `<PlainTextSelection guid="${U(9)}" startPosition="10" endPosition="900"><Coding guid="${G(1)}"><CodeRef targetGUID="${G(4)}"/></Coding></PlainTextSelection>`;
    const report = await ok<ResultOf<'qdpx.import'>>(importQdpx(s, archive(otherToolQde(u16('the best part.'), outside))));
    expect(report.rejected).toEqual([expect.stringMatching(/^"Maria interview" selection 2 \(10–900\): outside its source/)]);
    expect(report.selections).toBe(1);
  });
});

describe('readQdpx: the one-pass reader of project.qde', () => {
  const qde = (inner: string) =>
    `<?xml version="1.0" encoding="utf-8"?>\n<q:Project xmlns:q="urn:QDA-XML:project:1.0" name="x">${inner}</q:Project>`;
  it('reads elements by local name and keeps references XML does not define as written', () => {
    const project = readQdpx(archive(qde(`<q:Users><q:User guid="${G(1)}" name="A&nbsp;&#0;&#x41;&amp;"/></q:Users>`), {}));
    expect([...project.users.values()]).toEqual(['A&nbsp;&#0;A&']);
  });
  it('names the element a closing tag skips over, and its line', () => {
    expect(() => readQdpx(archive(qde('\n<q:Users>\n<q:Other></q:Users>'), {}))).toThrow(
      'has a project.qde that is not XML: <q:Other> is not closed (line 4)',
    );
  });
});
