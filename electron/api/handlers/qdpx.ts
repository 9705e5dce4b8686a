import { z } from 'zod';
import { checkUploadSize, naming, sourceFile } from '../../services/import/read';
import { runInWorker } from '../../services/jobs/run-in-worker';
import { writeQdpx } from '../../services/qdpx-import';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { fileSource, jobId, UPLOAD_BODY_BYTES } from '../schemas';

export const qdpxMethods = {
  'qdpx.export': method({
    summary:
      'The whole project as a REFI-QDA project (.qdpx, base64): users, codebook, sets, cases and variables, texts with their coded selections, memos as notes; the report lists what REFI-QDA has no place for.',
    kind: 'query',
    args: z.strictObject({ job: jobId.optional() }),
    // Written in a worker from its own read-only connection (one committed state of the project).
    handler: (session, { job }) =>
      session.jobs.run(job, (control) => runInWorker('qdpx.export', { project: session.file }, control, { file: session.file })),
  }),
  'qdpx.import': method({
    summary:
      'Adds a REFI-QDA project (.qdpx: its contents, or a path the person chose) to the open project in one transaction: text sources, codebook, users, cases, variables, notes and coded selections; the report lists what was corrected, rejected or skipped. For a new project, create it first (project.create).',
    kind: 'mutation',
    args: z.strictObject({ source: fileSource, job: jobId.optional() }),
    emits: ['documents-changed', 'coders-changed', 'codebook-changed', 'segments-changed'],
    maxBodyBytes: UPLOAD_BODY_BYTES,
    // The archive is unpacked (bounded) and checked whole in a worker, before the transaction opens.
    prepare: async (session, args) => {
      const source = requireChosenSource(session, args.source);
      await naming(sourceFile(source), async () => checkUploadSize(source));
      return session.jobs.run(args.job, (control) => runInWorker('qdpx.read', { source }, control, { file: sourceFile(source) }));
    },
    handler: (session, args, project) => writeQdpx(session.db, project, sourceFile(args.source)),
  }),
};
