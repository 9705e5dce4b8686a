import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { trellis } from './cli';
import { startDemoHost, type RunningHost } from './host';
import { projectMenu } from './menu';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'import');
const FOLDER = join(FIXTURES, 'folder');
const SCREENS = '.test-output/screens';

interface DocumentJson {
  name: string;
  case: string | null;
  attributes: Record<string, unknown>;
  characters: number;
  paragraphs: { n: number; start: number; end: number; speaker: string | null; time: string | null }[];
}

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** The CLI's own process, for the commands that write (its import runs in worker threads that load TypeScript). */
const trellisProcess = (...args: string[]) => execFileSync(process.execPath, ['bin/trellis.mjs', ...args], { encoding: 'utf8' });
const documentsJson = async (file: string, ...args: string[]): Promise<DocumentJson[]> =>
  JSON.parse(await trellis('documents', file, ...args, '--json'));

/** A new, empty project made from the start screen; its file. */
async function newProject(page: Page, name: string): Promise<string> {
  await page.goto(host.url);
  await projectMenu(page, 'Close project');
  await page.getByLabel('New project').fill(name);
  await page.getByLabel('New project').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return join(host.home, 'projects', `${name}.trellis`);
}

/**
 * Holds back every import call after the first `passing` until the test releases them, so that progress
 * can be seen (and stopped) between files however fast or slow the machine is.
 */
async function holdImports(page: Page, passing: number): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  await page.route('**/api/documents.import', async (route) => {
    if (++calls > passing) await released;
    await route.continue();
  });
  return release;
}

