import { COOCCURRENCE_SCHEMA, rebuildCooccurrence } from '../cooccurrence';
import type { Db } from '../project-file';

// Precomputed co-occurrence counts for the framework matrix (db/cooccurrence.ts), filled from the
// segments already in the project. Derived data: not part of the undo history (its triggers follow it).
export function up(db: Db): void {
  db.exec(COOCCURRENCE_SCHEMA);
  rebuildCooccurrence(db);
}
