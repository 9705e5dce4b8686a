import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startDemoHost, type RunningHost } from './host';
import { dragOver } from './text';

// One demo project for the whole file; the tests run in order and the live-coding test comes after
// the test that checks the demo's figures.
let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Calls the API over HTTP from the test process, as another window or an import would. */
async function api<T>(method: string, args: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': url.searchParams.get('token')! },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error!.message);
  return envelope.result;
}

async function openMatrix(page: Page) {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  await expect(matrix.getByRole('table', { name: 'MGF: Locus × Level' })).toBeVisible();
  return matrix;
}

const cell = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Matrix' }).getByRole('button', { name: new RegExp(`(^|; )${name}:`) });
const cellTd = (page: Page, name: string) => cell(page, name).locator('xpath=..');

test('opens from the keyboard and the top bar; on the demo it reads like the study’s Table 2', async ({ page }) => {
  const matrix = await openMatrix(page);
  // Every theme as itself: each populated cell's leading theme.
  const leading = {
    'System × Constitutive': 'Duty to cooperate · 38',
    'System × Operational': 'Inspection regimes · 32',
    'Organizational × Constitutive': 'Governance structures · 43',
    'Organizational × Directive': 'Joint planning & commissioning · 38',
  };
  for (const [name, chip] of Object.entries(leading)) {
    await expect(cellTd(page, name).locator('.theme-chip').first()).toHaveText(chip);
  }
  await expect(cellTd(page, 'Organizational × Operational').locator('.theme-chip')).toContainText([
    'Information sharing · 18',
    'Common Assessment Framework · 17',
  ]);
  await expect(cellTd(page, 'Individual × Operational').locator('.theme-chip').first()).toHaveText('Lead professional · 22');
  // A cell with no codings is visibly empty.
  await expect(cell(page, 'Individual × Directive')).toHaveAccessibleName('Individual × Directive: 0 segments, 0 documents, 0 cases');
  await expect(cellTd(page, 'Individual × Directive')).toHaveClass(/empty/);
  await expect(cell(page, 'System × Constitutive')).toHaveAccessibleName(
    '42 segments · 10 docs · 10 cases; System × Constitutive: 42 segments, 10 documents, 10 cases',
  );

  // Arrow keys move between cells; Enter opens a cell's excerpts.
  await cell(page, 'System × Constitutive').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'Organizational × Directive')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Excerpts' }).getByRole('status')).toHaveText('51 excerpts');
  await page.getByRole('button', { name: 'Close excerpts' }).click();

  // The summary view: the leading top-level theme of each cell reads as the study's Table 2.
  await matrix.getByLabel('Themes per cell').selectOption('1');
  await expect(cellTd(page, 'Organizational × Constitutive').locator('.theme-chip')).toHaveCount(1);
  await matrix.getByLabel('Theme level').selectOption({ label: 'Top-level themes' });
  const table2 = {
    'System × Constitutive': 'Duty to cooperate · 38',
    'System × Operational': 'Inspection regimes · 32',
    'Organizational × Constitutive': 'Governance structures · 43',
    'Organizational × Directive': 'Joint planning & commissioning · 38',
    // The CAF with its parts (team around the child, lead professional, information sharing), each segment once.
    'Organizational × Operational': 'Common Assessment Framework · 36',
    'Individual × Operational': 'Common Assessment Framework · 55',
  };
  for (const [name, chip] of Object.entries(table2)) await expect(cellTd(page, name).locator('.theme-chip')).toHaveText([chip]);
  for (const name of ['System × Directive', 'Individual × Directive']) await expect(cellTd(page, name)).toHaveClass(/empty/);
  // The one reading left in a cell the study leaves empty: change champions, an "environmental factor".
  await expect(cellTd(page, 'Individual × Constitutive').locator('.theme-chip')).toHaveText(['Leadership · 3']);
  await page.getByRole('button', { name: 'Matrix only' }).click();
  // The README's picture: the summary view beside the theme tree with the CAF's parts under it.
  await page.getByRole('button', { name: 'Collapse MGF' }).click();
  await page.getByRole('treeitem', { name: /^Common Assessment Framework,/ }).click();
  await expect(page.getByRole('treeitem', { name: /Lead professional/ })).toBeVisible();
  await page.screenshot({ path: '.test-output/screens/matrix-summary.png' });
  await page.getByRole('button', { name: 'Expand MGF' }).click();
  // The chip lists the CAF's passages and its parts'.
  await cellTd(page, 'Individual × Operational')
    .getByRole('button', { name: /Common Assessment Framework/ })
    .click();
  await expect(page.getByRole('complementary', { name: 'Excerpts' }).getByRole('status')).toHaveText('55 excerpts');
  await page.getByRole('button', { name: 'Close excerpts' }).click();
  await page.getByRole('button', { name: 'Matrix only' }).click();
  await matrix.getByLabel('Theme level').selectOption({ label: 'Every theme' });

  // The rule, in the help.
  await matrix.getByRole('button', { name: /How cells and themes are counted/ }).click();
  await expect(matrix.getByRole('note')).toContainText('overlaps a segment by the same coder in the same document');
  await expect(matrix.getByRole('note')).toContainText('Themes are the codes outside every framework');

  // Display modes.
  await matrix.getByRole('radio', { name: 'Heat: segments' }).check();
  await expect(cell(page, 'Organizational × Constitutive')).toContainText('64');
  await page.screenshot({ path: '.test-output/screens/matrix-heat.png' });
  await matrix.getByRole('radio', { name: 'Heat: % of docs' }).check();
  await expect(cell(page, 'Individual × Constitutive')).toContainText('30%');
  await matrix.getByRole('radio', { name: 'Excerpts' }).check();
  await expect(cellTd(page, 'System × Operational').locator('.cell-quotes li')).toHaveCount(4);
  await page.screenshot({ path: '.test-output/screens/matrix-excerpts-inline.png' });
  await matrix.getByRole('radio', { name: 'Counts' }).check();
  await expect(cell(page, 'Individual × Operational')).toContainText('57');

  // Layers and the co-occurrence setting.
  await matrix.getByRole('radio', { name: 'National' }).check();
  await expect(matrix.getByRole('table', { name: 'MGF: Locus × Level (Layer: National)' })).toBeVisible();
  await matrix.getByRole('radio', { name: 'All' }).check();
  await matrix.getByLabel('Co-occurrence').selectOption('same-segment');
  await expect(matrix.getByRole('note')).toContainText('carries the theme itself');

  // Closed again from the top bar.
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  await expect(matrix).toHaveCount(0);
});

