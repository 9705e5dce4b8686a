import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { codeTree, type CodeNode } from '../../../db/queries/codes';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import { emptyProject, newSession, ok, tempDir } from '../helpers';
import { fixture, snapshot } from '../codebook-fixture';

const XSD = '/work/shared/reference/Codebook-mrt2019.xsd';
const NS = 'urn:QDA-XML:codebook:1.0';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** xmllint (Debian's libxml2-utils) checks the file against the REFI-QDA codebook schema; it throws if invalid. */
const validate = (file: string) => execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' });

/** The demo project with a code set and a code whose names and texts need escaping. */
async function demo() {
  const session = newSession();
  await ok(dispatch(session, 'project.createDemo', {}));
  const call = <T>(method: Parameters<typeof dispatch>[1], args: unknown) => ok<T>(dispatch(session, method, args));
  const themes = codeTree(session.db).find((n) => n.name === 'Themes')!;
  const odd = await call<{ id: number }>('codes.create', { parentId: themes.id, name: 'Café & "naïve" <partners> 😀' });
  await call('codes.update', {
    id: odd.id,
    description: 'Line one.\nLine two < three.',
    inclusion: 'Warm words.',
    exclusion: 'Cold ones.',
  });
  await call('codeSets.create', {
    name: 'Early help',
    description: 'CAF and TAC.',
    // The CAF and the team around the child nested under it.
    codeIds: [themes.children[5]!.id, themes.children[5]!.children[0]!.id],
  });
  await call('codeSets.create', { name: 'Empty set', codeIds: [] });
  return session;
}

/** What a codebook keeps: everything but ids, sort numbers and counts. */
function shape(session: Session) {
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
  const guids = new Map<number, string>();
  const walk = (n: CodeNode) => (guids.set(n.id, n.guid), n.children.forEach(walk));
  const tree = codeTree(session.db);
  tree.forEach(walk);
  const sets = (session.db.prepare('SELECT id, guid, name, description FROM code_sets ORDER BY name').all() as { id: number }[]).map(
    (s) => ({
      ...s,
      id: undefined,
      members: (session.db.prepare('SELECT code_id AS id FROM code_set_members WHERE set_id = ?').all(s.id) as { id: number }[])
        .map((m) => guids.get(m.id))
        .sort(),
    }),
  );
  return { tree: tree.map(node), sets };
}

/** Exports through the API (bytes, named after the project) and saves them where the caller chose, as the CLI does. */
async function exportTo(session: Session, format: 'qdc' | 'md' | 'docx') {
  const exported = await ok<ResultOf<'codebook.export'>>(dispatch(session, 'codebook.export', { format }));
  // Named after the demo, "Every Child Matters – DCS interviews (demo)", without the dash and brackets.
  expect(exported.fileName).toBe(`Every Child Matters DCS interviews demo codebook.${format}`);
  expect(exported.mimeType).toBe({ qdc: 'application/xml', md: 'text/markdown; charset=utf-8', docx: DOCX }[format]);
  const file = join(tempDir(), exported.fileName);
  writeFileSync(file, Buffer.from(exported.base64, 'base64'));
  return file;
}

/** A file as the renderer sends it: its contents, named as the person's file was. */
const contentsOf = (file: string) => ({ source: { name: basename(file), data: readFileSync(file).toString('base64') } });

/** A file by path, as the command line passes it: its own argument, so the session may read it. */
function chosenPath(session: Session, file: string) {
  session.chosen.add(file);
  return { source: { path: file } };
}

type Report = ResultOf<'codebook.import'>;

/** A session on a brand-new project with no codes at all (not even the MGF). */
function blankSession() {
  const { db, file } = emptyProject();
  const session = newSession();
  session.attach(file, db);
  return session;
}

const qdc = (codes: string, sets = '') => `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="${NS}" origin="test"><Codes>${codes}</Codes>${sets}</CodeBook>`;
const G = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('REFI-QDA codebook exchange', () => {
  it('exports a .qdc that the REFI-QDA schema accepts, keeping GUIDs, hierarchy, colours, descriptions and sets', async () => {
    const session = await demo();
    const file = await exportTo(session, 'qdc');
    expect(validate(file)).toBe('');
    const xml = readFileSync(file, 'utf8');
    const duty = codeTree(session.db)[1]!.children[0]!;
    expect(xml).toContain(`<Code guid="${duty.guid}" name="Duty to cooperate" isCodable="true" color="#E15759">`);
    expect(xml).toContain('name="Café &amp; &quot;naïve&quot; &lt;partners&gt; 😀"');
    expect(xml).toContain('<Description>Line one.\nLine two &lt; three.\n\nInclude: Warm words.\n\nExclude: Cold ones.</Description>');
    expect(xml).toMatch(/<Set guid="[0-9A-F-]{36}" name="Early help">\s*<Description>CAF and TAC.<\/Description>\s*<MemberCode guid=/);
  });

  it('round-trips: export, import into an empty project, and the tree and sets are identical', async () => {
    const session = await demo();
    const file = await exportTo(session, 'qdc');
    const blank = blankSession();
    const report = await ok<Report>(dispatch(blank, 'codebook.import', contentsOf(file)));
    expect(report.file).toBe(basename(file));
    expect(report).toMatchObject({ matched: [], renamed: [], notes: [], sets: { added: ['Early help', 'Empty set'], matched: [] } });
    expect(report.added).toHaveLength(26);
    expect(report.added).toContain('Themes/Café & "naïve" <partners> 😀');
    expect(shape(blank)).toEqual(shape(session));

    // Importing the same file again recognises every code by its GUID and changes nothing.
    const before = snapshot(blank.db);
    const history = await ok(dispatch(blank, 'history.state', {}));
    const again = await ok<Report>(dispatch(blank, 'codebook.import', chosenPath(blank, file)));
    expect(again).toMatchObject({ added: [], renamed: [], sets: { added: [], matched: ['Early help', 'Empty set'] } });
    expect(again.matched.every((m) => m.by === 'guid')).toBe(true);
    expect(snapshot(blank.db)).toBe(before);
    // Nothing changed, so there is nothing to undo either.
    expect(await ok(dispatch(blank, 'history.state', {}))).toEqual(history);
  });

  it('merges by GUID, then by name under the same parent, and reports what it added, matched and renamed', async () => {
    const f = await fixture();
    const themes = await f.call('codes.create', { parentId: null, name: 'Themes', codable: false });
    const duty = await f.call('codes.create', { parentId: themes.id, name: 'Duty' });
    const budget = await f.call('codes.create', { parentId: themes.id, name: 'Budget' });
    const file = join(tempDir(), 'incoming.qdc');
    writeFileSync(
      file,
      qdc(`
      <Code guid="${G(1)}" name="Themes" isCodable="false">
        <Code guid="${duty.guid.toLowerCase()}" name="Statutory duty" isCodable="true" color="#abc"><Description>The 2004 duty.</Description></Code>
        <Code guid="${G(2)}" name="Health/social care" isCodable="true"/>
        <Code guid="${G(3)}" name="Money" isCodable="true"><Code guid="${budget.guid}" name="Budget" isCodable="true"/></Code>
      </Code>
      <Code guid="{${G(4)}}" name="MGF" isCodable="false"><Code guid="${G(5)}" name="National" isCodable="true" color="#102030"/></Code>`),
    );
    const report = await f.call('codebook.import', chosenPath(f.session, file));
    expect(report.added).toEqual(['Themes/Health∕social care', 'Themes/Money']);
    expect(report.matched).toEqual([
      { path: 'Themes', by: 'name' },
      { path: 'Themes/Statutory duty', by: 'guid' },
      { path: 'Themes/Money/Budget', by: 'guid' },
      { path: 'MGF', by: 'name' },
      { path: 'MGF/National', by: 'name' },
    ]);
    expect(report.renamed).toEqual([
      { from: 'Themes/Duty', to: 'Themes/Statutory duty' },
      { from: 'Themes/Health/social care', to: 'Themes/Health∕social care' },
      { from: 'Themes/Budget', to: 'Themes/Money/Budget' },
    ]);
    const node = codeTree(f.db)
      .find((n) => n.name === 'Themes')!
      .children.find((c) => c.id === duty.id)!;
    expect(node).toMatchObject({ color: '#AABBCC', description: 'The 2004 duty.' });
    // A code matched by name keeps its own GUID; the framework code took the colour, not a new place.
    expect(codeTree(f.db).find((n) => n.name === 'Themes')!.guid).toBe(themes.guid);
    expect(codeTree(f.db)[0]!.children.find((c) => c.name === 'National')!.color).toBe('#102030');
    expect(await f.call('history.undo', {})).toMatchObject({ undone: { label: 'Import codebook' } });
    expect(
      codeTree(f.db)
        .find((n) => n.name === 'Themes')!
        .children.map((c) => c.name),
    ).toEqual(['Duty', 'Budget']);
  });

  it('gives a clash-free name to a code whose name is taken, and keeps framework codes where they are', async () => {
    const f = await fixture();
    const file = join(tempDir(), 'clash.qdc');
    const cell = codeTree(f.db)[0]!.children[0]!;
    writeFileSync(
      file,
      qdc(`<Code guid="${G(1)}" name="Topics" isCodable="false">
        <Code guid="${G(2)}" name="Care" isCodable="true"/><Code guid="${G(3)}" name="care" isCodable="true"/>
        <Code guid="${cell.guid}" name="Institutions" isCodable="true"/></Code>`),
    );
    const report = await f.call('codebook.import', contentsOf(file));
    expect(report.added).toEqual(['Topics', 'Topics/Care', 'Topics/care 2']);
    expect(report.renamed).toContainEqual({ from: 'Topics/care', to: 'Topics/care 2' });
    expect(report.notes).toEqual([
      '"MGF/System × Constitutive" belongs to a framework and keeps its name and place (the file has "Topics/Institutions").',
    ]);
    expect(codeTree(f.db)[0]!.children[0]!.name).toBe('System × Constitutive');
  });

  const BAD: [string, string, RegExp][] = [
    ['not XML', 'Themes, Duty, Budget\n', /is not XML: .*\(line 1\)/],
    ['a broken tag', qdc('<Code guid="x" name="a" isCodable="true">'), /is not XML/],
    ['another root', `<Project xmlns="${NS}"><Codes/></Project>`, /root element is <Project>, not <CodeBook>/],
    [
      'the wrong namespace',
      qdc(`<Code guid="${G(1)}" name="A" isCodable="true"/>`).replace(NS, 'urn:QDA-XML:project:1.0'),
      /in the namespace "urn:QDA-XML:project:1.0", not "urn:QDA-XML:codebook:1.0"/,
    ],
    ['no namespace', qdc(`<Code guid="${G(1)}" name="A" isCodable="true"/>`).replace(` xmlns="${NS}"`, ''), /has no namespace/],
    [
      'duplicate GUIDs',
      qdc(`<Code guid="${G(1)}" name="A" isCodable="true"/><Code guid="${G(1)}" name="B" isCodable="true"/>`),
      /the GUID 0{8}-0000-4000-8000-0{11}1 is used twice, by "A" and by "B"/,
    ],
    [
      'a cycle',
      qdc(
        `<Code guid="${G(1)}" name="A" isCodable="true"><Code guid="${G(2)}" name="B" isCodable="true"><Code guid="${G(1)}" name="A again" isCodable="true"/></Code></Code>`,
      ),
      /"A again" contains itself .*: its hierarchy is a cycle/,
    ],
    [
      'an invalid colour',
      qdc(`<Code guid="${G(1)}" name="A" isCodable="true" color="teal"/>`),
      /the code "A" has an invalid colour "teal"/,
    ],
    ['an invalid GUID', qdc(`<Code guid="12" name="A" isCodable="true"/>`), /the code "A" has an invalid guid "12"/],
    ['no isCodable', qdc(`<Code guid="${G(1)}" name="A"/>`), /the code "A" has no isCodable attribute/],
    ['no codes', qdc(''), /holds no code/],
    [
      'an unknown set member',
      qdc(
        `<Code guid="${G(1)}" name="A" isCodable="true"/>`,
        `<Sets><Set guid="${G(9)}" name="S"><MemberCode guid="${G(8)}"/></Set></Sets>`,
      ),
      /the set "S" lists the code .*8, which is not in the file/,
    ],
  ];

  it.each(BAD)('refuses a file with %s with a clear message, leaving the codebook unchanged', async (_, content, message) => {
    const f = await fixture();
    await f.call('codes.create', { parentId: null, name: 'Existing' });
    const file = join(tempDir(), 'bad.qdc');
    writeFileSync(file, content);
    const before = snapshot(f.db);
    const history = await f.call('history.state', {});
    const error = await f.fail('codebook.import', chosenPath(f.session, file));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(`"${file}"`);
    expect(error.message).toMatch(message);
    expect(snapshot(f.db)).toBe(before);
    expect(await f.call('history.state', {})).toEqual(history);
  });

  it('reports a file that cannot be read, and refuses to export an empty codebook', async () => {
    const f = await fixture();
    const missing = join(tempDir(), 'missing.qdc');
    expect(await f.fail('codebook.import', chosenPath(f.session, missing))).toEqual({
      code: 'invalid',
      message: '"missing.qdc" does not exist.',
    });
    const blank = blankSession();
    const envelope = await dispatch(blank, 'codebook.export', { format: 'qdc' });
    expect(envelope).toMatchObject({ ok: false, error: { message: 'The codebook has no codes yet, so there is nothing to export.' } });
  });
});

describe('codebook appendix', () => {
  it('writes Markdown and DOCX with names, definitions, criteria, example quotes, counts and sets', async () => {
    const session = await demo();
    const duty = codeTree(session.db)[1]!.children[0]!;
    const example = (
      session.db.prepare('SELECT segment_id AS id FROM segment_codes WHERE code_id = ? ORDER BY segment_id LIMIT 1').get(duty.id) as {
        id: number;
      }
    ).id;
    await ok(dispatch(session, 'codes.update', { id: duty.id, exampleSegmentId: example, inclusion: 'Uses of the duty.' }));
    const quote = (
      session.db
        .prepare(
          'SELECT substr(d.plain_text, s.start + 1, s.end - s.start) AS t FROM segments s JOIN documents d ON d.id = s.document_id WHERE s.id = ?',
        )
        .get(example) as { t: string }
    ).t;

    const md = readFileSync(await exportTo(session, 'md'), 'utf8');
    expect(md).toMatch(/^# Codebook: Every Child Matters – DCS interviews \(demo\)\n/);
    expect(md).toContain(
      `### Duty to cooperate\n\n*${duty.segments} segments in ${duty.documents} documents*\n\n${duty.description}\n\n**Include:** Uses of the duty.`,
    );
    expect(md).toContain(`> ${quote.split('\n')[0]}`);
    expect(md).toContain('## MGF\n\n*Grouping code; 286 segments in 10 documents with its sub-codes*');
    expect(md).toContain(
      '## Code sets\n\n### Early help\n\nCAF and TAC.\n\n- Themes/Common Assessment Framework\n- Themes/Common Assessment Framework/Team around the child',
    );

    const docx = await exportTo(session, 'docx');
    const { value: text } = await mammoth.extractRawText({ path: docx });
    expect(text).toContain('Codebook: Every Child Matters – DCS interviews (demo)');
    expect(text).toContain('■ Duty to cooperate');
    expect(text).toContain(`${duty.segments} segments in ${duty.documents} documents`);
    expect(text).toContain('Include: Uses of the duty.');
    expect(text).toContain(quote.split('\n')[0]);
    expect(text).toContain('Themes/Common Assessment Framework/Team around the child');
  });
});
