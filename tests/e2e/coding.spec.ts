import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { insertDocument } from '../../db/queries/documents';
import { setMeta } from '../../db/queries/meta';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { startWebHost, type RunningHost } from './host';
import { stripesAt } from './stripes';
import { dragOver, phraseBox } from './text';

const TEXT = [
  'Interviewer: Tell me about the café and the Trust.',
  'DCS: The naïve plan 😀 worked – mostly. Schools joined the Trust 🎉 in 2009, after the Act.',
  'Interviewer: And the CAF?',
  'DCS: It changed everything for our lead professionals, honestly.',
].join('\n');

let fixtures = 0;
/** A new file in the host's projects folder (which the API opens without a dialog), named for the test. */
function projectPath(home: string, name: string): string {
  mkdirSync(join(home, 'projects'), { recursive: true });
  return join(home, 'projects', `${name}-${++fixtures}.trellis`);
}

/** A project with one transcript full of accents and emoji, so UTF-16 vs code-point slips show. */
function fixtureProject(home: string): string {
  const file = projectPath(home, 'coding');
  const db = createProjectFile(file, 'Coding fixture');
  db.transaction(() => {
    seedDefaultFramework(db);
    insertDocument(db, { name: 'Emoji interview', ...parsePlainTranscript(TEXT), sourceName: null, sourceType: 'txt' });
    setMeta(db, 'current_coder_id', String(ensureCoder(db, 'A').id));
    ensureCoder(db, 'B');
  })();
  db.close();
  return file;
}

const segmentsOf = (host: RunningHost) =>
  host.call<{ id: number; text: string; start: number; end: number; codeIds: number[]; memo: string; coderId: number }[]>(
    'segments.list',
    {},
  );
const refs = async (host: RunningHost) =>
  new Map((await host.call<{ id: number; ref: string }[]>('codebook.refs')).map((r) => [r.id, r.ref]));
/** Each code's colour, from the codebook tree. */
async function codeColors(host: RunningHost): Promise<Map<number, string>> {
  type Node = { id: number; color: string; children: Node[] };
  const flat = (nodes: Node[]): [number, string][] => nodes.flatMap((n) => [[n.id, n.color.toLowerCase()], ...flat(n.children)]);
  return new Map(flat(await host.call<Node[]>('codebook.tree')));
}
const codePoints = (piece: string) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(piece))].length;
  return { start, end: start + [...piece].length };
};

// One host for the file: each test opens a fresh fixture project in it, so none sees another's codings.
let host: RunningHost;
test.beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-coding-'));
  host = await startWebHost(['--project', fixtureProject(home)], home);
});
test.afterAll(async () => host.stop());
test.beforeEach(async () => {
  await host.call('project.open', { file: fixtureProject(host.home) });
});

test('a mouse selection coded with the MGF grid keys stores exactly the selected code points', async ({ page }) => {
  await page.goto(host.url);
  await dragOver(page, 'naïve plan 😀 worked');
  const popover = page.getByRole('dialog', { name: 'Code selection' });
  await expect(popover).toContainText('“naïve plan 😀 worked”');
  await page.keyboard.press('4'); // Organizational × Constitutive
  await page.keyboard.press('0'); // layer: National
  await expect(popover.getByRole('button', { name: 'Key 4: Organizational × Constitutive' })).toHaveAttribute('aria-pressed', 'true');
  await expect(popover.getByRole('group', { name: /Layer/ }).getByRole('button', { name: 'National' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: '.test-output/screens/coding-popover.png' });
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);

  const [segment] = await segmentsOf(host);
  expect(segment).toMatchObject({ text: 'naïve plan 😀 worked', ...codePoints('naïve plan 😀 worked') });
  const labels = await refs(host);
  expect(segment!.codeIds.map((id) => labels.get(id)).sort()).toEqual(['MGF:National', 'MGF:Organizational/Constitutive']);
  // The highlight is painted, a stripe drawn per code in that code's colour, and the selection panel shows it.
  const colors = await codeColors(host);
  const { y1 } = await phraseBox(page, 'naïve plan');
  await expect
    .poll(async () => (await stripesAt(page, y1)).map((l) => l.color).sort())
    .toEqual(segment!.codeIds.map((id) => colors.get(id)).sort());
  expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('region', { name: 'Selected coding' })).toContainText('naïve plan 😀 worked');
});

