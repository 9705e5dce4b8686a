// The case table through the API: every change one undo step of the current coder (an imported sheet too),
// a refused value writing nothing, and the exported sheet imported back unchanged.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import { rowsOf } from '../db/migrations/old-projects';
import { newSession } from '../helpers';

async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ResultOf<M>;
}

const TABLES = ['cases', 'attributes', 'case_attribute_values', 'case_documents', 'memos'];

describe('cases and attributes through the API', () => {
  it('undoes each edit, an imported sheet included, and reimports its own export without a change', async () => {
    const session = newSession();
    await call(session, 'project.createDemo', {});
    await call(session, 'coders.use', { name: 'Ana' });
    const before = rowsOf(session.db, TABLES);
    const { cases, attributes } = await call(session, 'cases.list', {});
    const duration = attributes.find((a) => a.name === 'Duration (minutes)')!;

    const refused = await dispatch(session, 'cases.setValue', { caseId: cases[0]!.id, attributeId: duration.id, value: 'long' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
    await call(session, 'cases.setValue', { caseId: cases[0]!.id, attributeId: duration.id, value: '75' });
    await call(session, 'cases.createAttribute', { name: 'Tier 😀', type: 'choice', choices: ['Upper', 'Lower'] });
    await call(session, 'cases.deleteAttribute', { id: duration.id });
    const sheet = 'Case,Region\nCounty 😀 12,North\n';
    await call(session, 'cases.importAttributes', { source: { name: 'cases.csv', data: Buffer.from(sheet).toString('base64') } });
    expect((await call(session, 'history.state', {})).undo).toMatchObject({ label: 'Import case attributes' });
    for (const label of ['Import case attributes', 'Delete case attribute', 'Add case attribute', 'Edit case attribute']) {
      expect((await call(session, 'history.undo', {})).undone).toMatchObject({ label });
    }
    expect(rowsOf(session.db, TABLES)).toEqual(before);

    // The export, imported back as a sheet: every value is already there, so nothing changes.
    const exported = await call(session, 'cases.export', { format: 'xlsx' });
    await call(session, 'cases.importAttributes', { source: { name: exported.fileName, data: exported.base64 } });
    expect(rowsOf(session.db, TABLES)).toEqual(before);
  });
});