test('a coding added over the API changes the open cell live; click through to the excerpt and back', async ({ page }) => {
  await openMatrix(page);
  await expect(cell(page, 'Individual × Directive')).toHaveAccessibleName(/0 segments/);
  const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));

  // Code a passage of Interview 04 into Individual × Directive, with the Leadership theme, as coder A.
  const { frameworks } = await api<{
    frameworks: {
      rows: { id: number; name: string }[];
      columns: { id: number; name: string }[];
      cells: { rowId: number; columnId: number; codeId: number }[];
    }[];
  }>('frameworks.list', {});
  const mgf = frameworks[0]!;
  const rowId = mgf.rows.find((r) => r.name === 'Individual')!.id;
  const columnId = mgf.columns.find((c) => c.name === 'Directive')!.id;
  const cellCode = mgf.cells.find((c) => c.rowId === rowId && c.columnId === columnId)!.codeId;
  const tree = await api<{ name: string; children: { id: number; name: string }[] }[]>('codebook.tree', {});
  const leadership = tree.find((c) => c.name === 'Themes')!.children.find((c) => c.name === 'Leadership')!.id;
  const documents = await api<{ id: number; name: string }[]>('documents.list', {});
  const documentId = documents.find((d) => d.name.startsWith('Interview 04'))!.id;
  const doc = await api<{ text: string; paragraphs: { n: number; start: number; end: number; bodyStart: number }[] }>('documents.get', {
    id: documentId,
  });
  const paragraph = doc.paragraphs[9]!;
  const chars = Array.from(doc.text);
  const start = paragraph.bodyStart;
  const end = Math.min(paragraph.end, start + 60);
  const quote = chars.slice(start, end).join('');
  await api('segments.create', { documentId, start, end, codeIds: [cellCode, leadership] });

  await expect(cell(page, 'Individual × Directive')).toHaveAccessibleName(/; Individual × Directive: 1 segment, 1 document, 1 case$/);
  await expect(cellTd(page, 'Individual × Directive').locator('.theme-chip')).toHaveText(['Leadership · 1']);
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
  await page.screenshot({ path: '.test-output/screens/matrix-live.png' });

  // The chip opens its excerpts: where the passage is and who coded it.
  await cellTd(page, 'Individual × Directive')
    .getByRole('button', { name: /Leadership/ })
    .click();
  const excerpts = page.getByRole('complementary', { name: 'Excerpts' });
  await expect(excerpts.getByRole('status')).toHaveText('1 excerpt');
  const excerpt = excerpts.getByRole('button', { name: new RegExp(quote.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await expect(excerpt.locator('.excerpt-meta')).toHaveText(`Interview 04 – County 1 · County 1 · ¶ ${paragraph.n} · DCS · coder A`);
  await expect(excerpt.locator('.excerpt-text')).toHaveText(quote);
  await expect(excerpt.locator('.excerpt-codes .theme-chip')).toHaveText(['Individual × Directive', 'Leadership']);

  // Through to the transcript: the document opens at that paragraph, marked.
  await page.getByRole('button', { name: 'Matrix only' }).click();
  await excerpt.click();
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText('Interview 04 – County 1');
  const turn = transcript.locator(`.turn[data-n="${paragraph.n}"]`);
  await expect(turn).toHaveAttribute('aria-current', 'location');
  await expect(turn).toBeInViewport();
  await expect(turn).toContainText(quote);
  await expect(excerpt).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: '.test-output/screens/matrix-click-through.png' });

  // And back: the matrix fills the centre again, focus on the excerpt.
  await page.getByRole('button', { name: 'Back to the matrix' }).click();
  await expect(page.getByRole('button', { name: 'Matrix only' })).toHaveAttribute('aria-pressed', 'true');
  await expect(excerpt).toBeFocused();
  await expect(transcript).toBeHidden();
  await page.getByRole('button', { name: 'Matrix only' }).click();

  // Undo over the API: the cell empties again, live.
  await api('history.undo', {});
  await expect(cell(page, 'Individual × Directive')).toHaveAccessibleName(/0 segments/);
  await expect(excerpts.getByRole('status')).toHaveText('0 excerpts');
});