/** The text under each code's highlight, as painted (CSS Custom Highlight API). */
const paintedTexts = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.entries()].flatMap(([name, h]) => (name.startsWith('code-') ? [...h].map((r) => (r as Range).toString()) : [])),
  );

test('a coding is painted before the API answers, and withdrawn with a clear error if storing fails', async ({ page }) => {
  await page.goto(host.url);
  let answer: (() => Promise<void>) | undefined;
  const held = new Promise<void>((resolve) => {
    void page.route('**/api/segments.create', (route) => {
      answer = () =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ ok: false, error: { code: 'invalid', message: 'The project file is read-only.' } }),
        });
      resolve();
    });
  });
  await dragOver(page, 'Schools joined the Trust');
  await page.keyboard.press('7');
  await page.keyboard.press('Enter');
  await held; // the request is on its way and not answered
  await expect.poll(() => paintedTexts(page)).toContain('Schools joined the Trust');
  await answer!();
  await expect(page.getByRole('alert')).toContainText('The project file is read-only.');
  await expect.poll(() => paintedTexts(page)).not.toContain('Schools joined the Trust');
  expect(await segmentsOf(host)).toEqual([]);
});

test('a coding made in this session and then deleted leaves the page, and so does a redone delete', async ({ page }) => {
  await page.goto(host.url);
  const meta = page.locator('.transcript-meta');
  const card = page.getByRole('tooltip');
  /** The page shows the coding (painted, in the margin, in the hover card and the header count) or shows none. */
  const expectShown = async (shown: boolean) => {
    await expect(meta).toContainText(shown ? '1 of 1 codings shown' : '0 of 0 codings shown');
    await expect.poll(async () => (await paintedTexts(page)).includes('lead professionals')).toBe(shown);
    const phrase = await phraseBox(page, 'lead professionals');
    await expect.poll(async () => (await stripesAt(page, phrase.y1)).length).toBe(shown ? 1 : 0);
    await page.mouse.move(5, 5);
    await page.mouse.move(phrase.xm, phrase.y1, { steps: 3 });
    if (shown) await expect(card).toContainText('MGF/Individual × Operational');
    else {
      // A card would open on the next frame: give it a few before saying none did.
      await page.waitForTimeout(300);
      await expect(card).toHaveCount(0);
    }
  };

  await dragOver(page, 'lead professionals');
  await page.keyboard.press('9'); // Individual × Operational
  await page.keyboard.press('Control+Enter');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text)).toEqual(['lead professionals']);
  await expectShown(true);

  await page.getByRole('region', { name: 'Selected coding' }).getByRole('button', { name: 'Delete coding' }).click();
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(0);
  await expectShown(false);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(1);
  await expectShown(true);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(0);
  await expectShown(false);
});

test('keyboard selection with Shift+arrows, coding by search, an in-vivo code and a memo', async ({ page }) => {
  await page.goto(host.url);
  const text = page.getByRole('main', { name: 'Transcript' }).locator('.transcript-scroll');
  await expect(page.locator('.transcript .turn')).toHaveCount(4);
  await text.focus(); // puts the caret at the first turn's speech
  for (let i = 0; i < 'Tell me'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('c');
  const popover = page.getByRole('dialog', { name: 'Code selection' });
  await expect(popover).toContainText('“Tell me”');
  await page.keyboard.type('lead');
  await expect(popover.getByRole('option', { name: /Create code/ })).toBeVisible();
  await page.keyboard.press('Enter'); // create "lead"
  await popover.getByRole('button', { name: '+ In-vivo code' }).click();
  await popover.getByPlaceholder('Why this coding? (optional)').fill('Opening prompt.');
  await popover.getByRole('button', { name: 'Apply' }).click();
  await expect(popover).toHaveCount(0);

  // The popover closes as the coding is painted, before the API has stored it: wait for the store.
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(1);
  const [segment] = await segmentsOf(host);
  expect(segment).toMatchObject({ text: 'Tell me', memo: 'Opening prompt.', ...codePoints('Tell me') });
  const labels = await refs(host);
  expect(segment!.codeIds.map((id) => labels.get(id)).sort()).toEqual(['Tell me', 'lead']);

  // Word-wise keyboard selection from a caret placed by a click just before "Schools".
  const schools = await phraseBox(page, 'Schools');
  await page.mouse.click(schools.x1, schools.y1);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Enter');
  await expect(popover).toContainText('“Schools joined the”');
  await page.keyboard.press('7');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text)).toContain('Schools joined the');
});