test('imports a folder through the UI: speakers confirmed and edited, progress, a result per file; the CLI import agrees', async ({
  page,
}) => {
  const project = await newProject(page, 'Folder study');
  const release = await holdImports(page, 1);
  await projectMenu(page, 'Import…');
  const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
  await expect(dialog).toBeVisible();
  await dialog.locator('input[webkitdirectory]').setInputFiles(FOLDER);

  // Read, not written: every file with its kind and status, the broken one with its reason.
  const files = dialog.getByRole('table').first();
  await expect(files.getByRole('row')).toHaveCount(6);
  await expect(files.getByRole('row', { name: /01 County 5\.docx/ })).toContainText('Word');
  await expect(files.getByRole('row', { name: /05 Broken captions\.vtt/ })).toContainText(
    '"05 Broken captions.vtt" holds no captions: no block could be read as a cue (lines 3, 6)',
  );
  await expect(dialog.getByRole('heading', { name: /5 files/ })).toContainText('4 ready · 1 cannot be imported');

  // The speakers found over all files: merge INT into Interviewer, untick R1.
  const speakers = dialog.getByRole('table').nth(1);
  await expect(speakers.locator('tbody tr')).toHaveCount(5);
  await expect(speakers.locator('tbody tr').locator('code')).toHaveText(['Interviewer', 'DCS', 'R1', 'INT', 'Dr Amaka Obi']);
  await expect(speakers.getByRole('row', { name: /INT/ }).locator('td.number')).toHaveText('5');
  await dialog.getByLabel('Name for INT', { exact: true }).fill('Interviewer');
  await dialog.getByLabel('R1 is a speaker').uncheck();
  await expect(dialog.locator('.sample li').nth(1)).toContainText('Interviewer');
  await page.screenshot({ path: `${SCREENS}/import-review.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/import-review-dark.png` });
  await page.emulateMedia({ colorScheme: 'light' });

  await dialog.getByRole('button', { name: 'Import 4 files' }).click();
  const progress = dialog.locator('progress');
  await expect(progress).toHaveAttribute('max', '5');
  await expect(dialog.getByText(/Importing [2-4] of 5/)).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Import results' }).getByRole('listitem').first()).toContainText('Imported');
  await page.screenshot({ path: `${SCREENS}/import-progress.png` });
  release();

  await expect(dialog.getByRole('status')).toHaveText('3 imported · 1 duplicate · 1 failed');
  const results = dialog.getByRole('list', { name: 'Import results' }).getByRole('listitem');
  await expect(results).toHaveText([
    /Imported\s*folder\/01 County 5\.docx\s*as “01 County 5”/,
    /Imported\s*folder\/02 Borough 3\.txt\s*as “02 Borough 3”/,
    /Imported\s*folder\/03 Focus group\.vtt\s*as “03 Focus group”/,
    /Duplicate\s*folder\/04 Borough 3 copy\.txt\s*same text as “02 Borough 3”/,
    /Failed\s*folder\/05 Broken captions\.vtt\s*"05 Broken captions\.vtt" holds no captions/,
  ]);
  await page.screenshot({ path: `${SCREENS}/import-results.png` });

  // Open one: the documents pane has the three, each in its case; the transcript shows the turns.
  await results.nth(1).getByRole('button', { name: 'Open 02 Borough 3' }).click();
  await expect(dialog).toBeHidden();
  const documents = page.getByRole('navigation', { name: 'Documents' });
  await expect(documents.locator('.document-name')).toHaveText(['01 County 5', '02 Borough 3', '03 Focus group']);
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText('02 Borough 3');
  await expect(transcript.locator('.turn').nth(1).locator('.speaker')).toHaveText('INT: ');
  await expect(transcript.locator('.turn').nth(2).locator('.speaker')).toHaveText('DCS: ');

  // Case attributes from a sheet, through the same page: the case table's Import sheet… opens the file chooser.
  await projectMenu(page, 'Cases and attributes…');
  const table = page.getByRole('dialog', { name: 'Cases and attributes' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), table.getByRole('button', { name: 'Import sheet…' }).click()]);
  await chooser.setFiles(join(FIXTURES, 'folder-cases.csv'));
  const sheet = page.getByRole('dialog', { name: 'Case attributes' });
  await expect(sheet.getByRole('status')).toHaveText('“folder-cases.csv”: attributes set for 3 cases.');
  await expect(sheet.getByRole('listitem')).toHaveText(['Region (choice)', 'Interview date (date)', 'Years in post (number)']);
  await sheet.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(sheet).toBeHidden();
  await expect(table.getByRole('combobox', { name: 'Region of 02 Borough 3' })).toHaveValue('London borough');
  await table.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(documents.getByRole('region', { name: 'Case 02 Borough 3' })).toContainText('London borough · 2010-06-28');
  await page.screenshot({ path: `${SCREENS}/import-workspace.png` });

  // The CLI imports the same folder to the same documents; only the speakers edited in the UI differ.
  const fromUi = await documentsJson(project);
  expect(fromUi.find((d) => d.name === '02 Borough 3')!.paragraphs.map((p) => p.speaker)).toEqual([
    null,
    'Interviewer',
    'DCS',
    'DCS',
    'Interviewer',
    'DCS',
  ]);
  const cliProject = join(mkdtempSync(join(tmpdir(), 'trellis-e2e-cli-')), 'cli.trellis');
  trellisProcess('new', cliProject);
  trellisProcess(
    'import',
    cliProject,
    '--case-attributes',
    join(FIXTURES, 'folder-cases.csv'),
    ...['01 County 5.docx', '02 Borough 3.txt', '03 Focus group.vtt', '04 Borough 3 copy.txt'].map((f) => join(FOLDER, f)),
  );
  const fromCli = (await documentsJson(cliProject)).map((d) => ({
    ...d,
    paragraphs: d.paragraphs.map((p, i) => ({
      ...p,
      speaker: p.speaker === 'INT' ? 'Interviewer' : p.speaker === 'R1' ? d.paragraphs[i - 1]!.speaker : p.speaker,
    })),
  }));
  expect(fromUi).toEqual(fromCli);
});

test('pastes text as a new document, the speakers confirmed and one renamed', async ({ page }) => {
  const project = await newProject(page, 'Paste study');
  await projectMenu(page, 'Paste as document…');
  const dialog = page.getByRole('dialog', { name: 'Paste as new document' });
  await dialog.getByLabel('Document name').fill('Phone call, Dr. Lee');
  await dialog.getByLabel('Text').focus();
  await page.keyboard.insertText(
    'Interviewer: How did the board start?\nDr. Lee: With coffee 😀 and a plan.\nIt grew.\nInterviewer: Thank you.',
  );
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  const speakers = dialog.getByRole('table').nth(1);
  await expect(speakers.locator('tbody tr').locator('code')).toHaveText(['Interviewer', 'Dr. Lee']);
  await dialog.getByLabel('Name for Dr. Lee').fill('Director');
  await expect(dialog.locator('.sample-speaker')).toHaveText(['Interviewer', 'Director', 'Director', 'Interviewer']);
  await page.screenshot({ path: `${SCREENS}/paste-review.png` });
  await dialog.getByRole('button', { name: 'Import as new document' }).click();
  await expect(dialog.getByRole('status')).toHaveText('1 imported · 0 duplicates · 0 failed');
  await dialog.getByRole('button', { name: 'Open Phone call, Dr. Lee' }).click();
  await expect(page.getByRole('main', { name: 'Transcript' }).getByRole('heading', { level: 2 })).toHaveText('Phone call, Dr. Lee');

  const [doc] = await documentsJson(project, '--doc', 'Phone call, Dr. Lee');
  expect(doc).toMatchObject({ name: 'Phone call, Dr. Lee', case: 'Phone call, Dr. Lee', characters: 105 });
  expect(doc!.paragraphs.map((p) => p.speaker)).toEqual(['Interviewer', 'Director', 'Director', 'Interviewer']);
});

