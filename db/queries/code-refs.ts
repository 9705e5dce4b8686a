import { DataError } from '../errors';
import type { Db } from '../project-file';
import { stmt } from '../statements';
import { createCode, findCodeByPath } from './codes';
import { cellCodeName } from './frameworks';

/**
 * Resolves a code reference as the CLI and demo files write it: a codebook path ("Themes/Duty to
 * cooperate"), a framework cell ("MGF:System/Constitutive") or a framework slice value ("MGF:National").
 */
export function resolveCodeRef(db: Db, ref: string): number | undefined {
  const colon = ref.indexOf(':');
  if (colon < 0) return findCodeByPath(db, ref);
  const framework = ref.slice(0, colon).trim();
  const [row, column, ...rest] = ref
    .slice(colon + 1)
    .split('/')
    .map((p) => p.trim());
  if (rest.length > 0 || !row) return undefined;
  return findCodeByPath(db, column === undefined ? `${framework}/${row}` : `${framework}/${cellCodeName(row, column)}`);
}

export function requireCodeRef(db: Db, ref: string): number {
  const id = resolveCodeRef(db, ref);
  if (id === undefined) throw new DataError('not-found', `There is no code "${ref}".`);
  return id;
}

/**
 * How the CLI and exports name each code: framework cells as "MGF:System/Constitutive", slice values as
 * "MGF:National", every other code by its path ("Themes/Duty to cooperate").
 */
export function codeRefLabels(db: Db): Map<number, string> {
  const codes = stmt(db, 'SELECT id, parent_id AS parentId, name FROM codes').all() as {
    id: number;
    parentId: number | null;
    name: string;
  }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: number): string => {
    const code = byId.get(id)!;
    return code.parentId === null ? code.name : `${path(code.parentId)}/${code.name}`;
  };
  const labels = new Map(codes.map((c) => [c.id, path(c.id)]));
  const cells = stmt(
    db,
    `SELECT c.code_id AS codeId, f.name AS framework, r.name AS row, k.name AS col
       FROM framework_cells c
       JOIN framework_values r ON r.id = c.row_value_id
       JOIN framework_values k ON k.id = c.column_value_id
       JOIN frameworks f ON f.id = r.framework_id`,
  ).all() as { codeId: number; framework: string; row: string; col: string }[];
  for (const c of cells) labels.set(c.codeId, `${c.framework}:${c.row}/${c.col}`);
  const slices = stmt(
    db,
    `SELECT v.code_id AS codeId, f.name AS framework, v.name FROM framework_values v JOIN frameworks f ON f.id = v.framework_id
      WHERE v.axis = 'slice'`,
  ).all() as { codeId: number; framework: string; name: string }[];
  for (const s of slices) labels.set(s.codeId, `${s.framework}:${s.name}`);
  return labels;
}

/** Finds a codebook path, creating the codes it names that do not exist yet (the CLI's "created on first use"). */
export function ensureCodePath(db: Db, path: string): number {
  const names = path.split('/').map((p) => p.trim());
  if (names.some((n) => !n)) throw new DataError('invalid', `"${path}" is not a code path like "Themes/Duty to cooperate".`);
  let parentId: number | null = null;
  for (const name of names) {
    const found = stmt(db, 'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE').get(parentId ?? 0, name) as
      { id: number } | undefined;
    parentId = found ? found.id : createCode(db, { parentId, name });
  }
  return parentId!;
}
