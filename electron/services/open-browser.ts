// `--open` in browser mode hands the address to the system's opener. Where there is none (a server, a
// container) or it fails, the person is told, so they know to open the printed address themselves
// instead of waiting for a window that never comes.
import { spawn } from 'node:child_process';

export const systemOpener = (platform: NodeJS.Platform): string =>
  platform === 'darwin' ? 'open' : platform === 'win32' ? 'explorer' : 'xdg-open';

/** Resolves true once the opener has taken the address, false (after warning) when it could not. */
export function openInBrowser(
  url: string,
  { platform = process.platform, opener = systemOpener(platform), warn = (line: string) => console.error(line) } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    // After a failed start Node may or may not also report an exit: answer once.
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      warn(`trellis web: could not open a browser (${why}). Open ${url} in your browser.`);
      resolve(false);
    };
    const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? `there is no "${opener}" on this machine` : `${opener}: ${error.message}`),
    );
    // explorer.exe exits with 1 even when it opened the page, so only its start counts on Windows.
    child.on('exit', (code) =>
      code === 0 || platform === 'win32' ? ((settled = true), resolve(true)) : fail(`${opener} exited with status ${code}`),
    );
    child.unref();
  });
}
