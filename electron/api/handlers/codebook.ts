// The codebook as a whole: its tree with counts, how codes are named, and its exchange as a file.
import { z } from 'zod';
import { codeRefLabels } from '../../../db/queries/code-refs';
import { codeTree } from '../../../db/queries/codes';
import { exportCodebook } from '../../services/codebook-export';
import { mergeCodebook } from '../../services/codebook-import';
import { exportResult } from '../../services/exported-file';
import { checkUploadSize, naming, sourceFile } from '../../services/import/read';
import { runInWorker } from '../../services/jobs/run-in-worker';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { fileSource, id, jobId, none, UPLOAD_BODY_BYTES } from '../schemas';

export const codebookMethods = {
  'codebook.tree': method({
    summary: 'The code tree with colours and counts (all coders, or one).',
    kind: 'query',
    args: z.strictObject({ coderId: id.optional() }),
    handler: (session, args) => codeTree(session.db, args.coderId ?? null),
  }),
  'codebook.refs': method({
    summary: 'How the CLI and exports name each code: paths, and framework cells/slices as "MGF:System/Constitutive".',
    kind: 'query',
    args: none,
    handler: (session) => [...codeRefLabels(session.db)].map(([id, ref]) => ({ id, ref })),
  }),
  'codebook.export': method({
    summary:
      'The codebook as a file (base64), named after the project: REFI-QDA .qdc, or a Markdown or DOCX appendix (definitions and counts).',
    kind: 'query',
    args: z.strictObject({ format: z.enum(['qdc', 'md', 'docx']) }),
    handler: async (session, args) => {
      const file = await exportCodebook(session.db, args.format);
      return { ...exportResult(file), codes: file.codes };
    },
  }),
  'codebook.import': method({
    summary:
      'Merges a REFI-QDA .qdc codebook (its contents, or a path the person chose) into the project (by GUID, then by name) and reports what it did.',
    kind: 'mutation',
    args: z.strictObject({ source: fileSource, job: jobId.optional() }),
    emits: ['codebook-changed'],
    undo: () => 'Import codebook',
    maxBodyBytes: UPLOAD_BODY_BYTES,
    // Parsed in a worker: an 18,000-code file keeps the API answering.
    prepare: async (session, { source, job }) => {
      requireChosenSource(session, source);
      await naming(sourceFile(source), async () => checkUploadSize(source));
      return session.jobs.run(job, (control) => runInWorker('codebook.read', { source }, control, { file: sourceFile(source) }));
    },
    handler: (session, args, book) => mergeCodebook(session.db, book, sourceFile(args.source)),
  }),
};
