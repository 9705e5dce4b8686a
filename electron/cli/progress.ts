// Long commands say how far they are on stderr, when stderr is a terminal: one line, rewritten in place
// and cleared at the end. Piped or redirected (and so in scripts), nothing is printed; stdout, where
// --json goes, is never touched.
import type { ArgsOf, MethodName, ResultOf } from '../api/methods';
import { dispatch } from '../api/dispatch';
import type { Session } from '../api/session';
import type { JobProgress } from '../services/jobs/registry';
import { call } from './command';

const POLL_MS = 200;

const shown = () => process.stderr.isTTY === true;

/** Writes one status line over the last one (nothing when stderr is not a terminal). */
export function statusLine(text: string): void {
  if (shown()) process.stderr.write(`\r\x1b[2K${text}`);
}

export function clearStatus(): void {
  if (shown()) process.stderr.write('\r\x1b[2K');
}

/** "Exporting: writing 1,200 of 10,000 (12%)", or the phase alone while the total is not known. */
export function describeProgress(label: string, p: JobProgress): string {
  if (p.total <= 0) return `${label}: ${p.phase}…`;
  const percent = Math.floor((Math.min(p.done, p.total) / p.total) * 100);
  return `${label}: ${p.phase} ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} (${percent}%)`;
}

type JobMethod = 'excerpts.export' | 'qdpx.export' | 'qdpx.import' | 'documents.import' | 'codebook.import';
let jobs = 0;

/** Calls a long method as a job and, on a terminal, prints its progress (jobs.progress) until it answers. */
export async function callWithProgress<M extends JobMethod & MethodName>(
  session: Session,
  method: M,
  args: ArgsOf<M>,
  label: string,
): Promise<ResultOf<M>> {
  if (!shown()) return call(session, method, args);
  const job = `cli-${process.pid}-${++jobs}`;
  statusLine(`${label}…`);
  const timer = setInterval(() => {
    void dispatch(session, 'jobs.progress', { job }).then((e) => {
      if (e.ok) statusLine(describeProgress(label, e.result as JobProgress));
    });
  }, POLL_MS);
  try {
    return await call(session, method, { ...args, job } as ArgsOf<M>);
  } finally {
    clearInterval(timer);
    clearStatus();
  }
}
