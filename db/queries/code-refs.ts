import { DataError } from '../errors';
import type { Db } from '../project-file';
import { findCodeByPath } from './codes';
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
