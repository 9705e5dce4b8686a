// Transcript text edited with codings kept (issue 19): a word fixed inside a coded passage in the viewer's
// edit mode, and a name pseudonymised across documents from the Project menu; both undone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startWebHost, type RunningHost } from './host';
import { projectMenu } from './menu';
import { dragOver } from './text';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => host.stop());

type Segment = { id: number; documentId: number; start: number; end: number; text: string };
type Doc = { id: number; name: string };

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
}

/** axe-core's WCAG 2.1 A/AA rules inside the open dialog. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const segmentText = async (id: number) => (await host.call<Segment[]>('segments.list', {})).find((s) => s.id === id)?.text;

test('fix a word inside a coded passage in edit mode: the coding keeps its text, undo restores it', async ({ page }) => {
  await open(page);
  const documentId = Number(await page.locator('.transcript').getAttribute('data-document'));
  // A coded passage of the open document with a long word in it, away from its edges, that occurs once in the text.
  const { text } = await host.call<{ text: string }>('documents.get', { id: documentId });
  const segments = await host.call<Segment[]>('segments.list', { documentId });
  const target = segments
    .map((s) => ({
      s,
      word: s.text
        .split(/\s+/)
        .slice(2, -2)
        .find((w) => /^[a-z]{7,}$/.test(w) && text.split(`${w} `).length === 2),
    }))
    .find((t) => t.word)!;
  const { s: segment, word } = target;

  const editButton = page.getByRole('button', { name: 'Edit text', exact: true });
  await editButton.click();
  await expect(editButton).toHaveAttribute('aria-pressed', 'true');
  await dragOver(page, `${word} `);
  await page.locator('.transcript-scroll').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Fix text' });
  const field = dialog.getByRole('textbox', { name: 'Replace with' });
  // The drag took the following space along; the field shows exactly what will be replaced.
  await expect(field).toHaveValue(`${word} `);
  await field.fill('corrected 😀 ');
  await expectAccessible(page);
  await page.screenshot({ path: '.test-output/screens/fix-text.png' });
  await field.press('Enter');
  await expect(dialog).toBeHidden();

  const fixed = segment.text.replace(`${word} `, 'corrected 😀 ');
  await expect.poll(() => segmentText(segment.id)).toBe(fixed);
  await expect(page.locator('.transcript')).toContainText('corrected 😀');
  await page.screenshot({ path: '.test-output/screens/fixed-text.png' });

  await page.getByRole('button', { name: 'Undo Edit text' }).click();
  await expect.poll(() => segmentText(segment.id)).toBe(segment.text);
  await expect(page.locator('.transcript')).not.toContainText('corrected 😀');
  // The viewer leaves edit mode with Alt+E from the text.
  await page.locator('.transcript-scroll').press('Alt+e');
  await expect(editButton).toHaveAttribute('aria-pressed', 'false');
});

test('pseudonymise a name: every place listed first, replaced in all documents with codings kept, undone as one step', async ({ page }) => {
  await open(page);
  const before = await host.call<Segment[]>('segments.list', {});
  const expected = await host.call<{ hits: unknown[] }>('documents.pseudonymisePreview', { find: 'council' });
  expect(expected.hits.length).toBeGreaterThan(1);

  await projectMenu(page, 'Pseudonymise…');
  const dialog = page.getByRole('dialog', { name: 'Pseudonymise' });
  await dialog.getByRole('textbox', { name: 'Find' }).fill('council');
  await dialog.getByRole('textbox', { name: 'Replace with' }).fill('authority');
  await dialog.getByRole('textbox', { name: 'Replace with' }).press('Enter');
  const places = dialog.getByRole('region', { name: 'Places found' }).getByRole('listitem');
  await expect(places).toHaveCount(expected.hits.length);
  await expect(places.first()).toContainText(/council/i);
  await expectAccessible(page);
  await page.screenshot({ path: '.test-output/screens/pseudonymise.png' });
  await dialog.getByRole('button', { name: `Replace all (${expected.hits.length})` }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(async () => (await host.call<{ hits: unknown[] }>('documents.pseudonymisePreview', { find: 'council' })).hits.length)
    .toBe(0);
  const after = await host.call<Segment[]>('segments.list', {});
  // Codings kept: the same segments, their text with the new name wherever it had the old one.
  expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
  expect(after.map((s) => s.text)).toEqual(before.map((s) => s.text.replace(/\bcouncil\b/gi, 'authority')));
  expect(after.some((s) => s.text.includes('authority'))).toBe(true);

  await page.getByRole('button', { name: 'Undo Pseudonymise "council"' }).click();
  await expect.poll(async () => (await host.call<Segment[]>('segments.list', {})).map((s) => s.text)).toEqual(before.map((s) => s.text));
  const docs = await host.call<Doc[]>('documents.list');
  expect(docs.length).toBeGreaterThan(1);
});
