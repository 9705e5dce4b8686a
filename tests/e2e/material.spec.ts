// The project's material managed from the workspace (issue 19): a document renamed, deleted and brought back
// with Undo, a memo written on a code and found again in the memo list.
import { expect, test, type Page } from '@playwright/test';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => {
  await host.stop();
});

type Doc = { id: number; name: string; segments: number };

async function open(page: Page) {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
}

test('rename a document, refuse a name taken, delete it saying what goes with it, and undo the delete', async ({ page }) => {
  await open(page);
  const pane = page.getByRole('navigation', { name: 'Documents' });
  const [first, second] = await host.call<Doc[]>('documents.list');
  await pane.getByRole('button', { name: new RegExp(`^${first!.name}`) }).click();

  await pane.getByRole('button', { name: `Rename ${first!.name}` }).click();
  const rename = page.getByRole('dialog', { name: 'Rename document' });
  await rename.getByRole('textbox', { name: 'Name' }).fill(second!.name.toUpperCase());
  await rename.getByRole('textbox', { name: 'Name' }).press('Enter');
  await expect(rename.getByRole('alert')).toHaveText(`There is already a document named "${second!.name.toUpperCase()}".`);
  await rename.getByRole('textbox', { name: 'Name' }).fill('DCS 1 – Café 😀 borough');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(pane.getByRole('button', { name: /^DCS 1 – Café 😀 borough/ })).toBeVisible();
  expect((await host.call<Doc[]>('documents.list')).find((d) => d.id === first!.id)!.name).toBe('DCS 1 – Café 😀 borough');

  const impact = await host.call<{ segments: number; codings: number; memos: number }>('documents.deletePreview', { id: first!.id });
  await pane.getByRole('button', { name: 'Delete DCS 1 – Café 😀 borough' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete document' });
  await expect(remove).toContainText(`${impact.segments} coded passages (${impact.codings} codings)`);
  await page.screenshot({ path: '.test-output/screens/document-delete.png' });
  await remove.getByRole('button', { name: 'Delete' }).click();
  await expect(remove).toBeHidden();
  await expect(pane.getByRole('button', { name: /^DCS 1 – Café/ })).toHaveCount(0);
  expect((await host.call<Doc[]>('documents.list')).map((d) => d.id)).not.toContain(first!.id);

  await page.getByRole('button', { name: 'Undo Delete document' }).click();
  await expect(pane.getByRole('button', { name: /^DCS 1 – Café 😀 borough/ })).toBeVisible();
  const back = (await host.call<Doc[]>('documents.list')).find((d) => d.id === first!.id)!;
  expect(back.segments).toBe(impact.segments);
});

test('a memo written on a code is found in the memo list, which opens the code', async ({ page }) => {
  await open(page);
  const codebook = page.getByRole('complementary', { name: 'Codebook' });
  await codebook.getByRole('treeitem', { name: /^Duty to cooperate,/ }).click();
  const memo = codebook.getByRole('textbox', { name: 'Memo' });
  await memo.fill('Directors read the duty as permission, not obligation 😀.');
  await memo.press('Tab');
  await expect
    .poll(async () => (await host.call<{ kind: string; body: string }[]>('memos.list', { kinds: ['code'] })).map((m) => m.body))
    .toContain('Directors read the duty as permission, not obligation 😀.');

  // Select another code, then find the memo in the list and open its code from there.
  await codebook.getByRole('treeitem', { name: /^Governance structures,/ }).click();
  await page.getByRole('button', { name: 'Memos' }).click();
  const list = page.getByRole('dialog', { name: 'Memos' });
  await list.getByRole('searchbox').fill('permission');
  await list.getByRole('combobox', { name: 'Kind' }).selectOption('code');
  const found = list.getByRole('list', { name: 'Memos found' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Duty to cooperate');
  await page.screenshot({ path: '.test-output/screens/memo-list.png' });
  await found.getByRole('button', { name: 'Open code Duty to cooperate' }).click();
  await expect(list).toBeHidden();
  await expect(codebook.getByRole('region', { name: 'Code Duty to cooperate' })).toBeVisible();
  await expect(codebook.getByRole('textbox', { name: 'Memo' })).toHaveValue('Directors read the duty as permission, not obligation 😀.');
});
