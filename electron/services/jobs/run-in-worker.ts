// Runs one task in a worker thread, so the thread that answers the API stays free. The worker reports
// progress into the job; cancelling the job terminates the worker at once (mid-item, even mid-regex),
// and since workers never write to a project, a cancelled job leaves nothing behind.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { DataError, ProjectFileError } from '../../../db/errors';
import { fileNameOf } from '../import/read';
import type { JobControl } from './registry';
import type { TaskInput, TaskName, TaskResult } from './tasks';
import type { WorkerError, WorkerMessage } from './worker';

/** Heap a job may use: a file that needs more is refused rather than taking the app down with it. */
export const JOB_MEMORY: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

/**
 * The bundled main process (dist/electron/main.cjs) starts its sibling job-worker.cjs; run from source
 * (tsx, Vitest), the worker boots tsx first.
 */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith('.cjs') ? new URL('./job-worker.cjs', here) : new URL('./boot.mjs', here);
}

function revive(error: WorkerError): Error {
  if (error.kind === 'data') return new DataError(error.problem, error.message);
  if (error.kind === 'project') return new ProjectFileError(error.problem, error.file, error.message);
  // SQLite's codes survive, so the API can still say "the disk is full" in words.
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

export interface WorkerOptions {
  /** The file the work is about (the project, or the file imported): named if the worker fails. */
  file: string;
  /** Other limits than JOB_MEMORY: such a worker is started for this task alone. */
  limits?: ResourceLimits;
}

/**
 * Workers that finished a task wait here for the next one, so only the first task pays for starting a
 * thread and loading its modules. Unreferenced while idle: they never keep a process (the CLI) alive.
 */
const idle: Worker[] = [];
const MAX_IDLE = 2;

/** Leaves the pool when it fails or dies idle (an 'error' without a listener would end the process). */
function dropIdle(this: Worker): void {
  const at = idle.indexOf(this);
  if (at >= 0) idle.splice(at, 1);
}

function takeWorker(limits: ResourceLimits | undefined): Worker {
  const reused = limits ? undefined : idle.pop();
  if (reused) {
    reused.off('exit', dropIdle).off('error', dropIdle);
    reused.ref();
    return reused;
  }
  return new Worker(workerEntry(), { resourceLimits: limits ?? JOB_MEMORY });
}

function giveBack(worker: Worker, pooled: boolean): void {
  if (!pooled || idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  worker.once('exit', dropIdle).once('error', dropIdle);
  idle.push(worker);
}

export function runInWorker<T extends TaskName>(
  task: T,
  input: TaskInput<T>,
  job: JobControl,
  options: WorkerOptions,
): Promise<TaskResult<T>> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker(options.limits);
    let settled = false;
    const crashed = (why: string) =>
      new DataError('invalid', `Trellis stopped working on "${fileNameOf(options.file)}": ${why}. Nothing was changed.`);
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'progress') job.report(message.progress);
      else if (message.type === 'result') settle(true, () => resolve(message.result as TaskResult<T>));
      else settle(true, () => reject(revive(message.error)));
    };
    const onError = (error: Error & { code?: string }) =>
      settle(false, () =>
        reject(crashed(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needed more memory than Trellis allows one task' : error.message)),
      );
    const onExit = (code: number) => settle(false, () => reject(crashed(`the worker ended unexpectedly (exit code ${code})`)));
    /** Ends the task; a worker that answered goes back to the pool, any other is terminated. */
    function settle(answered: boolean, end: () => void) {
      if (settled) return;
      settled = true;
      job.onCancel(null);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (answered) giveBack(worker, options.limits === undefined);
      else void worker.terminate();
      end();
    }
    // The job rejects the call itself (JobCancelled); here the worker only has to end, mid-task.
    job.onCancel(() => settle(false, () => reject(new Error('cancelled'))));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ task, input });
  });
}
