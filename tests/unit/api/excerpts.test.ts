// The excerpt methods over dispatch: the citation template lives in the project file, and exports use it.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { DEFAULT_CITATION_TEMPLATE } from '../../../shared/citation';
import { excerptsFixture } from '../excerpts-fixture';
import { newSession, ok } from '../helpers';

async function opened() {
  const f = excerptsFixture();
  f.db.close();
  const session = newSession();
  session.chosen.add(f.file);
  await ok(dispatch(session, 'project.open', { file: f.file }));
  return { session, f };
}

describe('excerpt methods', () => {
  it('keeps the citation template in the project: default at first, saved across reopening, used by exports', async () => {
    const { session, f } = await opened();
    expect(await ok(dispatch(session, 'excerpts.citationTemplate', {}))).toMatchObject({
      template: DEFAULT_CITATION_TEMPLATE,
      default: DEFAULT_CITATION_TEMPLATE,
    });
    await ok(dispatch(session, 'excerpts.setCitationTemplate', { template: '[{document} {paragraph}]' }));
    session.close();
    const again = newSession();
    again.chosen.add(f.file);
    await ok(dispatch(again, 'project.open', { file: f.file }));
    expect(await ok(dispatch(again, 'excerpts.citationTemplate', {}))).toMatchObject({ template: '[{document} {paragraph}]' });
    const file = await ok<{ base64: string; fileName: string; excerpts: number }>(
      dispatch(again, 'excerpts.export', { format: 'md', codeIds: [f.T2] }),
    );
    expect(file.excerpts).toBe(3);
    const md = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(md.match(/^> — .*$/gm)).toEqual(['> — \\[One ¶1\\]', '> — \\[Two ¶2\\]', '> — \\[Drei ¶3\\]']);
    // A template given with the export wins over the saved one, and is not saved.
    const given = await ok<{ base64: string }>(
      dispatch(again, 'excerpts.export', { format: 'md', codeIds: [f.T2], citationTemplate: '{coder}' }),
    );
    expect(
      Buffer.from(given.base64, 'base64')
        .toString('utf8')
        .match(/^> — .*$/gm),
    ).toEqual(['> — A', '> — A', '> — A']);
    expect(await ok(dispatch(again, 'excerpts.citationTemplate', {}))).toMatchObject({ template: '[{document} {paragraph}]' });
    again.close();
  });

  it('refuses a template too long, a page too large and an unknown format with invalid-args', async () => {
    const { session } = await opened();
    for (const [method, args] of [
      ['excerpts.setCitationTemplate', { template: 'x'.repeat(501) }],
      ['excerpts.list', { limit: 501 }],
      ['excerpts.export', { format: 'pdf' }],
      ['excerpts.export', { format: 'docx', maxLength: 3 }],
      ['excerpts.list', { groupBy: 'coder' }],
    ] as const) {
      const envelope = await dispatch(session, method, args);
      expect(envelope.ok ? 'ok' : envelope.error.code, `${method} ${JSON.stringify(args)}`).toBe('invalid-args');
    }
    session.close();
  });
});
