// Long work (exports, reading imported files) runs as a job in a worker thread. The call that starts it
// may name it with `job`, an id the caller chooses, and ask about it meanwhile: these two methods.
import { z } from 'zod';
import { method } from '../define';
import { jobId } from '../schemas';

export const jobMethods = {
  'jobs.progress': method({
    summary:
      'How far a job is (one started with `job: ID` by excerpts.export, qdpx.export, qdpx.import, documents.import or codebook.import): its state (queued, running, done, failed, cancelled), done of total and phase.',
    kind: 'session',
    args: z.strictObject({ job: jobId }),
    handler: (session, { job }) => session.jobs.progress(job),
  }),
  'jobs.cancel': method({
    summary:
      'Stops a queued or running job: its worker ends, no file is produced and nothing in the project changes; the call that started it answers with the code "cancelled".',
    kind: 'session',
    args: z.strictObject({ job: jobId }),
    handler: (session, { job }) => session.jobs.cancel(job),
  }),
};
