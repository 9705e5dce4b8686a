import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFailure } from '../../../electron/api/errors';
import { newSession, ok, tempDir } from '../helpers';
import { dispatch } from '../../../electron/api/dispatch';

const CHILD = join(import.meta.dirname, 'writer-child.ts');

function runChild(args: string[]): Promise<{ failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as { failures: string[] }) : reject(new Error(`writer exited with ${code}`)),
    );
  });
}

async function demoProject(): Promise<{ file: string; home: string }> {
  const home = tempDir();
  const file = join(home, 'shared.trellis');
  const session = newSession();
  session.chosen.add(file);
  await ok(dispatch(session, 'project.createDemo', { file }));
  session.close();
  return { file, home };
}

describe('two programs writing one project', () => {
  it('waits for the other writer instead of failing: every coding of both is stored', async () => {
    const { file, home } = await demoProject();
    const before = (new Database(file, { readonly: true }).prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n;
    // Before writes began IMMEDIATE, most of these failed at once with "database is locked".
    const startAt = String(Date.now() + 8_000);
    const [a, b] = await Promise.all([
      runChild([file, home, 'Writer A', '50', startAt]),
      runChild([file, home, 'Writer B', '50', startAt]),
    ]);
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n).toBe(before + 100);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 120_000);

  it('says in words, naming the file, when another program holds the project too long', () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const failure = toFailure(busy, '/home/r/DCS study.trellis');
    expect(failure.code).toBe('busy');
    expect(failure.message).toMatch(/^"DCS study\.trellis" is being written by another program/);
    expect(toFailure(Object.assign(new Error('disk'), { code: 'SQLITE_FULL' }), '/x/p.trellis').message).toMatch(
      /disk holding "p\.trellis" is full/,
    );
    expect(toFailure(Object.assign(new Error('ro'), { code: 'SQLITE_READONLY' }), '/x/p.trellis').message).toMatch(
      /"p\.trellis" can only be read/,
    );
  });
});
