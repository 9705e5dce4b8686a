// Cold start (issue 15): the app's first load and first transcript opened in a fresh browser profile (as
// the desktop app's first window, with no cached code), beside later loads in the same profile.
import { mkdtempSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { fmt, median, ratio, type Row } from '../report';
import { markTime, startHost, waitForMark, writeProject } from './viewer';

const PROFILES = 3;
const LATER = 3;

/** Loads the app, then opens the long transcript: ms from navigation to the document list, and from the click to its text. */
async function loadAndOpen(page: Page, url: string): Promise<{ ready: number; text: number }> {
  await page.goto(url);
  const button = page.getByRole('button', { name: /^B long interview/ });
  await button.waitFor();
  const ready = await page.evaluate(() => performance.now());
  // The short one opens by itself: let it finish, so that its marks are not taken for the long one's.
  await waitForMark(page, 'text-visible');
  await page.evaluate(() => performance.clearMarks());
  await button.click();
  const visible = await waitForMark(page, 'text-visible');
  const text = visible - (await markTime(page, 'open-document'))!;
  // The app reopens the last document shown: leave the short one shown, so the next load opens the long one by a click too.
  await page.getByRole('button', { name: /^A short interview/ }).click();
  await page.waitForFunction(() => document.querySelector('.transcript-header h2')?.textContent === 'A short interview');
  return { ready, text };
}

export async function run(dir: string): Promise<Row[]> {
  await build({ logLevel: 'warn' });
  const file = join(dir, 'viewer.trellis');
  writeProject(file);
  const host = await startHost(file, dir);
  const first: { ready: number; text: number }[] = [];
  const later: { ready: number; text: number }[] = [];
  try {
    for (let p = 0; p < PROFILES; p++) {
      const context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        viewport: { width: 1440, height: 900 },
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        first.push(await loadAndOpen(page, host.url));
        for (let i = 0; i < LATER; i++) later.push(await loadAndOpen(page, host.url));
      } finally {
        await context.close();
      }
    }
  } finally {
    host.stop();
  }
  const size = `50,000 words, 2,000 codings (Chromium, load average ${loadavg()[0]!.toFixed(1)})`;
  const all = (values: number[]) => `median ${fmt(median(values))} ms (${values.map(fmt).join(', ')})`;
  const row = (what: string, pick: (r: { ready: number; text: number }) => number): Row[] => [
    { name: `${what}: first load in a fresh profile`, size: `${size}, ${PROFILES} profiles`, figure: all(first.map(pick)), target: '—' },
    {
      name: `${what}: later loads in the same profile`,
      size: `${size}, ${LATER} per profile`,
      figure: `${all(later.map(pick))}; the first is ${ratio(median(first.map(pick)), median(later.map(pick)))} these`,
      target: 'first ≈ later (issue 15)',
    },
  ];
  return [
    ...row('start: navigation to the document list', (r) => r.ready),
    ...row('first transcript opened: click to text', (r) => r.text),
  ];
}