test('stops between files when asked; the files not reached are listed as not imported', async ({ page }) => {
  const project = await newProject(page, 'Stopped study');
  const release = await holdImports(page, 0);
  await projectMenu(page, 'Import…');
  const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
  await dialog
    .locator('input[type=file][multiple]')
    .setInputFiles(['text/utf8.txt', 'captions/zoom.vtt', 'captions/subtitles.srt', 'interview.md'].map((f) => join(FIXTURES, f)));
  await dialog.getByRole('button', { name: 'Import 4 files' }).click();
  await expect(dialog.getByText(/Importing 1 of 4/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Stop after this file' }).click();
  release();
  await expect(dialog.getByRole('status')).toHaveText('1 imported · 0 duplicates · 0 failed · 3 not imported (stopped)');
  await expect(dialog.getByRole('list', { name: 'Import results' }).getByRole('listitem').last()).toContainText('Not imported');
  await page.screenshot({ path: `${SCREENS}/import-stopped.png` });
  expect((await documentsJson(project)).map((d) => d.name)).toEqual(['interview']);
});

test('shows the encoding each text file was read in and reads it again in the one chosen; says what each speaker rule found', async ({
  page,
}) => {
  const project = await newProject(page, 'Encodings study');
  await projectMenu(page, 'Import…');
  const dialog = page.getByRole('dialog', { name: 'Import transcripts' });
  await dialog
    .locator('input[type="file"][multiple]')
    .setInputFiles([join(FIXTURES, 'text', 'windows-1253.txt'), join(FIXTURES, 'text', 'invalid-utf8.txt')]);

  const files = dialog.getByRole('table').first();
  const greek = files.getByRole('row', { name: /windows-1253\.txt/ });
  // ICU's detector names the Greek file ISO-8859-7; the person knows it was saved as Windows-1253.
  await expect(dialog.getByLabel('Encoding of windows-1253.txt')).toHaveValue('iso-8859-7');
  await expect(greek).toContainText('Read as Greek (ISO-8859-7): the file is not UTF-8');
  await dialog.getByLabel('Encoding of windows-1253.txt').selectOption('windows-1253');
  await expect(greek.locator('td').last()).toHaveText('Ready');

  // A file refused as broken UTF-8 can be given an encoding, and then it is ready.
  const broken = files.getByRole('row', { name: /invalid-utf8\.txt/ });
  await expect(broken).toContainText('is not valid UTF-8 text: byte 45 (line 2)');
  await dialog.getByLabel('Encoding of invalid-utf8.txt').selectOption('windows-1252');
  await expect(broken.locator('td').last()).toHaveText('Ready');

  const speakers = dialog.getByRole('table').nth(1);
  await expect(speakers.getByRole('row', { name: /Συνεντευκτής/ })).toContainText('starts two or more paragraphs');
  await expect(dialog.locator('.rule-summary')).toContainText('starts two or more paragraphs');
  await page.screenshot({ path: `${SCREENS}/import-encoding.png` });

  await dialog.getByRole('button', { name: 'Import 2 files' }).click();
  await expect(dialog.getByRole('status')).toHaveText('2 imported · 0 duplicates · 0 failed');
  const docs = await documentsJson(project);
  expect(docs.map((d) => [d.name, d.paragraphs.map((p) => p.speaker)])).toEqual([
    ['invalid-utf8', ['Interviewer', 'DCS']],
    ['windows-1253', ['Συνεντευκτής', 'Ερωτώμενη', 'Συνεντευκτής', 'Ερωτώμενη']],
  ]);
});
