import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { stripesAt } from './stripes';
import { startWebHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host.stop();
});

function cliInfo(file: string): Record<string, unknown> {
  return JSON.parse(execFileSync(process.execPath, ['bin/trellis.mjs', 'info', file, '--json'], { encoding: 'utf8' }));
}

test('first start opens a fresh demo project: ten documents grouped by case, a transcript, the codebook with counts', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  // The token left the address bar once read.
  expect(page.url()).not.toContain('token=');

  const documents = page.getByRole('navigation', { name: 'Documents' });
  await expect(documents.locator('.case-group')).toHaveCount(10);
  await expect(documents.locator('.document-row')).toHaveCount(10);
  await expect(documents.getByRole('region', { name: 'Case County 3' }).locator('.document-name')).toHaveText('Interview 06 – County 3');
  await expect(documents.getByRole('region', { name: 'Case London Borough 1' })).toContainText('London borough');

  // The first document is shown: numbered turns with speakers set off.
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText('Interview 01 – London Borough 1');
  await expect(transcript.locator('.turn').first().locator('.speaker')).toHaveText('Interviewer: ');
  await expect(transcript.locator('.turn').nth(1)).toHaveAttribute('data-n', '2');
  await expect(transcript.locator('.turn').nth(1).locator('.speaker')).toHaveText('DCS: ');

  // Picking another document by mouse, then by keyboard.
  await documents.getByRole('button', { name: /Interview 06 – County 3/ }).click();
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText('Interview 06 – County 3');
  await expect(transcript.locator('.turn').nth(1).locator('.speaker')).toHaveText('DD: ');
  await page.keyboard.press('ArrowDown');
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText('Interview 07 – County 4');

  // The codebook's numbers agree with `trellis info` and with the stored segments.
  const project = readdirSync(join(host.home, 'projects')).find((f) => f.endsWith('.trellis'))!;
  const info = cliInfo(join(host.home, 'projects', project));
  expect(info).toMatchObject({ documents: 10, cases: 10, coders: 2, frameworks: ['MGF'] });
  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  const themes = codebook.getByRole('treeitem', { name: /^Themes,/ });
  const dutyCount = Number(
    await codebook
      .getByRole('treeitem', { name: /^Duty to cooperate,/ })
      .locator('.code-count')
      .first()
      .textContent(),
  );
  expect(dutyCount).toBeGreaterThan(0);
  await expect(themes).toBeVisible();
  const segmentsInDocs = await documents.locator('.document-counts').allTextContents();
  const total = segmentsInDocs.reduce((sum, t) => sum + Number(/(\d+) segments?/.exec(t)![1]), 0);
  expect(total).toBe(info.segments);
  await page.screenshot({ path: '.test-output/screens/workspace-demo.png' });
});

test('switching coder changes the current coder and, with per-coder counts, the codebook numbers', async ({ page }) => {
  await page.goto(host.url);
  const status = page.locator('.statusbar');
  const coder = status.getByRole('combobox', { name: 'Current coder' });
  await expect(coder).toHaveValue('A');

  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  const mgfCount = () => codebook.getByRole('treeitem', { name: /^MGF,/ }).locator('.code-count').first().textContent();
  const all = Number(await mgfCount());
  await codebook.getByRole('combobox', { name: 'Counts for' }).selectOption({ label: 'Coder A' });
  await expect.poll(async () => Number(await mgfCount())).toBeLessThan(all);
  const forA = Number(await mgfCount());
  await codebook.getByRole('combobox', { name: 'Counts for' }).selectOption({ label: 'Coder B' });
  await expect.poll(async () => Number(await mgfCount())).not.toBe(forA);
  const forB = Number(await mgfCount());
  expect(forA + forB).toBe(all);

  await coder.selectOption('B');
  await expect(coder).toHaveValue('B');
  // A new coder is created on first use, from the keyboard.
  await coder.selectOption({ label: 'New coder…' });
  const nameBox = status.getByRole('textbox', { name: 'New coder name' });
  await nameBox.fill('C');
  await nameBox.press('Enter');
  await expect(status.getByRole('combobox', { name: 'Current coder' })).toHaveValue('C');
  await expect(status.getByRole('status')).toHaveText('All changes saved');
  await page.screenshot({ path: '.test-output/screens/workspace-coder-c.png' });

  // It survives a reload: the choice is stored in the project.
  await page.reload();
  await expect(page.locator('.statusbar').getByRole('combobox', { name: 'Current coder' })).toHaveValue('C');
});

test('"?" lists the keyboard shortcuts; a densely coded passage stays readable', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Toggle a framework cell in the coding popover');
  await page.screenshot({ path: '.test-output/screens/shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // Next coding with "]": selects and shows it.
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press(']');
  await expect(page.getByRole('region', { name: 'Selected coding' })).toContainText('Coder');
  // The coding is brought into view above the panel; hover its stripe (at the height of its highlight) for its card.
  await expect(async () => {
    const y = await page.evaluate(() => {
      const range = [...CSS.highlights.get('segment-focus')!][0] as Range;
      const top = range.getClientRects()[0]!.top;
      const view = document.querySelector('.transcript-scroll')!.getBoundingClientRect();
      if (top < view.top || top > view.bottom - 16) throw new Error('the selected coding is out of view');
      return top + 8;
    });
    const [stripe] = await stripesAt(page, y);
    await page.mouse.move(5, 5);
    await page.mouse.move(stripe!.x, stripe!.y);
    await expect(page.getByRole('tooltip')).toContainText('MGF/', { timeout: 1000 });
  }).toPass();
  await page.screenshot({ path: '.test-output/screens/dense-passage.png' });
});
