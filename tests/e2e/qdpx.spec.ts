import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startDemoHost, type RunningHost } from './host';

type Code = { id: number; path: string; children: Code[] };
type Segment = { documentId: number; start: number; end: number; text: string; coderId: number; codeIds: number[] };

/** Every coding of the project's first document as "start–end coder: text [code paths]", to compare two projects by. */
async function codingsOfFirstDocument(host: RunningHost): Promise<string[]> {
  const [doc] = await host.call<{ id: number; name: string }[]>('documents.list');
  const coders = new Map((await host.call<{ coders: { id: number; name: string }[] }>('coders.list')).coders.map((c) => [c.id, c.name]));
  const flat = (nodes: Code[]): [number, string][] => nodes.flatMap((n) => [[n.id, n.path], ...flat(n.children)]);
  const paths = new Map(flat(await host.call<Code[]>('codebook.tree')));
  const segments = await host.call<Segment[]>('segments.list', { documentId: doc!.id });
  return segments.map(
    (s) =>
      `${s.start}–${s.end} ${coders.get(s.coderId)}: ${s.text} [${s.codeIds
        .map((id) => paths.get(id))
        .sort()
        .join(', ')}]`,
  );
}

let host: RunningHost;
test.beforeEach(async () => {
  host = await startDemoHost();
});
test.afterEach(async () => host.stop());

test('the demo exported as .qdpx and imported into a new project keeps its coded passages', async ({ page }) => {
  // A whole project out and back in, in one test: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  const demoCodings = await codingsOfFirstDocument(host);
  expect(demoCodings.length).toBeGreaterThan(0);

  // Export, by keyboard: the Project menu's item opens the dialog, the export saves a download.
  await page.getByRole('button', { name: 'Project' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: 'REFI-QDA exchange…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'REFI-QDA project exchange' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export as .qdpx' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  // The demo's figures: ten interviews, coders A and B, 306 segments (README).
  await expect(dialog.getByRole('status')).toContainText(/10 sources, \d+ codes, 2 users, 10 cases, \d+ variables?, 306 selections/);
  await expect(dialog.getByRole('region', { name: 'Not carried over' })).toContainText('framework');
  const file = join(host.home, 'demo.qdpx');
  await download.saveAs(file);
  await page.screenshot({ path: '.test-output/screens/qdpx-export.png' });

  // Import into a new project.
  await dialog.getByRole('radio', { name: 'a new project' }).check();
  await dialog.getByLabel('Name of the new project').fill('From REFI-QDA');
  await dialog.getByLabel('REFI-QDA project to import (.qdpx)').setInputFiles(file);
  const report = dialog.getByRole('status');
  await expect(report).toContainText('into the new project “From REFI-QDA”: 10 sources', { timeout: 90_000 });
  await expect(report).toContainText('306 selections');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From REFI-QDA');
  await page.screenshot({ path: '.test-output/screens/qdpx-import-report.png' });
  await dialog.locator('.dialog-footer').getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // The first document's codings are the demo's, and the first of them opens with its coder and codes.
  const imported = await codingsOfFirstDocument(host);
  expect(imported.sort()).toEqual(demoCodings.sort());
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press(']');
  const panel = page.getByRole('region', { name: 'Selected coding' });
  await expect(panel).toContainText('Coder');
  const head = await panel.locator('.segment-panel-head').innerText();
  const [, start, end] = /· (\d+)–(\d+) ·/.exec(head)!;
  const coder = /Coder (\S+)/.exec(head)![1];
  const shown = imported.find((c) => c.startsWith(`${start}–${end} ${coder}: `));
  expect(shown, `${head} is one of the imported codings`).toBeDefined();
  for (const path of /\[(.*)\]$/.exec(shown!)![1]!.split(', '))
    await expect(panel.getByRole('group', { name: 'Codes of this coding' })).toContainText(path);
  await page.screenshot({ path: '.test-output/screens/qdpx-imported-coding.png' });
});
