import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Calls the API over HTTP from the test process. */
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

test('search the demo, jump to a hit, step through the marked hits, save the search, auto-code the hits at sentence level, see them in the open matrix, undo', async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  const before = (await api<unknown[]>('segments.list', { withText: false })).length;
  const expected = await api<{ hits: { documentId: number; document: string; paragraph: number; match: string }[] }>('search.run', {
    query: 'inspect*',
  });
  const counts = await api<{ total: number; groups: { documentId: number; hits: number }[] }>('search.count', { query: 'inspect*' });
  expect(counts.total).toBeGreaterThanOrEqual(20);
  // An empty cell of the framework, so the matrix shows exactly what the auto-coding adds.
  const refs = await api<{ id: number; ref: string }[]>('codebook.refs', {});
  const cellRef = refs.find((r) => /^MGF:Individual\/Directive$/.test(r.ref))!;
  expect(cellRef).toBeDefined();

  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  const emptyCell = matrix.getByRole('button', { name: /(^|; )Individual × Directive:/ });
  await expect(emptyCell).toHaveAccessibleName(/(^|; )Individual × Directive: 0 segments, 0 documents, 0 cases$/);

  await page.locator('.search-slot > summary').click();
  const panel = page.getByRole('region', { name: 'Search' });
  const box = panel.getByRole('searchbox', { name: 'Search query' });
  await box.fill('inspect*');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(panel.locator('.search-total')).toHaveText(`${counts.total} hits in ${counts.groups.length} documents`);
  await page.screenshot({ path: '.test-output/screens/search-results.png' });

  // Bad input: a message, no crash.
  await box.fill('inspect AND (');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('cannot be read');
  await box.fill('inspect*');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();

  const first = expected.hits[0]!;
  await panel.locator('.search-hit').first().click();
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText(first.document);
  const turn = transcript.locator(`.turn[data-n="${first.paragraph}"]`);
  await expect(turn).toHaveAttribute('aria-current', 'location');
  await expect(turn).toContainText(first.match);

  // The open document's hits are marked, and F3 / Shift+F3 step through them.
  const inDocument = counts.groups.find((g) => g.documentId === first.documentId)!.hits;
  const marked = () => page.evaluate(() => CSS.highlights.get('search-hit')?.size ?? 0);
  await expect.poll(marked).toBe(inDocument);
  const stepStatus = panel.locator('.search-step-status');
  await expect(stepStatus).toHaveText(`${inDocument} hits marked in the open document`);
  await page.keyboard.press('F3');
  await expect(stepStatus).toHaveText(`Hit 1 of ${inDocument} in the open document`);
  await panel.getByRole('button', { name: 'Next hit' }).click();
  await expect(stepStatus).toHaveText(`Hit 2 of ${inDocument} in the open document`);
  const second = expected.hits[1]!;
  await expect(transcript.locator(`.turn[data-n="${second.paragraph}"]`)).toHaveAttribute('aria-current', 'location');
  await page.keyboard.press('Shift+F3');
  await expect(stepStatus).toHaveText(`Hit 1 of ${inDocument} in the open document`);
  // With the matrix, the search and the transcript sharing the centre, stepping to a hit scrolls the
  // transcript, never the page: the top bar stays at the top.
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
  expect((await page.locator('.topbar').boundingBox())!.y).toBe(0);
  await page.screenshot({ path: '.test-output/screens/search-marked.png' });

  // Saved, then rerun from the list after another search.
  await panel.locator('.search-options > summary').click();
  await panel.getByRole('textbox', { name: 'Name for this search' }).fill('Inspection');
  await panel.getByRole('button', { name: 'Save search' }).click();
  const saved = panel.getByRole('region', { name: 'Saved searches' }).getByRole('button', { name: 'Inspection', exact: true });
  await expect(saved).toBeVisible();
  await box.fill('budget');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await saved.click();
  await expect(box).toHaveValue('inspect*');
  await expect(panel.locator('.search-total')).toHaveText(`${counts.total} hits in ${counts.groups.length} documents`);
  await page.screenshot({ path: '.test-output/screens/search-saved.png' });

  // Twenty hits chosen by their checkboxes: only those are coded.
  const boxes = panel.getByRole('checkbox', { name: /^Choose the hit in/ });
  expect(await boxes.count()).toBeGreaterThanOrEqual(20);
  for (let i = 0; i < 20; i++) await boxes.nth(i).check();
  const page0 = await api<{ hits: { documentId: number; start: number; end: number }[] }>('search.run', {
    query: 'inspect*',
    offset: 0,
    limit: 20,
  });
  await panel.getByRole('button', { name: 'Auto-code 20 chosen hits…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Auto-code the hits' });
  await dialog.getByRole('combobox', { name: 'Code' }).selectOption({ label: cellRef.ref });
  await dialog.getByRole('combobox', { name: 'Expand to' }).selectOption('sentence');
  const preview = await api<{ segments: number; passages: number }>('search.autocodePreview', {
    search: { query: 'inspect*' },
    hits: page0.hits.map(({ documentId, start, end }) => ({ documentId, start, end })),
    expand: 'sentence',
    codeIds: [cellRef.id],
  });
  expect(preview.passages).toBe(20);
  expect(preview.segments).toBeLessThan(counts.total);
  expect(preview.segments).toBeGreaterThan(0);
  await expect(dialog.locator('.autocode-count')).toContainText(`make ${preview.segments} new segments`);
  await page.screenshot({ path: '.test-output/screens/search-autocode.png' });
  await dialog.getByRole('button', { name: `Code ${preview.segments} passages` }).click();
  await expect(dialog).toBeHidden();
  expect((await api<unknown[]>('segments.list', { withText: false })).length).toBe(before + preview.segments);
  // The open matrix counts them in the cell that was empty.
  await expect(emptyCell).toHaveAccessibleName(new RegExp(`(^|; )Individual × Directive: ${preview.segments} segments`));
  await page.screenshot({ path: '.test-output/screens/search-autocoded-matrix.png' });

  await page.getByRole('button', { name: 'Undo Auto-code search hits' }).click();
  await expect.poll(async () => (await api<unknown[]>('segments.list', { withText: false })).length).toBe(before);
  await expect(emptyCell).toHaveAccessibleName(/(^|; )Individual × Directive: 0 segments, 0 documents, 0 cases$/);
});

