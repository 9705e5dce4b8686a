import type { Db } from '../project-file';
import { stmt } from '../statements';

/** Memos attached to one code now belong to another (when the first is merged into it). */
export function moveCodeMemos(db: Db, fromCodeId: number, toCodeId: number): void {
  stmt(db, 'UPDATE memos SET code_id = ? WHERE code_id = ?').run(toCodeId, fromCodeId);
}
