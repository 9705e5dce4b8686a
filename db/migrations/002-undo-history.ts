import type { Db } from '../project-file';
import { installUndoTriggers } from '../undo';

// Persistent undo/redo: steps (one per undoable API call), their reversing SQL, and which step, if any,
// the triggers are recording right now.
export function up(db: Db): void {
  db.exec(`
CREATE TABLE undo_steps (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  coder_id   INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('done', 'undone'))
);
CREATE TABLE undo_log (
  seq       INTEGER PRIMARY KEY,
  step_id   INTEGER NOT NULL REFERENCES undo_steps(id) ON DELETE CASCADE,
  statement TEXT NOT NULL
);
CREATE INDEX undo_log_by_step ON undo_log(step_id, seq);
CREATE TABLE undo_recording (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  step_id INTEGER
);
INSERT INTO undo_recording (id, step_id) VALUES (1, NULL);
`);
  installUndoTriggers(db);
}