test("auto-code every turn of the DCS with a new code: the dialog's count is the number of the DCS's paragraphs, one undo removes them", async ({
  page,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  // A new code, so no turn is coded with it yet and every turn of the DCS makes one segment.
  const code = await api<{ id: number }>('codes.create', { parentId: null, name: 'Said by the DCS' });
  const documents = await api<{ id: number }[]>('documents.list', {});
  let turns = 0;
  for (const d of documents) {
    const doc = await api<{ paragraphs: { speaker: string | null }[] }>('documents.get', { id: d.id });
    turns += doc.paragraphs.filter((p) => p.speaker === 'DCS').length;
  }
  expect(turns).toBeGreaterThan(10);
  const before = (await api<unknown[]>('segments.list', { withText: false })).length;

  await page.locator('.search-slot > summary').click();
  const panel = page.getByRole('region', { name: 'Search' });
  await panel.getByRole('button', { name: 'Auto-code a speaker…' }).click();
  const dialog = page.getByRole('dialog', { name: "Auto-code a speaker's turns" });
  await dialog.getByRole('combobox', { name: 'Speaker' }).selectOption('DCS');
  await dialog.getByRole('combobox', { name: 'Add a code' }).selectOption({ label: 'Said by the DCS' });
  await expect(dialog.getByRole('list', { name: 'Codes to apply' })).toContainText('Said by the DCS');
  await expect(dialog.locator('.autocode-count')).toHaveText(
    `DCS has ${turns} turns: ${turns} new segments; 0 turns carry all these codes already and are skipped. One Undo undoes it all.`,
  );
  await page.screenshot({ path: '.test-output/screens/search-speaker-autocode.png' });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await dialog.getByRole('button', { name: `Code ${turns} turns` }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.locator('.search-speaker-done')).toHaveText(`Coded ${turns} turns of DCS. Undo undoes them all.`);
  const coded = await api<{ codeIds: number[] }[]>('segments.list', { withText: false });
  expect(coded.length).toBe(before + turns);
  expect(coded.filter((s) => s.codeIds.includes(code.id)).length).toBe(turns);

  await page.getByRole('button', { name: "Undo Auto-code DCS's turns" }).click();
  await expect.poll(async () => (await api<unknown[]>('segments.list', { withText: false })).length).toBe(before);
});
