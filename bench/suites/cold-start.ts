// Cold start (issue 15): the app's first load and first transcript opened in a fresh browser profile (as
// the desktop app's first window, with no cached code), beside later loads in the same profile; and the
// limit measured in the same run: a static page of the same bytes, no script, served by the same host,
// first in a fresh profile and later. What a fresh profile costs the static page is Chromium's own (a new
// profile, its disk cache, its first renderer and GPU process, its browser UI starting), which no app can
// remove. A traced round splits each load's CPU by process and by kind of work (bench/trace-cpu.ts).
// COLD_EXTRA_ARGS adds Chromium flags: `--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup` leaves
// out the browser UI's omnibox renderer, which a fresh profile starts and the desktop's window does not have.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { fmt, median, ratio, type Row } from '../report';
import { tracedCpu, type CpuParts } from '../trace-cpu';
import { markTime, startHost, waitForMark, writeProject } from './viewer';

const ROUNDS = 3;
const LATER = 3;
const RENDERER = 'dist/renderer';
const LIMIT_PAGE = 'limit.html';

const documentList = (page: Page) => page.getByRole('button', { name: /^B long interview/ });

/** Navigates and waits for the document list: ms from navigation start. */
async function toDocumentList(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await documentList(page).waitFor();
  return page.evaluate(() => performance.now());
}

/** Loads the app, then opens the long transcript: ms from navigation to the document list, and from the click to its text. */
async function loadAndOpen(page: Page, url: string): Promise<{ ready: number; text: number }> {
  const ready = await toDocumentList(page, url);
  // The short one opens by itself: let it finish, so that its marks are not taken for the long one's.
  await waitForMark(page, 'text-visible');
  await page.evaluate(() => performance.clearMarks());
  await documentList(page).click();
  const visible = await waitForMark(page, 'text-visible');
  const text = visible - (await markTime(page, 'open-document'))!;
  // The app reopens the last document shown: leave the short one shown, so the next load opens the long one by a click too.
  await page.getByRole('button', { name: /^A short interview/ }).click();
  await page.waitForFunction(() => document.querySelector('.transcript-header h2')?.textContent === 'A short interview');
  return { ready, text };
}

/** The bytes the app's first screen loads: index.html and what it names (entry script, its static imports, styles). */
function firstScreenBytes(): number {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return assets.reduce((sum, asset) => sum + statSync(join(RENDERER, asset)).size, Buffer.byteLength(html));
}

/** The limit: as many bytes in one page, the document list's two buttons after them, no script to run. */
function limitPage(bytes: number): string {
  const head = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Limit</title></head><body>';
  const tail = '<nav><button>A short interview</button> <button>B long interview</button></nav></body></html>';
  // A data block: received and kept like a script, never compiled or run.
  const open = '<script type="text/plain">';
  const close = '</script>';
  const filler = 'The same bytes as the app, as text that is neither shown nor run. ';
  const room = Math.max(0, bytes - head.length - tail.length - open.length - close.length);
  return head + open + filler.repeat(Math.ceil(room / filler.length)).slice(0, room) + close + tail;
}

async function withProfile<T>(dir: string, use: (context: BrowserContext, page: Page) => Promise<T>): Promise<T> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      ...(process.env.COLD_EXTRA_ARGS ?? '').split(' ').filter(Boolean),
    ],
    viewport: { width: 1440, height: 900 },
  });
  try {
    return await use(context, context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
  }
}

/** Each part's median over the traced loads, largest first. */
function cpuSummary(loads: CpuParts[]): string {
  const names = [...new Set(loads.flatMap((l) => Object.keys(l)))];
  const parts = names.map((name) => [name, median(loads.map((l) => l[name] ?? 0))] as const).sort((a, b) => b[1] - a[1]);
  const total = median(loads.map((l) => Object.values(l).reduce((a, b) => a + b, 0)));
  return `CPU ${fmt(total)} ms: ${parts
    .filter(([, ms]) => ms >= 5)
    .map(([name, ms]) => `${name} ${fmt(ms)}`)
    .join(', ')}`;
}

