// The workbench as a researcher drives it (issue 14): jumps, the gutter, word snapping, the keyboard caret,
// clipping, tab order, excerpt lists and the shortcut list, on the demo project.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

type Doc = { id: number; name: string };
const documentNamed = async (prefix: string) => (await host.call<Doc[]>('documents.list')).find((d) => d.name.startsWith(prefix))!;

/** Whether an element lies wholly inside the visible box of a scrolling container. */
async function insideScroller(element: Locator, scroller: Locator) {
  const [box, view] = [await element.boundingBox(), await scroller.boundingBox()];
  return !!box && !!view && box.y >= view.y - 1 && box.y + Math.min(box.height, 40) <= view.y + view.height + 1;
}

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
}

test('a jump from the split matrix to another document lands on the passage', async ({ page }) => {
  await open(page);
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText(/^Interview 01/);
  // A late paragraph of Interview 04, coded into an empty cell so it is the cell's only excerpt.
  const target = await documentNamed('Interview 04');
  const doc = await host.call<{ paragraphs: { n: number; end: number; bodyStart: number }[] }>('documents.get', { id: target.id });
  const paragraph = doc.paragraphs.find((p) => p.n === 16)!;
  const { frameworks } = await host.call<{
    frameworks: {
      rows: { id: number; name: string }[];
      columns: { id: number; name: string }[];
      cells: { rowId: number; columnId: number; codeId: number }[];
    }[];
  }>('frameworks.list');
  const mgf = frameworks[0]!;
  const rowId = mgf.rows.find((r) => r.name === 'Individual')!.id;
  const columnId = mgf.columns.find((c) => c.name === 'Directive')!.id;
  const codeId = mgf.cells.find((c) => c.rowId === rowId && c.columnId === columnId)!.codeId;
  const created = await host.call<{ id: number }>('segments.create', {
    documentId: target.id,
    start: paragraph.bodyStart,
    end: Math.min(paragraph.end, paragraph.bodyStart + 40),
    codeIds: [codeId],
  });

  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  await matrix.getByRole('button', { name: /(^|; )Individual × Directive:/ }).click();
  const excerpts = page.getByRole('complementary', { name: 'Excerpts' });
  await expect(excerpts.getByRole('status')).toHaveText('1 excerpt');
  await excerpts.locator('.excerpt').first().click();
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText(/^Interview 04/);
  const turn = transcript.locator('.turn[data-n="16"]');
  await expect(turn).toHaveAttribute('aria-current', 'location');
  const scroller = transcript.locator('.transcript-scroll');
  await expect.poll(() => insideScroller(turn, scroller)).toBe(true);
  await page.waitForTimeout(600);
  expect(await insideScroller(turn, scroller)).toBe(true);
  await page.screenshot({ path: '.test-output/screens/jump-other-document.png' });
  await host.call('segments.delete', { id: created.id });
});

