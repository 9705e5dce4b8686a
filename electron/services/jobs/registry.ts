// The long jobs one host runs: their progress, for `jobs.progress`, and their cancellation, for
// `jobs.cancel`. The caller names a job with an id of its choosing, so it can ask about it while the
// call that started it is still waiting for its answer (over IPC, HTTP and the CLI alike, no push channel).
import { availableParallelism } from 'node:os';
import { DataError } from '../../../db/errors';

export interface JobProgress {
  done: number;
  total: number;
  /** What the job is doing now, in words: "reading", "writing", … */
  phase: string;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** What a running job sees: where to report progress, and a way to hear that it was cancelled. */
export interface JobControl {
  report(progress: JobProgress): void;
  /** Called once if the job is cancelled; the work must then stop and leave no trace. */
  onCancel(stop: (() => void) | null): void;
}

/** Thrown into the call that started a job when the job was cancelled. */
export class JobCancelled extends Error {
  constructor(readonly job: string) {
    super(`The job "${job}" was cancelled; nothing was produced or changed.`);
    this.name = 'JobCancelled';
  }
}

interface Entry {
  state: JobState;
  progress: JobProgress;
  stop: (() => void) | null;
  /** Whether it holds one of the `limit` places (a queued job does not). */
  placed: boolean;
  /** Ends its wait in the queue (its turn came, or it was cancelled). */
  wake: (() => void) | null;
  /** Cancelled before its call reached the registry: the call, when it comes, is cancelled at once. */
  early?: boolean;
}

// A function, not an inline test: TypeScript would narrow `state` across the awaits where cancel() changes it.
const cancelled = (entry: Entry) => entry.state === 'cancelled';

/** How many finished jobs stay answerable, so a poll that comes just after the end still learns how it ended. */
const KEEP_FINISHED = 50;

export class Jobs {
  private readonly entries = new Map<string, Entry>();
  private running = 0;
  private readonly waiting: Entry[] = [];

  /** At most `limit` jobs work at once (each a worker thread); the rest wait their turn, queued. */
  constructor(readonly limit = Math.max(1, Math.min(4, availableParallelism() - 1))) {}

  /**
   * Runs `work` as the job `id` (an anonymous one when absent: it still counts against the limit).
   * Rejects with JobCancelled when cancelled, whether it was queued or working.
   */
  async run<T>(id: string | undefined, work: (control: JobControl) => Promise<T>): Promise<T> {
    const name = id ?? `anonymous-${Math.random().toString(36).slice(2)}`;
    const known = this.entries.get(name);
    if (known?.early) {
      known.early = false;
      throw new JobCancelled(name);
    }
    if (known && (known.state === 'queued' || known.state === 'running')) {
      throw new DataError('conflict', `A job named "${name}" is already running; choose another id.`);
    }
    const entry: Entry = { state: 'queued', progress: { done: 0, total: 0, phase: 'waiting' }, stop: null, placed: false, wake: null };
    this.entries.delete(name);
    this.entries.set(name, entry);
    this.forgetOld();
    try {
      await this.place(entry);
      if (cancelled(entry)) throw new JobCancelled(name);
      entry.state = 'running';
      entry.progress = { done: 0, total: 0, phase: 'starting' };
      const result = await work({
        report: (progress) => {
          if (entry.state === 'running') entry.progress = progress;
        },
        onCancel: (stop) => {
          entry.stop = stop;
        },
      });
      if (cancelled(entry)) throw new JobCancelled(name);
      entry.state = 'done';
      entry.progress = { ...entry.progress, done: entry.progress.total, phase: 'done' };
      return result;
    } catch (error) {
      if (cancelled(entry)) throw new JobCancelled(name);
      entry.state = 'failed';
      throw error;
    } finally {
      entry.stop = null;
      this.release(entry);
    }
  }

  private place(entry: Entry): Promise<void> {
    if (this.running < this.limit) {
      this.running++;
      entry.placed = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      entry.wake = resolve;
      this.waiting.push(entry);
    });
  }

  private release(entry: Entry): void {
    if (!entry.placed) return;
    entry.placed = false;
    const next = this.waiting.shift();
    if (!next) {
      this.running--;
      return;
    }
    // The freed place passes straight to the next job in the queue.
    next.placed = true;
    next.wake?.();
    next.wake = null;
  }

  private forgetOld(): void {
    const finished = [...this.entries].filter(([, e]) => e.state !== 'queued' && e.state !== 'running');
    for (const [name] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.entries.delete(name);
  }

  /** How far a job is; an id never started (or long forgotten) is not-found. */
  progress(id: string): { job: string; state: JobState } & JobProgress {
    const entry = this.entries.get(id);
    if (!entry) throw new DataError('not-found', `There is no job "${id}" (it never started, or ended long ago).`);
    return { job: id, state: entry.state, ...entry.progress };
  }

  /**
   * Stops a queued or running job; one already ended is left as it ended (`cancelled: false`). An id not
   * seen yet is a call still on its way (Cancel pressed as it started): it is cancelled when it arrives.
   */
  cancel(id: string): { job: string; cancelled: boolean } {
    const entry = this.entries.get(id);
    if (!entry) {
      const early: Entry = {
        state: 'cancelled',
        progress: { done: 0, total: 0, phase: 'cancelled' },
        stop: null,
        placed: false,
        wake: null,
        early: true,
      };
      this.entries.set(id, early);
      this.forgetOld();
      return { job: id, cancelled: true };
    }
    if (entry.state !== 'queued' && entry.state !== 'running') return { job: id, cancelled: false };
    entry.state = 'cancelled';
    entry.progress = { ...entry.progress, phase: 'cancelled' };
    entry.stop?.();
    // A queued job leaves the queue at once; its call then answers that it was cancelled.
    const queued = this.waiting.indexOf(entry);
    if (queued >= 0) {
      this.waiting.splice(queued, 1);
      entry.wake?.();
      entry.wake = null;
    }
    return { job: id, cancelled: true };
  }

  /** Jobs working or waiting now. */
  get active(): number {
    return [...this.entries.values()].filter((e) => e.state === 'queued' || e.state === 'running').length;
  }
}
