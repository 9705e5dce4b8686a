import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { trellis } from './cli';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

interface CliCode {
  path: string;
  name: string;
  color: string;
  description: string;
  segments: number;
  children: CliCode[];
}

/** The codebook as `trellis codebook --json` reads it from the project file the page works on. */
async function cliCodebook(): Promise<CliCode[]> {
  const dir = join(host.home, 'projects');
  const file = readdirSync(dir).find((f) => f.endsWith('.trellis'))!;
  return JSON.parse(await trellis('codebook', join(dir, file), '--json')) as CliCode[];
}
const flat = (codes: CliCode[]): CliCode[] => codes.flatMap((c) => [c, ...flat(c.children)]);
const cliCode = async (path: string) => flat(await cliCodebook()).find((c) => c.path === path);

const pane = (page: Page) => page.getByRole('complementary', { name: 'Codebook' });
const item = (page: Page, name: string) =>
  pane(page).getByRole('treeitem', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}, \\d+ `) });
/** The row is the treeitem itself (it owns its group of children, which sits beside it). */
const row = (page: Page, name: string): Locator => item(page, name);
const count = async (page: Page, name: string) => Number(await row(page, name).locator('.code-count').textContent());
/** Drags with the real mouse, in small steps as a hand does: into the middle of a row, or onto its lower edge (after it). */
async function drag(page: Page, source: Locator, target: Locator, where: 'inside' | 'after' = 'inside') {
  // Scroll the tree so that both rows are in view: the source at the edge away from the target.
  const other = await target.elementHandle();
  await source.evaluate(
    (el, to) => el.scrollIntoView({ block: to!.getBoundingClientRect().top > el.getBoundingClientRect().top ? 'start' : 'end' }),
    other,
  );
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + 60, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 64, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(to.x + 60, where === 'inside' ? to.y + to.height / 2 : to.y + to.height - 2, { steps: 10 });
  await page.mouse.up();
}

/** Chooses the option whose text (after its indent) is `name`. */
async function choose(select: Locator, name: string) {
  const value = await select.locator('option', { hasText: new RegExp(`^\\s*${name}$`) }).getAttribute('value');
  await select.selectOption(value!);
}
const childNames = async (page: Page, name: string) =>
  page.locator(`#${await item(page, name).getAttribute('aria-owns')} > li > [role="treeitem"] .code-name`).allTextContents();

