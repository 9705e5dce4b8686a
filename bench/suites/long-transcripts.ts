// Long transcripts in Chromium (issue 15): opening a 10,000-, 200,000- and 500,000-word transcript with
// codings, to its text and to all its highlights painted, beside the limit measured in the same run:
// Chromium loading the same text as a static page (one <p> per turn) and painting it.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { writeCodedTranscripts } from '../corpus';
import { fmt, median, ratio, type Row } from '../report';
import { markTime, startHost, waitForMark } from './viewer';

/** Words and codings: the 200,000-word transcript has the 8,000; the others as densely coded. */
const SIZES = [
  { words: 10_000, codings: 400 },
  { words: 200_000, codings: 8_000 },
  { words: 500_000, codings: 20_000 },
];
const ROUNDS = 3;

const nameOf = (words: number) => `${words.toLocaleString('en')} words`;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The same text as a static page, as wide as the transcript's column, marking the frame that shows it the
 * way the app marks its own (a task after the next animation frame).
 */
function staticPage(text: string): string {
  const turns = text
    .split('\n')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 16px/1.65 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 18px 24px; }
</style></head><body>${turns}<script>requestAnimationFrame(() => setTimeout(() => performance.mark('painted'), 0));</script></body></html>`;
}

async function staticPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('painted').length > 0);
  return page.evaluate(() => performance.getEntriesByName('painted')[0]!.startTime);
}

async function openInApp(page: Page, words: number, codings: number): Promise<{ visible: number; painted: number }> {
  await page.getByRole('button', { name: /^A short interview/ }).click();
  await page.waitForFunction(() => document.querySelector('.transcript-header h2')?.textContent === 'A short interview');
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: new RegExp(nameOf(words)) }).click();
  const painted = await waitForMark(page, `painted-${codings}`);
  const open = (await markTime(page, 'open-document'))!;
  return { visible: (await markTime(page, 'text-visible'))! - open, painted: painted - open };
}

export async function run(dir: string): Promise<Row[]> {
  await build({ logLevel: 'warn' });
  const file = join(dir, 'long.trellis');
  const texts = writeCodedTranscripts(
    file,
    17,
    SIZES.map((size) => ({ name: nameOf(size.words), ...size })),
  );
  const host = await startHost(file, dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const app = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const plain = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await app.goto(host.url);
    await app.getByRole('button', { name: /^A short interview/ }).waitFor();
    const rows: Row[] = [];
    for (const { words, codings } of SIZES) {
      const pageFile = join(dir, `static-${words}.html`);
      writeFileSync(pageFile, staticPage(texts.get(nameOf(words))!));
      const url = pathToFileURL(pageFile).href;
      await staticPaint(plain, url);
      const limit: number[] = [];
      const visible: number[] = [];
      const painted: number[] = [];
      // Rounds alternate the app and the static page, so a neighbour's burst of work weighs on both alike.
      for (let round = 0; round < ROUNDS; round++) {
        limit.push(await staticPaint(plain, url));
        const opened = await openInApp(app, words, codings);
        visible.push(opened.visible);
        painted.push(opened.painted);
      }
      const size = `${nameOf(words)}, ${codings.toLocaleString('en')} codings, 2 coders (Chromium, load average ${loadavg()[0]!.toFixed(1)})`;
      const all = (values: number[]) => `median ${fmt(median(values))} ms (${values.map(fmt).join(', ')})`;
      rows.push(
        { name: 'the limit: the same text as a static page, painted', size, figure: all(limit), target: '—' },
        {
          name: 'open a long transcript: text visible',
          size,
          figure: `${all(visible)}: ${ratio(median(visible), median(limit))} the limit`,
          target: '—',
        },
        {
          name: 'open a long transcript: all highlights painted',
          size,
          figure: `${all(painted)}: ${ratio(median(painted), median(limit))} the limit`,
          target: '≤ 1.3× the limit (issue 15)',
        },
      );
    }
    return rows;
  } finally {
    await browser.close();
    host.stop();
  }
}
