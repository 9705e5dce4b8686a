import { historyState, redoNext, undoLast } from '../../../db/undo';
import { method } from '../define';
import { none } from '../schemas';

const CHANGED = ['segments-changed', 'codebook-changed', 'history-changed'] as const;

export const historyMethods = {
  'history.state': method({
    summary: 'What Undo and Redo would do next (their labels), if anything.',
    kind: 'query',
    args: none,
    handler: (session) => historyState(session.db),
  }),
  'history.undo': method({
    summary: 'Undoes the latest undoable change (kept in the project, so it works after a restart).',
    kind: 'mutation',
    args: none,
    emits: CHANGED,
    handler: (session) => ({ undone: undoLast(session.db), ...historyState(session.db) }),
  }),
  'history.redo': method({
    summary: 'Redoes the change undone last.',
    kind: 'mutation',
    args: none,
    emits: CHANGED,
    handler: (session) => ({ redone: redoNext(session.db), ...historyState(session.db) }),
  }),
};
