// `npm run web -- [--port N] [--project FILE]`: build the renderer, then serve it with the API on 127.0.0.1.
import { spawn } from 'node:child_process';
import { build } from 'vite';

export async function runWeb(args) {
  await build({ logLevel: 'warn' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (import.meta.url === `file://${process.argv[1]}`) await runWeb(process.argv.slice(2));
