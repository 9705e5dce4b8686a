import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { currentCoderId } from '../../../db/queries/coders';
import { insertSegment, listSegments } from '../../../db/queries/segments';
import { method } from '../define';
import { id } from '../schemas';

const offset = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

export const segmentMethods = {
  'segments.create': method({
    summary: 'Codes a passage: one segment (code-point offsets, end exclusive) with one or more codes, by the given or the current coder.',
    kind: 'mutation',
    args: z.strictObject({
      documentId: id,
      start: offset,
      end: offset,
      codeIds: z.array(id).min(1).max(100),
      coderId: id.optional(),
      memo: z.string().max(100_000).optional(),
    }),
    emits: ['segments-changed'],
    undo: () => 'Apply code',
    handler: (session, args) => {
      const coderId = args.coderId ?? currentCoderId(session.db);
      if (coderId === null) throw new DataError('invalid', 'Choose a coder before coding.');
      const segmentId = insertSegment(session.db, { ...args, coderId });
      return listSegments(session.db, { documentId: args.documentId }).find((s) => s.id === segmentId)!;
    },
  }),
};
