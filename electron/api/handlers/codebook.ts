import { z } from 'zod';
import { createCodeSet, deleteCodeSet, getCodeSet, listCodeSets, updateCodeSet } from '../../../db/queries/code-sets';
import { codeCountsByCoder, codeSegments, exampleQuotes, getCode } from '../../../db/queries/codes';
import { exportCodebook } from '../../services/codebook-export';
import { mergeCodebook, readCodebookSource } from '../../services/codebook-import';
import { exportResult } from '../../services/exported-file';
import { sourceFile } from '../../services/import/read';
import { addCode, deleteCode, deleteImpact, editCode, mergeCodes, moveCode, splitCode } from '../../services/codebook';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { fileSource, id, name, none, UPLOAD_BODY_BYTES } from '../schemas';

const text = z.string().max(20_000);
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #4E79A7')
  .transform((c) => c.toUpperCase());
const index = z.number().int().min(0).max(1_000_000);
const CODEBOOK = ['codebook-changed'] as const;
const RECODED = ['codebook-changed', 'segments-changed'] as const;

const updateArgs = z.strictObject({
  id,
  name: name.optional(),
  color: color.optional(),
  description: text.optional(),
  inclusion: text.optional(),
  exclusion: text.optional(),
  codable: z.boolean().optional(),
  exampleSegmentId: id.nullable().optional(),
});

/** The Undo menu's words for a code edit, after what it changes. */
function editLabel(args: z.output<typeof updateArgs>): string {
  if (args.name !== undefined) return 'Rename code';
  if (args.codable !== undefined) return args.codable ? 'Make code codable' : 'Make code a grouping code';
  if (args.color !== undefined) return 'Recolour code';
  if (args.exampleSegmentId !== undefined) return 'Choose example quote';
  return 'Describe code';
}

export const codebookMethods = {
  'codes.create': method({
    summary: 'Creates a code (under a parent, or at the top level) with the next palette colour unless one is given.',
    kind: 'mutation',
    args: z.strictObject({
      parentId: id.nullable(),
      name,
      color: color.optional(),
      description: text.optional(),
      codable: z.boolean().optional(),
    }),
    emits: CODEBOOK,
    undo: () => 'Create code',
    handler: (session, args) => getCode(session.db, addCode(session.db, args)),
  }),
  'codes.update': method({
    summary: 'Renames, recolours or describes a code (definition, inclusion, exclusion, example quote), or sets whether it is codable.',
    kind: 'mutation',
    args: updateArgs,
    emits: CODEBOOK,
    undo: editLabel,
    handler: (session, { id: codeId, ...fields }) => editCode(session.db, codeId, fields),
  }),
  'codes.move': method({
    summary: 'Moves a code to a position among the children of a parent (null: the top level): reorder or re-parent.',
    kind: 'mutation',
    args: z.strictObject({ id, parentId: id.nullable(), index }),
    emits: CODEBOOK,
    undo: () => 'Move code',
    handler: (session, args) => moveCode(session.db, args.id, args.parentId, args.index),
  }),
  'codes.merge': method({
    summary: 'Merges one code into another: codings move (duplicates collapse), sub-codes, sets and memos follow.',
    kind: 'mutation',
    args: z.strictObject({ sourceId: id, targetId: id }),
    emits: RECODED,
    undo: () => 'Merge codes',
    handler: (session, args) => mergeCodes(session.db, args.sourceId, args.targetId),
  }),
  'codes.split': method({
    summary: 'Moves chosen passages of a code to another code, or to a new code (by default beside it).',
    kind: 'mutation',
    args: z.strictObject({
      id,
      segmentIds: z.array(id).min(1).max(100_000),
      target: z.union([z.strictObject({ codeId: id }), z.strictObject({ name, parentId: id.nullable().optional() })]),
    }),
    emits: RECODED,
    undo: () => 'Split code',
    handler: (session, args) => splitCode(session.db, args.id, args.segmentIds, args.target),
  }),
  'codes.deletePreview': method({
    summary: 'What deleting a code would uncode: codes, codings, passages (and those left with no code), documents.',
    kind: 'query',
    args: z.strictObject({ id }),
    handler: (session, args) => deleteImpact(session.db, args.id),
  }),
  'codes.delete': method({
    summary: 'Deletes a code with its sub-codes and codings; passages left with no code are removed.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: RECODED,
    undo: () => 'Delete code',
    handler: (session, args) => deleteCode(session.db, args.id),
  }),
  'codes.details': method({
    summary: 'One code with its counts in all and per coder (with and without its sub-codes) and its example quote.',
    kind: 'query',
    args: z.strictObject({ id }),
    handler: (session, args) => ({
      code: getCode(session.db, args.id),
      byCoder: codeCountsByCoder(session.db, args.id),
      example: exampleQuotes(session.db, args.id).get(args.id) ?? null,
    }),
  }),
  'codes.segments': method({
    summary: 'Passages coded with a code (optionally or with its sub-codes), with their text, document and coder.',
    kind: 'query',
    args: z.strictObject({ id, withChildren: z.boolean().optional(), limit: z.number().int().min(1).max(5000).optional() }),
    handler: (session, args) => codeSegments(session.db, getCode(session.db, args.id).id, args.withChildren ?? false, args.limit ?? 500),
  }),
  'codeSets.list': method({
    summary: 'Code sets (named collections of codes across the tree) with their members.',
    kind: 'query',
    args: none,
    handler: (session) => listCodeSets(session.db),
  }),
  'codeSets.create': method({
    summary: 'Creates a code set, optionally with members.',
    kind: 'mutation',
    args: z.strictObject({ name, description: text.optional(), codeIds: z.array(id).max(100_000).optional() }),
    emits: CODEBOOK,
    undo: () => 'Create code set',
    handler: (session, args) => getCodeSet(session.db, createCodeSet(session.db, args)),
  }),
  'codeSets.update': method({
    summary: 'Renames or describes a code set, or replaces its members.',
    kind: 'mutation',
    args: z.strictObject({ id, name: name.optional(), description: text.optional(), codeIds: z.array(id).max(100_000).optional() }),
    emits: CODEBOOK,
    undo: (args) => (args.codeIds ? 'Change code set members' : 'Edit code set'),
    handler: (session, { id: setId, ...fields }) => {
      updateCodeSet(session.db, setId, fields);
      return getCodeSet(session.db, setId);
    },
  }),
  'codeSets.delete': method({
    summary: 'Deletes a code set (its codes stay).',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: CODEBOOK,
    undo: () => 'Delete code set',
    handler: (session, args) => deleteCodeSet(session.db, args.id),
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
    args: z.strictObject({ source: fileSource }),
    emits: CODEBOOK,
    undo: () => 'Import codebook',
    maxBodyBytes: UPLOAD_BODY_BYTES,
    prepare: async (session, args) => readCodebookSource(requireChosenSource(session, args.source)),
    handler: (session, args, book) => mergeCodebook(session.db, book, sourceFile(args.source)),
  }),
};
