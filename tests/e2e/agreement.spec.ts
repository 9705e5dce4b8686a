import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('compares the demo’s two coders and steps through their disagreements into the transcript', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Coder comparison' });
  const codes = view.getByRole('table', { name: 'Agreement per code' });
  await expect(codes).toBeVisible();
  // The demo's coders A and B are chosen by default: the two-coder columns and the overall row are there.
  await expect(codes.getByRole('columnheader')).toContainText(['Code', 'Units', 'Both', 'Only A', 'Only B', 'Neither']);
  const overall = codes.locator('tfoot tr');
  await expect(overall.locator('th')).toHaveText('Overall (summed counts)');
  await expect(overall.locator('td.coef').first()).toHaveText(/^(-?\d\.\d{3}|undefined)$/);

  // The formula behind kappa, in its popover.
  await codes.getByRole('button', { name: "About Cohen's kappa" }).click();
  await expect(view.getByRole('dialog', { name: "Cohen's kappa" })).toContainText('Cohen, J. (1960)');
  await page.screenshot({ path: '.test-output/screens/agreement-popover.png' });
  await page.keyboard.press('Escape');

  // Sorting by alpha puts the highest first (undefined last).
  await codes.getByRole('button', { name: /^Krippendorff α/ }).click();
  const alphas = await codes.locator('tbody tr').evaluateAll((rows) =>
    rows
      .map((r) => r.querySelectorAll('td.coef')[1]!.textContent!)
      .filter((t) => t !== 'undefined')
      .map(Number),
  );
  expect(alphas.length).toBeGreaterThan(1);
  expect(alphas).toEqual([...alphas].sort((a, b) => b - a));

  // A code's per-document figures.
  const first = codes.locator('tbody tr').first().locator('th button');
  const code = await first.textContent();
  await first.click();
  await expect(view.getByRole('table', { name: `Agreement per document for ${code}` })).toBeVisible();

  // Disagreements: step with Next and the keyboard; each opens the transcript at the span.
  const list = view.getByRole('region', { name: 'Disagreements' });
  await expect(list.locator('.position')).toHaveText(/^1 of \d+$/);
  await list.getByRole('button', { name: 'Next' }).click();
  await expect(list.locator('.position')).toHaveText(/^2 of \d+$/);
  const current = list.locator('li[aria-current="true"]');
  const documentName = (await current.locator('.where').textContent())!.split(' · ')[0]!;
  await expect(page.locator('.transcript-title h2')).toHaveText(documentName);
  await list.getByRole('listbox').focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('.position')).toHaveText(/^3 of \d+$/);
  await page.keyboard.press('k');
  await expect(list.locator('.position')).toHaveText(/^2 of \d+$/);

  // Reconcile two: accept A with a note, then neither; each moves on and shows the decision.
  const reconcile = list.getByRole('group', { name: 'Reconcile into Consensus' });
  await reconcile.getByLabel('Note').fill('A read the passage right 😀');
  await reconcile.getByRole('button', { name: 'Accept A' }).click();
  await expect(list.locator('li').nth(1).locator('.decided')).toHaveText('· accepted A');
  await expect(list.locator('.position')).toHaveText(/^3 of \d+$/);
  await reconcile.getByRole('button', { name: 'Neither' }).click();
  await expect(list.locator('li').nth(2).locator('.decided')).toHaveText('· neither');
  await page.screenshot({ path: '.test-output/screens/agreement-view.png' });

  // Consensus is a coder like any other: it is offered in the matrix's coder filter.
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  const filter = page.getByRole('region', { name: 'Matrix' }).getByLabel('Add a filter');
  await expect(filter.locator('option', { hasText: 'Coder Consensus' })).toHaveCount(1);
});

test('by speaker turn, the disagreements are whole turns, as the API lists them', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Coder comparison' });
  const list = view.getByRole('region', { name: 'Disagreements' });
  await expect(list.getByRole('heading')).toHaveText(/^Disagreements by character \(\d+\)$/);
  await view.getByRole('combobox', { name: 'Unit' }).selectOption('paragraph');
  const expected = await host.call<{ disagreements: { document: string; start: number; end: number }[] }>('agreement.disagreements', {
    coders: ['A', 'B'],
    unit: 'paragraph',
  });
  expect(expected.disagreements.length).toBeGreaterThan(0);
  await expect(list.getByRole('heading')).toHaveText(`Disagreements by speaker turn (${expected.disagreements.length})`);
  const first = expected.disagreements[0]!;
  await expect(list.locator('li').first().locator('.where')).toHaveText(`${first.document} · ${first.start}–${first.end}`);
  // The span is one whole speaker turn of its document.
  const documents = await host.call<{ id: number; name: string }[]>('documents.list');
  const doc = await host.call<{ paragraphs: { start: number; end: number }[] }>('documents.get', {
    id: documents.find((d) => d.name === first.document)!.id,
  });
  expect(doc.paragraphs.some((p) => p.start === first.start && p.end === first.end)).toBe(true);
  await page.screenshot({ path: '.test-output/screens/agreement-turns.png' });
});

