// The job facility (electron/services/jobs): long work in worker threads reports progress, can be
// cancelled without a trace, turns a worker's crash into a message naming the file, runs at most
// `limit` jobs at once, and leaves the API thread answering other calls meanwhile.
import { describe, expect, it } from 'vitest';
import { fillCorpus } from '../../../bench/corpus';
import { DataError } from '../../../db/errors';
import { dispatch } from '../../../electron/api/dispatch';
import { JobCancelled, Jobs, type JobControl, type JobProgress } from '../../../electron/services/jobs/registry';
import { runInWorker } from '../../../electron/services/jobs/run-in-worker';
import { newSession, ok } from '../helpers';

/** A project of 12 interviews and 3,000 codings (bench/corpus.ts), open in a new session. */
async function corpusSession() {
  const session = newSession();
  await ok(dispatch(session, 'project.create', { file: 'Corpus' }));
  session.db.transaction(() => fillCorpus(session.db, 12, 3000, 3000)).immediate();
  return session;
}

/** A control that records what the worker reports, and can cancel through the stop it was given. */
function recorder(onReport: (p: JobProgress, stop: () => void) => void = () => {}) {
  const seen: JobProgress[] = [];
  let stop: (() => void) | null = null;
  const control: JobControl = {
    report: (p) => {
      seen.push(p);
      onReport(p, () => stop?.());
    },
    onCancel: (s) => {
      stop = s;
    },
  };
  return { seen, control };
}

