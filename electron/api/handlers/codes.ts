// Codes: creating, editing, moving, merging, splitting and deleting them, and what each one holds.
import { z } from 'zod';
import { codeCountsByCoder, codeSegments, exampleQuotes, getCode } from '../../../db/queries/codes';
import { addCode, deleteCode, deleteImpact, editCode, mergeCodes, moveCode, splitCode } from '../../services/codebook';
import { method } from '../define';
import { id, longText as text, name } from '../schemas';

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

export const codeMethods = {
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
    summary:
      'One code with its counts in all and per coder (with and without its sub-codes) and its example quote; with coderId, ' +
      "only that coder's counts, and the example only when it is that coder's passage (blind coding).",
    kind: 'query',
    args: z.strictObject({ id, coderId: id.optional() }),
    handler: (session, { id: codeId, coderId = null }) => ({
      code: getCode(session.db, codeId, coderId),
      byCoder: codeCountsByCoder(session.db, codeId, coderId),
      example: exampleQuotes(session.db, codeId, coderId).get(codeId) ?? null,
    }),
  }),
  'codes.segments': method({
    summary:
      "Passages coded with a code (optionally or with its sub-codes), with their text, document and coder; with coderId, only that coder's.",
    kind: 'query',
    args: z.strictObject({
      id,
      withChildren: z.boolean().optional(),
      limit: z.number().int().min(1).max(5000).optional(),
      coderId: id.optional(),
    }),
    handler: (session, args) =>
      codeSegments(session.db, getCode(session.db, args.id).id, args.withChildren ?? false, args.limit ?? 500, args.coderId ?? null),
  }),
};
