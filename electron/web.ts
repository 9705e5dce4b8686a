// Browser mode: the same renderer and API as the desktop app, served on 127.0.0.1.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Session } from './api/session';
import { openInitialProject } from './api/startup';
import { startHttpHost } from './hosts/http';
import { appDirs } from './services/app-dirs';
import { openInBrowser } from './services/open-browser';

const { values } = parseArgs({
  options: { port: { type: 'string' }, project: { type: 'string' }, open: { type: 'boolean' } },
});
const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`trellis web: --port must be a number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const session = new Session(appDirs());
const problem = await openInitialProject(session, values.project);
if (problem) console.error(`trellis web: ${problem}`);

const host = await startHttpHost({
  session,
  port,
  staticDir: resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer'),
});
console.log(`Trellis is running at ${host.url}`);
if (values.open && process.env.BROWSER !== 'none') void openInBrowser(host.url);

const stop = () => {
  void host.close().then(() => {
    session.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
