// The coding workbench in Chromium: a 50,000-word transcript with 2,000 segments from two coders.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { writeCodedTranscripts } from '../corpus';
import { fmt, median, type Row } from '../report';

/** The 50,000-word transcript with 2,000 codings (the cold-start bench opens it too). */
export function writeProject(file: string): void {
  writeCodedTranscripts(file, 11, [{ name: 'B long interview', words: 50_000, codings: 2000 }]);
}

export function startHost(file: string, home: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', '--project', file], {
    env: { ...process.env, TRELLIS_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (\S+)/.exec(out);
      if (match) resolve({ url: match[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
}

/** When a named moment last happened. */
export const markTime = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(`trellis:${n}`).at(-1)?.startTime ?? null, name);

/** When a named moment first happens (a later repaint of the same set must not count). */
export async function waitForMark(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(`trellis:${n}`).length > 0, name, { timeout: 30_000 });
  return page.evaluate((n) => performance.getEntriesByName(`trellis:${n}`)[0]!.startTime, name);
}

/** Records the main thread's long tasks while `run` goes on. */
async function withLongTasks<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; tasks: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver };
    w.longTasks = [];
    w.longTaskObserver?.disconnect();
    w.longTaskObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration)));
    w.longTaskObserver.observe({ type: 'longtask', buffered: false });
  });
  const result = await run();
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  return { result, tasks };
}

const longTaskSummary = (tasks: number[]) =>
  `${tasks.filter((t) => t > 50).length} over 50 ms${tasks.length ? ` (longest ${fmt(Math.max(...tasks))} ms)` : ''}`;

async function jumpSweep(page: Page): Promise<number[]> {
  const { tasks } = await withLongTasks(page, () =>
    page.evaluate(async () => {
      const scroller = document.querySelector<HTMLElement>('.transcript-scroll')!;
      scroller.scrollTop = 0;
      await new Promise((r) => setTimeout(r, 300));
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
        scroller.scrollTop += 700;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
    }),
  );
  return tasks;
}

async function wheelSweep(page: Page): Promise<{ tasks: number[]; ms: number }> {
  await page.evaluate(() => (document.querySelector<HTMLElement>('.transcript-scroll')!.scrollTop = 0));
  await page.waitForTimeout(300);
  const box = (await page.locator('.transcript-scroll').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const atEnd = () =>
    page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('.transcript-scroll')!;
      return s.scrollTop + s.clientHeight >= s.scrollHeight - 2;
    });
  const start = Date.now();
  const { tasks } = await withLongTasks(page, async () => {
    for (let n = 1; n % 20 !== 0 || !(await atEnd()); n++) await page.mouse.wheel(0, 400);
  });
  return { tasks, ms: Date.now() - start };
}

/** Word fixes timed: the first ones of a session are slower (the code paths still cold), so enough for a steady median. */
const FIXES = 9;