test('builds a small codebook by mouse and keyboard, drags to re-parent, merges two codes, and undoes', async ({ page }) => {
  await page.goto(host.url);
  const codebook = pane(page);
  await expect(item(page, 'Themes')).toBeVisible();

  // Mouse: a new top-level code. "+ New code" names the places it offers: with a theme selected, inside
  // it or at the top level; with a framework cell selected, only the top level (cells hold no codes).
  await row(page, 'Themes').click();
  await codebook.getByRole('button', { name: '+ New code' }).click();
  const places = codebook.getByRole('menu', { name: '+ New code' }).getByRole('menuitem');
  await expect(places).toHaveText(['Inside “Themes”', 'At the top level']);
  await page.keyboard.press('Escape');
  await row(page, 'System × Constitutive').click();
  await codebook.getByRole('button', { name: '+ New code' }).click();
  await expect(places).toHaveText(['At the top level']);
  await places.first().click();
  await codebook.getByRole('textbox', { name: 'New code name' }).fill('Early help');
  await codebook.getByRole('textbox', { name: 'New code name' }).press('Enter');
  await expect(item(page, 'Early help')).toBeFocused();

  // Keyboard: N adds inside, Shift+N beside; F2 renames.
  await page.keyboard.press('n');
  await page.keyboard.type('Assessment');
  await page.keyboard.press('Enter');
  await expect(item(page, 'Assessment')).toBeFocused();
  await page.keyboard.press('Shift+N');
  await page.keyboard.type('Coordination');
  await page.keyboard.press('Enter');
  await expect(item(page, 'Coordination')).toBeFocused();
  await page.keyboard.press('Shift+N');
  await page.keyboard.type('Family support');
  await page.keyboard.press('Enter');
  await expect(item(page, 'Family support')).toBeFocused();
  expect(await childNames(page, 'Early help')).toEqual(['Assessment', 'Coordination', 'Family support']);
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Support for families');
  await page.keyboard.press('Enter');
  await expect(item(page, 'Support for families')).toBeFocused();

  // A rename onto a sibling's name is refused with a message; nothing changes.
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('coordination');
  await page.keyboard.press('Enter');
  const banner = codebook.getByRole('alert');
  await expect(banner).toHaveText(/There is already a code named "coordination" in "Early help"\./);
  await banner.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(item(page, 'Support for families')).toBeVisible();

  // Keyboard moves: Alt+Up reorders, Alt+Right goes into the code above, Alt+Left comes back out.
  await item(page, 'Support for families').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => childNames(page, 'Early help')).toEqual(['Assessment', 'Support for families', 'Coordination']);
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => childNames(page, 'Assessment')).toEqual(['Support for families']);
  await expect(item(page, 'Support for families')).toBeFocused();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(() => childNames(page, 'Early help')).toEqual(['Assessment', 'Support for families', 'Coordination']);

  // Describe and recolour the selected code in its details.
  await row(page, 'Assessment').click();
  const details = codebook.getByRole('region', { name: 'Code Assessment' });
  await details.getByRole('button', { name: 'Colour #59A14F' }).click();
  await details.getByLabel('Definition').fill('How needs are assessed across agencies.');
  await details.getByLabel('Include when').fill('The CAF or any shared assessment.');
  await details.getByLabel('Include when').press('Tab');
  await expect
    .poll(async () => (await cliCode('Early help/Assessment'))?.description)
    .toBe('How needs are assessed across agencies.\n\nInclude: The CAF or any shared assessment.');
  expect((await cliCode('Early help/Assessment'))?.color).toBe('#59A14F');
  await page.screenshot({ path: '.test-output/screens/codebook-built.png' });

  // Drag a coded demo theme into the new group: it and its counts move there.
  await codebook.getByRole('button', { name: 'Collapse MGF' }).click();
  const tac = await count(page, 'Team around the child');
  expect(tac).toBeGreaterThan(0);
  await drag(page, row(page, 'Team around the child'), row(page, 'Early help'));
  await expect.poll(() => childNames(page, 'Early help')).toContain('Team around the child');
  expect((await cliCode('Early help/Team around the child'))?.segments).toBe(tac);
  await expect.poll(() => count(page, 'Early help')).toBe(tac);
  // Dropped on the lower edge of a row, a code goes after it instead.
  await drag(page, row(page, 'Lead professional'), row(page, 'Assessment'), 'after');
  await expect
    .poll(() => childNames(page, 'Early help'))
    .toEqual(['Assessment', 'Lead professional', 'Support for families', 'Coordination', 'Team around the child']);

  // Merge Lead professional into Team around the child: the passages of both, each once.
  const lead = (await cliCode('Early help/Lead professional'))!.segments;
  await row(page, 'Lead professional').click();
  const leadDetails = codebook.getByRole('region', { name: 'Code Lead professional' });
  await leadDetails.getByRole('button', { name: 'Merge into…' }).click();
  // Framework cells and layers are offered but cannot be chosen: a theme is not merged into a position.
  const targets = leadDetails.getByRole('combobox', { name: /Merge “Lead professional” into/ }).locator('option');
  for (const framework of ['System × Constitutive', 'Individual × Operational', 'National']) {
    await expect(targets.filter({ hasText: framework })).toHaveJSProperty('disabled', true);
  }
  await expect(targets.filter({ hasText: 'Team around the child' })).toHaveJSProperty('disabled', false);
  await choose(leadDetails.getByRole('combobox', { name: /Merge “Lead professional” into/ }), 'Team around the child');
  await expect(leadDetails.getByText(/passages move to “Team around the child”/)).toBeVisible();
  await page.screenshot({ path: '.test-output/screens/codebook-merge.png' });
  await leadDetails.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(item(page, 'Lead professional')).toHaveCount(0);
  const merged = (await cliCode('Early help/Team around the child'))!.segments;
  expect(merged).toBeGreaterThan(tac);
  expect(merged).toBeLessThanOrEqual(tac + lead);
  await expect.poll(() => count(page, 'Team around the child')).toBe(merged);

  // An example quote, chosen from the code's own passages.
  await row(page, 'Team around the child').click();
  const tacDetails = codebook.getByRole('region', { name: 'Code Team around the child' });
  await tacDetails.getByRole('button', { name: 'Choose…' }).click();
  const first = tacDetails.getByRole('list', { name: 'Passages to choose from' }).getByRole('button').first();
  const quote = (await first.locator('.passage-text').textContent())!;
  await first.click();
  await expect(tacDetails.getByRole('region', { name: 'Example quote' }).locator('blockquote')).toContainText(quote);
  await expect(tacDetails.getByRole('table', { name: 'Counts for Team around the child' })).toContainText(`All${merged}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '.test-output/screens/codebook-details-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Undo (button and keyboard) brings Lead professional back with its passages.
  await page.getByRole('button', { name: 'Undo choose example quote' }).click();
  await page.getByRole('button', { name: 'Undo merge codes' }).click();
  await expect(item(page, 'Lead professional')).toBeVisible();
  expect((await cliCode('Early help/Lead professional'))?.segments).toBe(lead);
  await item(page, 'Lead professional').focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(item(page, 'Lead professional')).toHaveCount(0);
  await item(page, 'Early help').focus();
  await page.keyboard.press('Control+Z');
  await expect(item(page, 'Lead professional')).toBeVisible();

  // Delete says what it will uncode first.
  await item(page, 'Support for families').focus();
  await page.keyboard.press('Delete');
  const deletePanel = codebook.getByRole('group', { name: 'Delete Support for families' });
  await expect(deletePanel.getByRole('status')).toHaveText(/uncodes 0 passages in 0 documents/);
  await deletePanel.getByRole('button', { name: 'Delete code' }).click();
  await expect(item(page, 'Support for families')).toHaveCount(0);
  await page.screenshot({ path: '.test-output/screens/codebook-after.png' });
});

test('edits the MGF framework: renames a row, adds a column, moves a layer’s codings, makes another framework active', async ({ page }) => {
  await page.goto(host.url);
  const codebook = pane(page);
  await codebook.getByRole('tab', { name: 'Frameworks' }).click();
  const editor = codebook.getByRole('tabpanel');
  await expect(editor.getByRole('table', { name: 'MGF grid' })).toBeVisible();
  await expect(editor.getByText('Active: the coding popover and the matrix show this one')).toBeVisible();

  // Renaming a row renames its cell codes.
  const system = editor.getByRole('textbox', { name: 'Locus System' });
  await system.fill('Systemic');
  await system.press('Enter');
  await expect(editor.getByRole('textbox', { name: 'Locus Systemic' })).toBeVisible();
  await expect.poll(async () => (await cliCode('MGF/Systemic × Constitutive'))?.description).toBe('Institutional design.');
  expect(await cliCode('MGF/System × Constitutive')).toBeUndefined();

  // A new column brings a cell for every row.
  await editor.getByRole('textbox', { name: 'New column' }).fill('Evaluative');
  await editor.getByRole('textbox', { name: 'New column' }).press('Enter');
  await expect(editor.getByRole('table', { name: 'MGF grid' }).getByRole('columnheader', { name: 'Evaluative' })).toBeVisible();
  await expect.poll(async () => (await cliCode('MGF/Individual × Evaluative'))?.description).toBe('Locus: Individual; Level: Evaluative.');
  await editor.getByRole('button', { name: 'Move Evaluative up' }).click();
  await expect(editor.getByRole('table', { name: 'MGF grid' }).getByRole('columnheader').nth(3)).toHaveText('Evaluative');

  // Deleting the National layer asks what to do with its codings: move them to Local.
  const national = (await cliCode('MGF/National'))!.segments;
  const local = (await cliCode('MGF/Local'))!.segments;
  await editor.getByRole('button', { name: 'Delete slice value National' }).click();
  const ask = editor.getByRole('group', { name: 'Delete slice value “National”' });
  await expect(ask.getByRole('status')).toHaveText(
    new RegExp(`has ${national} codings on ${national} passages in \\d+ documents\\. What should happen to them\\?`),
  );
  await page.screenshot({ path: '.test-output/screens/framework-delete-value.png' });
  await ask.getByRole('radio', { name: 'Move them to' }).check();
  await expect(ask.getByRole('combobox', { name: 'Move the codings to' })).toHaveValue(/\d+/);
  await ask.getByRole('button', { name: 'Delete slice value “National”' }).click();
  await expect(editor.getByRole('textbox', { name: 'Layer National' })).toHaveCount(0);
  await expect.poll(async () => (await cliCode('MGF/Local'))?.segments).toBeGreaterThan(local);
  expect((await cliCode('MGF/Local'))!.segments).toBeLessThanOrEqual(local + national);
  expect(await cliCode('MGF/National')).toBeUndefined();

  // A second framework; making it active.
  await editor.getByRole('button', { name: 'New framework…' }).click();
  const form = editor.getByRole('form', { name: 'New framework' });
  await form.getByLabel('Name').fill('Policy cycle');
  await form.getByLabel('Rows are').fill('Stage');
  await form.getByLabel('Row values (one per line)').fill('Agenda\nFormulation\nImplementation');
  await form.getByLabel('Columns are').fill('Actor');
  await form.getByLabel('Column values (one per line)').fill('Central\nLocal');
  await form.getByRole('button', { name: 'Create framework' }).click();
  await expect(editor.getByRole('table', { name: 'Policy cycle grid' })).toBeVisible();
  await editor.getByRole('button', { name: 'Make active' }).click();
  await expect(editor.getByText('Active: the coding popover and the matrix show this one')).toBeVisible();
  await expect(editor.getByRole('combobox', { name: 'Framework' })).toContainText('Policy cycle (active)');
  expect(
    flat(await cliCodebook())
      .filter((c) => c.path.startsWith('Policy cycle/'))
      .map((c) => c.name),
  ).toEqual([
    'Agenda × Central',
    'Agenda × Local',
    'Formulation × Central',
    'Formulation × Local',
    'Implementation × Central',
    'Implementation × Local',
  ]);
  await page.screenshot({ path: '.test-output/screens/framework-editor.png' });

  // Back to the MGF; a grid cell opens its code in the Codes tab.
  await editor.getByRole('combobox', { name: 'Framework' }).selectOption({ label: 'MGF' });
  await editor.getByRole('table', { name: 'MGF grid' }).getByRole('button').first().click();
  await expect(codebook.getByRole('region', { name: 'Code Systemic × Constitutive' })).toBeVisible();
  await expect(codebook.getByText('A cell of a framework: its name follows the framework')).toBeVisible();
});

test('code sets, and codebook export and import with a report', async ({ page }) => {
  await page.goto(host.url);
  const codebook = pane(page);
  await codebook.getByRole('tab', { name: 'Sets' }).click();
  await codebook.getByRole('textbox', { name: 'New set name' }).fill('Structures');
  await codebook.getByRole('button', { name: 'Add set' }).click();
  const card = codebook.getByRole('listitem', { name: 'Code set Structures' });
  await choose(card.getByRole('combobox', { name: 'Add a code to Structures' }), 'Governance structures');
  await expect(card.getByRole('list', { name: 'Codes in Structures' })).toHaveText(/Themes\/Governance structures/);
  await page.screenshot({ path: '.test-output/screens/codebook-sets.png' });

  await codebook.getByRole('tab', { name: 'Codes' }).click();
  await codebook.getByRole('button', { name: 'Export or import the codebook…' }).click();
  // The export arrives as a download named after the project (the desktop asks where to save it).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    codebook.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('Every Child Matters DCS interviews demo codebook.qdc');
  const file = join(host.home, 'codebook.qdc');
  await download.saveAs(file);
  await expect(codebook.getByText(/^Exported \d+ codes as Every Child Matters DCS interviews demo codebook\.qdc$/)).toBeVisible();
  execFileSync('xmllint', ['--noout', '--schema', '/work/shared/reference/Codebook-mrt2019.xsd', file], { stdio: 'pipe' });

  // Importing sends the chosen file's contents: the page never names a path.
  await codebook.getByLabel('Codebook file to import').setInputFiles(file);
  const report = codebook.getByRole('status', { name: 'Import report' });
  await expect(report).toContainText(/0 added, \d+ matched, 0 renamed or moved; sets: 0 added, 1 matched/);
  await page.screenshot({ path: '.test-output/screens/codebook-import-report.png' });

  // A file that is not a codebook: a message naming it, nothing changed.
  await codebook.getByLabel('Codebook file to import').setInputFiles(join(process.cwd(), 'package.json'));
  await expect(codebook.getByRole('alert')).toHaveText(/package\.json" is not XML/);
});
