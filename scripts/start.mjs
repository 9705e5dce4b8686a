// `npm start`: the desktop app where the Electron runtime is installed, otherwise the browser mode.
import { spawn } from 'node:child_process';
import { electronBinary } from './electron-runtime.mjs';
import { runWeb } from './web.mjs';

const electron = electronBinary();
if (electron) {
  await import('./build.mjs');
  spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron runtime is not installed on this machine, so Trellis opens in browser mode instead.');
  await runWeb(['--open', ...process.argv.slice(2)]);
}