export async function run(dir: string): Promise<Row[]> {
  await build({ logLevel: 'warn' });
  const bytes = firstScreenBytes();
  writeFileSync(join(RENDERER, LIMIT_PAGE), limitPage(bytes));
  const file = join(dir, 'viewer.trellis');
  writeProject(file);
  const host = await startHost(file, dir);
  const limitUrl = new URL(LIMIT_PAGE, host.url).href;
  const origin = new URL(host.url).origin;
  const app = { first: [] as { ready: number; text: number }[], later: [] as { ready: number; text: number }[] };
  const limit = { first: [] as number[], later: [] as number[] };
  const cpu = { appFirst: [] as CpuParts[], appLater: [] as CpuParts[], limitFirst: [] as CpuParts[], limitLater: [] as CpuParts[] };
  try {
    // Rounds alternate the app and the limit, so a neighbour's burst of work weighs on both alike.
    for (let r = 0; r < ROUNDS; r++) {
      await withProfile(dir, async (_, page) => {
        app.first.push(await loadAndOpen(page, host.url));
        for (let i = 0; i < LATER; i++) app.later.push(await loadAndOpen(page, host.url));
      });
      await withProfile(dir, async (_, page) => {
        limit.first.push(await toDocumentList(page, limitUrl));
        for (let i = 0; i < LATER; i++) limit.later.push(await toDocumentList(page, limitUrl));
      });
      // Traced apart: tracing costs time of its own.
      await withProfile(dir, async (context, page) => {
        cpu.appFirst.push(await tracedCpu(context, page, origin, () => toDocumentList(page, host.url).then(() => {})));
        await waitForMark(page, 'text-visible');
        cpu.appLater.push(await tracedCpu(context, page, origin, () => toDocumentList(page, host.url).then(() => {})));
      });
      await withProfile(dir, async (context, page) => {
        cpu.limitFirst.push(await tracedCpu(context, page, origin, () => toDocumentList(page, limitUrl).then(() => {})));
        cpu.limitLater.push(await tracedCpu(context, page, origin, () => toDocumentList(page, limitUrl).then(() => {})));
      });
    }
  } finally {
    host.stop();
    rmSync(join(RENDERER, LIMIT_PAGE), { force: true });
  }
  const size = `50,000 words, 2,000 codings (Chromium, load average ${loadavg()[0]!.toFixed(1)})`;
  const all = (values: number[]) => `median ${fmt(median(values))} ms (${values.map(fmt).join(', ')})`;
  const ready = { first: median(app.first.map((r) => r.ready)), later: median(app.later.map((r) => r.ready)) };
  const limitFirst = median(limit.first);
  const limitLater = median(limit.later);
  const text = { first: app.first.map((r) => r.text), later: app.later.map((r) => r.text) };
  return [
    {
      name: 'start: navigation to the document list: first load in a fresh profile',
      size: `${size}, ${ROUNDS} profiles`,
      figure: `${all(app.first.map((r) => r.ready))}; ${ratio(ready.first, limitFirst)} the limit's first load`,
      target: '—',
    },
    {
      name: 'start: navigation to the document list: later loads in the same profile',
      size: `${size}, ${LATER} per profile`,
      figure: `${all(app.later.map((r) => r.ready))}; the first is ${ratio(ready.first, ready.later)} these (the limit: ${ratio(limitFirst, limitLater)}); ${ratio(ready.later, limitLater)} the limit's later loads`,
      target: 'first ≈ later (issue 15)',
    },
    {
      name: 'the limit: a static page of the same bytes, first load in a fresh profile',
      size: `${fmt(bytes / 1000)} kB, no script, same host, ${ROUNDS} profiles`,
      figure: `${all(limit.first)}; the fresh profile adds ${fmt(limitFirst - limitLater)} ms here, ${fmt(ready.first - ready.later)} ms to the app`,
      target: '—',
    },
    { name: 'the limit: later loads in the same profile', size: `${LATER} per profile`, figure: all(limit.later), target: '—' },
    {
      name: 'first transcript opened: click to text: first load in a fresh profile',
      size: `${size}, ${ROUNDS} profiles`,
      figure: all(text.first),
      target: '—',
    },
    {
      name: 'first transcript opened: click to text: later loads in the same profile',
      size: `${size}, ${LATER} per profile`,
      figure: `${all(text.later)}; the first is ${ratio(median(text.first), median(text.later))} these`,
      target: 'first ≈ later (issue 15)',
    },
    ...(
      [
        ['app, first load in a fresh profile', cpu.appFirst],
        ['app, a later load', cpu.appLater],
        ['the limit, first load in a fresh profile', cpu.limitFirst],
        ['the limit, a later load', cpu.limitLater],
      ] as const
    ).map(([what, loads]) => ({
      name: `start, traced: CPU to the document list, ${what}`,
      size: `${ROUNDS} traced loads (medians)`,
      figure: cpuSummary([...loads]),
      target: '—',
    })),
  ];
}
