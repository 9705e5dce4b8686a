import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { projectMenu } from './menu';
import { startDemoHost, startWebHost, type RunningHost } from './host';
import { dragOver, phraseBox } from './text';

// axe-core's WCAG 2.1 A and AA rules over every view and state worth naming, and the one best-practice rule
// the issue names: `region` (every part of the page inside a landmark). No rule is switched off.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The violations on the page as one readable list (empty when clean): rule, impact, the first nodes. */
async function violations(page: Page): Promise<string[]> {
  // The page has no frames, so axe.run in the page itself (legacy mode) checks exactly what runPartial plus
  // finishRun would, without opening a blank page and shipping every partial result to it on each scan.
  // resultTypes: only violations are read, so passes and the rest keep one example node each.
  const results = await new AxeBuilder({ page })
    .setLegacyMode()
    .options({ runOnly: { type: 'tag', values: TAGS }, rules: { region: { enabled: true } }, resultTypes: ['violations'] })
    .analyze();
  expect(page.frames(), 'a frame would need the multi-frame run').toHaveLength(1);
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
  host = await startDemoHost();
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
  // Closing the excerpts puts the focus back on the cell, not on the page.
  await page.getByRole('button', { name: 'Close excerpts' }).click();
  await expect(matrix.getByRole('button', { name: /; Organizational × Directive:/ })).toBeFocused();
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

  await projectMenu(page, 'Import…');
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
  await expect(search.locator('.search-total')).toHaveText(/hits in/);
  await expectClean(page, 'search panel');
});

/** The live region's words, as a screen reader would be handed them. */
const announcements = (page: Page) => page.getByRole('status', { name: 'Announcements' });

/** Starts keeping every message the live region says, in order (two can follow each other faster than a poll). */
async function recordAnnouncements(page: Page) {
  await announcements(page).evaluate((region) => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

test('the memo list, the document rename and delete dialogs, the REFI-QDA exchange dialog and the Project menu', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Memos' }).click();
  await expect(page.getByRole('dialog', { name: 'Memos' }).getByRole('list', { name: 'Memos found' })).toBeVisible();
  await expectClean(page, 'memo list');
  await page.keyboard.press('Escape');

  const pane = page.getByRole('navigation', { name: 'Documents' });
  await pane.getByRole('button', { name: /^Rename / }).click();
  await expect(page.getByRole('dialog', { name: 'Rename document' })).toBeVisible();
  await expectClean(page, 'rename document');
  await page.keyboard.press('Escape');
  await pane.getByRole('button', { name: /^Delete / }).click();
  await expect(page.getByRole('dialog', { name: 'Delete document' })).toContainText('go with it');
  await expectClean(page, 'delete document');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Project' }).click();
  await expect(page.getByRole('menu', { name: 'Project' })).toBeVisible();
  await expectClean(page, 'project menu');
  await page.getByRole('menu', { name: 'Project' }).getByRole('menuitem', { name: 'REFI-QDA exchange…' }).click();
  await expect(page.getByRole('dialog', { name: 'REFI-QDA project exchange' })).toBeVisible();
  await expectClean(page, 'REFI-QDA exchange');
});

test('the live region says a coding stored and undone, and the open matrix updated; Alt+Shift+K says the codings at the caret', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openDemo(page);
  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  await expect(matrix.getByRole('table', { name: 'MGF: Locus × Level' })).toBeVisible();
  const emptyCell = matrix.getByRole('button', { name: /(^|; )Individual × Directive:/ });
  await expect(emptyCell).toHaveAccessibleName('Individual × Directive: 0 segments, 0 documents, 0 cases');

  const said = await recordAnnouncements(page);
  // Code the second turn's first three words with Individual × Directive (key 8) from the keyboard.
  const speech = (await page.locator('.transcript .turn').nth(1).innerText()).replace(/^[^:]*:\s*/, '');
  const words = speech.split(/\s+/).slice(0, 3).join(' ');
  await dragOver(page, words);
  const popover = page.getByRole('dialog', { name: 'Code selection' });
  await page.keyboard.press('8');
  await expect(popover.getByRole('button', { name: 'Key 8: Individual × Directive' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  // The coding stored, and the matrix (out of the transcript's sight) following it: both are said.
  await expect
    .poll(async () => (await said()).sort())
    .toEqual(['Coding stored: 1 code', 'Matrix updated: Individual × Directive now 1 segment']);
  await expect(emptyCell).toHaveAccessibleName(/; Individual × Directive: 1 segment, 1 document, 1 case$/);

  // The caret put inside the new coding (a click there): Alt+Shift+K names its codes and its coder (the current coder, A).
  const box = await phraseBox(page, words);
  await page.mouse.click(box.x1 + 4, box.y1);
  await expect(page.locator('.transcript-scroll')).toBeFocused();
  await page.keyboard.press('Alt+Shift+K');
  await expect(announcements(page)).toContainText(/coded with Individual × Directive, by A/i);
  // The stripes' text equivalent lists it with its paragraph.
  await expect(page.getByRole('list', { name: 'Codings in this part of the transcript' })).toContainText(
    '¶2: coded with Individual × Directive, by A',
  );

  // Undone: said, and the cell is empty again.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await said()).slice(-3)).toContain('Undone: Code passage');
  await expect.poll(async () => (await said()).slice(-3)).toContain('Matrix updated: Individual × Directive now 0 segments');
  await expect(emptyCell).toHaveAccessibleName('Individual × Directive: 0 segments, 0 documents, 0 cases');
  await page.keyboard.press('Control+Shift+M');
  await expect(matrix).toHaveCount(0);
});

test('the dark theme follows the system setting and stays clean', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDemo(page);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 24, 27)'); // --bg of the dark theme in renderer/common/base.css
  await page.screenshot({ path: '.test-output/screens/dark-workspace.png' });
  await expectClean(page, 'dark workspace');
  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  await matrix.getByRole('radiogroup', { name: 'Show' }).getByText('Heat: segments', { exact: true }).click();
  await page.screenshot({ path: '.test-output/screens/dark-matrix.png' });
  await expectClean(page, 'dark matrix, heat');
  await matrix.getByRole('radiogroup', { name: 'Show' }).getByText('Themes', { exact: true }).click();
  await page.keyboard.press('Control+Shift+M');
});
