// Transcript text edited with codings kept (issue 19): a word fixed inside a coded passage in the viewer's
// edit mode, and a name pseudonymised across documents from the Project menu; both undone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startDemoHost, type RunningHost } from './host';
import { projectMenu } from './menu';
import { dragOver, phraseBox } from './text';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => host.stop());

type Segment = { id: number; documentId: number; start: number; end: number; text: string };
type Doc = { id: number; name: string };

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
}

/** axe-core's WCAG 2.1 A/AA rules inside the open dialog (a modal one, or the fix's popover at the words). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .include('dialog[open], [role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
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
  const scrollTop = () => page.locator('.transcript-scroll').evaluate((e) => e.scrollTop);
  const scrolled = await scrollTop();
  // The transcript is updated in place, not mounted again: its turns stay the same elements.
  await page
    .locator('.transcript .turn')
    .first()
    .evaluate((e) => e.setAttribute('data-kept', ''));
  await field.press('Enter');
  await expect(dialog).toBeHidden();

  const fixed = segment.text.replace(`${word} `, 'corrected 😀 ');
  await expect.poll(() => segmentText(segment.id)).toBe(fixed);
  await expect(page.locator('.transcript')).toContainText('corrected 😀');
  await expect(page.locator('.transcript .turn[data-kept]')).toHaveCount(1);
  // The caret stays after the new words and the view where it was; the coding's highlight covers them.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const selection = window.getSelection()!;
        const range = document.createRange();
        range.setStart(document.querySelector('.transcript')!, 0);
        range.setEnd(selection.focusNode!, selection.focusOffset);
        return selection.isCollapsed && range.toString().endsWith('corrected 😀 ');
      }),
    )
    .toBe(true);
  expect(await scrollTop()).toBe(scrolled);
  await expect
    .poll(() =>
      page.evaluate((text) => {
        const ranges = [...CSS.highlights].flatMap(([name, h]) => (name.startsWith('code-') ? [...h] : []));
        return ranges.some((r) => r.toString() === text);
      }, fixed),
    )
    .toBe(true);
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

type Turns = { text: string; paragraphs: { n: number; start: number; end: number; bodyStart: number; speaker: string | null }[] };

test('split a coded turn at the caret, change the new turn’s speaker, remove it, join it back: the coding keeps its words; undo', async ({
  page,
}) => {
  await open(page);
  const documentId = Number(await page.locator('.transcript').getAttribute('data-document'));
  const before = await host.call<Turns>('documents.get', { id: documentId });
  const chars = [...before.text];
  const segments = await host.call<Segment[]>('segments.list', { documentId });
  // A coding inside one turn with a word in its middle, preceded by a space, that occurs once in the text.
  const target = segments
    .map((s) => ({
      s,
      turn: before.paragraphs.find((p) => p.bodyStart <= s.start && s.end <= p.end),
      word: s.text
        .split(' ')
        .slice(3, -3)
        .find((w) => /^[a-z]{6,}$/.test(w) && before.text.split(w).length === 2),
    }))
    .find((t) => t.turn && t.word)!;
  const { s: segment, turn, word } = target as { s: Segment; turn: Turns['paragraphs'][number]; word: string };
  const label = chars.slice(turn.start, turn.bodyStart).join('');
  const lead = segment.text.slice(0, segment.text.indexOf(` ${word}`)).slice(-12);
  const say = page.getByRole('status', { name: 'Announcements' });
  const caretBefore = async (phrase: string) => {
    const box = await phraseBox(page, phrase);
    await page.mouse.click(box.x1 - 0.5, box.y1);
  };

  // The changed text comes back late, as on a busy machine: what is said waits for it, so a key pressed
  // once it is heard acts on the new turns (it acted on the old ones when the saying came first).
  await page.route('**/api/documents.get', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Edit text', exact: true }).click();
  await caretBefore(word);
  await page.locator('.transcript-scroll').press('Alt+Enter');
  const split = segment.text.replace(` ${word}`, `\n${label}${word}`);
  await expect.poll(() => segmentText(segment.id)).toBe(split);
  await expect(say).toContainText(`the words after the caret are turn ${turn.n + 1}`);
  const afterSplit = await host.call<Turns>('documents.get', { id: documentId });
  expect(afterSplit.paragraphs.length).toBe(before.paragraphs.length + 1);
  expect(afterSplit.paragraphs[turn.n]!.speaker).toBe(turn.speaker);

  // The new turn's speaker, from the keyboard, the caret put back at its words: a name typed in.
  await page.locator('.transcript-scroll').press('Alt+w');
  const dialog = page.getByRole('dialog', { name: 'Change speaker' });
  await expect(dialog.getByRole('group', { name: `Speaker of turn ${turn.n + 1} (now ${turn.speaker})` })).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Another name' }).fill('Ana Ní 😀');
  await expect(dialog.getByRole('radio', { name: 'Another name' })).toBeChecked();
  await expectAccessible(page);
  await page.screenshot({ path: '.test-output/screens/change-speaker.png' });
  await dialog.getByRole('textbox', { name: 'Another name' }).press('Enter');
  await expect(dialog).toBeHidden();
  const relabelled = split.replace(`\n${label}`, `\n${label.replace(turn.speaker!, 'Ana Ní 😀')}`);
  await expect.poll(() => segmentText(segment.id)).toBe(relabelled);
  await expect(say).toContainText(`Turn ${turn.n + 1} is Ana Ní 😀’s now`);
  await expect(page.locator('.transcript')).toContainText('Ana Ní 😀');
  await page.screenshot({ path: '.test-output/screens/turn-split.png' });

  // No speaker: the label goes, the coding keeps its words.
  await caretBefore(word);
  await page.locator('.transcript-scroll').press('Alt+w');
  await expect(dialog.getByRole('group', { name: `Speaker of turn ${turn.n + 1} (now Ana Ní 😀)` })).toBeVisible();
  await dialog.getByRole('radio', { name: 'No speaker (remove the label)' }).check();
  await expectAccessible(page);
  await page.screenshot({ path: '.test-output/screens/no-speaker.png' });
  await dialog.getByRole('button', { name: 'Change' }).click();
  await expect(dialog).toBeHidden();
  const unlabelled = split.replace(`\n${label}`, '\n');
  await expect.poll(() => segmentText(segment.id)).toBe(unlabelled);
  await expect(say).toContainText(`Turn ${turn.n + 1} has no speaker now`);
  expect((await host.call<Turns>('documents.get', { id: documentId })).paragraphs[turn.n]!.speaker).toBeNull();

  // Joined back with the header's button, the caret in the first half.
  await caretBefore(lead);
  await page.getByRole('button', { name: 'Join with next turn' }).click();
  await expect.poll(() => segmentText(segment.id)).toBe(segment.text);
  await expect(say).toContainText(`Turns ${turn.n} and ${turn.n + 1} joined; codings kept`);
  expect((await host.call<Turns>('documents.get', { id: documentId })).paragraphs).toEqual(before.paragraphs);
  // The caret stays in the joined turn: the speaker dialog offers its turn, and Escape leaves it.
  await page.locator('.transcript-scroll').press('Alt+w');
  await expect(dialog.getByRole('group', { name: `Speaker of turn ${turn.n} (now ${turn.speaker})` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Undo Join turns' }).click();
  await expect.poll(() => segmentText(segment.id)).toBe(unlabelled);
  await page.getByRole('button', { name: 'Undo Change speaker' }).click();
  await expect.poll(() => segmentText(segment.id)).toBe(relabelled);
  await page.getByRole('button', { name: 'Undo Change speaker' }).click();
  await expect.poll(() => segmentText(segment.id)).toBe(split);
  await page.getByRole('button', { name: 'Undo Split turn' }).click();
  await expect.poll(() => segmentText(segment.id)).toBe(segment.text);
  expect(await host.call<Turns>('documents.get', { id: documentId })).toEqual(before);
});

/** The text under each range of a CSS highlight, or null for a range left on text no longer in the page. */
const highlighted = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n) ?? [])].map((r) => (r.startContainer.isConnected && r.endContainer.isConnected ? r.toString() : null)),
    name,
  );

