// "Keep it proven" (issue 13): a program importing and coding is killed with SIGKILL at random moments;
// every write the API acknowledged survives, the file passes integrity_check, no document is half there.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectFile } from '../../../db/project-file';
import { dispatch } from '../../../electron/api/dispatch';
import { newSession, ok, tempDir } from '../helpers';

const CHILD = join(import.meta.dirname, 'crash-child.ts');

/** Runs the child until `ms` after its first acknowledged write, kills it, and returns what it acknowledged. */
function runAndKill(file: string, home: string, round: number, ms: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, home, String(round)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('error', reject);
    // Only complete lines count: a line cut by the kill was not acknowledged.
    child.on('exit', () => resolve(out.split('\n').slice(0, -1)));
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged import and coding through four SIGKILLs, with no half-imported document', async () => {
    const session = newSession();
    const { file } = await ok<{ file: string }>(dispatch(session, 'project.create', { file: 'Crash' }));
    session.close();
    const home = tempDir();
    const acknowledged: string[] = [];
    // Kill delays from a fixed list spread over a typical write's duration, so cuts land mid-transaction.
    for (const [round, ms] of [137, 411, 263, 589].entries()) acknowledged.push(...(await runAndKill(file, home, round, ms)));
    expect(acknowledged.filter((l) => l.startsWith('seg ')).length).toBeGreaterThan(0);

    const db = openProjectFile(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const line of acknowledged) {
      const [kind, id, lines] = line.split(' ');
      if (kind === 'doc') {
        const paragraphs = db.prepare('SELECT count(*) FROM paragraphs WHERE document_id = ?').pluck().get(Number(id));
        expect(paragraphs, line).toBe(Number(lines));
      } else expect(db.prepare('SELECT 1 FROM segments WHERE id = ?').pluck().get(Number(id)), line).toBe(1);
    }
    // No document at all, acknowledged or not, is missing paragraphs: each import was all or nothing.
    const partial = db
      .prepare(
        "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id) <> 20 + (CAST(substr(d.name, instr(d.name, '-d') + 2) AS INTEGER) % 7)",
      )
      .pluck()
      .get();
    expect(partial).toBe(0);
    db.close();
    // Each of the four children starts a job worker from source (tsx) for its first import.
  }, 120_000);
});
