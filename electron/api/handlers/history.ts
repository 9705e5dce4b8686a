import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { currentCoderId, findCoder } from '../../../db/queries/coders';
import { historyState, redoNext, undoLast } from '../../../db/undo';
import { method } from '../define';
import { name } from '../schemas';
import type { Session } from '../session';

// Undo and redo can put back a document (renamed, deleted, its text edited, its groups, case, recording or turn
// times) as well as codings.
const CHANGED = ['documents-changed', 'segments-changed', 'codebook-changed', 'history-changed'] as const;

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
    emits: CHANGED,
    handler: (session, args) => {
      const coderId = coderOf(session, args.coder);
      return { undone: undoLast(session.db, coderId), ...historyState(session.db, coderId) };
    },
  }),
  'history.redo': method({
    summary: "Redoes the coder's change undone last.",
    kind: 'mutation',
    args: byCoder,
    emits: CHANGED,
    handler: (session, args) => {
      const coderId = coderOf(session, args.coder);
      return { redone: redoNext(session.db, coderId), ...historyState(session.db, coderId) };
    },
  }),
};
