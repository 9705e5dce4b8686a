import { DataError } from '../errors';
import type { Db } from '../project-file';
import { codeCatalog, createCode, findCodeByPath, siblingNamed } from './codes';
import { frameworkPlaces } from './framework-places';
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
  const labels = new Map(codeCatalog(db).map((c) => [c.id, c.path]));
  for (const p of frameworkPlaces(db)) {
    if (p.role === 'cell') labels.set(p.codeId, `${p.framework}:${p.row}/${p.column}`);
    if (p.role === 'slice') labels.set(p.codeId, `${p.framework}:${p.row}`);
  }
  return labels;
}

/** Finds a codebook path, creating the codes it names that do not exist yet (the CLI's "created on first use"). */
export function ensureCodePath(db: Db, path: string): number {
  const names = path.split('/').map((p) => p.trim());
  if (names.some((n) => !n)) throw new DataError('invalid', `"${path}" is not a code path like "Themes/Duty to cooperate".`);
  let parentId: number | null = null;
  for (const name of names) parentId = siblingNamed(db, parentId, name) ?? createCode(db, { parentId, name });
  return parentId!;
}
