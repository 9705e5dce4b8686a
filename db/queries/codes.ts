import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import { isHexColor, nextColor } from '../palette';
import type { Db } from '../project-file';
import { stmt } from '../statements';

export interface CodeRow {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  codable: boolean;
  sort: number;
  /** Segments carrying this code itself. */
  segments: number;
  /** Documents with at least one such segment. */
  documents: number;
}

export interface CodeNode extends CodeRow {
  path: string;
  /** Distinct segments carrying this code or any code below it. */
  segmentsWithChildren: number;
  children: CodeNode[];
}

export interface NewCode {
  parentId: number | null;
  name: string;
  color?: string;
  description?: string;
  codable?: boolean;
}

export function createCode(db: Db, code: NewCode): number {
  const name = code.name.trim();
  if (!name) throw new DataError('invalid', 'A code needs a name.');
  if (name.includes('/')) throw new DataError('invalid', `Code names cannot contain "/" (it separates code paths): "${name}".`);
  if (code.parentId !== null && !stmt(db, 'SELECT 1 FROM codes WHERE id = ?').get(code.parentId)) {
    throw new DataError('not-found', `There is no parent code with id ${code.parentId}.`);
  }
  if (stmt(db, 'SELECT 1 FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').get(code.parentId ?? 0, name)) {
    throw new DataError('conflict', `A code named "${name}" already exists at that place in the codebook.`);
  }
  const color = code.color ?? nextColor((stmt(db, 'SELECT color FROM codes').all() as { color: string }[]).map((r) => r.color));
  if (!isHexColor(color)) throw new DataError('invalid', `"${color}" is not a colour like #4E79A7.`);
  const now = nowIso();
  return Number(
    stmt(
      db,
      `INSERT INTO codes (guid, parent_id, name, color, description, codable, sort, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM codes WHERE ifnull(parent_id, 0) = ?), ?, ?)`,
    ).run(newGuid(), code.parentId, name, color, code.description ?? '', code.codable === false ? 0 : 1, code.parentId ?? 0, now, now)
      .lastInsertRowid,
  );
}

/** Every code with its own counts, optionally for one coder's segments only. */
export function listCodes(db: Db, coderId: number | null = null): CodeRow[] {
  const rows = stmt(
    db,
    `WITH counts AS (
       SELECT code_id, count(*) AS segments, count(DISTINCT document_id) AS documents
         FROM segment_codes
        WHERE @coder IS NULL OR coder_id = @coder
        GROUP BY code_id)
     SELECT c.id, c.guid, c.parent_id AS parentId, c.name, c.color, c.description, c.codable, c.sort,
            ifnull(n.segments, 0) AS segments, ifnull(n.documents, 0) AS documents
       FROM codes c LEFT JOIN counts n ON n.code_id = c.id
      ORDER BY c.sort, c.name COLLATE NOCASE`,
  ).all({ coder: coderId }) as (Omit<CodeRow, 'codable'> & { codable: number })[];
  return rows.map((r) => ({ ...r, codable: r.codable === 1 }));
}

/** Distinct segments under each code (itself and all descendants): a segment with two sibling codes counts once. */
function subtreeCounts(db: Db, coderId: number | null): Map<number, number> {
  const rows = stmt(
    db,
    `WITH RECURSIVE lineage(code_id, ancestor_id) AS (
       SELECT id, id FROM codes
       UNION ALL
       SELECT l.code_id, c.parent_id FROM lineage l JOIN codes c ON c.id = l.ancestor_id WHERE c.parent_id IS NOT NULL)
     SELECT l.ancestor_id AS id, count(DISTINCT sc.segment_id) AS n
       FROM lineage l
       JOIN segment_codes sc ON sc.code_id = l.code_id
      WHERE @coder IS NULL OR sc.coder_id = @coder
      GROUP BY l.ancestor_id`,
  ).all({ coder: coderId }) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function codeTree(db: Db, coderId: number | null = null): CodeNode[] {
  const rows = listCodes(db, coderId);
  const totals = subtreeCounts(db, coderId);
  const byParent = new Map<number | null, CodeRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (row: CodeRow, parentPath: string): CodeNode => {
    const path = parentPath ? `${parentPath}/${row.name}` : row.name;
    const children = (byParent.get(row.id) ?? []).map((child) => build(child, path));
    return { ...row, path, segmentsWithChildren: totals.get(row.id) ?? 0, children };
  };
  return (byParent.get(null) ?? []).map((r) => build(r, ''));
}

/** Finds a code by its path of names ("Themes/Duty to cooperate"), case-insensitively. */
export function findCodeByPath(db: Db, path: string): number | undefined {
  let parent = 0;
  for (const name of path.split('/').map((p) => p.trim())) {
    const row = stmt(db, 'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').get(parent, name) as
      { id: number } | undefined;
    if (!row) return undefined;
    parent = row.id;
  }
  return parent || undefined;
}
