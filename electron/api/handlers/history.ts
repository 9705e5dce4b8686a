import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { currentCoderId, findCoder } from '../../../db/queries/coders';
import { historyState, redoNext, undoLast, type Step } from '../../../db/undo';
import { method } from '../define';
import { name } from '../schemas';
import type { Session } from '../session';

const CHANGED = ['segments-changed', 'codebook-changed', 'history-changed'] as const;
/** Tables whose rows the documents views show: their text, turns, groups, cases and recordings. */
const DOCUMENT_TABLES = new Set([
  'documents',
  'document_text_edits',
  'paragraphs',
  'paragraph_moves',
  'paragraph_renumbers',
  'case_documents',
  'document_attribute_values',
  'document_groups',
  'document_group_members',
  'cases',
  'attributes',
  'case_attribute_values',
  'document_media',
]);
/** A step undone or redone that wrote any of them changes the documents too (a coding step does not: no refetch of the text). */
const changed = (_: unknown, result: { undone?: Step | null; redone?: Step | null }) => {
  const step = result.undone ?? result.redone;
  return step?.tables.some((t) => DOCUMENT_TABLES.has(t)) ? [...CHANGED, 'documents-changed' as const] : CHANGED;
};

/** Whose history: a coder named in the call (the CLI's --coder), else the current coder. */
const byCoder = z.strictObject({ coder: name.optional() });

function coderOf(session: Session, coder: string | undefined): number | null {
  if (coder === undefined) return currentCoderId(session.db);
  const found = findCoder(session.db, coder);
  if (!found) throw new DataError('not-found', `There is no coder named "${coder}".`);
  return found.id;
}

export const historyMethods = {
  'history.state': method({
    summary: 'What Undo and Redo would do next for a coder (their labels), if anything: a coder undoes only their own changes.',
    kind: 'query',
    args: byCoder,
    handler: (session, args) => historyState(session.db, coderOf(session, args.coder)),
  }),
  'history.undo': method({
    summary: "Undoes the coder's latest change (kept in the project, so it works after a restart); never another coder's.",
    kind: 'mutation',
    args: byCoder,
    emits: changed,
    handler: (session, args) => {
      const coderId = coderOf(session, args.coder);
      return { undone: undoLast(session.db, coderId), ...historyState(session.db, coderId) };
    },
  }),
  'history.redo': method({
    summary: "Redoes the coder's change undone last.",
    kind: 'mutation',
    args: byCoder,
    emits: changed,
    handler: (session, args) => {
      const coderId = coderOf(session, args.coder);
      return { redone: redoNext(session.db, coderId), ...historyState(session.db, coderId) };
    },
  }),
};
