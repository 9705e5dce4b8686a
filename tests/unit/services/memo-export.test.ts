// memos.export: every kind of memo with its object, author and date, written as DOCX (read back with mammoth,
// not the docx package that wrote it) and Markdown; filtered by kind and author.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import { newSession } from '../helpers';

async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ResultOf<M>;
}

const TEXT = 'Interviewer: How did the board start?\nDCS: Café meetings 😀 first, then *pooled* budgets.';

/** A project with one memo of each kind: Ana writes the document, case, code and coding memos, Ben the project memo. */
async function project() {
  const session = newSession();
  await call(session, 'project.create', { file: 'Study', name: 'Board study' });
  await call(session, 'coders.use', { name: 'Ana' });
  const { documentId } = await call(session, 'documents.import', { source: { name: 'County 1', text: TEXT }, case: 'North' });
  const code = await call(session, 'codes.create', { parentId: null, name: 'Budgets' });
  const child = await call(session, 'codes.create', { parentId: code.id, name: 'Pooled' });
  // "Café meetings 😀 first, then *pooled* budgets." starts after "DCS: " on the second line (code points).
  const start = [...TEXT].indexOf('C', 40);
  const segment = await call(session, 'segments.create', { documentId, start, end: [...TEXT].length, codeIds: [child.id] });
  await call(session, 'segments.update', { id: segment.id, memo: 'Pooling came *after* the meetings.\nCheck the minutes.' });
  await call(session, 'memos.set', { target: { kind: 'document', id: documentId }, body: 'Rushed call 😀.' });
  const [north] = (await call(session, 'cases.list', {})).cases;
  await call(session, 'memos.set', { target: { kind: 'case', id: north!.id }, body: 'A county with a pooled budget.' });
  await call(session, 'memos.set', { target: { kind: 'code', id: child.id }, body: 'Only money put in one pot.' });
  const ben = await call(session, 'coders.use', { name: 'Ben' });
  await call(session, 'memos.set', { target: { kind: 'project' }, body: 'Ten DCS interviews, 2007.' });
  return { session, benId: ben.id };
}

const bytes = (r: { base64: string }) => Buffer.from(r.base64, 'base64');

describe('memos.export', () => {
  it('writes Markdown grouped by kind, each memo under its object with author and date, syntax escaped', async () => {
    const { session } = await project();
    const out = await call(session, 'memos.export', { format: 'md' });
    expect(out).toMatchObject({ fileName: 'Board study memos.md', mimeType: 'text/markdown; charset=utf-8', memos: 5 });
    const md = bytes(out).toString('utf8');
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Memos: Board study',
      '## Project memo',
      '## Document memos',
      '### County 1',
      '## Case memos',
      '### North',
      '## Code memos',
      '### Budgets/Pooled',
      '## Coding memos',
      '### County 1 ¶2',
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(md).toMatch(new RegExp(`## Project memo\\n\\n\\*Ben · ${today} \\d\\d:\\d\\d UTC\\*\\n\\nTen DCS interviews, 2007\\.`));
    // The coding memo: its passage (exactly the coded text, Markdown escaped), citation (the default template:
    // case, speaker, paragraph), codes, then the memo's two lines as paragraphs.
    expect(md).toContain(
      [
        '> Café meetings 😀 first, then \\*pooled\\* budgets.',
        '>',
        '> — (North, DCS, ¶2)',
        '',
        'Codes: Budgets/Pooled',
        '',
        'Pooling came \\*after\\* the meetings.',
        '',
        'Check the minutes.',
      ].join('\n'),
    );
    expect(md).toContain(`### County 1\n\n*Ana · ${today}`);
  });

  it('writes a DOCX that another reader finds the same memos in, with headings', async () => {
    const { session } = await project();
    const out = await call(session, 'memos.export', { format: 'docx' });
    expect(out.fileName).toBe('Board study memos.docx');
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes(out) });
    const h2 = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toEqual(['County 1', 'North', 'Budgets/Pooled', 'County 1 ¶2']);
    const h1 = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1]);
    expect(h1).toEqual(['Project memo', 'Document memos', 'Case memos', 'Code memos', 'Coding memos']);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes(out) });
    for (const said of [
      'Memos: Board study',
      'Ten DCS interviews, 2007.',
      'Rushed call 😀.',
      'A county with a pooled budget.',
      'Only money put in one pot.',
      'Café meetings 😀 first, then *pooled* budgets.',
      '— (North, DCS, ¶2)',
      'Codes: Budgets/Pooled',
      'Pooling came *after* the meetings.',
    ]) {
      expect(text).toContain(said);
    }
    expect(text.indexOf('Ten DCS interviews')).toBeLessThan(text.indexOf('Rushed call'));
  });

  it('exports only the kinds and the author asked for; an empty selection is a document with its title only', async () => {
    const { session, benId } = await project();
    const codes = bytes(await call(session, 'memos.export', { format: 'md', kinds: ['code', 'coding'] })).toString('utf8');
    expect(codes.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## Code memos', '## Coding memos']);
    const bens = await call(session, 'memos.export', { format: 'md', authorId: benId });
    expect(bens.memos).toBe(1);
    expect(bytes(bens).toString('utf8')).toContain('Ten DCS interviews');
    const none = await call(session, 'memos.export', { format: 'md', authorId: benId, kinds: ['code'] });
    expect(none.memos).toBe(0);
    expect(bytes(none).toString('utf8').trim()).toBe('# Memos: Board study');
  });
});
