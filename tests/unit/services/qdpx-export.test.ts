import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listSegments } from '../../../db/queries/segments';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import { sliceCodePoints } from '../../../shared/offsets';
import { newSession, ok, tempDir } from '../helpers';

const XSD = '/work/shared/reference/Project-mrt2019.xsd';
const EMOJI_TEXT = 'Interviewer: Why 😀?\nDCS: Because 🎉 the board — and naïve budgets.';

/** The demo project plus a document with astral characters, a coded passage after them, and memos. */
async function demo() {
  const session = newSession();
  const call = <T>(method: Parameters<typeof dispatch>[1], args: unknown) => ok<T>(dispatch(session, method, args));
  await call('project.createDemo', {});
  const doc = await call<{ documentId: number }>('documents.import', { source: { name: 'Emoji', text: EMOJI_TEXT } });
  // "the board" starts after two emoji: code points, not UTF-16 units.
  const start = Array.from(EMOJI_TEXT).join('').indexOf('the board');
  const cp = Array.from(EMOJI_TEXT.slice(0, start)).length;
  await call('segments.create', {
    documentId: doc.documentId,
    start: cp,
    end: cp + 9,
    codeRefs: ['Themes/Leadership'],
    memo: 'Passage memo 😀',
  });
  await call('memos.set', { target: { kind: 'document', id: doc.documentId }, body: 'Document memo & <notes>' });
  const leadership = session.db.prepare("SELECT id, guid FROM codes WHERE name = 'Leadership'").get() as { id: number; guid: string };
  await call('memos.set', { target: { kind: 'code', id: leadership.id }, body: 'Code memo: who leads 😀' });
  const someCase = session.db.prepare('SELECT id, name FROM cases ORDER BY id LIMIT 1').get() as { id: number; name: string };
  await call('memos.set', { target: { kind: 'case', id: someCase.id }, body: 'Case memo' });
  await call('memos.set', { target: { kind: 'project' }, body: 'Project memo: ten interviews' });
  return { session, documentId: doc.documentId };
}

describe('qdpx.export', () => {
  it('writes project.qde valid against the REFI-QDA project schema, with sources as UTF-8 text', async () => {
    const { session, documentId } = await demo();
    const exported = await ok<ResultOf<'qdpx.export'>>(dispatch(session, 'qdpx.export', {}));
    expect(exported.fileName).toMatch(/\.qdpx$/);
    expect(exported.mimeType).toBe('application/zip');
    const files = unzipSync(Buffer.from(exported.base64, 'base64'));
    const qde = join(tempDir(), 'project.qde');
    writeFileSync(qde, files['project.qde']!);
    // xmllint throws (non-zero exit) when the document does not validate.
    expect(execFileSync('xmllint', ['--noout', '--schema', XSD, qde], { encoding: 'utf8', stdio: 'pipe' })).toBe('');

    const xml = Buffer.from(files['project.qde']!).toString('utf8');
    const docs = session.db.prepare('SELECT id, guid, name, plain_text AS text FROM documents').all() as {
      id: number;
      guid: string;
      text: string;
    }[];
    // Every document's canonical text is in sources/, byte for byte.
    for (const d of docs) expect(Buffer.from(files[`sources/${d.guid}.txt`]!).toString('utf8')).toBe(d.text);
    // Every segment is a selection with its code-point offsets and its coder as creatingUser.
    const segments = listSegments(session.db);
    expect(exported.report.selections).toBe(segments.length);
    expect(exported.report.codings).toBe(segments.reduce((n, s) => n + s.codeIds.length, 0));
    const emoji = segments.find((s) => s.documentId === documentId)!;
    expect(sliceCodePoints(EMOJI_TEXT, emoji.start, emoji.end)).toBe('the board');
    expect(xml).toMatch(
      new RegExp(
        `<PlainTextSelection guid="${emoji.guid}" startPosition="${emoji.start}" endPosition="${emoji.end}" creatingUser="[0-9A-F-]{36}">`,
      ),
    );
    // Every memo is a note: a coding's and a document's referred to from their selection and source, a code's
    // from its Code, the project's from the Project; a case's is a note named after it (a Case takes no NoteRef).
    const noteGuid = (body: string) => new RegExp(`<Note guid="([0-9A-F-]{36})" name="([^"]+)"[^>]*><PlainTextContent>${body}<`).exec(xml);
    const codeNote = noteGuid('Code memo: who leads 😀')!;
    expect(codeNote[2]).toBe('Memo on the code Leadership');
    const leadership = session.db.prepare("SELECT guid FROM codes WHERE name = 'Leadership'").get() as { guid: string };
    expect(xml).toMatch(
      new RegExp(`<Code guid="${leadership.guid}"[^>]*>(<Description>[^<]*</Description>)?<NoteRef targetGUID="${codeNote[1]}"/>`),
    );
    const projectNote = noteGuid('Project memo: ten interviews')!;
    expect(xml).toMatch(new RegExp(`<NoteRef targetGUID="${projectNote[1]}"/></Project>$`));
    expect(noteGuid('Case memo')![2]).toMatch(/^Memo on the case /);
    expect(xml).toContain('<PlainTextContent>Passage memo 😀</PlainTextContent>');
    expect(xml).toContain('<PlainTextContent>Document memo &amp; &lt;notes&gt;</PlainTextContent>');
    const memos = session.db
      .prepare("SELECT (SELECT count(*) FROM segments WHERE memo <> '') + (SELECT count(*) FROM memos WHERE body <> '') AS n")
      .get() as { n: number };
    expect(exported.report.notes).toBe(memos.n);
    // Cases carry their typed variables and their sources.
    const cases = session.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    expect(exported.report.cases).toBe(cases.n);
    expect(xml).toMatch(/<Variable guid="[0-9A-F-]{36}" name="[^"]+" typeOfVariable="(Text|Float|Date|Boolean)"/);
    expect(xml).toMatch(/<Case guid="[^"]+" name="[^"]+">[\s\S]*?<VariableValue>[\s\S]*?<SourceRef targetGUID=/);
    expect(exported.report.notCarried.join(' ')).toMatch(/framework/);
    expect(exported.report.notCarried.join(' ')).toMatch(/undo history/);
  });
});
