import { expect, test, type Page } from '@playwright/test';
import { projectMenu } from './menu';
import { startDemoHost, type RunningHost } from './host';

// Its own host: the test opens a second project, which the other specs' shared hosts must not see.
let host: RunningHost;
test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => host.stop());

const DEMO = 'Every Child Matters – DCS interviews (demo)';

async function ready(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('region', { name: 'Coding panel' })).toBeVisible();
}

test('the coding panel beside the transcript is resized and collapsed, the matrix resized; both are kept after a reload, per project', async ({
  page,
}) => {
  await page.goto(host.url);
  await ready(page, DEMO);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  const side = page.getByRole('region', { name: 'Coding panel' });
  const splitter = side.getByRole('separator', { name: 'Resize coding panel' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '280');

  // Selecting a coding shows it in the panel, beside the text rather than under it.
  // "]" selects the next coding only once the codings have come.
  await expect(page.locator('.transcript-meta')).toContainText(/[1-9]\d* of \d+ codings shown/);
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press(']');
  await expect(side.getByRole('region', { name: 'Selected coding' })).toContainText('Coder');
  const text = (await page.locator('.transcript-scroll').boundingBox())!;
  const panel = (await side.boundingBox())!;
  expect(panel.x).toBeGreaterThanOrEqual(text.x + text.width - 1);
  await page.screenshot({ path: '.test-output/screens/coding-side-panel.png' });

  // Wider by keyboard: the splitter is on the panel's left edge, so ← widens it (16 px a step).
  await splitter.focus();
  for (let i = 0; i < 3; i++) await splitter.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', '328');
  await expect.poll(async () => Math.round((await side.boundingBox())!.width)).toBe(328);

  // The matrix, 48 px taller by keyboard.
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  const matrixSplitter = page.getByRole('separator', { name: 'Resize matrix' });
  await expect(matrixSplitter).toHaveAttribute('aria-valuenow', '480');
  await matrixSplitter.press('Shift+ArrowDown');
  await expect(matrixSplitter).toHaveAttribute('aria-valuenow', '528');

  await side.getByRole('button', { name: 'Collapse coding panel' }).click();
  const expand = side.getByRole('button', { name: 'Show coding panel' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(side.getByRole('region', { name: 'Selected coding' })).toBeHidden();
  await page.screenshot({ path: '.test-output/screens/coding-side-collapsed.png' });

  await page.reload();
  await ready(page, DEMO);
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(matrixSplitter).toHaveAttribute('aria-valuenow', '528');
  await expand.click();
  await expect(splitter).toHaveAttribute('aria-valuenow', '328');

  // Another project starts from the defaults: panel open at 280 px, matrix closed.
  await projectMenu(page, 'Close project');
  await page.getByLabel('New project').fill('Layout study');
  await page.getByLabel('New project').press('Enter');
  await ready(page, 'Layout study');
  await expect(splitter).toHaveAttribute('aria-valuenow', '280');
  await expect(page.getByRole('button', { name: 'Matrix', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await expect(matrixSplitter).toHaveAttribute('aria-valuenow', '480');
});
