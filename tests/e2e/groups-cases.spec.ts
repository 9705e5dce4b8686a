// Issue 19's document groups and case table: a group made in the Documents pane filters the matrix (its
// counts checked against the API's), and the table of cases edits an attribute in place, keeps a case memo
// and exports the sheet the import reads.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { projectMenu } from './menu';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => host.stop());

type Doc = { id: number; name: string };
type Group = { id: number; name: string; documentIds: number[] };
type Matrix = {
  rows: { key: string; name: string }[];
  columns: { key: string; name: string }[];
  cells: { row: string; column: string; segments: number; documents: number; cases: number }[];
  documents: number;
};
type Cases = {
  attributes: { id: number; name: string }[];
  cases: { id: number; name: string; attributes: Record<string, string>; documentIds: number[] }[];
};

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
}

/** axe-core's WCAG 2.1 A and AA rules, as tests/e2e/accessibility.spec.ts runs them. */
async function expectClean(page: Page, state: string) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, rules: { region: { enabled: true } } })
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`),
    state,
  ).toEqual([]);
}

/** The System × Constitutive cell's accessible figures, as the API counts them. */
function systemConstitutive(m: Matrix): string {
  const row = m.rows.find((r) => r.name === 'System')!.key;
  const column = m.columns.find((c) => c.name === 'Constitutive')!.key;
  const cell = m.cells.find((c) => c.row === row && c.column === column)!;
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return `System × Constitutive: ${n(cell.segments, 'segment')}, ${n(cell.documents, 'document')}, ${n(cell.cases, 'case')}`;
}

test('a group made in the Documents pane filters the matrix to its documents, with the API’s counts', async ({ page }) => {
  await open(page);
  const pane = page.getByRole('navigation', { name: 'Documents' });
  const [first, second] = await host.call<Doc[]>('documents.list');
  await pane.getByRole('button', { name: new RegExp(`^${first!.name}`) }).click();

  await pane.getByRole('button', { name: 'New group…' }).click();
  const create = page.getByRole('dialog', { name: 'New document group' });
  await create.getByRole('textbox', { name: 'Name' }).fill('Shires 😀');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  // Made with the selected document in it; the second one goes in by its checkbox.
  await expect(pane.getByRole('checkbox', { name: `${first!.name} in group Shires 😀` })).toBeChecked();
  await pane.getByRole('button', { name: new RegExp(`^${second!.name}`) }).click();
  const secondIn = pane.getByRole('checkbox', { name: `${second!.name} in group Shires 😀` });
  await expect(secondIn).not.toBeChecked();
  await secondIn.check();
  await expect(pane.locator('.group-row')).toContainText('2 documents');
  const [group] = await host.call<Group[]>('documentGroups.list');
  expect(group!.documentIds.sort()).toEqual([first!.id, second!.id].sort());
  await expectClean(page, 'documents pane with a group');
  await page.screenshot({ path: '.test-output/screens/document-groups.png' });

  const all = await host.call<Matrix>('matrix.get', {});
  const grouped = await host.call<Matrix>('matrix.get', { filters: { groupIds: [group!.id] } });
  expect(grouped.documents).toBe(2);
  expect(systemConstitutive(grouped)).not.toBe(systemConstitutive(all));

  await page.keyboard.press('Control+Shift+M');
  const matrix = page.getByRole('region', { name: 'Matrix' });
  const cell = matrix.getByRole('button', { name: /(^|; )System × Constitutive:/ });
  await expect(cell).toHaveAccessibleName(new RegExp(`${systemConstitutive(all)}$`));
  await matrix.getByLabel('Add a filter').selectOption({ label: 'Group Shires 😀' });
  await expect(matrix.getByRole('listitem').filter({ hasText: 'Group Shires 😀' })).toBeVisible();
  await expect(cell).toHaveAccessibleName(new RegExp(`${systemConstitutive(grouped)}$`));
  await expect(matrix).toContainText('2 documents in scope');
  await page.screenshot({ path: '.test-output/screens/matrix-group-filter.png' });

  // Taking the second document out of the group (an undoable step) changes the counts again.
  await pane.getByRole('checkbox', { name: `${second!.name} in group Shires 😀` }).uncheck();
  await expect.poll(async () => (await host.call<Group[]>('documentGroups.list'))[0]!.documentIds).toEqual([first!.id]);
  const one = await host.call<Matrix>('matrix.get', { filters: { groupIds: [group!.id] } });
  await expect(matrix).toContainText('1 document in scope');
  await expect(cell).toHaveAccessibleName(new RegExp(`${systemConstitutive(one)}$`));
  await page.getByRole('button', { name: 'Undo Change document group' }).click();
  await expect(matrix).toContainText('2 documents in scope');

  // The Excerpts view takes the group as a filter too, with the API's count.
  const selection = { codeIds: [] as number[] };
  const everyExcerpt = (await host.call<{ total: number }>('excerpts.list', selection)).total;
  const inGroup = (await host.call<{ total: number }>('excerpts.list', { ...selection, groupIds: [group!.id] })).total;
  expect(inGroup).toBeLessThan(everyExcerpt);
  await page.getByRole('button', { name: 'Excerpts', exact: true }).click();
  const view = page.getByRole('region', { name: 'Excerpts view' });
  const status = view.locator('.excerpts-count');
  await expect(status).toHaveText(`${everyExcerpt} excerpts`);
  await view.getByLabel('Add a filter').selectOption({ label: 'Group Shires 😀' });
  await expect(status).toHaveText(`${inGroup} excerpts`);
});

test('the cases table edits an attribute in place with a type check, keeps a case memo and exports the sheet', async ({ page }) => {
  await open(page);
  await projectMenu(page, 'Cases and attributes…');
  const dialog = page.getByRole('dialog', { name: 'Cases and attributes' });
  const before = await host.call<Cases>('cases.list');
  const target = before.cases[0]!;
  await expect(dialog.getByRole('table').getByRole('row')).toHaveCount(before.cases.length + 1);

  const minutes = dialog.getByRole('textbox', { name: `Duration (minutes) of ${target.name}` });
  await minutes.fill('about an hour');
  await minutes.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Not saved: expected a number.');
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await minutes.fill('75');
  await minutes.press('Enter');
  await expect(minutes).not.toHaveAttribute('aria-invalid');
  await expect
    .poll(async () => (await host.call<Cases>('cases.list')).cases.find((c) => c.id === target.id)!.attributes['Duration (minutes)'])
    .toBe('75');

  // A choice is picked from its list.
  await dialog.getByRole('combobox', { name: `Authority type of ${target.name}` }).selectOption('Two-tier county');
  await expect
    .poll(async () => (await host.call<Cases>('cases.list')).cases.find((c) => c.id === target.id)!.attributes['Authority type'])
    .toBe('Two-tier county');

  // Sorted by duration, longest first: 75 minutes leads.
  const sortByDuration = dialog.getByRole('button', { name: /^Duration \(minutes\), sort/ });
  await sortByDuration.click();
  await sortByDuration.click();
  await expect(dialog.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(dialog.locator('tbody tr').first().getByRole('rowheader')).toContainText(target.name);

  // Filtered by a word.
  await dialog.getByRole('searchbox', { name: 'Filter cases' }).fill('Two-tier');
  const twoTier = before.cases.filter((c) => c.id === target.id || c.attributes['Authority type'] === 'Two-tier county').length;
  await expect(dialog.locator('tbody tr')).toHaveCount(twoTier);

  // The selected case's memo.
  await minutes.focus();
  const memo = dialog.getByRole('region', { name: `Memo on case ${target.name}` }).getByRole('textbox', { name: 'Memo' });
  await memo.fill('Longest interview; the director had just arrived 😀.');
  await memo.blur();
  await expect
    .poll(async () => (await host.call<{ body: string }>('memos.get', { target: { kind: 'case', id: target.id } })).body)
    .toBe('Longest interview; the director had just arrived 😀.');
  await expectClean(page, 'cases and attributes table');
  await page.screenshot({ path: '.test-output/screens/case-table.png' });

  // Retyping Area (place names) as a number is refused with the count of values that do not fit.
  await dialog.getByRole('searchbox', { name: 'Filter cases' }).fill('');
  await dialog.getByRole('button', { name: 'Attribute Area' }).click();
  await page.getByRole('menuitem', { name: 'Rename or retype Area…' }).click();
  const retype = page.getByRole('dialog', { name: 'Attribute Area' });
  await retype.getByRole('combobox', { name: 'Type' }).selectOption('number');
  await retype.getByRole('button', { name: 'Save' }).click();
  const areas = before.cases.filter((c) => c.attributes.Area !== undefined).length;
  await expect(retype.getByRole('alert')).toContainText(`Area cannot be made a number attribute: ${areas} values do not fit`);
  await page.screenshot({ path: '.test-output/screens/case-attribute-retype.png' });
  await retype.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Attribute Respondent' }).click();
  await page.getByRole('menuitem', { name: 'Delete Respondent…' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete attribute' });
  await expect(remove).toContainText(`${before.cases.filter((c) => c.attributes.Respondent !== undefined).length} cases lose their values`);
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toBeHidden();

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('Cases and attributes.csv');
  const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const header = rows[0]!;
  expect(header[0]).toBe('Case');
  const row = rows.find((r) => r[0] === target.name)!;
  expect(row[header.indexOf('Duration (minutes)')]).toBe('75');
  expect(row[header.indexOf('Authority type')]).toBe('Two-tier county');
  expect(rows).toHaveLength(before.cases.length + 1);

  // A case deleted from its row's menu says what goes with it; its documents stay, and Undo brings it back.
  const last = before.cases.at(-1)!;
  await dialog.getByRole('button', { name: `Case ${last.name}` }).click();
  await page.getByRole('menuitem', { name: `Delete ${last.name}…` }).click();
  const deleteCase = page.getByRole('dialog', { name: 'Delete case' });
  const values = Object.keys(last.attributes).length;
  await expect(deleteCase).toContainText(`${values} attribute values, its links to ${last.documentIds.length} document`);
  await expectClean(page, 'delete case dialog');
  await page.screenshot({ path: '.test-output/screens/case-delete.png' });
  await deleteCase.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.locator('tbody tr')).toHaveCount(before.cases.length - 1);
  const after = await host.call<Cases>('cases.list');
  expect(after.cases.map((c) => c.name)).not.toContain(last.name);
  expect((await host.call<unknown[]>('documents.list')).length).toBeGreaterThanOrEqual(last.documentIds.length);
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await host.call<Cases>('cases.list')).cases.find((c) => c.name === last.name)?.documentIds)
    .toEqual(last.documentIds);
});
