import { z } from 'zod';
import { exportResult } from '../../services/exported-file';
import { naming, sourceBytes, sourceFile } from '../../services/import/read';
import { projectQdpx } from '../../services/qdpx-export';
import { readQdpx, writeQdpx } from '../../services/qdpx-import';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { fileSource, UPLOAD_BODY_BYTES } from '../schemas';

export const qdpxMethods = {
  'qdpx.export': method({
    summary:
      'The whole project as a REFI-QDA project (.qdpx, base64): users, codebook, sets, cases and variables, texts with their coded selections, memos as notes; the report lists what REFI-QDA has no place for.',
    kind: 'query',
    args: z.strictObject({}),
    handler: (session) => {
      const { file, report } = projectQdpx(session.db);
      return { ...exportResult(file), report };
    },
  }),
  'qdpx.import': method({
    summary:
      'Adds a REFI-QDA project (.qdpx: its contents, or a path the person chose) to the open project in one transaction: text sources, codebook, users, cases, variables, notes and coded selections; the report lists what was corrected, rejected or skipped. For a new project, create it first (project.create).',
    kind: 'mutation',
    args: z.strictObject({ source: fileSource }),
    emits: ['documents-changed', 'coders-changed', 'codebook-changed', 'segments-changed'],
    maxBodyBytes: UPLOAD_BODY_BYTES,
    // The archive is unpacked (bounded) and checked whole before the transaction opens.
    prepare: (session, args) => {
      const source = requireChosenSource(session, args.source);
      return naming(sourceFile(source), () => Promise.resolve(readQdpx(sourceBytes(source)!)));
    },
    handler: (session, args, project) => writeQdpx(session.db, project, sourceFile(args.source)),
  }),
};
