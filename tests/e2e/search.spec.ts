import { expect, test } from '@playwright/test';
import { startWebHost, type RunningHost } from './host';

let host: RunningHost;

test.beforeAll(async () => {
  host = await startWebHost();
});
test.afterAll(async () => {
  await host.stop();
});

/** Calls the API over HTTP from the test process. */
async function api<T>(method: string, args: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': url.searchParams.get('token')! },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error!.message);
  return envelope.result;
}

test('search the demo, jump to a hit, auto-code the hits at sentence level, undo', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  const before = (await api<unknown[]>('segments.list', { withText: false })).length;
  const expected = await api<{ total: number; groups: unknown[]; hits: { document: string; paragraph: number; match: string }[] }>(
    'search.run',
    { query: 'inspect*' },
  );
  expect(expected.total).toBeGreaterThanOrEqual(20);

  await page.locator('.search-slot > summary').click();
  const panel = page.getByRole('region', { name: 'Search' });
  await panel.getByRole('searchbox', { name: 'Search query' }).fill('inspect*');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText(`${expected.total} hits in ${expected.groups.length} documents`);
  await page.screenshot({ path: '.test-output/screens/search-results.png' });

  // Bad input: a message, no crash.
  await panel.getByRole('searchbox', { name: 'Search query' }).fill('inspect AND (');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('cannot be read');
  await panel.getByRole('searchbox', { name: 'Search query' }).fill('inspect*');
  await panel.getByRole('button', { name: 'Search', exact: true }).click();

  const first = expected.hits[0]!;
  await panel.locator('.search-hit').first().click();
  const transcript = page.getByRole('main', { name: 'Transcript' });
  await expect(transcript.getByRole('heading', { level: 2 })).toHaveText(first.document);
  const turn = transcript.locator(`.turn[data-n="${first.paragraph}"]`);
  await expect(turn).toHaveAttribute('aria-current', 'location');
  await expect(turn).toContainText(first.match);
  await page.screenshot({ path: '.test-output/screens/search-jump.png' });

  await panel.getByRole('button', { name: `Auto-code ${expected.total} hits…` }).click();
  const dialog = page.getByRole('dialog', { name: 'Auto-code the hits' });
  await dialog.getByRole('combobox', { name: 'Code' }).selectOption({ label: 'Themes/Inspection regimes' });
  await dialog.getByRole('combobox', { name: 'Expand to' }).selectOption('sentence');
  const preview = await api<{ segments: number }>('search.autocodePreview', {
    search: { query: 'inspect*' },
    expand: 'sentence',
    codeRefs: ['Themes/Inspection regimes'],
  });
  expect(preview.segments).toBeGreaterThan(0);
  await expect(dialog.locator('.autocode-count')).toContainText(`make ${preview.segments} new segments`);
  await page.screenshot({ path: '.test-output/screens/search-autocode.png' });
  await dialog.getByRole('button', { name: `Code ${preview.segments} passages` }).click();
  await expect(dialog).toBeHidden();
  expect((await api<unknown[]>('segments.list', { withText: false })).length).toBe(before + preview.segments);

  await page.getByRole('button', { name: 'Undo Auto-code search hits' }).click();
  await expect.poll(async () => (await api<unknown[]>('segments.list', { withText: false })).length).toBe(before);
});
