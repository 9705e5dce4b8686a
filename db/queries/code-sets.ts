import { DataError } from '../errors';
import { newGuid } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

/** A named collection of codes across the tree (REFI-QDA "Set"). */
export interface CodeSet {
  id: number;
  guid: string;
  name: string;
  description: string;
  codeIds: number[];
}

export function listCodeSets(db: Db): CodeSet[] {
  const sets = stmt(db, 'SELECT id, guid, name, description FROM code_sets ORDER BY name COLLATE NOCASE').all() as Omit<
    CodeSet,
    'codeIds'
  >[];
  const members = stmt(db, 'SELECT set_id AS setId, code_id AS codeId FROM code_set_members ORDER BY code_id').all() as {
    setId: number;
    codeId: number;
  }[];
  return sets.map((s) => ({ ...s, codeIds: members.filter((m) => m.setId === s.id).map((m) => m.codeId) }));
}

export function getCodeSet(db: Db, id: number): CodeSet {
  const set = listCodeSets(db).find((s) => s.id === id);
  if (!set) throw new DataError('not-found', `There is no code set with id ${id}.`);
  return set;
}

function checkSetName(db: Db, raw: string, except = 0): string {
  const name = raw.trim();
  if (!name) throw new DataError('invalid', 'A code set needs a name.');
  if (stmt(db, 'SELECT 1 FROM code_sets WHERE name = ? AND id <> ?').get(name, except)) {
    throw new DataError('conflict', `There is already a code set named "${name}".`);
  }
  return name;
}

function setMembers(db: Db, id: number, codeIds: number[]): void {
  for (const codeId of codeIds) {
    if (!stmt(db, 'SELECT 1 FROM codes WHERE id = ?').get(codeId)) throw new DataError('not-found', `There is no code with id ${codeId}.`);
  }
  const keep = JSON.stringify(codeIds);
  stmt(db, 'DELETE FROM code_set_members WHERE set_id = ? AND code_id NOT IN (SELECT value FROM json_each(?))').run(id, keep);
  stmt(db, 'INSERT OR IGNORE INTO code_set_members (set_id, code_id) SELECT ?, value FROM json_each(?)').run(id, keep);
}

export function createCodeSet(db: Db, set: { name: string; description?: string; codeIds?: number[]; guid?: string }): number {
  const id = Number(
    stmt(db, 'INSERT INTO code_sets (guid, name, description) VALUES (?, ?, ?)').run(
      set.guid ?? newGuid(),
      checkSetName(db, set.name),
      set.description?.trim() ?? '',
    ).lastInsertRowid,
  );
  setMembers(db, id, set.codeIds ?? []);
  return id;
}

export function updateCodeSet(db: Db, id: number, fields: { name?: string; description?: string; codeIds?: number[] }): void {
  const set = getCodeSet(db, id);
  const name = fields.name === undefined ? set.name : checkSetName(db, fields.name, id);
  const description = (fields.description ?? set.description).trim();
  // Unchanged fields are not written: an import that changes nothing leaves no undo step.
  if (name !== set.name || description !== set.description) {
    stmt(db, 'UPDATE code_sets SET name = ?, description = ? WHERE id = ?').run(name, description, id);
  }
  if (fields.codeIds) setMembers(db, id, fields.codeIds);
}

export function deleteCodeSet(db: Db, id: number): void {
  getCodeSet(db, id);
  stmt(db, 'DELETE FROM code_sets WHERE id = ?').run(id);
}

/** Puts a code in every set another code is in (when the other is merged into it). */
export function copySetMemberships(db: Db, fromCodeId: number, toCodeId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO code_set_members (set_id, code_id) SELECT set_id, ? FROM code_set_members WHERE code_id = ?').run(
    toCodeId,
    fromCodeId,
  );
}
