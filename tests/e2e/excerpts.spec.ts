// The excerpts view in Chromium on the demo: the selection ("Inspection regimes" in System ×
// Operational, London boroughs), a citation template edited and saved, each format exported and read back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, test, type Page } from '@playwright/test';
import { fillCorpus } from '../../bench/corpus';
import { createProjectFile } from '../../db/project-file';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { startDemoHost, startWebHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

const SCREENS = '.test-output/screens';
const TEMPLATE = '({case}, {speaker}, {paragraph}) [{Authority type}]';

async function openExcerpts(page: Page) {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  return page.getByRole('region', { name: 'Excerpts view' });
}

test('build the issue’s selection, edit the citation, export every format, open an excerpt in the transcript', async ({ page }) => {
  const view = await openExcerpts(page);
  await view.getByLabel('Add a code').selectOption({ label: 'Themes/Inspection regimes' });
  await view.getByLabel('Framework cell').selectOption({ label: 'System × Operational' });
  await view.getByLabel('Add a filter').selectOption({ label: 'Authority type: London borough' });
  await view.getByLabel('Group by').selectOption('code');
  // The same six the CLI lists: three passages, each coded by A and by B.
  const status = view.locator('.excerpts-count');
  await expect(status).toHaveText('6 excerpts');
  const items = view.locator('.excerpt');
  await expect(items).toHaveCount(6);
  await expect(view.getByRole('heading', { name: 'Themes/Inspection regimes' })).toBeVisible();
  await expect(items.first().locator('.excerpt-citation')).toHaveText('(London Borough 1, DCS, ¶24)');

  // The template, edited: the preview and every listed citation follow as it is typed; saved in the project.
  const template = view.getByLabel('Citation template');
  await template.fill(TEMPLATE);
  await expect(view.getByLabel('Citation preview')).toHaveText('(London Borough 1, DCS, ¶24) [London borough]');
  await expect(items.nth(4).locator('.excerpt-citation')).toHaveText('(London Borough 3, DD, ¶28) [London borough]');
  await template.fill(`${TEMPLATE} {Regoin}`);
  await expect(view.getByRole('alert')).toHaveText('No such field or case attribute: {Regoin}');
  await template.fill(TEMPLATE);
  await view.getByRole('button', { name: 'Save in the project' }).click();
  await expect(view.getByRole('button', { name: 'Saved in the project' })).toBeDisabled();
  expect((await host.call('excerpts.citationTemplate')).template).toBe(TEMPLATE);
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: `${SCREENS}/excerpts-view.png` });
  await expect(items.first()).toBeVisible();

  const save = async (label: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: label }).click()]);
    await expect(view.getByRole('status').filter({ hasText: 'Exported 6 excerpts' })).toBeVisible();
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  };
  const citations = [
    '(London Borough 1, DCS, ¶24) [London borough]',
    '(London Borough 1, DCS, ¶24) [London borough]',
    '(London Borough 2, DCS, ¶16) [London borough]',
    '(London Borough 2, DCS, ¶16) [London borough]',
    '(London Borough 3, DD, ¶28) [London borough]',
    '(London Borough 3, DD, ¶28) [London borough]',
  ];

  const docx = await save('Word (DOCX)');
  expect(docx.name).toBe('Excerpts Inspection regimes System Operational.docx');
  const documentXml = strFromU8(unzipSync(new Uint8Array(docx.bytes))['word/document.xml']!);
  const cited = [...documentXml.matchAll(/<w:pStyle w:val="QuoteCitation"\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  expect(cited).toEqual(citations);

  const md = (await save('Markdown')).bytes.toString('utf8');
  expect(md.split('\n').filter((l) => l.startsWith('> — '))).toEqual(citations.map((c) => `> — ${c.replace(/[[\]]/g, '\\$&')}`));

  const html = (await save('Web page (HTML)')).bytes.toString('utf8');
  const csv = await save('CSV');
  const rows = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').slice(1).trim(), { header: true }).data;
  expect(rows.map((r) => r.citation)).toEqual(citations);
  expect(rows.map((r) => [r.case, r.paragraph_start, r.coder])).toEqual([
    ['London Borough 1', '24', 'A'],
    ['London Borough 1', '24', 'B'],
    ['London Borough 2', '16', 'A'],
    ['London Borough 2', '16', 'B'],
    ['London Borough 3', '28', 'A'],
    ['London Borough 3', '28', 'B'],
  ]);
  const xlsx = await save('Excel (XLSX)');
  const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.bytes))['xl/worksheets/sheet1.xml']!);
  expect(sheet.match(/<row /g)).toHaveLength(7);

  // The HTML page, opened by the browser: six quotes with the same text as the CSV and their citations.
  const reader = await page.context().newPage();
  await reader.setContent(html);
  await expect(reader.locator('blockquote')).toHaveCount(6);
  expect(await reader.locator('blockquote .text').allTextContents()).toEqual(rows.map((r) => r.text));
  expect(await reader.locator('blockquote cite').allTextContents()).toEqual(citations);
  await reader.close();

  // An excerpt opens in the transcript, and Back returns to the list.
  await items.nth(2).click();
  await expect(view).toBeHidden();
  const back = page.getByRole('button', { name: 'Back to the excerpts' });
  await expect(page.locator('.back-bar')).toContainText('Excerpt from Interview 02 – London Borough 2, ¶16');
  await expect(page.locator('.transcript-pane')).toContainText(rows[2]!.text);
  await back.click();
  await expect(page.getByRole('region', { name: 'Excerpts view' }).locator('.excerpt').nth(2)).toBeFocused();

  // A rendered page of the DOCX, for looking at (LibreOffice, where installed).
  if (existsSync('/usr/bin/soffice')) {
    const dir = join(SCREENS, 'docx');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'excerpts.docx'), docx.bytes);
    execFileSync('/usr/bin/soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'excerpts.docx')], {
      stdio: 'ignore',
      timeout: 150_000,
    });
    execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-png', join(dir, 'excerpts.pdf'), join(SCREENS, 'excerpts-docx-page')]);
  }
});

