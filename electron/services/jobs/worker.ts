// A job worker's entry: runs the tasks it is sent, one at a time, and posts each one's progress, then its
// result or its error, to the thread that started it. Bundled as dist/electron/job-worker.cjs; run from source
// through boot.mjs.
import { parentPort } from 'node:worker_threads';
import { DataError, ProjectFileError } from '../../../db/errors';
import type { JobProgress } from './registry';
import { tasks, type TaskName } from './tasks';

/** An error as a message carries it: classes do not cross threads, so their kind travels in words. */
export type WorkerError =
  | { kind: 'data'; problem: DataError['problem']; message: string }
  | { kind: 'project'; problem: ProjectFileError['problem']; file: string; message: string }
  | { kind: 'other'; message: string; code?: string };

export type WorkerMessage =
  { type: 'progress'; progress: JobProgress } | { type: 'result'; result: unknown } | { type: 'error'; error: WorkerError };

function describe(error: unknown): WorkerError {
  if (error instanceof DataError) return { kind: 'data', problem: error.problem, message: error.message };
  if (error instanceof ProjectFileError) return { kind: 'project', problem: error.problem, file: error.file, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  return { kind: 'other', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);

/** Posts a step when the phase changes or a hundredth more is done: enough for a bar, few messages. */
function reporter(): (progress: JobProgress) => void {
  let last: JobProgress | null = null;
  return (progress) => {
    const step = Math.max(1, Math.floor(progress.total / 100));
    if (last && last.phase === progress.phase && progress.done - last.done < step && progress.done !== progress.total) return;
    last = progress;
    post({ type: 'progress', progress });
  };
}

// One task at a time: the pool (run-in-worker.ts) sends the next only once this one has answered.
port.on('message', ({ task, input }: { task: TaskName; input: never }) => {
  tasks[task](input, reporter()).then(
    (result) => post({ type: 'result', result }),
    (error: unknown) => post({ type: 'error', error: describe(error) }),
  );
});
