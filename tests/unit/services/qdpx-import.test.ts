import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listAttributes, listCases } from '../../../db/queries/cases';
import { codeTree, type CodeNode } from '../../../db/queries/codes';
import type { Db } from '../../../db/project-file';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import { sliceCodePoints } from '../../../shared/offsets';
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
    await call(from, 'documents.setMemo', { documentId: doc.documentId, body: 'Document memo' });
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
    expect(b.cases).toEqual(a.cases);
    expect(b.attributes).toEqual(a.attributes);
    expect(b.codebook).toEqual(a.codebook);
    expect(b.coders).toEqual(a.coders);
    expect(b.segments).toEqual(a.segments);
  }, 60_000);
});
