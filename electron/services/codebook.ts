// The codebook's rules on top of db/queries/codes: what framework codes allow, merge, split and delete.
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { copySetMemberships } from '../../db/queries/code-sets';
import {
  carriesCode,
  childIds,
  codePath,
  createCode,
  deleteCodes,
  getCode,
  isInSubtree,
  moveCodings,
  placeCode,
  subtreeIds,
  uncodeImpact,
  updateCode,
  type CodeFields,
  type CodeRow,
  type NewCode,
  type UncodeImpact,
} from '../../db/queries/codes';
import { getFramework } from '../../db/queries/frameworks';
import { moveCodeMemos } from '../../db/queries/memos';

const REFUSED = { rename: 'renamed', move: 'moved', merge: 'merged into another code', delete: 'deleted' } as const;

/** Framework codes take their names and places from the framework: they are changed in the framework editor. */
function refuseFrameworkCode(db: Db, code: CodeRow, action: keyof typeof REFUSED): void {
  if (!code.framework) return;
  const framework = getFramework(db, code.framework.frameworkId).name;
  const why =
    code.framework.role === 'root'
      ? `it stands for the framework "${framework}"; ${action === 'rename' ? 'rename' : 'delete'} the framework itself in the framework editor`
      : `it is a ${code.framework.role === 'cell' ? 'cell' : 'slice value'} of the framework "${framework}"; change the framework in the framework editor`;
  throw new DataError('invalid', `"${code.name}" cannot be ${REFUSED[action]} here: ${why}.`);
}

/** No code goes inside a framework or one of its codes: a framework's codes are its cells and slice values. */
function refuseFrameworkParent(db: Db, parentId: number | null): void {
  if (parentId === null) return;
  const parent = getCode(db, parentId);
  if (parent.framework?.role === 'root') {
    throw new DataError(
      'invalid',
      `Codes cannot be added inside the framework "${parent.name}": add rows, columns or slice values in the framework editor.`,
    );
  }
  if (parent.framework) throw new DataError('invalid', `Codes cannot go inside "${parent.name}", which belongs to a framework.`);
}

export function addCode(db: Db, code: NewCode): number {
  refuseFrameworkParent(db, code.parentId);
  return createCode(db, code);
}

/** Renames, recolours, describes or (un)marks a code as codable, within the codebook's rules. */
export function editCode(db: Db, id: number, fields: CodeFields): CodeRow {
  const code = getCode(db, id);
  if (fields.name !== undefined && fields.name.trim() !== code.name) refuseFrameworkCode(db, code, 'rename');
  if (fields.codable !== undefined && fields.codable !== code.codable) {
    if (code.framework)
      throw new DataError('invalid', `"${code.name}" belongs to a framework, which decides whether it can be applied to text.`);
    if (!fields.codable && code.segments > 0) {
      throw new DataError(
        'invalid',
        `"${code.name}" is applied to ${code.segments} passage${code.segments === 1 ? '' : 's'} itself; split those into another code (or merge it) before making it a grouping code.`,
      );
    }
  }
  if (fields.exampleSegmentId !== undefined && fields.exampleSegmentId !== null) {
    if (!carriesCode(db, fields.exampleSegmentId, id, true))
      throw new DataError('invalid', `Segment ${fields.exampleSegmentId} is not coded with "${code.name}", so it cannot be its example.`);
  }
  updateCode(db, id, fields);
  return getCode(db, id);
}

/** Moves a code to `index` among the children of `parentId` (null: the top level). */
export function moveCode(db: Db, id: number, parentId: number | null, index: number): CodeRow {
  const code = getCode(db, id);
  if (code.framework?.role === 'root') {
    if (parentId !== null) throw new DataError('invalid', `"${code.name}" stands for a framework and stays at the top of the codebook.`);
  } else if (parentId !== code.parentId) {
    refuseFrameworkCode(db, code, 'move');
    refuseFrameworkParent(db, parentId);
  } else if (code.framework) {
    throw new DataError('invalid', `The order of a framework's codes follows its rows, columns and slice values.`);
  }
  placeCode(db, id, parentId, index);
  return getCode(db, id);
}