test('overlapping codings, resizing by keys, undo and redo across a reload', async ({ page }) => {
  await page.goto(host.url);
  await dragOver(page, 'plan 😀 worked');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await dragOver(page, 'worked – mostly. Schools');
  await page.keyboard.press('3');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(2);
  const texts = (await segmentsOf(host)).map((s) => s.text).sort();
  expect(texts).toEqual(['plan 😀 worked', 'worked – mostly. Schools']);
  // Side by side in the margin where they overlap.
  const { y1 } = await phraseBox(page, 'worked');
  await expect.poll(async () => (await stripesAt(page, y1)).length).toBe(2);
  await page.screenshot({ path: '.test-output/screens/coding-overlap.png' });

  // The second coding is selected after applying it: move its end one word on, then its start one word back.
  await expect(page.getByRole('region', { name: 'Selected coding' })).toContainText('worked – mostly. Schools');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text)).toContain('worked – mostly. Schools joined');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text)).toContain('😀 worked – mostly. Schools joined');
  const resized = (await segmentsOf(host)).find((s) => s.text.startsWith('😀'))!;
  expect(resized).toMatchObject(codePoints('😀 worked – mostly. Schools joined'));

  await expect(page.getByRole('button', { name: 'Undo Resize coding' })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text)).toContain('worked – mostly. Schools joined');

  // Undo survives a reload: it lives in the project file.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Undo Resize coding' })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text)).toEqual(['plan 😀 worked']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await segmentsOf(host)).map((s) => s.text).sort()).toEqual(['plan 😀 worked', 'worked – mostly. Schools']);
  await expect(page.getByRole('button', { name: 'Redo Resize coding' })).toBeEnabled();
});

test('clicking a coding selects it; its codes, memo and deletion are editable; hovering shows who coded what', async ({ page }) => {
  const { start, end } = codePoints('lead professionals');
  const doc = (await host.call<{ id: number }[]>('documents.list'))[0]!;
  const segment = await host.call('segments.create', {
    documentId: doc.id,
    start,
    end,
    codeRefs: ['MGF:Individual/Operational'],
    coder: 'B',
    memo: 'Role named.',
  });
  await page.goto(host.url);
  const phrase = await phraseBox(page, 'lead professionals');
  await page.mouse.move(phrase.xm, phrase.y1);
  const card = page.getByRole('tooltip');
  await expect(card).toContainText('B');
  await expect(card).toContainText('MGF/Individual × Operational');
  await expect(card).toContainText('Role named.');

  await page.mouse.move(5, 5);
  await expect(card).toHaveCount(0);
  const [stripe] = await stripesAt(page, phrase.y1);
  await page.mouse.move(stripe!.x, stripe!.y);
  await expect(card).toContainText('MGF/Individual × Operational');
  await page.mouse.click(stripe!.x, stripe!.y);
  const panel = page.getByRole('region', { name: 'Selected coding' });
  await expect(panel).toContainText('Coder B');
  expect(segment).toMatchObject({ text: 'lead professionals' });
  await expect(panel).toContainText('¶4');
  await panel.getByLabel('Memo (M)').fill('Role named; compare with turn 2.');
  await panel.getByLabel('Memo (M)').press('Control+Enter');
  await expect.poll(async () => (await segmentsOf(host))[0]!.memo).toBe('Role named; compare with turn 2.');
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press('e');
  const popover = page.getByRole('dialog', { name: 'Codes of this segment' });
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await segmentsOf(host))[0]!.codeIds.length).toBe(2);
  await expect(popover).toHaveCount(0);
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(0);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await segmentsOf(host)).length).toBe(1);
});

test('coder visibility: all coders, chosen coders, only mine', async ({ page }) => {
  const doc = (await host.call<{ id: number }[]>('documents.list'))[0]!;
  for (const [piece, coder] of [
    ['café', 'A'],
    ['Trust 🎉', 'B'],
    ['the CAF', 'B'],
  ] as const) {
    await host.call('segments.create', { documentId: doc.id, ...codePoints(piece), codeRefs: ['MGF:System/Directive'], coder });
  }
  await page.goto(host.url);
  const meta = page.locator('.transcript-meta');
  await expect(meta).toContainText('3 of 3 codings shown');
  await page.getByRole('button', { name: 'Only mine' }).click();
  // Blind: the other coders' codings are not even counted.
  await expect(meta).toContainText('1 of 1 codings shown');
  await expect.poll(async () => (await stripesAt(page, (await phraseBox(page, 'café')).y1)).length).toBe(1);
  expect(await stripesAt(page, (await phraseBox(page, 'Trust 🎉')).y1)).toEqual([]);
  await page.getByRole('button', { name: 'Show all coders' }).click();
  await page.getByRole('group', { name: 'Show codings of' }).getByRole('button', { name: 'A' }).click();
  await expect(meta).toContainText('2 of 3 codings shown');
  await page.reload();
  await expect(page.locator('.transcript-meta')).toContainText('2 of 3 codings shown');
});