test('paints only A, only B and both in the passage of each disagreement, and exports the report', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Coder comparison' });
  const list = view.getByRole('region', { name: 'Disagreements' });
  const passage = list.getByRole('region', { name: 'Passage compared' });
  await expect(list.locator('.position')).toHaveText(/^1 of \d+$/);
  // A legend in words beside the colours and hatches (once the document and its codings are read).
  await expect(passage.getByLabel('Legend')).toHaveText(/A only A\s*B only B\s*A\+B both A and B/, { timeout: 15_000 });

  // Step to the next disagreement: its passage is painted, and the outlined run is the side the list names.
  await list.getByRole('button', { name: 'Next' }).click();
  await expect(list.locator('.position')).toHaveText(/^2 of \d+$/);
  const side = (await list.locator('li[aria-current="true"] .side').textContent()) === 'only A' ? 'A' : 'B';
  const current = passage.locator('mark.current');
  await expect(current.first()).toHaveAttribute('data-coverage', side);
  await expect(current.first().locator('.cover-tag')).toHaveText(side);
  await expect(current.first()).toBeInViewport();
  // The quoted text of the disagreement is inside the outlined run (the quote may be cut short).
  const quote = (await list.locator('li[aria-current="true"] .quote').textContent())!.replace(/…$/, '').slice(0, 20);
  await expect(current.first()).toContainText(quote);
  await page.screenshot({ path: '.test-output/screens/agreement-passage.png' });

  // Keys step too, and the passage follows.
  await list.getByRole('listbox').focus();
  await page.keyboard.press('j');
  await expect(list.locator('.position')).toHaveText(/^3 of \d+$/);
  const sideNow = (await list.locator('li[aria-current="true"] .side').textContent()) === 'only A' ? 'A' : 'B';
  await expect(passage.locator('mark.current').first()).toHaveAttribute('data-coverage', sideNow);

  // The report as DOCX, read back by another reader than the one that wrote it.
  const [download] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Export report (DOCX)' }).click()]);
  expect(download.suggestedFilename()).toBe('Agreement A B by character.docx');
  const { value: text } = await mammoth.extractRawText({ path: (await download.path())! });
  expect(text).toContain('Inter-coder agreement: A, B');
  expect(text).toContain('Cohen, J. (1960)');
  await expect(view.getByRole('status')).toHaveText('Saved Agreement A B by character.docx.');
});

interface TreeNode {
  name: string;
  segmentsWithChildren: number;
  children: TreeNode[];
}

test('blind coding: with "Only mine" the codebook, documents list, matrix and transcript count the current coder’s work alone', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  // The expected figures: the API's own, filtered to the current coder.
  const { currentId } = await host.call<{ currentId: number }>('coders.list', {});
  const all = await host.call<{ id: number; name: string; segments: number }[]>('documents.list', {});
  const mine = await host.call<{ id: number; name: string; segments: number }[]>('documents.list', { coderId: currentId });
  // The demo has another coder's work in every document, so the two differ.
  expect(mine.every((d, i) => d.segments < all[i]!.segments)).toBe(true);
  const [mgf] = await host.call<TreeNode[]>('codebook.tree', { coderId: currentId });
  const matrix = await host.call<{
    rows: { key: string; name: string }[];
    columns: { key: string; name: string }[];
    cells: { row: string; column: string; segments: number; documents: number; cases: number }[];
  }>('matrix.get', { filters: { coderIds: [currentId] } });

  await page.goto(host.url);
  const documents = page.locator('.document-row');
  const countsOf = (list: { name: string; segments: number }[]) =>
    list.map((d) => new RegExp(`${d.name.replace(/[()]/g, '.')}\\d+ turns · ${d.segments} segments?$`));
  await expect(documents).toHaveText(countsOf(all));
  await page.getByRole('group', { name: 'Show codings of' }).getByRole('button', { name: 'Only mine' }).click();

  // The documents list and the codebook count only the current coder's passages.
  await expect(documents).toHaveText(countsOf(mine));
  await expect(page.getByRole('treeitem', { name: `MGF, ${mgf!.segmentsWithChildren} segments` })).toBeVisible();
  for (const child of mgf!.children.slice(0, 4))
    await expect(page.getByRole('treeitem', { name: `${child.name}, ${child.segmentsWithChildren} segments` })).toBeVisible();
  await expect(page.getByLabel('Counts for')).toBeDisabled();
  // The transcript fetches and counts only theirs.
  const open = (await page.locator('.transcript-title h2').textContent())!;
  const n = mine.find((d) => d.name === open)!.segments;
  await expect(page.locator('.transcript-meta')).toContainText(`${n} of ${n} codings shown`);

  // The matrix counts the same.
  await page.keyboard.press('Control+Shift+M');
  const region = page.getByRole('region', { name: 'Matrix' });
  await expect(region.getByRole('note')).toContainText('Only mine');
  for (const c of matrix.cells.slice(0, 6)) {
    const name = `${matrix.rows.find((r) => r.key === c.row)!.name} × ${matrix.columns.find((k) => k.key === c.column)!.name}`;
    // A cell is named by what it shows, then by its place and full counts ("…; Row × Column: N segments, …").
    await expect(region.getByRole('button', { name: new RegExp(`(^|; )${name}:`) })).toHaveAccessibleName(
      new RegExp(`(^|; )${name}: ${c.segments} segments, ${c.documents} documents, ${c.cases} cases$`),
    );
  }
  await page.screenshot({ path: '.test-output/screens/blind-coding.png' });

  // Showing all coders again brings everyone's work back.
  await page.getByRole('group', { name: 'Show codings of' }).getByRole('button', { name: 'Show all coders' }).click();
  await expect(documents).toHaveText(countsOf(all));
});
