import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startWebHost, type RunningHost } from './host';
import { dragOver } from './text';

// axe-core's WCAG 2.1 A and AA rules over every view and state worth naming, and the one best-practice rule
// the issue names: `region` (every part of the page inside a landmark). No rule is switched off.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations on the page as one readable list (empty when clean): rule, impact, the first nodes. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: TAGS }, rules: { region: { enabled: true } } })
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help}\n` +
      v.nodes
        .slice(0, 3)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`)
        .join('\n'),
  );
}

async function expectClean(page: Page, state: string) {
  expect(await violations(page), state).toEqual([]);
}

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => host.stop());

async function openDemo(page: Page) {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
}

test('the start screen', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-a11y-start-'));
  mkdirSync(join(home, 'config'), { recursive: true });
  mkdirSync(join(home, 'projects'), { recursive: true });
  writeFileSync(
    join(home, 'config', 'recent-projects.json'),
    JSON.stringify([{ file: join(home, 'gone.trellis'), name: 'Old study', openedAt: '2026-01-01T00:00:00Z' }]),
  );
  const start = await startWebHost([], home);
  try {
    await page.goto(start.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trellis');
    await expectClean(page, 'start screen');
  } finally {
    await start.stop();
  }
});

test('the workspace, the coding popover, a selected coding, the code details', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemo(page);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  await expectClean(page, 'workspace');

  // The first three words of the second turn's speech.
  const speech = (await page.locator('.transcript .turn').nth(1).innerText()).replace(/^[^:]*:\s*/, '');
  await dragOver(page, speech.split(/\s+/).slice(0, 3).join(' '));
  await expect(page.getByRole('dialog', { name: 'Code selection' })).toBeVisible();
  await expectClean(page, 'coding popover open');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Code selection' })).toHaveCount(0);

  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press(']');
  await expect(page.getByRole('region', { name: 'Selected coding' })).toContainText('Coder');
  await expectClean(page, 'a coding selected');

  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  await codebook.getByRole('treeitem', { name: /^Duty to cooperate,/ }).click();
  await expectClean(page, 'code details');

  await codebook.getByRole('tab', { name: 'Frameworks' }).click();
  await expect(codebook.getByRole('tabpanel').getByRole('table', { name: 'MGF grid' })).toBeVisible();
  await expectClean(page, 'frameworks editor');
});

test('the matrix in each display mode, and a cell’s excerpts', async ({ page }) => {
  test.setTimeout(240_000); // seven full axe runs
  await openDemo(page);
  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  await expect(matrix.getByRole('table', { name: 'MGF: Locus × Level' })).toBeVisible();
  for (const display of ['Counts', 'Heat: segments', 'Heat: % of docs', 'Themes', 'Excerpts']) {
    await matrix.getByRole('radiogroup', { name: 'Show' }).getByText(display, { exact: true }).click();
    await expect(matrix.getByRole('radio', { name: display })).toBeChecked();
    await expectClean(page, `matrix: ${display}`);
  }
  await matrix.getByRole('button', { name: /; Organizational × Directive:/ }).click();
  await expect(page.getByRole('complementary', { name: 'Excerpts' }).getByRole('status')).toHaveText(/excerpts/);
  await expectClean(page, 'matrix: a cell’s excerpts');
  await page.keyboard.press('Control+Shift+M');
  await expect(matrix).toHaveCount(0);
});

test('the excerpt list, the import dialog, the comparison view, the search panel', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemo(page);
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  const excerpts = page.getByRole('region', { name: 'Excerpts view' });
  await excerpts.getByLabel('Add a code').selectOption({ label: 'Themes/Inspection regimes' });
  await expect(excerpts.locator('.excerpt').first()).toBeVisible();
  await expectClean(page, 'excerpt list');
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();

  await page.getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('dialog', { name: 'Import transcripts' })).toBeVisible();
  await expectClean(page, 'import dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Import transcripts' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Coder comparison' }).getByRole('table', { name: 'Agreement per code' })).toBeVisible();
  await expectClean(page, 'coder comparison');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();

  await page.locator('.search-slot > summary').click();
  const search = page.getByRole('region', { name: 'Search' });
  await search.getByRole('searchbox', { name: 'Search query' }).fill('inspect*');
  await search.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(search.getByRole('status')).toHaveText(/hits in/);
  await expectClean(page, 'search panel');
});
