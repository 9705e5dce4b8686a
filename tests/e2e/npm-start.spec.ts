// `npm start` builds the renderer afresh, replacing the build the other end-to-end tests are serving: the
// Playwright config runs this file after all of them.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

test('`npm start` without the Electron runtime says so in one line and serves the browser mode', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-npmstart-'));
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, TRELLIS_HOME: home, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(output)), 45_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(output.split('\n')[0]).toBe('The Electron runtime is not installed on this machine, so Trellis opens in browser mode instead.');
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Every Child Matters – DCS interviews (demo)');
  } finally {
    // npm, the start script and the host form one process group: stop them all.
    process.kill(-child.pid!, 'SIGTERM');
  }
});
