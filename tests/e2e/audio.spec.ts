// A recording played beside its transcript (issue 19, Audio): a WAV made here, linked to an imported VTT
// with the CLI (a path named on the command line is one the person chose), a turn played from its time,
// marked and followed, the transcription keys, and a turn's time set from the playing position and undone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { wavBytes } from '../wav';
import { startDemoHost, type RunningHost } from './host';

const SCREENS = '.test-output/screens';
// Cues at 1 s, 4.5 s and 7 s; the recording is a minute long, so it is still playing whenever a slow machine gets to the keys.
const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
Jane: Thanks for joining 😀, could you describe the board?

00:00:04.500 --> 00:00:07.000
Director: We set it up in 2006 and it meets monthly.

00:00:07.000 --> 00:00:11.000
Head: The PCT sits on it, and the schools joined later.
`;

let host: RunningHost;
test.beforeAll(async () => {
  host = await startDemoHost();
});
test.afterAll(async () => host.stop());

type Paragraph = { n: number; timeMs: number | null };
const audioTime = (page: Page) => page.locator('.player-bar audio').evaluate((a: HTMLAudioElement) => a.currentTime);
const paused = (page: Page) => page.locator('.player-bar audio').evaluate((a: HTMLAudioElement) => a.paused);

test('a turn of a linked recording plays from its time, is marked and followed; keys; a turn time set and undone', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  const { documentId } = await host.call<{ documentId: number }>('documents.import', {
    source: { name: 'Board.vtt', data: Buffer.from(VTT).toString('base64') },
  });
  const wav = join(mkdtempSync(join(tmpdir(), 'trellis-audio-')), 'board interview.wav');
  writeFileSync(wav, wavBytes(60));
  const { project } = await host.call<{ project: { file: string } }>('app.status');
  execFileSync(process.execPath, ['bin/trellis.mjs', 'link-media', project.file, '--doc', 'Board', wav], { encoding: 'utf8' });

  const pane = page.getByRole('navigation', { name: 'Documents' });
  await pane.getByRole('button', { name: /^Board/ }).click();
  const bar = page.getByRole('region', { name: 'Recording' });
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('board interview.wav');
  await expect(page.locator('.transcript .turn').nth(2)).toContainText('The PCT sits on it');

  // The second turn's control plays it from 4.5 s; the turn is marked while it is heard.
  const second = page.locator('.transcript .turn[data-n="2"]');
  await second.hover();
  await page.getByRole('button', { name: 'Play ¶2 from 0:04.5' }).click();
  await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(4.5);
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(second).toHaveClass(/turn-playing/);
  await expect(page.locator('.transcript .turn[aria-current]')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/audio-playing.png` });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Playing on, the third turn (7 s) becomes the one marked.
  await expect(page.locator('.transcript .turn[data-n="3"]')).toHaveAttribute('aria-current', 'true', { timeout: 15_000 });
  await expect(second).not.toHaveAttribute('aria-current');

  // Keys: Alt+P pauses, Alt+B goes back 5 s, Alt+S slows down, Alt+N is normal speed again.
  await page.keyboard.press('Alt+P');
  await expect.poll(() => paused(page)).toBe(true);
  const at = await audioTime(page);
  await page.keyboard.press('Alt+B');
  await expect.poll(() => audioTime(page)).toBeCloseTo(Math.max(0, at - 5), 1);
  await page.keyboard.press('Alt+S');
  await expect(bar.getByLabel('Speed')).toHaveValue('0.75');
  await expect.poll(() => page.locator('.player-bar audio').evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(0.75);
  await page.keyboard.press('Alt+N');
  await expect(bar.getByLabel('Speed')).toHaveValue('1');

  // Set the first turn's time from the playing position: the caret in its text, Alt+T; then undo it.
  const position = await audioTime(page);
  await page.locator('.transcript .turn[data-n="1"]').getByText('could you describe').click();
  await page.keyboard.press('Alt+T');
  const timeOf = async (n: number) =>
    (await host.call<{ paragraphs: Paragraph[] }>('documents.get', { id: documentId })).paragraphs.find((p) => p.n === n)!.timeMs;
  await expect.poll(() => timeOf(1)).toBe(Math.round(position * 1000));
  await expect(page.locator('.transcript .turn[data-n="1"]')).toHaveAttribute(
    'data-time',
    new Date(Math.round(position * 1000)).toISOString().slice(11, 19),
  );
  await page.getByRole('button', { name: 'Undo Set turn time' }).click();
  await expect.poll(() => timeOf(1)).toBe(1000);
  // The transcript shows the time undone.
  await expect(page.locator('.transcript .turn[data-n="1"]')).toHaveAttribute('data-time', '00:00:01');

  // Alt+R plays the caret's turn from its time.
  await page.locator('.transcript .turn[data-n="3"]').getByText('schools joined').click();
  await page.keyboard.press('Alt+R');
  await expect.poll(() => audioTime(page)).toBeGreaterThanOrEqual(7);
  await expect(page.locator('.transcript .turn[data-n="3"]')).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Alt+P');

  // The dark theme: the marked turn and the player stay readable (axe checks contrast).
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('.transcript .turn[data-n="3"]').hover();
  await page.screenshot({ path: `${SCREENS}/audio-playing-dark.png` });
  const dark = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(dark.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // The shortcuts are listed.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Alt+T');
  await page.keyboard.press('Escape');
});

test('the browser cannot choose a file: Link recording… says how to link one instead', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.locator('.transcript .turn').first()).toBeVisible();
  await page.getByRole('button', { name: 'Link recording…' }).click();
  await expect(page.getByRole('alert')).toContainText('trellis link-media');
});