test('blind (only mine): another coder’s coding is gone from the hover card and from search’s coded scope', async ({ page }) => {
  const doc = (await host.call<{ id: number }[]>('documents.list'))[0]!;
  // A (the current coder) and B both code "Trust 🎉"; only B codes "the CAF".
  await host.call('segments.create', {
    documentId: doc.id,
    ...codePoints('Trust 🎉'),
    codeRefs: ['MGF:System/Directive'],
    coder: 'A',
    memo: 'Mine.',
  });
  for (const piece of ['Trust 🎉', 'the CAF'])
    await host.call('segments.create', {
      documentId: doc.id,
      ...codePoints(piece),
      codeRefs: ['MGF:Individual/Operational'],
      coder: 'B',
      memo: 'B’s note.',
    });
  await page.goto(host.url);
  const meta = page.locator('.transcript-meta');
  await expect(meta).toContainText('3 of 3 codings shown');
  const card = page.getByRole('tooltip');
  /** Hovers over "Trust 🎉" (from outside the text, so the card opens afresh) and returns the card. */
  const hoverTrust = async () => {
    await page.mouse.move(5, 5);
    await expect(card).toHaveCount(0);
    const phrase = await phraseBox(page, 'Trust 🎉');
    await page.mouse.move((phrase.x1 + phrase.x2) / 2, phrase.y1, { steps: 3 });
    await expect(card).toBeVisible();
    return card;
  };
  // Search "CAF" only in text coded with Individual × Operational: B's coding of "the CAF" puts one hit there.
  await page.locator('.search-slot > summary').click();
  const panel = page.getByRole('region', { name: 'Search' });
  await panel.getByRole('searchbox', { name: 'Search query' }).fill('CAF');
  await panel.getByText('Scope and saved searches').click();
  const option = (await host.call<{ id: number; ref: string }[]>('codebook.refs')).find((r) => r.ref === 'MGF:Individual/Operational')!;
  await panel.getByLabel('Only in text coded with').selectOption(String(option.id));
  const search = async (total: string | RegExp) => {
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(panel.locator('.search-total')).toHaveText(total);
  };

  // Not blind: B's coding is in the card beside A's, and search counts the hit in B's coded text.
  await expect(await hoverTrust()).toContainText('MGF/Individual × Operational');
  await expect(card).toContainText('B’s note.');
  await expect(card).toContainText('Mine.');
  await search('1 hits in 1 documents');
  await expect(panel.locator('.search-hit')).toHaveCount(1);

  // Blind: the card shows A's coding alone, and B's coded text is no scope for a search.
  await page.getByRole('button', { name: 'Only mine' }).click();
  await expect(meta).toContainText('1 of 1 codings shown');
  // The hits found with B's codings are withdrawn until the search runs again.
  await expect(panel.locator('.search-hit')).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'search again' })).toBeVisible();
  await hoverTrust();
  await expect(card).toContainText('MGF/System × Directive');
  await expect(card).toContainText('Mine.');
  await expect(card).not.toContainText('Individual × Operational');
  await expect(card).not.toContainText('B’s note.');
  await expect(card.locator('.hover-coder')).toHaveText(['A']);
  await page.screenshot({ path: '.test-output/screens/blind-hover-card.png' });
  await search(/^(No hits|0 hits in 0 documents)$/);

  // Seen again once every coder is shown.
  await page.getByRole('button', { name: 'Show all coders' }).click();
  await expect(meta).toContainText('3 of 3 codings shown');
  await expect(await hoverTrust()).toContainText('B’s note.');
  await expect(card.locator('.hover-coder')).toHaveText(['A', 'B']);
  await search('1 hits in 1 documents');
});

