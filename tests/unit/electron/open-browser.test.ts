import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInBrowser, systemOpener } from '../../../electron/services/open-browser';

const url = 'http://127.0.0.1:4000/?token=abc';

/** A stand-in opener: a shell script that exits with the given status. */
function fakeOpener(status: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'trellis-opener-')), 'opener');
  writeFileSync(file, `#!/bin/sh\nexit ${status}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('openInBrowser', () => {
  it('says there is no opener and prints the address to open', async () => {
    const lines: string[] = [];
    const opened = await openInBrowser(url, { platform: 'linux', opener: 'trellis-no-such-opener', warn: (l) => lines.push(l) });
    expect(opened).toBe(false);
    expect(lines).toEqual([
      `trellis web: could not open a browser (there is no "trellis-no-such-opener" on this machine). Open ${url} in your browser.`,
    ]);
  });

  it('says so when the opener fails (xdg-open without a browser exits with 3)', async () => {
    const lines: string[] = [];
    const opener = fakeOpener(3);
    expect(await openInBrowser(url, { platform: 'linux', opener, warn: (l) => lines.push(l) })).toBe(false);
    expect(lines).toEqual([`trellis web: could not open a browser (${opener} exited with status 3). Open ${url} in your browser.`]);
  });

  it('stays quiet when the opener takes the address', async () => {
    const lines: string[] = [];
    expect(await openInBrowser(url, { platform: 'linux', opener: fakeOpener(0), warn: (l) => lines.push(l) })).toBe(true);
    expect(lines).toEqual([]);
  });

  it('names each platform’s opener', () => {
    expect([systemOpener('darwin'), systemOpener('win32'), systemOpener('linux')]).toEqual(['open', 'explorer', 'xdg-open']);
  });
});
