// Two coders: a copy of the project for a second coder, and merging a coder's file back.
import { z } from 'zod';
import { getCoder } from '../../../db/queries/coders';
import { MAX_PROJECT_BYTES } from '../../../shared/protocol';
import { coderCopyBytes } from '../../services/coder-copy';
import { mergeProject, prepareMerge, readReceivedProject } from '../../services/merge';
import { method } from '../define';
import { id } from '../schemas';

// The file travels as base64 inside JSON: 4/3 of its size, plus room for the rest.
const MERGE_BODY_BYTES = Math.ceil(MAX_PROJECT_BYTES / 3) * 4 + 1024 * 1024;

export const mergeMethods = {
  'project.copyForCoder': method({
    summary:
      "A new project file (base64) with the same documents, cases, codebook and frameworks (same GUIDs), keeping only the chosen coders' codings.",
    kind: 'query',
    args: z.strictObject({ keepCoderIds: z.array(id).max(1000).default([]) }),
    handler: (session, args) => {
      for (const coderId of args.keepCoderIds) getCoder(session.db, coderId);
      const copy = coderCopyBytes(session.db, args.keepCoderIds);
      return { fileName: copy.fileName, mimeType: copy.mimeType, base64: copy.data.toString('base64'), segments: copy.segments };
    },
  }),
  'project.merge': method({
    summary:
      'Merges another project file (its bytes, base64) into this one in one transaction: documents by content, codes and coders by GUID then name, segments by GUID; returns a report and the pre-merge copy.',
    kind: 'mutation',
    args: z.strictObject({
      name: z.string().trim().min(1).max(1024),
      bytes: z.base64().max(MERGE_BODY_BYTES),
    }),
    emits: ['documents-changed', 'coders-changed', 'codebook-changed', 'segments-changed', 'history-changed'],
    maxBodyBytes: MERGE_BODY_BYTES,
    // Reading the file, refusing a bad one and copying the project happen before the transaction opens.
    prepare: (session, args) => {
      const source = readReceivedProject(Buffer.from(args.bytes, 'base64'), args.name);
      return Promise.resolve({ source, preMergeCopy: prepareMerge(session.db, session.file, source, args.name) });
    },
    handler: (session, args, { source, preMergeCopy }) => mergeProject(session.db, source, args.name, preMergeCopy),
  }),
};