/** Selects a phrase of the transcript (it occurs once) the way a drag would leave the selection. */
const select = (page: Page, phrase: string) =>
  page.evaluate((target) => {
    const walker = document.createTreeWalker(document.querySelector('.transcript')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(target);
      if (at < 0) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      window.getSelection()!.setBaseAndExtent(node, at, node, at + target.length);
      return;
    }
    throw new Error(`phrase not found: ${target}`);
  }, phrase);

/** Whether a coding's highlight covers exactly `text`. */
const codingShows = (page: Page, text: string) =>
  page.evaluate((t) => [...CSS.highlights].some(([name, h]) => name.startsWith('code-') && [...h].some((r) => r.toString() === t)), text);

test('a word fix is shown before it is stored, search hits follow it, Ctrl+Z brings the old word back under its coding; a refused fix goes back', async ({
  page,
}) => {
  await open(page);
  const documentId = Number(await page.locator('.transcript').getAttribute('data-document'));
  const { text, paragraphs } = await host.call<Turns>('documents.get', { id: documentId });
  const chars = [...text];
  const segments = await host.call<Segment[]>('segments.list', { documentId });
  // A coded word that occurs once, and a later word of its turn, searched for: its hit there moves with the fix.
  const target = segments
    .map((s) => {
      const turn = paragraphs.find((p) => p.bodyStart <= s.start && s.end <= p.end);
      const word = s.text
        .split(/\s+/)
        .slice(1, -2)
        .find((w) => /^[a-z]{6,}$/.test(w) && text.split(`${w} `).length === 2);
      const rest = turn && word ? chars.slice(s.start, turn.end).join('').split(`${word} `)[1] : undefined;
      return { s, word, later: rest?.split(/\s+/).find((w) => /^[a-z]{5,}$/.test(w) && w !== word) };
    })
    .find((t) => t.word && t.later)!;
  const { s: segment, word, later } = target as { s: Segment; word: string; later: string };

  await page.locator('.search-slot > summary').click();
  const panel = page.getByRole('region', { name: 'Search' });
  await panel.getByRole('searchbox', { name: 'Search query' }).fill(later);
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await expect.poll(async () => (await highlighted(page, 'search-hit')).length).toBeGreaterThan(0);
  const hits = (await highlighted(page, 'search-hit')).sort();

  // The fix is held on its way to the host: what the view shows meanwhile is its own.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/documents.editText', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: 'Edit text', exact: true }).click();
  // The search panel leaves the transcript little room: the words are selected as a drag would.
  await select(page, `${word} `);
  await page.locator('.transcript-scroll').press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Fix text' });
  await expect(dialog.getByRole('textbox', { name: 'Replace with' })).toHaveValue(`${word} `);
  await dialog.getByRole('textbox', { name: 'Replace with' }).fill('mended 😀 ');
  await dialog.getByRole('textbox', { name: 'Replace with' }).press('Enter');
  // The dialog closes as the fix is sent, not once it is stored.
  await expect(dialog).toBeHidden();
  const fixed = segment.text.replace(`${word} `, 'mended 😀 ');
  await expect(page.locator('.transcript')).toContainText('mended 😀');
  await expect.poll(() => codingShows(page, fixed)).toBe(true);
  // Every search hit is still on its word, the one after the fix in the repainted turn too.
  await expect.poll(async () => (await highlighted(page, 'search-hit')).sort()).toEqual(hits);
  expect(await segmentText(segment.id)).toBe(segment.text);
  await page.screenshot({ path: '.test-output/screens/fix-shown-before-stored.png' });
  release();
  await expect.poll(() => segmentText(segment.id)).toBe(fixed);
  await expect(page.getByRole('status', { name: 'Announcements' })).toContainText('Text replaced; codings kept.');
  await page.unroute('**/api/documents.editText');

  // Ctrl+Z from the text: the old word is back, with the coding's highlight over the text the API gives it.
  await page.locator('.transcript-scroll').press('Control+z');
  await expect.poll(() => segmentText(segment.id)).toBe(segment.text);
  await expect(page.locator('.transcript')).not.toContainText('mended 😀');
  await expect.poll(() => codingShows(page, segment.text)).toBe(true);
  await expect.poll(async () => (await highlighted(page, 'search-hit')).sort()).toEqual(hits);
  await page.screenshot({ path: '.test-output/screens/fix-undone.png' });

  // A fix the host refuses: the view goes back to the stored text and the dialog opens again with the words typed, saying why.
  await page.route('**/api/documents.editText', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'invalid', message: 'Refused for the test.' } } }),
  );
  await select(page, `${word} `);
  await page.locator('.transcript-scroll').press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Replace with' })).toHaveValue(`${word} `);
  await dialog.getByRole('textbox', { name: 'Replace with' }).fill('refused ');
  await dialog.getByRole('textbox', { name: 'Replace with' }).press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Refused for the test.');
  await expect(dialog.getByRole('textbox', { name: 'Replace with' })).toHaveValue('refused ');
  await expect(page.locator('.transcript')).not.toContainText('refused ');
  await expect.poll(() => codingShows(page, segment.text)).toBe(true);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await segmentText(segment.id)).toBe(segment.text);
});
