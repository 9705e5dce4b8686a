// Browser mode: the same renderer and API as the desktop app, served on 127.0.0.1.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dispatch } from './api/dispatch';
import { Session } from './api/session';
import { startHttpHost } from './hosts/http';
import { appDirs } from './services/app-dirs';
import { readRecent } from './services/recent-projects';

const { values } = parseArgs({
  options: { port: { type: 'string' }, project: { type: 'string' }, open: { type: 'boolean' } },
});
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`trellis web: --port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const session = new Session(appDirs());
// First start (nothing opened before, no --project): a fresh copy of the demo project.
const first = values.project
  ? await dispatch(session, 'project.open', { file: resolve(values.project) })
  : readRecent(session.dirs.config).length === 0
    ? await dispatch(session, 'project.createDemo', {})
    : null;
if (first && !first.ok) console.error(`trellis web: ${first.error.message}`);

const host = await startHttpHost({
  session,
  port,
  staticDir: resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer'),
});
console.log(`Trellis is running at ${host.url}`);
if (values.open) {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [host.url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

const stop = () => {
  void host.close().then(() => {
    session.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
