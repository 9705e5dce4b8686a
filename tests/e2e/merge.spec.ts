import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { insertDocument } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { setMeta } from '../../db/queries/meta';
import { insertSegment } from '../../db/queries/segments';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { startWebHost, type RunningHost } from './host';
import { projectMenu } from './menu';

const TEXT = 'Interviewer: Tell me about the café.\nDCS: The naïve plan 😀 worked: schools joined the Trust.';

/** The lead's project: one interview, coded once by A. */
function leadProject(): { home: string; file: string } {
  const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-merge-'));
  const file = join(home, 'Lead.trellis');
  const db = createProjectFile(file, 'Lead');
  db.transaction(() => {
    seedDefaultFramework(db);
    const documentId = insertDocument(db, { name: 'Interview 1', ...parsePlainTranscript(TEXT), sourceName: null, sourceType: 'txt' });
    const A = ensureCoder(db, 'A').id;
    setMeta(db, 'current_coder_id', String(A));
    insertSegment(db, { documentId, coderId: A, start: 0, end: 11, codeIds: [listFrameworks(db)[0]!.cells[0]!.codeId] });
  })();
  db.close();
  return { home, file };
}

/** The `trellis` command line, as a coder would run it on their own machine. */
const trellis = (home: string, ...args: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, ['bin/trellis.mjs', ...args, '--json'], {
      env: { ...process.env, TRELLIS_HOME: home },
      encoding: 'utf8',
    }),
  ) as unknown;

let host: RunningHost;
test.beforeEach(async () => {
  const { home, file } = leadProject();
  host = await startWebHost(['--project', file], home);
});
test.afterEach(async () => host.stop());

test('a coder copy made in the workspace, coded by B, merges back with a report and B’s codings', async ({ page }) => {
  await page.goto(host.url);
  await projectMenu(page, 'Copy for a coder…');
  const copyDialog = page.getByRole('dialog', { name: 'Copy for a coder' });
  await expect(copyDialog.getByRole('checkbox', { name: /A/ })).not.toBeChecked();
  const [download] = await Promise.all([page.waitForEvent('download'), copyDialog.getByRole('button', { name: 'Save copy' }).click()]);
  expect(download.suggestedFilename()).toBe('Lead coder copy.trellis');
  await expect(copyDialog.getByRole('status')).toHaveText('Saved “Lead coder copy.trellis” with 0 coded passages.');
  await copyDialog.locator('.dialog-footer').getByRole('button', { name: 'Close' }).click();
  const copy = join(host.home, 'B copy.trellis');
  await download.saveAs(copy);

  // B codes "naïve plan 😀" (12 code points: the emoji is one) with a new theme, in the copy, from the command line.
  const start = [...TEXT.slice(0, TEXT.indexOf('naïve'))].length;
  trellis(
    host.home,
    'code',
    copy,
    '--doc',
    'Interview 1',
    '--start',
    String(start),
    '--end',
    String(start + 12),
    '--codes',
    'Themes/Hope',
    '--coder',
    'B',
  );

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), projectMenu(page, 'Merge a coder’s file…')]);
  await chooser.setFiles(copy);
  const report = page.getByRole('dialog', { name: 'Merge a coder’s file' });
  await expect(report.getByRole('status')).toHaveText('“B copy.trellis”: 1 coded passage added.');
  await expect(report).toContainText('Documents: 1 matched, 0 added, 0 skipped');
  await expect(report).toContainText('Codes: 12 matched, 2 added (Themes, Themes/Hope)');
  await expect(report).toContainText('Coders: B (new)');
  await expect(report).toContainText('Lead (before merge).trellis');
  await page.screenshot({ path: '.test-output/screens/merge-report.png' });
  await report.locator('.dialog-footer').getByRole('button', { name: 'Close' }).click();

  // B's coding is in the project, with its exact text, and its new code in the codebook.
  const segments = await host.call<{ text: string; coderId: number }[]>('segments.list', {});
  const coders = await host.call<{ coders: { id: number; name: string }[] }>('coders.list');
  const b = coders.coders.find((c) => c.name === 'B')!;
  expect(segments.filter((s) => s.coderId === b.id).map((s) => s.text)).toEqual(['naïve plan 😀']);
  await expect(page.getByRole('treeitem', { name: /Hope/ })).toBeVisible();
});