test('filters combine as removable chips; code matrices; exports', async ({ page }) => {
  const matrix = await openMatrix(page);
  const filters = matrix.getByRole('group', { name: 'Filters' });
  const scope = matrix.locator('.matrix-scope');
  await expect(scope).toHaveText('10 documents in scope');

  await filters.getByLabel('Add a filter').selectOption({ label: 'Authority type: Metropolitan district' });
  await expect(scope).toHaveText('3 documents in scope');
  await filters.getByLabel('Add a filter').selectOption({ label: 'Coder B' });
  await expect(filters.locator('.filter-chip')).toHaveText(['Coder B×', 'Authority type: Metropolitan district×']);
  const orgConstitutive = await cell(page, 'Organizational × Constitutive').getAttribute('aria-label');
  expect(orgConstitutive).toMatch(/: \d+ segments, 3 documents, 3 cases$/);
  await filters.getByLabel('Add a filter').selectOption({ label: 'Themes/Governance structures' });
  await expect(cellTd(page, 'Organizational × Constitutive').locator('.theme-chip')).toHaveCount(1);
  await page.screenshot({ path: '.test-output/screens/matrix-filters.png' });
  await filters.getByRole('button', { name: 'Remove filter Authority type: Metropolitan district' }).click();
  await expect(scope).toHaveText('10 documents in scope');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filters.locator('.filter-chip')).toHaveCount(0);

  // Exports: CSV and DOCX from the API, PNG drawn here.
  await matrix.getByRole('button', { name: 'Export ▾' }).click();
  await expect(matrix.getByRole('button', { name: 'CSV (one line per cell)' })).toBeFocused();
  await page.screenshot({ path: '.test-output/screens/matrix-export-menu.png' });
  await page.keyboard.press('Escape');
  await expect(matrix.getByRole('list', { name: 'Export formats' })).toHaveCount(0);
  const save = async (label: string) => {
    await matrix.getByRole('button', { name: 'Export ▾' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), matrix.getByRole('button', { name: label }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };
  const csv = await save('CSV (one line per cell)');
  expect(csv.name).toBe('MGF Locus Level.csv');
  expect(csv.bytes.toString('utf8').split('\r\n')[1]).toBe(
    'System,Constitutive,42,10,10,Themes/Duty to cooperate (38); Themes/Governance structures (2); Themes/Leadership (2); Themes/Pooled budgets (2)',
  );
  const docx = await save('Word table (DOCX)');
  expect(strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!)).toContain('Duty to cooperate (38)');
  const png = await save('Picture (PNG)');
  expect(png.name).toBe('MGF Locus Level.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);
  const { writeFileSync } = await import('node:fs');
  writeFileSync('.test-output/screens/matrix-export.png', png.bytes);

  // The summary view (Top 1) exports as what it is: the Word table keeps one theme per cell, counts the
  // rest ("+ 3 more themes": System × Constitutive has four, see the CSV line above) and says which view
  // it is; the CSV lines stay complete.
  await matrix.getByLabel('Themes per cell').selectOption({ label: 'Top 1' });
  const summaryDocx = strFromU8(unzipSync(new Uint8Array((await save('Word table (DOCX)')).bytes))['word/document.xml']!);
  const cellTexts = [...summaryDocx.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]);
  expect(cellTexts.slice(cellTexts.indexOf('System') + 1).slice(0, 3)).toEqual([
    'Duty to cooperate (38)',
    '+ 3 more themes',
    '42 segments · 10 documents',
  ]);
  expect(summaryDocx).toContain('Summary view: each cell shows its most frequent theme');
  expect((await save('CSV (one line per cell)')).bytes.toString('utf8').split('\r\n')[1]).toBe(
    'System,Constitutive,42,10,10,Themes/Duty to cooperate (38); Themes/Governance structures (2); Themes/Leadership (2); Themes/Pooled budgets (2)',
  );
  await matrix.getByLabel('Themes per cell').selectOption({ label: 'All' });

  // The same component for code matrices: themes × coders, themes × MGF cells.
  await matrix.getByLabel('Matrix', { exact: true }).selectOption({ label: 'Codes × coders' });
  await expect(matrix.getByRole('table', { name: 'Codes × Coder' })).toBeVisible();
  await expect(cell(page, 'Duty to cooperate × A')).toHaveAccessibleName(/; Duty to cooperate × A: \d+ segments/);
  await page.screenshot({ path: '.test-output/screens/matrix-codes-coders.png' });
  await matrix.getByLabel('Matrix', { exact: true }).selectOption({ label: 'Codes × codes' });
  await expect(cell(page, 'Duty to cooperate × System × Constitutive')).toHaveAccessibleName(
    /; Duty to cooperate × System × Constitutive: 38 segments, 10 documents, 10 cases$/,
  );
  await matrix.getByLabel('Matrix', { exact: true }).selectOption({ label: 'Codes × Authority type' });
  await expect(matrix.getByRole('columnheader')).toContainText(['London borough', 'Two-tier county', 'Metropolitan district']);
  await cell(page, 'Leadership × Metropolitan district').click();
  await expect(page.getByRole('complementary', { name: 'Excerpts' }).locator('.excerpt-meta').first()).toContainText(
    'Metropolitan District',
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.test-output/screens/matrix-dark.png' });
});

test('coding a passage in the transcript, with the popover, fills the open matrix cell', async ({ page }) => {
  await openMatrix(page);
  await expect(cellTd(page, 'Individual × Directive')).toHaveClass(/empty/);
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.locator('.transcript .turn').first()).toBeVisible();
  await dragOver(page, 'Thanks for making the time this afternoon');
  const popover = page.getByRole('dialog', { name: 'Code selection' });
  await page.keyboard.press('8'); // Individual × Directive
  await page.keyboard.type('Leadership');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);
  await expect(cellTd(page, 'Individual × Directive')).not.toHaveClass(/empty/);
  await expect(cellTd(page, 'Individual × Directive').locator('.theme-chip').first()).toHaveText('Leadership · 1');
  await page.screenshot({ path: '.test-output/screens/matrix-live-from-transcript.png' });
  await page.keyboard.press('Control+z');
  await expect(cellTd(page, 'Individual × Directive')).toHaveClass(/empty/);
});

