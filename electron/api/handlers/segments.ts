// Segments: the coded passages, with their codes, coder and memo.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { ensureCodePath, requireCodeRef } from '../../../db/queries/code-refs';
import { currentCoderId, ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import {
  addSegmentCodes,
  deleteSegment,
  getSegment,
  insertSegment,
  listSegments,
  recentCodeIds,
  removeSegmentCodes,
  updateSegment,
} from '../../../db/queries/segments';
import { method } from '../define';
import { id, memo, name, offset, withText } from '../schemas';
import type { Session } from '../session';

const ids = z.array(id).max(200);

function coderFor(session: Session, coder: string | undefined, coderId: number | undefined): number {
  if (coder !== undefined) return ensureCoder(session.db, coder).id;
  // insertSegment checks that the coder exists.
  if (coderId !== undefined) return coderId;
  const current = currentCoderId(session.db);
  if (current === null) throw new DataError('invalid', 'Choose a coder first (the coder menu in the status bar).');
  return current;
}

const createArgs = z.strictObject({
  documentId: id,
  start: offset,
  end: offset,
  codeIds: ids.optional(),
  /** Codebook paths or framework references ("MGF:System/Constitutive", "MGF:National"). */
  codeRefs: z.array(z.string().min(1).max(500)).max(200).optional(),
  /** Create missing codes named by codeRefs (paths only; framework cells must exist). */
  createMissing: z.boolean().optional(),
  /** New codes to create and apply, e.g. an in-vivo code named after the selected words. */
  newCodes: z
    .array(z.strictObject({ name, parentId: id.nullable() }))
    .max(20)
    .optional(),
  /** A coder name (created on first use), or an existing coder's id; the current coder when both are absent. */
  coder: name.optional(),
  coderId: id.optional(),
  memo: memo.optional(),
});

const updateArgs = z.strictObject({
  id,
  start: offset.optional(),
  end: offset.optional(),
  memo: memo.optional(),
  addCodeIds: ids.optional(),
  removeCodeIds: ids.optional(),
  newCodes: z
    .array(z.strictObject({ name, parentId: id.nullable() }))
    .max(20)
    .optional(),
});

function updateLabel(args: z.output<typeof updateArgs>): string {
  if (args.start !== undefined || args.end !== undefined) return 'Resize coding';
  if (args.addCodeIds?.length || args.newCodes?.length) return 'Add code';
  if (args.removeCodeIds?.length) return 'Remove code';
  return 'Edit coding memo';
}

export const segmentMethods = {
  'segments.list': method({
    summary: 'Coded segments with their text and codes, optionally for one document or coder (withText: false leaves text out).',
    kind: 'query',
    args: z.strictObject({ documentId: id.optional(), coderId: id.optional(), withText }),
    handler: (session, args) => listSegments(session.db, args),
  }),
  'segments.create': method({
    summary: 'Codes a passage: one segment (code-point offsets, end exclusive) by the current or named coder.',
    kind: 'mutation',
    args: createArgs,
    // Codebook and coder views reload only when this call could have created a code or a coder.
    emits: (args) => [
      'segments-changed',
      ...(args.newCodes?.length || args.createMissing ? (['codebook-changed'] as const) : []),
      ...(args.coder !== undefined ? (['coders-changed'] as const) : []),
    ],
    undo: () => 'Code passage',
    handler: (session, args) => {
      const { db } = session;
      const refs = (args.codeRefs ?? []).map((ref) =>
        args.createMissing && !ref.includes(':') ? ensureCodePath(db, ref) : requireCodeRef(db, ref),
      );
      const created = (args.newCodes ?? []).map((code) => createCode(db, code));
      const segmentId = insertSegment(db, {
        documentId: args.documentId,
        coderId: coderFor(session, args.coder, args.coderId),
        start: args.start,
        end: args.end,
        codeIds: [...(args.codeIds ?? []), ...refs, ...created],
        memo: args.memo ?? '',
      });
      return getSegment(db, segmentId);
    },
  }),
  'segments.update': method({
    summary: "Moves a segment's boundaries, edits its memo, adds or removes codes (removing the last code deletes it).",
    kind: 'mutation',
    args: updateArgs,
    emits: (args) => ['segments-changed', ...(args.newCodes?.length ? (['codebook-changed'] as const) : [])],
    undo: updateLabel,
    handler: (session, args) => {
      const { db } = session;
      if (args.start !== undefined || args.end !== undefined || args.memo !== undefined) {
        updateSegment(db, args.id, { start: args.start, end: args.end, memo: args.memo });
      }
      const added = [...(args.addCodeIds ?? []), ...(args.newCodes ?? []).map((code) => createCode(db, code))];
      if (added.length) addSegmentCodes(db, args.id, added);
      const exists = args.removeCodeIds?.length ? removeSegmentCodes(db, args.id, args.removeCodeIds) : true;
      return exists ? getSegment(db, args.id) : null;
    },
  }),
  'segments.delete': method({
    summary: 'Deletes a coded segment.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: ['segments-changed'],
    undo: () => 'Delete coding',
    handler: (session, args) => {
      deleteSegment(session.db, args.id);
      return null;
    },
  }),
  'segments.recentCodes': method({
    summary: 'The codes the current coder applied most recently, newest first.',
    kind: 'query',
    args: z.strictObject({}),
    handler: (session) => {
      const coder = currentCoderId(session.db);
      return coder === null ? [] : recentCodeIds(session.db, coder);
    },
  }),
};
