import { expect, test } from '@playwright/test';
import { startWebHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host.stop();
});

test('compares the demo’s two coders and steps through their disagreements into the transcript', async ({ page }) => {
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const view = page.getByRole('region', { name: 'Coder comparison' });
  const codes = view.getByRole('table', { name: 'Agreement per code' });
  await expect(codes).toBeVisible();
  // The demo's coders A and B are chosen by default: the two-coder columns and the overall row are there.
  await expect(codes.getByRole('columnheader')).toContainText(['Code', 'Units', 'Both', 'Only A', 'Only B', 'Neither']);
  const overall = codes.locator('tfoot tr');
  await expect(overall.locator('th')).toHaveText('Overall (summed counts)');
  await expect(overall.locator('td.coef').first()).toHaveText(/^(-?\d\.\d{3}|undefined)$/);

  // The formula behind kappa, in its popover.
  await codes.getByRole('button', { name: "About Cohen's kappa" }).click();
  await expect(view.getByRole('dialog', { name: "Cohen's kappa" })).toContainText('Cohen, J. (1960)');
  await page.screenshot({ path: 'test-results/agreement-popover.png' });
  await page.keyboard.press('Escape');

  // Sorting by alpha puts the highest first (undefined last).
  await codes.getByRole('button', { name: /^Krippendorff α/ }).click();
  const alphas = await codes.locator('tbody tr').evaluateAll((rows) =>
    rows
      .map((r) => r.querySelectorAll('td.coef')[1]!.textContent!)
      .filter((t) => t !== 'undefined')
      .map(Number),
  );
  expect(alphas.length).toBeGreaterThan(1);
  expect(alphas).toEqual([...alphas].sort((a, b) => b - a));

  // A code's per-document figures.
  const first = codes.locator('tbody tr').first().locator('th button');
  const code = await first.textContent();
  await first.click();
  await expect(view.getByRole('table', { name: `Agreement per document for ${code}` })).toBeVisible();

  // Disagreements: step with Next and the keyboard; each opens the transcript at the span.
  const list = view.getByRole('region', { name: 'Disagreements' });
  await expect(list.locator('.position')).toHaveText(/^1 of \d+$/);
  await list.getByRole('button', { name: 'Next' }).click();
  await expect(list.locator('.position')).toHaveText(/^2 of \d+$/);
  const current = list.locator('li[aria-current="true"]');
  const documentName = (await current.locator('.where').textContent())!.split(' · ')[0]!;
  await expect(page.locator('.transcript-title h2')).toHaveText(documentName);
  await list.getByRole('listbox').focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('.position')).toHaveText(/^3 of \d+$/);
  await page.keyboard.press('k');
  await expect(list.locator('.position')).toHaveText(/^2 of \d+$/);

  // Reconcile two: accept A with a note, then neither; each moves on and shows the decision.
  const reconcile = list.getByRole('group', { name: 'Reconcile into Consensus' });
  await reconcile.getByLabel('Note').fill('A read the passage right 😀');
  await reconcile.getByRole('button', { name: 'Accept A' }).click();
  await expect(list.locator('li').nth(1).locator('.decided')).toHaveText('· accepted A');
  await expect(list.locator('.position')).toHaveText(/^3 of \d+$/);
  await reconcile.getByRole('button', { name: 'Neither' }).click();
  await expect(list.locator('li').nth(2).locator('.decided')).toHaveText('· neither');
  await page.screenshot({ path: 'test-results/agreement-view.png' });

  // Consensus is a coder like any other: it is offered in the matrix's coder filter.
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  const filter = page.getByRole('region', { name: 'Matrix' }).getByLabel('Add a filter');
  await expect(filter.locator('option', { hasText: 'Coder Consensus' })).toHaveCount(1);
});