test('dragging a grip moves a boundary; the document memo and code definitions are at hand', async ({ page }) => {
  const doc = (await host.call<{ id: number }[]>('documents.list'))[0]!;
  const segment = await host.call('segments.create', {
    documentId: doc.id,
    ...codePoints('the café'),
    codeRefs: ['MGF:System/Constitutive'],
    coder: 'A',
  });
  await page.goto(host.url);
  const { y1 } = await phraseBox(page, 'the café');
  await expect.poll(async () => (await stripesAt(page, y1)).length).toBe(1);
  const [stripe] = await stripesAt(page, y1);
  await page.mouse.click(stripe!.x, stripe!.y);
  const panel = page.getByRole('region', { name: 'Selected coding' });
  await expect(panel).toContainText('the café');
  expect(segment).toMatchObject({ text: 'the café' });
  await expect(panel.getByLabel('Code definitions')).toContainText('Institutional design.');

  const grip = page.locator('.resize-handle.grip-end');
  const from = (await grip.boundingBox())!;
  const to = await phraseBox(page, 'the Trust.');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x2 - 8, to.y2, { steps: 8 });
  await page.mouse.move(to.x2 - 3, to.y2, { steps: 2 });
  await page.mouse.up();
  await expect.poll(async () => (await segmentsOf(host))[0]!.text).toBe('the café and the Trust');
  await page.screenshot({ path: '.test-output/screens/coding-resized.png' });

  await page.getByRole('button', { name: 'Document memo' }).click();
  const memo = page.getByRole('region', { name: 'Document memo' }).getByRole('textbox');
  await memo.fill('Short call; the respondent was candid about the CAF.');
  await page.locator('.transcript-scroll').focus();
  await expect
    .poll(async () => (await host.call<{ body: string }>('memos.get', { target: { kind: 'document', id: doc.id } })).body)
    .toBe('Short call; the respondent was candid about the CAF.');
});

test('imported formatting (a heading, bold, italic) is shown, and coding across it keeps exact offsets', async ({ page }) => {
  const file = projectPath(host.home, 'format');
  const text = 'Background notes\nDCS: We were told it was statutory – a real duty, not optional. Nobody argued.';
  const db = createProjectFile(file, 'Formatting fixture');
  db.transaction(() => {
    seedDefaultFramework(db);
    const bold = [...text.slice(0, text.indexOf('statutory'))].length;
    const italic = [...text.slice(0, text.indexOf('not optional'))].length;
    insertDocument(db, {
      name: 'Formatted',
      ...parsePlainTranscript(text),
      formatting: { headings: [{ n: 1, level: 2 }], bold: [[bold, bold + 9]], italic: [[italic, italic + 12]] },
      sourceName: 'formatted.docx',
      sourceType: 'docx',
    });
    setMeta(db, 'current_coder_id', String(ensureCoder(db, 'A').id));
  })();
  db.close();
  await host.call('project.open', { file });
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn.heading')).toHaveText('Background notes');
  await expect(page.locator('.transcript strong')).toHaveText('statutory');
  await expect(page.locator('.transcript em')).toHaveText('not optional');
  await dragOver(page, 'statutory – a real duty, not optional');
  await page.keyboard.press('1');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await host.call('segments.list', {}))[0]?.text).toBe('statutory – a real duty, not optional');
});

test('word snapping: Alt+→ moves a start onto the next word, Alt+Shift+→ an end past punctuation, never onto a space', async ({ page }) => {
  const [doc] = await host.call<{ id: number }[]>('documents.list');
  await host.call('segments.create', { documentId: doc!.id, ...codePoints('The naïve plan'), codeRefs: ['MGF:System/Directive'] });
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  // "]" selects the next coding only once the codings have come.
  await expect(page.locator('.transcript-meta')).toContainText('1 of 1 codings shown');
  await page.locator('.transcript-scroll').focus();
  await page.keyboard.press(']');
  const panel = page.getByRole('region', { name: 'Selected coding' });
  await expect(panel).toContainText('The naïve plan');
  const texts = async () => (await segmentsOf(host)).map((s) => s.text);

  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(texts).toEqual(['naïve plan']);
  // Each step starts from the stored coding, shown in the panel (the boundaries it names).
  let shown = codePoints('naïve plan');
  for (const expected of [
    'naïve plan 😀',
    'naïve plan 😀 worked',
    'naïve plan 😀 worked – mostly',
    'naïve plan 😀 worked – mostly. Schools',
  ]) {
    await expect(panel).toContainText(`${shown.start}–${shown.end}`);
    shown = codePoints(expected);
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect.poll(texts).toEqual([expected]);
  }
  const [segment] = await segmentsOf(host);
  expect(segment).toMatchObject(codePoints('naïve plan 😀 worked – mostly. Schools'));
});