export async function run(dir: string): Promise<Row[]> {
  await build({ logLevel: 'warn' });
  const file = join(dir, 'viewer.trellis');
  writeProject(file);
  const host = await startHost(file, dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: /^A short interview/ }).waitFor();
    const visible: number[] = [];
    const painted: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: /^A short interview/ }).click();
      await page.waitForFunction(() => document.querySelector('.transcript-header h2')?.textContent === 'A short interview');
      await page.evaluate(() => performance.clearMarks());
      await page.getByRole('button', { name: /^B long interview/ }).click();
      const painted2000 = await waitForMark(page, 'painted-2000');
      const open = (await markTime(page, 'open-document'))!;
      visible.push((await markTime(page, 'text-visible'))! - open);

      painted.push(painted2000 - open);
    }

    // Apply a code to a selection and time until its highlight is painted.
    const applied: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Close the previous coding's panel, scroll the turn into view and let layout settle before measuring.
      await page.locator('.transcript-scroll').focus();
      await page.keyboard.press('Escape');
      // The words to select are centred, not their turn: in the column beside the coding panel a turn (and a
      // run of its text) can be taller than the view.
      await page.evaluate((nth) => {
        const turn = document.querySelectorAll('.transcript .turn')[2 + nth * 2]!;
        const range = document.createRange();
        range.setStart(turn.querySelectorAll('[data-at]')[1]!.firstChild!, 0);
        range.setEnd(turn.querySelectorAll('[data-at]')[1]!.firstChild!, 30);
        const scroller = document.querySelector('.transcript-scroll')!;
        const view = scroller.getBoundingClientRect();
        scroller.scrollBy({ top: range.getBoundingClientRect().top - view.top - view.height / 2 });
      }, i);
      await page.waitForTimeout(150);
      const box = await page.evaluate((nth) => {
        const turn = document.querySelectorAll('.transcript .turn')[2 + nth * 2]!;
        const text = turn.querySelectorAll('[data-at]')[1]!.firstChild!;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 30);
        // The words may wrap onto a second line (the coding panel beside the text narrows it): drag to the last line.
        const r = range.getClientRects();
        const [first, last] = [r[0]!, r[r.length - 1]!];
        return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
      }, i);
      await page.mouse.move(box.x1, box.y1);
      await page.mouse.down();
      await page.mouse.move(box.x2, box.y2, { steps: 4 });
      await page.mouse.up();
      await page.getByRole('dialog', { name: 'Code selection' }).waitFor();
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      const done = await waitForMark(page, `painted-${2001 + i}`);
      applied.push(done - (await markTime(page, 'apply'))!);
    }

    // Fix a coded word in edit mode and time until the view has repainted: the last paint that changed the text
    // or a highlight after the edit is sent, waiting until the document and its codings have been refetched (the
    // view shows the edit before it is stored; a refetch that found it otherwise would repaint, and count); the
    // view's own part, from the document taken in to its text painted; and when the edit was stored and every
    // refetch answered.
    await page.locator('.transcript-scroll').focus();
    await page.keyboard.press('Escape');
    // The last coding's refetch lands first (a second or two on a loaded machine): its repaint is not the edit's.
    await page.waitForTimeout(2500);
    await page.getByRole('button', { name: 'Edit text', exact: true }).click();
    const edited: number[] = [];
    const repainted: number[] = [];
    const shown: number[] = [];
    const committed: number[] = [];
    const stored: number[] = [];
    const settled: number[] = [];
    for (let i = 0; i < FIXES; i++) {
      const replacement = `fixed${i}😀`;
      await page.evaluate((nth) => {
        // A word inside the passage coded above (the first 30 characters of the turn's speech).
        const text = document.querySelectorAll('.transcript .turn')[2 + nth * 2]!.querySelectorAll('[data-at]')[1]!.firstChild!;
        const from = text.textContent!.indexOf(' ') + 1;
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, text.textContent!.indexOf(' ', from));
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        // On screen, as a word one fixes is: the caret put after it must not scroll the view (and repaint).
        (text.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      }, i);
      await page.waitForTimeout(300);
      await page.locator('.transcript-scroll').press('Enter');
      const field = page.getByRole('dialog', { name: 'Fix text' }).getByRole('textbox', { name: 'Replace with' });
      await field.fill(replacement);
      await page.evaluate(() => {
        performance.clearMarks();
        performance.clearResourceTimings();
      });
      await field.press('Enter');
      await page.waitForFunction((r) => document.querySelector('.transcript')!.textContent!.includes(r), replacement);
      await page.getByRole('dialog', { name: 'Fix text' }).waitFor({ state: 'hidden' });
      // Both refetches answered, then time for their repaints to land.
      await page.waitForFunction(() =>
        ['documents.get', 'segments.list'].every((m) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/api/${m}`))),
      );
      await page.waitForTimeout(1000);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })));
      const at = (name: RegExp) => marks.filter((m) => name.test(m.name)).map((m) => m.at);
      const [sent, taken, text] = [at(/^trellis:edit$/)[0]!, at(/^trellis:document-taken$/)[0]!, at(/^trellis:text-/)[0]!];
      // The last paint that changed the text or a highlight (a refetch that brings the same places draws nothing).
      const last = Math.max(...at(/^trellis:(highlights-changed|text-)/));
      edited.push(last - sent);
      shown.push(text - sent);
      repainted.push(text - taken);
      // The edit stored (the API's answer received) and every refetch its events set off answered.
      const answers = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => {
          const r = e as PerformanceResourceTiming;
          const dispatch = r.serverTiming.find((t) => t.name === 'dispatch')?.duration ?? NaN;
          return { name: r.name, asked: r.requestStart, end: r.responseEnd, dispatch };
        }),
      );
      const edit = answers.find((e) => e.name.endsWith('/api/documents.editText'))!;
      // The host's call ends with its commit: the request's start plus the host's own time (Server-Timing).
      committed.push(edit.asked + edit.dispatch - sent);
      stored.push(edit.end - sent);
      settled.push(Math.max(...answers.map((e) => e.end)) - sent);
    }
    await page.getByRole('button', { name: 'Edit text', exact: true }).click();

    // Scroll through the whole document, recording long tasks: three sweeps that jump 700 px every frame
    // (a stress: each frame shows new text), then one with the mouse wheel, as a reader scrolls.
    await page.locator('.transcript-scroll').focus();
    await page.keyboard.press('Escape');
    const sweeps: number[][] = [];
    for (let i = 0; i < 3; i++) sweeps.push(await jumpSweep(page));
    const wheel = await wheelSweep(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 2 ** 20;

    const size = '50,000 words, 2,000 segments, 2 coders (Chromium)';
    return [
      {
        name: 'open transcript: text visible',
        size,
        figure: `median ${fmt(median(visible))} ms (${visible.map(fmt).join(', ')})`,
        target: '< 300 ms',
      },
      {
        name: 'open transcript: all highlights painted',
        size,
        figure: `median ${fmt(median(painted))} ms (${painted.map(fmt).join(', ')})`,
        target: '< 500 ms',
      },
      {
        name: 'apply a code: highlight shown',
        size,
        figure: `median ${fmt(median(applied))} ms, max ${fmt(Math.max(...applied))} ms`,
        target: '< 50 ms',
      },
      {
        name: 'fix a word in edit mode: text and highlights repainted',
        size,
        figure: `median ${fmt(median(edited))} ms (in order: ${edited.map(fmt).join(', ')}) to the last paint that changed anything, the popover closed; the fixed text painted: median ${fmt(median(shown))} ms (${shown.map(fmt).join(', ')}), of which the view's own part (document taken in to text painted) median ${fmt(median(repainted))} ms; stored (the host's call, ending with its commit, done): median ${fmt(median(committed))} ms (${committed.map(fmt).join(', ')}); answer received: median ${fmt(median(stored))} ms; every refetch answered: median ${fmt(median(settled))} ms`,
        target: '< 50 ms',
      },
      {
        name: 'scroll the whole transcript, 700 px every frame: long tasks per sweep',
        size,
        figure: sweeps.map(longTaskSummary).join('; '),
        target: 'none over 50 ms',
      },
      {
        name: 'scroll the whole transcript with the mouse wheel (400 px notches): long tasks',
        size,
        figure: `${longTaskSummary(wheel.tasks)} in ${fmt(wheel.ms / 1000)} s`,
        target: 'none over 50 ms',
      },
      { name: 'renderer JS heap after all of the above', size, figure: `${heap.toFixed(0)} MB`, target: '< 300 MB' },
    ];
  } finally {
    await browser.close();
    host.stop();
  }
}
