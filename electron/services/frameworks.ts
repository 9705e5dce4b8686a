// Editing frameworks: values come and go with their cell codes; deleting one says what happens to its codings.
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import {
  codePath,
  createCode,
  deleteCodes,
  placeCode,
  subtreeIds,
  uncodeImpact,
  uniqueName,
  type UncodeImpact,
} from '../../db/queries/codes';
import {
  cellCode,
  codesOfValue,
  getFramework,
  getFrameworkValue,
  removeFramework,
  removeFrameworkValue,
} from '../../db/queries/frameworks';
import { setMeta } from '../../db/queries/meta';
import { mergeCodes } from './codebook';

/** What happens to the codings of a deleted value: removed, merged into another value's codes, or kept as ordinary codes. */
export type CodingsChoice = { codings: 'uncode' } | { codings: 'keep' } | { codings: 'merge'; intoValueId: number };

export function valueImpact(db: Db, id: number): UncodeImpact {
  return uncodeImpact(
    db,
    codesOfValue(db, id).map((c) => c.codeId),
  );
}

export function frameworkImpact(db: Db, id: number): UncodeImpact {
  return uncodeImpact(db, subtreeIds(db, getFramework(db, id).rootCodeId));
}

export function deleteFrameworkValue(db: Db, id: number, choice: CodingsChoice): { kept: string | null } {
  const value = getFrameworkValue(db, id);
  const framework = getFramework(db, value.frameworkId);
  if (value.axis !== 'slice' && (value.axis === 'row' ? framework.rows : framework.columns).length === 1) {
    throw new DataError(
      'invalid',
      `"${value.name}" is the framework's last ${value.axis}; a framework needs at least one row and one column.`,
    );
  }
  const into = choice.codings === 'merge' ? getFrameworkValue(db, choice.intoValueId) : null;
  if (into && (into.id === id || into.frameworkId !== value.frameworkId || into.axis !== value.axis)) {
    throw new DataError('invalid', `The codings of "${value.name}" can only move to another ${value.axis} of the same framework.`);
  }
  const codes = codesOfValue(db, id);
  removeFrameworkValue(db, id);
  if (choice.codings === 'uncode')
    deleteCodes(
      db,
      codes.map((c) => c.codeId),
    );
  if (into) {
    for (const { codeId, otherValueId } of codes) {
      const target =
        otherValueId === null
          ? into.codeId!
          : value.axis === 'row'
            ? cellCode(db, into.id, otherValueId)
            : cellCode(db, otherValueId, into.id);
      mergeCodes(db, codeId, target);
    }
  }
  if (choice.codings !== 'keep') return { kept: null };
  // A new top-level grouping code takes them in, e.g. "System (from MGF)".
  const keeper = createCode(db, { parentId: null, name: uniqueName(db, null, `${value.name} (from ${framework.name})`), codable: false });
  codes.forEach((c, i) => placeCode(db, c.codeId, keeper, i));
  return { kept: codePath(db, keeper) };
}

/** Deletes a framework; its codes either go with their codings or stay as an ordinary part of the codebook. */
export function deleteFramework(db: Db, id: number, codings: 'uncode' | 'keep'): void {
  const { rootCodeId } = getFramework(db, id);
  removeFramework(db, id);
  if (codings === 'uncode') deleteCodes(db, subtreeIds(db, rootCodeId));
}

export function setActiveFramework(db: Db, id: number): void {
  getFramework(db, id);
  setMeta(db, 'active_framework_id', String(id));
}