/** A promise with its resolve function, to hold a job open for as long as a test needs. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const WORKER_TEST = 120_000; // Workers load their modules from TypeScript source here (tsx): slow on a loaded machine.

describe('jobs in worker threads', () => {
  it(
    'report their progress, item by item, up to the number of excerpts written',
    async () => {
      const session = await corpusSession();
      const { seen, control } = recorder();
      const file = await runInWorker(
        'excerpts.export',
        {
          project: session.file,
          selection: { codeIds: [], subcodes: true, match: 'any', mode: 'overlap', groupBy: 'none', orderBy: 'position' } as never,
          format: 'csv',
          template: null,
          toc: false,
          pageNumbers: false,
          maxLength: null,
        },
        control,
        { file: session.file },
      );
      // Every one of the 3,000 codings is an excerpt of the selection "all codes" (fillCorpus writes 3,000).
      expect(file.excerpts).toBe(3000);
      const writing = seen.filter((p) => p.phase === 'writing');
      expect(writing.at(-1)).toEqual({ done: 3000, total: 3000, phase: 'writing' });
      // Steps in between (at most one a hundredth), counting up.
      expect(writing.length).toBeGreaterThan(50);
      expect(writing.some((p) => p.done > 0 && p.done < 3000)).toBe(true);
      expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));
      session.close();
    },
    WORKER_TEST,
  );

  it(
    'stop when cancelled mid-work: the call answers "cancelled", no file, and a cancelled import changes nothing',
    async () => {
      const session = await corpusSession();
      // Cancelled at its first "writing" step: the worker is terminated before it can answer.
      const { seen, control } = recorder((p, stop) => {
        if (p.phase === 'writing') stop();
      });
      const jobs = new Jobs();
      const exported = jobs.run('export', (c) =>
        runInWorker(
          'qdpx.export',
          { project: session.file },
          { report: (p) => (c.report(p), control.report(p)), onCancel: (s) => (c.onCancel(s), control.onCancel(s)) },
          { file: session.file },
        ),
      );
      await expect(exported).rejects.toThrow();
      expect(seen.filter((p) => p.phase === 'writing')).toHaveLength(1);

      const before = await ok<unknown[]>(dispatch(session, 'documents.list', {}));
      const pending = dispatch(session, 'documents.import', { source: { name: 'New.txt', text: 'DCS: Hello 😀' }, job: 'import-1' });
      expect(await ok(dispatch(session, 'jobs.cancel', { job: 'import-1' }))).toEqual({ job: 'import-1', cancelled: true });
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(await ok(dispatch(session, 'jobs.progress', { job: 'import-1' }))).toMatchObject({ state: 'cancelled' });
      expect(await ok(dispatch(session, 'documents.list', {}))).toEqual(before);
      session.close();
    },
    WORKER_TEST,
  );

  it(
    'turn a worker that dies into a message naming the file, and the next job still runs',
    async () => {
      const { control } = recorder();
      // 1 MB of heap cannot even load the reader: the worker dies the way a file too big for memory kills it.
      const crash = runInWorker('transcript.read', { source: { name: 'Huge interview.txt', text: 'DCS: hello' }, options: {} }, control, {
        file: '/somewhere/Huge interview.txt',
        limits: { maxOldGenerationSizeMb: 1, maxYoungGenerationSizeMb: 1 },
      });
      await expect(crash).rejects.toBeInstanceOf(DataError);
      await expect(crash).rejects.toThrow(/^Trellis stopped working on "Huge interview\.txt": .*Nothing was changed\.$/);
      const fine = await runInWorker(
        'transcript.read',
        { source: { name: 'Fine.txt', text: 'DCS: hello' }, options: {} },
        recorder().control,
        {
          file: 'Fine.txt',
        },
      );
      expect(fine.transcript.text).toBe('DCS: hello');
    },
    WORKER_TEST,
  );

  it(
    "name the file in a reader's refusal, as the reader words it",
    async () => {
      const refused = runInWorker('transcript.read', { source: { name: 'Blank.txt', text: '   ' }, options: {} }, recorder().control, {
        file: 'Blank.txt',
      });
      await expect(refused).rejects.toBeInstanceOf(DataError);
      await expect(refused).rejects.toThrow('"Blank.txt" is empty.');
    },
    WORKER_TEST,
  );

  it(
    'leave the API answering: a call made while an export runs answers before the export does',
    async () => {
      const session = await corpusSession();
      const order: string[] = [];
      // Markdown is written synchronously: on the API thread it would finish before the next call even began.
      const exported = dispatch(session, 'excerpts.export', { format: 'md', job: 'long' }).then((e) => order.push(`export ${e.ok}`));
      const listed = dispatch(session, 'documents.list', {}).then((e) => order.push(`list ${e.ok}`));
      const progress = dispatch(session, 'jobs.progress', { job: 'long' }).then((e) => order.push(`progress ${e.ok}`));
      await Promise.all([exported, listed, progress]);
      expect(order).toEqual(['list true', 'progress true', 'export true']);
      session.close();
    },
    WORKER_TEST,
  );
});

describe('the job registry', () => {
  it('runs at most `limit` jobs at once; the others wait queued, and a queued one can be cancelled before it starts', async () => {
    const jobs = new Jobs(1);
    const first = gate();
    const started: string[] = [];
    const a = jobs.run('a', async () => {
      started.push('a');
      await first.promise;
      return 'a done';
    });
    const b = jobs.run('b', async () => {
      started.push('b');
      return 'b done';
    });
    const c = jobs.run('c', async () => {
      started.push('c');
      return 'c done';
    });
    await Promise.resolve();
    expect(jobs.progress('a').state).toBe('running');
    expect(jobs.progress('b').state).toBe('queued');
    expect(jobs.cancel('c')).toEqual({ job: 'c', cancelled: true });
    await expect(c).rejects.toBeInstanceOf(JobCancelled);
    expect(started).toEqual(['a']);
    first.open();
    expect(await a).toBe('a done');
    expect(await b).toBe('b done');
    // c never ran: it was cancelled while it waited.
    expect(started).toEqual(['a', 'b']);
    expect(jobs.active).toBe(0);
  });

  it('keeps the last progress a job reported, refuses a second job of a running id, and knows no unknown id', async () => {
    const jobs = new Jobs(2);
    const hold = gate();
    const run = jobs.run('x', async (control) => {
      control.report({ done: 3, total: 10, phase: 'writing' });
      await hold.promise;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(jobs.progress('x')).toEqual({ job: 'x', state: 'running', done: 3, total: 10, phase: 'writing' });
    await expect(jobs.run('x', async () => 1)).rejects.toThrow(/already running/);
    hold.open();
    await run;
    expect(jobs.progress('x')).toEqual({ job: 'x', state: 'done', done: 10, total: 10, phase: 'done' });
    expect(jobs.cancel('x')).toEqual({ job: 'x', cancelled: false });
    expect(() => jobs.progress('nope')).toThrow(/no job "nope"/);
  });

  it('cancels a job whose call has not arrived yet (Cancel pressed as it started), and only that call', async () => {
    const jobs = new Jobs(2);
    expect(jobs.cancel('early')).toEqual({ job: 'early', cancelled: true });
    expect(jobs.progress('early')).toMatchObject({ state: 'cancelled' });
    let ran = false;
    await expect(jobs.run('early', async () => (ran = true))).rejects.toThrow(/was cancelled/);
    expect(ran).toBe(false);
    // A later job of the same id runs.
    expect(await jobs.run('early', async () => 7)).toBe(7);
  });

  it('cancels a running job: its stop is called and its call rejects as cancelled, whatever the work returns', async () => {
    const jobs = new Jobs(1);
    let stopped = false;
    const hold = gate();
    const run = jobs.run('r', async (control) => {
      control.onCancel(() => {
        stopped = true;
        hold.open();
      });
      await hold.promise;
      return 'a result nobody gets';
    });
    await Promise.resolve();
    jobs.cancel('r');
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(stopped).toBe(true);
    expect(jobs.progress('r').state).toBe('cancelled');
    // Its place is free again.
    expect(await jobs.run('next', async () => 'ran')).toBe('ran');
  });
});