test('the filter menu is searched, and a range of a number attribute leaves the cells the API counts for it', async ({ page }) => {
  const matrix = await openMatrix(page);
  const filters = matrix.getByRole('group', { name: 'Filters' });
  const scope = matrix.locator('.matrix-scope');
  await expect(scope).toHaveText('10 documents in scope');

  // The search box narrows the menu; Enter adds the first match.
  const search = filters.getByRole('searchbox', { name: 'Search filter values' });
  await search.fill('two-tier');
  const options = filters.getByLabel('Add a filter').locator('option:not([value=""])');
  await expect(options).toHaveText(['Authority type: Two-tier county']);
  await search.press('Enter');
  await expect(filters.locator('.filter-chip')).toHaveText(['Authority type: Two-tier county×']);
  await filters.getByRole('button', { name: 'Remove filter Authority type: Two-tier county' }).click();
  await expect(search).toHaveValue('');

  // Duration 45–55 minutes, both ends included: the cases the demo's sheet puts there.
  const { attributes, cases } = await api<{
    attributes: { id: number; name: string }[];
    cases: { attributes: Record<string, string>; documentIds: number[] }[];
  }>('cases.list', {});
  const duration = attributes.find((a) => a.name === 'Duration (minutes)')!;
  const inRange = cases.filter((c) => Number(c.attributes['Duration (minutes)']) >= 45 && Number(c.attributes['Duration (minutes)']) <= 55);
  expect(inRange.length).toBeGreaterThan(0);
  expect(inRange.length).toBeLessThan(cases.length);
  await filters.getByRole('button', { name: 'Range…' }).click();
  const range = filters.getByRole('group', { name: 'Add a range' });
  await range.getByLabel('Range of').selectOption({ label: 'Duration (minutes)' });
  await range.getByLabel('from').fill('45');
  await range.getByLabel('to').fill('55');
  await page.screenshot({ path: '.test-output/screens/matrix-range-form.png' });
  const axe = await new AxeBuilder({ page }).include('.matrix-filters').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await range.getByRole('button', { name: 'Add range' }).click();
  await expect(filters.locator('.filter-chip')).toHaveText(['Duration (minutes): 45–55×']);
  const documents = new Set(inRange.flatMap((c) => c.documentIds)).size;
  await expect(scope).toHaveText(`${documents} documents in scope`);
  await page.screenshot({ path: '.test-output/screens/matrix-range-filter.png' });

  const expected = await api<{
    rows: { key: string; name: string }[];
    columns: { key: string; name: string }[];
    cells: { row: string; column: string; segments: number; documents: number; cases: number }[];
  }>('matrix.get', { filters: { caseAttributes: [{ attributeId: duration.id, min: 45, max: 55 }] } });
  const unfiltered = await api<{ cells: { segments: number }[] }>('matrix.get', {});
  // The range changes some cell, so the check below tells the filtered matrix from the whole one.
  expect(expected.cells.map((c) => c.segments)).not.toEqual(unfiltered.cells.map((c) => c.segments));
  for (const c of expected.cells) {
    const name = `${expected.rows.find((r) => r.key === c.row)!.name} × ${expected.columns.find((k) => k.key === c.column)!.name}`;
    await expect(cell(page, name)).toHaveAccessibleName(
      new RegExp(`(^|; )${name}: ${c.segments} segments, ${c.documents} documents, ${c.cases} cases$`),
    );
  }
});
