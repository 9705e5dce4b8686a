// Document groups: named sets of documents (a document may be in several), used as filters.
import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

export interface DocumentGroup {
  id: number;
  guid: string;
  name: string;
  /** Members in the project's document order. */
  documentIds: number[];
}

export function listDocumentGroups(db: Db): DocumentGroup[] {
  const groups = stmt(db, 'SELECT id, guid, name FROM document_groups ORDER BY sort, name COLLATE NOCASE').all() as Omit<
    DocumentGroup,
    'documentIds'
  >[];
  const members = stmt(
    db,
    'SELECT m.group_id AS groupId, m.document_id AS documentId FROM document_group_members m JOIN documents d ON d.id = m.document_id ORDER BY d.sort, d.id',
  ).all() as { groupId: number; documentId: number }[];
  const byGroup = new Map<number, number[]>(groups.map((g) => [g.id, []]));
  for (const m of members) byGroup.get(m.groupId)!.push(m.documentId);
  return groups.map((g) => ({ ...g, documentIds: byGroup.get(g.id)! }));
}

function requireGroup(db: Db, id: number): void {
  if (!stmt(db, 'SELECT 1 FROM document_groups WHERE id = ?').get(id))
    throw new DataError('not-found', `There is no document group with id ${id}.`);
}

function refuseTakenName(db: Db, name: string, except: number | null): void {
  const other = stmt(db, 'SELECT id FROM document_groups WHERE name = ?').pluck().get(name) as number | undefined;
  if (other !== undefined && other !== except) throw new DataError('conflict', `A document group named "${name}" already exists.`);
}

export function createDocumentGroup(db: Db, name: string, documentIds: number[] = []): number {
  const trimmed = name.trim();
  refuseTakenName(db, trimmed, null);
  const id = Number(
    stmt(
      db,
      'INSERT INTO document_groups (guid, name, created_at, sort) VALUES (?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM document_groups))',
    ).run(newGuid(), trimmed, nowIso()).lastInsertRowid,
  );
  if (documentIds.length) setDocumentGroupMembers(db, id, documentIds);
  return id;
}

export function renameDocumentGroup(db: Db, id: number, name: string): void {
  requireGroup(db, id);
  const trimmed = name.trim();
  refuseTakenName(db, trimmed, id);
  stmt(db, 'UPDATE document_groups SET name = ? WHERE id = ?').run(trimmed, id);
}

/** Deletes a group; its documents stay in the project. */
export function deleteDocumentGroup(db: Db, id: number): void {
  requireGroup(db, id);
  stmt(db, 'DELETE FROM document_groups WHERE id = ?').run(id);
}

/** Makes `documentIds` the group's members: only the rows that change are written (and undone). */
export function setDocumentGroupMembers(db: Db, id: number, documentIds: number[]): void {
  requireGroup(db, id);
  const wanted = new Set(documentIds);
  for (const d of wanted) {
    if (!stmt(db, 'SELECT 1 FROM documents WHERE id = ?').get(d)) throw new DataError('not-found', `There is no document with id ${d}.`);
  }
  const current = new Set(stmt(db, 'SELECT document_id FROM document_group_members WHERE group_id = ?').pluck().all(id) as number[]);
  for (const d of current) {
    if (!wanted.has(d)) stmt(db, 'DELETE FROM document_group_members WHERE group_id = ? AND document_id = ?').run(id, d);
  }
  for (const d of wanted) {
    if (!current.has(d)) stmt(db, 'INSERT INTO document_group_members (group_id, document_id) VALUES (?, ?)').run(id, d);
  }
}

/** The documents in any of the groups (refusing an unknown group), for the matrix and excerpt filters. */
export function documentsInGroups(db: Db, groupIds: number[]): number[] {
  for (const g of groupIds) requireGroup(db, g);
  return stmt(db, 'SELECT DISTINCT document_id FROM document_group_members WHERE group_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(groupIds)) as number[];
}
