import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHost } from './host';
import { projectMenu } from './menu';

/** A TRELLIS_HOME that has been used before: the start screen shows instead of a new demo copy. */
function usedHome(): { home: string; bad: string } {
  const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-start-'));
  mkdirSync(join(home, 'config'), { recursive: true });
  mkdirSync(join(home, 'projects'), { recursive: true });
  const bad = join(home, 'projects', 'not-a-project.trellis');
  writeFileSync(bad, 'Interviewer: this is a transcript, not a project\n');
  writeFileSync(
    join(home, 'config', 'recent-projects.json'),
    JSON.stringify([{ file: join(home, 'gone.trellis'), name: 'Old study', openedAt: '2026-01-01T00:00:00Z' }]),
  );
  return { home, bad };
}

test('the start screen creates, opens, closes and reopens projects; a bad file gets a clear message and stays untouched', async ({
  page,
}) => {
  const { home, bad } = usedHome();
  const host = await startWebHost([], home);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trellis');
    // The recent project whose file is gone is listed but cannot be opened.
    await expect(page.getByRole('button', { name: /Old study/ })).toBeDisabled();
    await expect(page.getByRole('button', { name: /Old study/ })).toContainText('(missing)');

    // A file that is not a project: a message naming it; the file keeps its bytes.
    const before = readFileSync(bad);
    await page.getByLabel('Open a project file').fill(bad);
    await page.getByLabel('Open a project file').press('Enter');
    await expect(page.getByRole('alert')).toContainText(`"${bad}" is not a Trellis project`);
    expect(readFileSync(bad).equals(before)).toBe(true);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);

    // A path outside the projects folder that the person never chose elsewhere: the page cannot open it.
    const elsewhere = join(home, 'elsewhere.trellis');
    await page.getByLabel('Open a project file').fill(elsewhere);
    await page.getByLabel('Open a project file').press('Enter');
    await expect(page.getByRole('alert')).toContainText(`"${elsewhere}" was not chosen by you`);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await page.getByLabel('Open a project file').fill('');
    await page.screenshot({ path: '.test-output/screens/start-screen.png' });

    // A new, empty project by keyboard: it has the MGF framework and nothing else.
    await page.getByLabel('New project').fill('Pilot study');
    await page.getByLabel('New project').press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pilot study');
    expect(existsSync(join(home, 'projects', 'Pilot study.trellis'))).toBe(true);
    await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText('No documents yet');
    await expect(page.getByRole('complementary', { name: 'Codebook' }).getByRole('treeitem', { name: /^MGF, 0 segments/ })).toBeVisible();
    await page.screenshot({ path: '.test-output/screens/empty-project.png' });

    // Close it, then find it in the recent list and reopen it.
    await projectMenu(page, 'Close project');
    await page.getByRole('button', { name: /Pilot study/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pilot study');

    // The demo is one click away from the start screen too.
    await projectMenu(page, 'Close project');
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await expect(page.getByRole('navigation', { name: 'Documents' }).locator('.document-row')).toHaveCount(10);
  } finally {
    await host.stop();
  }
});
