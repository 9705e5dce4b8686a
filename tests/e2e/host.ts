import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningHost {
  url: string;
  home: string;
  /** Calls an API method over HTTP, as the page does, and returns its result (throws on failure). */
  call<T = any>(method: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

/** Starts `electron/web.ts` (what `npm run web` runs) with its own TRELLIS_HOME and waits for its URL. */
export async function startWebHost(extraArgs: string[] = [], home = mkdtempSync(join(tmpdir(), 'trellis-e2e-'))): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'electron/web.ts', ...extraArgs], {
    env: { ...process.env, TRELLIS_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  const { origin, searchParams } = new URL(url);
  return {
    url,
    home,
    async call(method, args = {}) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': searchParams.get('token')! },
        body: JSON.stringify(args),
      });
      const envelope = await response.json();
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.result;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(home, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A host on a fresh copy of the demo project, where a first start writes it (the projects folder, under
 * the name `project.createDemo` gives it), opened as `--project`: the copy global-setup.ts wrote once.
 */
export async function startDemoHost(): Promise<RunningHost> {
  const template = process.env.TRELLIS_E2E_DEMO;
  if (!template) throw new Error('no demo template: playwright.config.ts runs tests/e2e/global-setup.ts first');
  const home = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
  mkdirSync(join(home, 'projects'));
  const file = join(home, 'projects', 'Every Child Matters demo.trellis');
  copyFileSync(template, file);
  return startWebHost(['--project', file], home);
}
