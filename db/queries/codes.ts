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
    `SELECT c.id, c.guid, c.parent_id AS parentId, c.name, c.color, c.description, c.codable, c.sort,
            count(s.id) AS segments, count(DISTINCT s.document_id) AS documents
       FROM codes c
       LEFT JOIN segment_codes sc ON sc.code_id = c.id
       LEFT JOIN segments s ON s.id = sc.segment_id AND (@coder IS NULL OR s.coder_id = @coder)
      GROUP BY c.id
      ORDER BY c.sort, c.name COLLATE NOCASE`,
  ).all({ coder: coderId }) as (Omit<CodeRow, 'codable'> & { codable: number })[];
  return rows.map((r) => ({ ...r, codable: r.codable === 1 }));
}

/** Segment ids per code, used to count a subtree's distinct segments. */
function segmentIdsByCode(db: Db, coderId: number | null): Map<number, number[]> {
  const rows = stmt(
    db,
    `SELECT sc.code_id, sc.segment_id FROM segment_codes sc JOIN segments s ON s.id = sc.segment_id
      WHERE @coder IS NULL OR s.coder_id = @coder`,
  ).all({ coder: coderId }) as { code_id: number; segment_id: number }[];
  const map = new Map<number, number[]>();
  for (const r of rows) {
    let list = map.get(r.code_id);
    if (!list) map.set(r.code_id, (list = []));
    list.push(r.segment_id);
  }
  return map;
}

export function codeTree(db: Db, coderId: number | null = null): CodeNode[] {
  const rows = listCodes(db, coderId);
  const segmentIds = segmentIdsByCode(db, coderId);
  const byParent = new Map<number | null, CodeRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (row: CodeRow, parentPath: string): { node: CodeNode; ids: Set<number> } => {
    const path = parentPath ? `${parentPath}/${row.name}` : row.name;
    const ids = new Set(segmentIds.get(row.id) ?? []);
    const children = (byParent.get(row.id) ?? []).map((child) => {
      const built = build(child, path);
      for (const id of built.ids) ids.add(id);
      return built.node;
    });
    return { node: { ...row, path, segmentsWithChildren: ids.size, children }, ids };
  };
  return (byParent.get(null) ?? []).map((r) => build(r, '').node);
}

/** Finds a code by its path of names ("Themes/Duty to cooperate"), case-insensitively. */
export function findCodeByPath(db: Db, path: string): number | undefined {
  let parent = 0;
  for (const name of path.split('/').map((p) => p.trim())) {
    const row = stmt(db, 'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').get(parent, name) as
      | { id: number }
      | undefined;
    if (!row) return undefined;
    parent = row.id;
  }
  return parent || undefined;
}