test.describe('a long export', () => {
  let big: RunningHost;
  test.beforeAll(async () => {
    // 40 interviews and 20,000 codings (bench/corpus.ts): a DOCX of them takes seconds to write.
    const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
    const file = join(home, 'Big study.trellis');
    const db = createProjectFile(file, 'Big study');
    db.transaction(() => {
      seedDefaultFramework(db);
      fillCorpus(db, 40, 2000, 20_000);
    }).immediate();
    db.close();
    big = await startWebHost(['--project', file], home);
  });
  test.afterAll(async () => big.stop());

  test('shows its progress from the main process and is cancelled there; nothing is saved and the app still answers', async ({ page }) => {
    await page.goto(big.url);
    await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
    const view = page.getByRole('region', { name: 'Excerpts view' });
    await expect(view.locator('.excerpts-count')).toHaveText('20000 excerpts');
    let downloads = 0;
    page.on('download', () => downloads++);
    const started = page.waitForRequest('**/api/excerpts.export');
    await view.getByRole('button', { name: 'Word (DOCX)' }).click();
    const { job } = (await started).postDataJSON() as { job: string };
    const bar = view.getByRole('progressbar', { name: 'Export progress' });
    await expect(bar).toBeVisible();
    await expect(view.getByRole('button', { name: 'Word (DOCX)' })).toBeDisabled();
    // The bar follows the worker's count of excerpts written (jobs.progress), so it moves past 0.
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000, intervals: [100] })
      .toBeGreaterThan(0);
    await expect(view.locator('.export-progress')).toContainText(
      /Exporting \d[\d,]* of 20000 excerpts as Word \(DOCX\)…|Putting the Word \(DOCX\) file together…/,
    );
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: `${SCREENS}/excerpts-export-progress.png` });
    await view.getByRole('button', { name: 'Cancel' }).click();
    await expect(view.getByText('Export cancelled: no file was made.')).toBeVisible();
    // The job ended cancelled in the main process, not merely forgotten by the page.
    expect(await big.call('jobs.progress', { job })).toMatchObject({ state: 'cancelled' });
    // The app still answers, and the buttons are back.
    expect((await big.call<unknown[]>('documents.list')).length).toBe(40);
    await expect(view.getByRole('button', { name: 'Word (DOCX)' })).toBeEnabled();
    await page.waitForTimeout(1000);
    expect(downloads).toBe(0);
  });
});
