// Memos on documents, codes, cases and the project (one each), and the list of every memo, coding memos included.
import { z } from 'zod';
import { currentCoderId } from '../../../db/queries/coders';
import { getMemo, listMemos, setMemo, type MemoTarget } from '../../../db/queries/memos';
import { exportResult } from '../../services/exported-file';
import { exportMemos } from '../../services/memo-export';
import { method } from '../define';
import { id, memo } from '../schemas';

const target = z.union([
  z.strictObject({ kind: z.enum(['document', 'code', 'case']), id }),
  z.strictObject({ kind: z.literal('project') }),
]);

const kinds = z
  .array(z.enum(['document', 'code', 'case', 'project', 'coding']))
  .max(5)
  .optional();

const LABEL = { document: 'Edit document memo', code: 'Edit code memo', case: 'Edit case memo', project: 'Edit project memo' } as const;

export const memoMethods = {
  'memos.get': method({
    summary: 'The memo on a document, code or case, or the project memo (empty when none was written).',
    kind: 'query',
    args: z.strictObject({ target }),
    handler: (session, args) => ({ target: args.target as MemoTarget, body: getMemo(session.db, args.target as MemoTarget) }),
  }),
  'memos.set': method({
    summary: 'Writes the memo on a document, code or case, or the project memo.',
    kind: 'mutation',
    args: z.strictObject({ target, body: memo }),
    emits: ['memos-changed'],
    undo: (args) => LABEL[args.target.kind],
    handler: (session, args) => {
      setMemo(session.db, args.target as MemoTarget, args.body, currentCoderId(session.db));
      return { target: args.target as MemoTarget, body: args.body };
    },
  }),
  'memos.list': method({
    summary:
      'Every written memo, newest first (object memos and coding memos), filtered by kind, author or words; with codingsBy, ' +
      "only that coder's coding memos (blind coding).",
    kind: 'query',
    args: z.strictObject({
      kinds,
      authorId: id.optional(),
      /** Coding memos of this coder's codings only (blind coding); object memos are everyone's notes and stay. */
      codingsBy: id.optional(),
      text: z.string().max(200).optional(),
    }),
    handler: (session, args) => listMemos(session.db, args),
  }),
  'memos.export': method({
    summary:
      'Every written memo (or those of some kinds, or by one author) as a DOCX or Markdown file: grouped by kind, each with its object (a coding memo with its passage, citation and codes), author and date.',
    kind: 'query',
    args: z.strictObject({ format: z.enum(['docx', 'md']), kinds, authorId: id.optional() }),
    handler: async (session, { format, ...filter }) => {
      const { memos, ...file } = await exportMemos(session.db, format, filter);
      return { ...exportResult(file), memos };
    },
  }),
};