test('timestamps sit under the paragraph numbers in the gutter, whole and on one line', async ({ page }) => {
  const captions = [
    'WEBVTT',
    '',
    '00:00:07.000 --> 00:00:09.000',
    'Jane Smith: Thanks for joining.',
    '',
    '01:23:45.000 --> 01:23:49.000',
    'Sam Okafor: The board met weekly, and the minutes went to every school in the county.',
  ].join('\n');
  await host.call('documents.import', { source: { name: 'Gutter captions.vtt', data: Buffer.from(captions).toString('base64') } });
  await open(page);
  await page
    .getByRole('navigation', { name: 'Documents' })
    .getByRole('button', { name: /Gutter captions/ })
    .click();
  const turns = page.locator('.transcript .turn[data-time]');
  await expect(turns).toHaveCount(2);
  await expect(turns.nth(1)).toHaveAttribute('data-time', '01:23:45');
  const gutters = await turns.evaluateAll((elements) =>
    elements.map((turn) => {
      const number = getComputedStyle(turn, '::before');
      const time = getComputedStyle(turn, '::after');
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${time.fontSize} ${time.fontFamily}`;
      return {
        text: turn.getAttribute('data-time')!,
        // The number's glyphs are centred in its line box: they end half a font size below its middle.
        numberBottom: parseFloat(number.height) / 2 + parseFloat(number.fontSize) / 2,
        timeTop: parseFloat(time.top),
        timeWidth: parseFloat(time.width),
        textWidth: context.measureText(turn.getAttribute('data-time')!).width,
        timeHeight: parseFloat(time.height),
        timeLine: parseFloat(time.lineHeight) || parseFloat(time.fontSize) * 1.3,
        // Turns clip what lies outside them (content-visibility).
        turnHeight: turn.getBoundingClientRect().height,
      };
    }),
  );
  for (const g of gutters) {
    expect(g.timeTop, `${g.text} starts below the number`).toBeGreaterThanOrEqual(g.numberBottom);
    expect(g.textWidth, `${g.text} fits its box`).toBeLessThanOrEqual(g.timeWidth);
    expect(g.timeHeight, `${g.text} is one line`).toBeLessThanOrEqual(g.timeLine + 1);
    expect(g.timeTop + g.timeHeight, `${g.text} is inside its turn`).toBeLessThanOrEqual(g.turnHeight);
  }
  await turns.first().screenshot({ path: '.test-output/screens/gutter-timestamps.png' });
});

test('the read-only transcript has a keyboard caret that moves, selects and codes; the coded passage stays in view', async ({ page }) => {
  await open(page);
  const first = await documentNamed('Interview 01');
  const doc = await host.call<{ text: string; paragraphs: { n: number; start: number; end: number; bodyStart: number }[] }>(
    'documents.get',
    {
      id: first.id,
    },
  );
  const scroller = page.locator('.transcript-scroll');
  await expect(scroller).toHaveAccessibleName(/Move the caret with the arrow keys/);
  await scroller.focus();
  const caret = page.locator('.keyboard-caret');
  await expect(caret).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Caret in paragraph 1' })).toHaveCount(1);
  await scroller.screenshot({ path: '.test-output/screens/keyboard-caret.png' });

  // Three characters right, then two selected: the selection is those code points of ¶1's speech.
  const body = Array.from(doc.text).slice(doc.paragraphs[0]!.bodyStart, doc.paragraphs[0]!.end);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  expect(await page.evaluate(() => window.getSelection()!.toString())).toBe(body.slice(3, 5).join(''));

  // A line down moves the caret down a line (the browser scrolled the page instead).
  const before = (await caret.boundingBox())!;
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await caret.boundingBox())!.y - before.y).toBeGreaterThan(before.height / 2);

  // Ctrl+End: the caret in the last paragraph, on screen; Page Up moves it a screen back; Ctrl+Home to the top.
  const last = doc.paragraphs[doc.paragraphs.length - 1]!.n;
  await page.keyboard.press('Control+End');
  await expect(page.getByRole('status').filter({ hasText: `Caret in paragraph ${last}` })).toHaveCount(1);
  await expect.poll(() => insideScroller(caret, scroller)).toBe(true);
  await page.waitForTimeout(300); // turns laid out late (content-visibility) may still grow the text
  const bottom = await scroller.evaluate((e) => e.scrollTop);
  expect(bottom).toBeGreaterThan(1000);
  await page.keyboard.press('PageUp');
  await expect.poll(() => scroller.evaluate((e) => e.scrollTop)).toBeLessThan(bottom - 300);
  await expect(page.getByRole('status').filter({ hasText: `Caret in paragraph ${last}` })).toHaveCount(0);
  // The caret follows the scroll a frame later.
  await expect.poll(() => insideScroller(caret, scroller)).toBe(true);
  await page.keyboard.press('Control+Home');
  await expect(page.getByRole('status').filter({ hasText: 'Caret in paragraph 1' })).toHaveCount(1);
  await expect.poll(() => scroller.evaluate((e) => e.scrollTop)).toBe(0);

  // Ctrl+↓ by paragraphs to a late one, select a word with Ctrl+Shift+→ and code it: it stays in view.
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('c');
  const popover = page.getByRole('dialog', { name: 'Code selection' });
  await expect(popover).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Selected coding' })).toBeVisible();
  await expect
    .poll(() =>
      page.evaluate(() => {
        // The focus highlight is registered a frame after the panel shows.
        const focus = CSS.highlights.get('segment-focus');
        const range = (focus ? [...focus][0] : undefined) as Range | undefined;
        const rect = range?.getBoundingClientRect();
        const view = document.querySelector('.transcript-scroll')!.getBoundingClientRect();
        return !!rect && rect.top >= view.top && rect.bottom <= view.bottom;
      }),
    )
    .toBe(true);
  await page.screenshot({ path: '.test-output/screens/keyboard-coded.png' });
  await page.keyboard.press('Delete');
});

test('nothing is clipped: the Frameworks preview grid fits its pane; Undo/Redo are short with the step in a tooltip', async ({ page }) => {
  await open(page);
  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  await codebook.getByRole('tab', { name: 'Frameworks' }).click();
  const grid = codebook.getByRole('table', { name: 'MGF grid' });
  await expect(grid).toBeVisible();
  const [pane, table] = [(await codebook.boundingBox())!, (await grid.boundingBox())!];
  expect(table.x + table.width).toBeLessThanOrEqual(pane.x + pane.width);
  // Every heading's and cell's text is whole: none is wider inside than its box shows.
  const clipped = await grid
    .locator('th, td, .grid-cell')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).length);
  expect(clipped).toBe(0);
  await codebook.screenshot({ path: '.test-output/screens/frameworks-grid.png' });

  // A step with a long name: the button says "Undo", its name and tooltip say which step.
  await host.call('codes.create', { parentId: null, name: 'A code with a rather long name for the undo button' });
  const undo = page.getByRole('button', { name: /^Undo / });
  await expect(undo).toHaveText('Undo');
  await expect(undo).toHaveAttribute('title', /^Undo .+ \(Ctrl\+Z\)$/);
  expect(await undo.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  await page.keyboard.press('Control+z');
});

test('the shortcut list names Ctrl+Shift+M and the caret keys', async ({ page }) => {
  await open(page);
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Ctrl+Shift+MOpen or close the matrix');
  await expect(help).toContainText('Ctrl+Home / Ctrl+End');
});

test('a matrix dragged tall above the transcript leaves the transcript its minimum', async ({ page }) => {
  // As if the matrix splitter had been dragged to its 1,200 px maximum in an earlier session.
  // The matrix's layout is kept per project, under the project's GUID.
  const { project } = await host.call<{ project: { guid: string } }>('app.status');
  await page.addInitScript(
    (guid) => localStorage.setItem(`trellis.matrix.view.${guid}`, JSON.stringify({ open: true, full: false, height: 1200 })),
    project.guid,
  );
  await open(page);
  const matrix = page.getByRole('region', { name: 'Matrix' });
  await expect(matrix.getByRole('table', { name: 'MGF: Locus × Level' })).toBeVisible();
  // 420 px for the transcript column (centre.css), of which the header takes about 150: at least 250 px of text.
  const column = await page.locator('.centre-transcript').boundingBox();
  const text = await page.locator('.transcript-scroll').boundingBox();
  expect(column!.height).toBeGreaterThanOrEqual(420);
  expect(text!.height).toBeGreaterThanOrEqual(250);
  expect((await page.locator('.matrix-slot').boundingBox())!.height).toBeGreaterThanOrEqual(160);
  await page.screenshot({ path: '.test-output/screens/matrix-split-minimum.png' });
});

test('the top bar: file actions in an accessible Project menu, Close project last in it, the title whole', async ({ page }) => {
  await open(page);
  const bar = page.locator('header.topbar');
  // Tab walks the bar: the menu button, then the views and the history; no file input or unnamed stop.
  await page.getByRole('button', { name: 'Project' }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 7; i++) {
    stops.push(
      await page.evaluate(
        () => (document.activeElement as HTMLElement).getAttribute('aria-label') ?? document.activeElement!.textContent!.trim(),
      ),
    );
    await page.keyboard.press('Tab');
  }
  expect(stops.slice(0, 4)).toEqual(['Project ▾', 'Compare', 'Excerpts', 'Matrix']);
  expect(stops.every((s) => s !== '')).toBe(true);
  await expect(bar.getByRole('button', { name: 'Close project' })).toHaveCount(0);
  await expect(bar.locator('input[type=file]:not([hidden])')).toHaveCount(0);

  // The menu from the keyboard: ↓ opens it on the first item, ↑/↓ wrap, End, Escape closes and returns focus.
  const button = page.getByRole('button', { name: 'Project' });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Project' });
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Import…',
    'Paste as document…',
    'Cases and attributes…',
    'Pseudonymise…',
    'Copy for a coder…',
    'Merge a coder’s file…',
    'REFI-QDA exchange…',
    'Close project',
  ]);
  await expect(menu.getByRole('menuitem', { name: 'Import…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Close project' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Paste as document…' })).toBeFocused();
  await page.screenshot({ path: '.test-output/screens/topbar-project-menu.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Enter on an item runs it; its dialog closes back onto the menu button.
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'REFI-QDA exchange…' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const paste = page.getByRole('dialog', { name: /Paste/ });
  await expect(paste).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(paste).toHaveCount(0);
  await expect(button).toBeFocused();

  // The demo's long title is shown whole at 1440 px: nothing of it is cut.
  const title = bar.getByRole('heading', { level: 1 });
  expect(await title.evaluate((h) => h.scrollWidth <= h.clientWidth && h.scrollHeight <= h.clientHeight)).toBe(true);
  await bar.screenshot({ path: '.test-output/screens/topbar.png' });
});

test('a passage coded by two coders is listed twice, each time naming its coder', async ({ page }) => {
  const code = await host.call<{ id: number }>('codes.create', { parentId: null, name: 'Double coded' });
  const target = await documentNamed('Interview 02');
  const doc = await host.call<{ paragraphs: { end: number; bodyStart: number }[] }>('documents.get', { id: target.id });
  const p = doc.paragraphs[1]!;
  for (const coder of ['A', 'B']) {
    await host.call('segments.create', {
      documentId: target.id,
      start: p.bodyStart,
      end: Math.min(p.end, p.bodyStart + 30),
      codeIds: [code.id],
      coder,
    });
  }
  await open(page);
  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  await codebook.getByRole('treeitem', { name: /^Double coded,/ }).click();
  await codebook.getByRole('region', { name: 'Example quote' }).getByRole('button', { name: 'Choose…' }).click();
  const list = codebook.getByRole('list', { name: 'Passages to choose from' });
  await expect(list.locator('.passage-source')).toHaveText([/Interview 02.* · coder [AB]$/, /Interview 02.* · coder [AB]$/]);
  expect((await list.locator('.passage-source').allTextContents()).map((t) => t.slice(-1)).sort()).toEqual(['A', 'B']);
});

test('a tab stranded by a restarted host shows a full-page notice saying where the new address is', async ({ page }) => {
  await open(page);
  // The host now answers as a restarted one would: this tab's token is no longer the right one.
  await page.route('**/api/*', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'http', message: 'Missing or wrong token. Trellis was probably restarted: each launch has its own address.' },
      }),
    }),
  );
  await page
    .getByRole('navigation', { name: 'Documents' })
    .getByRole('button', { name: /Interview 03/ })
    .click();
  const notice = page.getByRole('alert').filter({ hasText: 'This tab is no longer connected to Trellis' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Trellis was probably restarted');
  await expect(notice).toContainText('running at http://');
  await expect(page.getByRole('main', { name: 'Transcript' })).toHaveCount(0);
  await page.screenshot({ path: '.test-output/screens/host-lost.png' });
});