export interface MergeResult {
  target: string;
  moved: number;
  collapsed: number;
  children: number;
}

/**
 * Merges `sourceId` into `targetId`: every coding moves (a passage already carrying the target keeps one),
 * sub-codes, set memberships and memos follow, empty descriptions are filled from the source, and the
 * source goes. (The framework editor merges cells by first taking them out of their framework.)
 */
export function mergeCodes(db: Db, sourceId: number, targetId: number): MergeResult {
  const source = getCode(db, sourceId);
  const target = getCode(db, targetId);
  if (sourceId === targetId) throw new DataError('invalid', `A code cannot be merged into itself ("${source.name}").`);
  refuseFrameworkCode(db, source, 'merge');
  if (target.framework?.role === 'root')
    throw new DataError('invalid', `Codes cannot be merged into the framework "${target.name}" itself; choose one of its cells.`);
  if (isInSubtree(db, targetId, sourceId))
    throw new DataError('invalid', `"${source.name}" cannot be merged into "${target.name}", which is inside it.`);
  if (!target.codable && source.segments > 0) {
    throw new DataError(
      'invalid',
      `"${target.name}" is a grouping code and cannot carry the ${source.segments} codings of "${source.name}".`,
    );
  }
  const children = childIds(db, sourceId);
  if (children.length > 0 && target.framework) {
    throw new DataError('invalid', `"${source.name}" has sub-codes, which cannot go inside the framework code "${target.name}".`);
  }
  // Sub-codes go after the target's own, in their order.
  for (const child of children) placeCode(db, child, targetId, Number.MAX_SAFE_INTEGER);
  const { moved, collapsed } = moveCodings(db, sourceId, targetId, null);
  copySetMemberships(db, sourceId, targetId);
  moveCodeMemos(db, sourceId, targetId);
  const fill = (mine: string, theirs: string) => (mine.trim() ? mine : theirs);
  updateCode(db, targetId, {
    description: fill(target.description, source.description),
    inclusion: fill(target.inclusion, source.inclusion),
    exclusion: fill(target.exclusion, source.exclusion),
    exampleSegmentId: target.exampleSegmentId ?? source.exampleSegmentId,
  });
  deleteCodes(db, [sourceId]);
  return { target: codePath(db, targetId), moved, collapsed, children: children.length };
}

export type SplitTarget = { codeId: number } | { name: string; parentId?: number | null };

/** Moves the chosen passages of a code to another code, or to a new one (by default beside it). */
export function splitCode(
  db: Db,
  id: number,
  segmentIds: number[],
  target: SplitTarget,
): { targetId: number; moved: number; collapsed: number } {
  const code = getCode(db, id);
  for (const segment of segmentIds) {
    if (!carriesCode(db, segment, id, false)) throw new DataError('invalid', `Segment ${segment} is not coded with "${code.name}".`);
  }
  let targetId: number;
  if ('codeId' in target) {
    targetId = target.codeId;
    const other = getCode(db, targetId);
    if (targetId === id) throw new DataError('invalid', `Choose another code than "${code.name}" to move its passages to.`);
    if (!other.codable) throw new DataError('invalid', `"${other.name}" is a grouping code and cannot carry codings.`);
  } else {
    const besideFramework = code.framework !== null && target.parentId === undefined;
    targetId = addCode(db, {
      parentId: besideFramework ? null : target.parentId === undefined ? code.parentId : target.parentId,
      name: target.name,
    });
  }
  return { targetId, ...moveCodings(db, id, targetId, segmentIds) };
}

/** What deleting a code (and its sub-codes) would uncode. */
export function deleteImpact(db: Db, id: number): UncodeImpact & { path: string } {
  return { path: codePath(db, id), ...uncodeImpact(db, subtreeIds(db, id)) };
}

/** Deletes a code with its sub-codes and their codings; passages left with no code go too. */
export function deleteCode(db: Db, id: number): UncodeImpact & { path: string } {
  refuseFrameworkCode(db, getCode(db, id), 'delete');
  const impact = deleteImpact(db, id);
  deleteCodes(db, subtreeIds(db, id));
  return impact;
}
