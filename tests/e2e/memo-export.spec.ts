// The Memos dialog exports the memos chosen by kind and author (issue 19: a memo export, DOCX and Markdown).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startDemoHost, type RunningHost } from './host';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => host.stop());

test('Export memos… saves the code memos as Markdown, each under its code path with its author', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  const [code] = await host.call<{ id: number; name: string }[]>('codebook.refs');
  await host.call('memos.set', { target: { kind: 'code', id: code!.id }, body: 'Directors read the duty as permission 😀.' });
  await host.call('memos.set', { target: { kind: 'project' }, body: 'Ten DCS interviews, 2007.' });

  await page.getByRole('button', { name: 'Memos' }).click();
  const dialog = page.getByRole('dialog', { name: 'Memos' });
  await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('code');
  await expect(dialog.getByRole('list', { name: 'Memos found' }).getByRole('listitem')).toHaveCount(1);
  const exporter = dialog.getByRole('group', { name: 'Export memos' });
  await exporter.getByRole('combobox', { name: 'Export as' }).selectOption('md');
  await page.screenshot({ path: '.test-output/screens/memo-export.png' });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  const [file] = await Promise.all([page.waitForEvent('download'), exporter.getByRole('button', { name: 'Export memos…' }).click()]);
  expect(file.suggestedFilename()).toMatch(/memos\.md$/);
  const md = readFileSync((await file.path())!, 'utf8');
  const refs = await host.call<{ id: number; ref: string }[]>('codebook.refs');
  // The code's heading is its path (as codebook.refs names it); the project memo is another kind, not exported.
  const path = refs.find((r) => r.id === code!.id)!.ref.replace(/^[^:]+:/, '');
  expect(md).toContain('## Code memos');
  expect(md).toContain('Directors read the duty as permission 😀.');
  expect(md).toMatch(/\*A · \d{4}-\d\d-\d\d \d\d:\d\d UTC\*/);
  expect(md).not.toContain('Ten DCS interviews');
  expect(md.split('\n').some((l) => l.startsWith('### ') && l.includes(path.split('/').at(-1)!))).toBe(true);
});
