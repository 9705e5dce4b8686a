import { DataError } from '../errors';
import { newGuid } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';
import { checkCodeName, createCode, getCode, updateCode } from './codes';
import { getMeta } from './meta';

export type Axis = 'row' | 'column' | 'slice';

export interface FrameworkValueDef {
  name: string;
  description?: string;
  color?: string;
  /** Fixed identities (the default MGF's), so separately created projects agree without matching names. */
  guid?: string;
  /** A slice value's code. */
  codeGuid?: string;
}

export interface FrameworkDef {
  name: string;
  guid?: string;
  /** The framework's grouping code. */
  rootGuid?: string;
  description?: string;
  rowLabel: string;
  columnLabel: string;
  sliceLabel?: string | null;
  rows: FrameworkValueDef[];
  columns: FrameworkValueDef[];
  slices?: FrameworkValueDef[];
  /** Cell colours by "Row × Column"; cells without one get the next palette colour. */
  cellColors?: Record<string, string>;
  /** Cell definitions by "Row × Column" (e.g. MGF's "Institutional design"). */
  cellDescriptions?: Record<string, string>;
  /** Cell codes' GUIDs by "Row × Column". */
  cellGuids?: Record<string, string>;
}

export interface FrameworkValue {
  id: number;
  name: string;
  description: string;
}

export interface Framework {
  id: number;
  guid: string;
  name: string;
  description: string;
  rowLabel: string;
  columnLabel: string;
  sliceLabel: string | null;
  rootCodeId: number;
  rows: FrameworkValue[];
  columns: FrameworkValue[];
  slices: (FrameworkValue & { codeId: number })[];
  cells: { rowId: number; columnId: number; codeId: number }[];
}

export interface StoredValue {
  id: number;
  frameworkId: number;
  axis: Axis;
  name: string;
  description: string;
  codeId: number | null;
}

export const cellCodeName = (row: string, column: string): string => `${row} × ${column}`;

const AXIS_WORD: Record<Axis, string> = { row: 'row', column: 'column', slice: 'slice value' };

/** A row's or column's name: it becomes part of its cells' code names. */
function checkValueName(db: Db, frameworkId: number, axis: Axis, raw: string, except = 0): string {
  const name = checkCodeName(raw);
  if (name.includes('×')) throw new DataError('invalid', `Framework values cannot contain "×" (it joins a row and a column): "${name}".`);
  if (
    stmt(db, 'SELECT 1 FROM framework_values WHERE framework_id = ? AND axis = ? AND name = ? COLLATE NOCASE AND id <> ?').get(
      frameworkId,
      axis,
      name,
      except,
    )
  ) {
    throw new DataError('conflict', `This framework already has a ${AXIS_WORD[axis]} named "${name}".`);
  }
  return name;
}

export function checkFrameworkName(db: Db, raw: string, except = 0): string {
  const name = checkCodeName(raw);
  if (stmt(db, 'SELECT 1 FROM frameworks WHERE name = ? AND id <> ?').get(name, except)) {
    throw new DataError('conflict', `A framework named "${name}" already exists.`);
  }
  return name;
}

/** The definition a cell gets when none is given, e.g. "Locus: System; Level: Directive." */
const defaultCellDescription = (f: Pick<Framework, 'rowLabel' | 'columnLabel'>, row: string, column: string) =>
  `${f.rowLabel}: ${row}; ${f.columnLabel}: ${column}.`;

export function getFrameworkValue(db: Db, id: number): StoredValue {
  const row = stmt(
    db,
    'SELECT id, framework_id AS frameworkId, axis, name, description, code_id AS codeId FROM framework_values WHERE id = ?',
  ).get(id) as StoredValue | undefined;
  if (!row) throw new DataError('not-found', `There is no framework row, column or slice value with id ${id}.`);
  return row;
}

/**
 * Adds a row, column or slice value at the end of its axis, with its codes: a row or column gets one cell
 * code per value of the other axis, a slice value one code. `style` supplies colours and definitions by code name.
 */
export function insertFrameworkValue(
  db: Db,
  frameworkId: number,
  axis: Axis,
  value: FrameworkValueDef,
  style: (codeName: string) => { color?: string; description?: string; guid?: string } = () => ({}),
): number {
  const framework = getFramework(db, frameworkId);
  const name = checkValueName(db, frameworkId, axis, value.name);
  const description = value.description?.trim() ?? '';
  const codeId =
    axis === 'slice'
      ? createCode(db, {
          parentId: framework.rootCodeId,
          name,
          color: value.color ?? style(name).color,
          description: description || style(name).description,
          guid: value.codeGuid,
        })
      : null;
  const valueId = Number(
    stmt(
      db,
      `INSERT INTO framework_values (guid, framework_id, axis, name, description, sort, code_id)
       VALUES (?, ?, ?, ?, ?, (SELECT ifnull(max(sort), -1) + 1 FROM framework_values WHERE framework_id = ? AND axis = ?), ?)`,
    ).run(value.guid ?? newGuid(), frameworkId, axis, name, description, frameworkId, axis, codeId).lastInsertRowid,
  );
  if (axis !== 'slice') {
    const addCell = stmt(db, 'INSERT INTO framework_cells (row_value_id, column_value_id, code_id) VALUES (?, ?, ?)');
    for (const other of axis === 'row' ? framework.columns : framework.rows) {
      const [row, column] = axis === 'row' ? [name, other.name] : [other.name, name];
      const cellName = cellCodeName(row, column);
      const given = style(cellName);
      const cellId = createCode(db, {
        parentId: framework.rootCodeId,
        name: cellName,
        color: given.color,
        description: given.description ?? defaultCellDescription(framework, row, column),
        guid: given.guid,
      });
      if (axis === 'row') addCell.run(valueId, other.id, cellId);
      else addCell.run(other.id, valueId, cellId);
    }
  }
  arrangeFrameworkCodes(db, frameworkId);
  return valueId;
}

/** Creates a framework: a grouping code named after it, one code per cell and one per slice value. */
export function createFramework(db: Db, def: FrameworkDef): number {
  if (def.rows.length === 0 || def.columns.length === 0) {
    throw new DataError('invalid', `Framework "${def.name}" needs at least one row and one column.`);
  }
  const name = checkFrameworkName(db, def.name);
  const rootCodeId = createCode(db, {
    parentId: null,
    name,
    codable: false,
    color: '#79706E',
    description: def.description ?? '',
    guid: def.rootGuid,
  });
  const frameworkId = Number(
    stmt(
      db,
      `INSERT INTO frameworks (guid, name, description, row_label, column_label, slice_label, root_code_id, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM frameworks))`,
    ).run(
      def.guid ?? newGuid(),
      name,
      def.description ?? '',
      def.rowLabel.trim(),
      def.columnLabel.trim(),
      def.sliceLabel?.trim() || null,
      rootCodeId,
    ).lastInsertRowid,
  );
  const style = (codeName: string) => ({
    color: def.cellColors?.[codeName],
    description: def.cellDescriptions?.[codeName],
    guid: def.cellGuids?.[codeName],
  });
  for (const row of def.rows) insertFrameworkValue(db, frameworkId, 'row', row, style);
  for (const column of def.columns) insertFrameworkValue(db, frameworkId, 'column', column, style);
  for (const slice of def.slices ?? []) insertFrameworkValue(db, frameworkId, 'slice', slice);
  return frameworkId;
}

export function listFrameworks(db: Db): Framework[] {
  const frameworks = stmt(
    db,
    `SELECT id, guid, name, description, row_label AS rowLabel, column_label AS columnLabel, slice_label AS sliceLabel,
            root_code_id AS rootCodeId FROM frameworks ORDER BY sort, name`,
  ).all() as Omit<Framework, 'rows' | 'columns' | 'slices' | 'cells'>[];
  const values = stmt(
    db,
    'SELECT id, framework_id AS frameworkId, axis, name, description, code_id AS codeId FROM framework_values ORDER BY sort, id',
  ).all() as StoredValue[];
  const cells = stmt(
    db,
    `SELECT c.row_value_id AS rowId, c.column_value_id AS columnId, c.code_id AS codeId, r.framework_id AS frameworkId
       FROM framework_cells c JOIN framework_values r ON r.id = c.row_value_id JOIN framework_values k ON k.id = c.column_value_id
      ORDER BY r.sort, k.sort`,
  ).all() as { rowId: number; columnId: number; codeId: number; frameworkId: number }[];
  const pick = (frameworkId: number, axis: Axis) => values.filter((v) => v.frameworkId === frameworkId && v.axis === axis);
  const plain = ({ id, name, description }: StoredValue) => ({ id, name, description });
  return frameworks.map((f) => ({
    ...f,
    rows: pick(f.id, 'row').map(plain),
    columns: pick(f.id, 'column').map(plain),
    slices: pick(f.id, 'slice').map((v) => ({ ...plain(v), codeId: v.codeId! })),
    cells: cells.filter((c) => c.frameworkId === f.id).map(({ rowId, columnId, codeId }) => ({ rowId, columnId, codeId })),
  }));
}

export function getFramework(db: Db, id: number): Framework {
  const framework = listFrameworks(db).find((f) => f.id === id);
  if (!framework) throw new DataError('not-found', `There is no framework with id ${id}.`);
  return framework;
}

/** The framework the coding popover and the matrix show: the chosen one while it exists, else the first. */
export function activeFrameworkId(db: Db): number | null {
  const stored = Number(getMeta(db, 'active_framework_id'));
  const row = (stmt(db, 'SELECT id FROM frameworks WHERE id = ?').get(stored) ??
    stmt(db, 'SELECT id FROM frameworks ORDER BY sort, name LIMIT 1').get()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Orders a framework's codes as its grid reads: cells row by row, then slice values. */
function arrangeFrameworkCodes(db: Db, frameworkId: number): void {
  const f = getFramework(db, frameworkId);
  const order = [...f.cells.map((c) => c.codeId), ...f.slices.map((s) => s.codeId)];
  const setSort = stmt(db, 'UPDATE codes SET sort = ? WHERE id = ? AND sort <> ?');
  order.forEach((codeId, i) => setSort.run(i + 1, codeId, i + 1));
}

/**
 * Brings cell and slice codes in line with the framework after its names or labels changed: names follow,
 * and definitions that were the generated default follow too (hand-written ones stay).
 */
function syncFrameworkCodes(db: Db, before: Framework): void {
  const after = getFramework(db, before.id);
  const describe = (f: Framework, rowId: number, columnId: number) => {
    const row = f.rows.find((r) => r.id === rowId)!.name;
    const column = f.columns.find((c) => c.id === columnId)!.name;
    return { name: cellCodeName(row, column), description: defaultCellDescription(f, row, column) };
  };
  for (const cell of after.cells) {
    const was = before.cells.some((c) => c.codeId === cell.codeId) ? describe(before, cell.rowId, cell.columnId) : null;
    const now = describe(after, cell.rowId, cell.columnId);
    const code = getCode(db, cell.codeId);
    updateCode(db, cell.codeId, { name: now.name, description: was && code.description === was.description ? now.description : undefined });
  }
  for (const slice of after.slices) updateCode(db, slice.codeId, { name: slice.name });
  updateCode(db, after.rootCodeId, { name: after.name });
}

export interface FrameworkFields {
  name?: string;
  description?: string;
  rowLabel?: string;
  columnLabel?: string;
  sliceLabel?: string | null;
}

export function updateFramework(db: Db, id: number, fields: FrameworkFields): void {
  const before = getFramework(db, id);
  const label = (value: string | undefined, current: string) => (value === undefined ? current : value.trim() || current);
  stmt(
    db,
    `UPDATE frameworks SET name = @name, description = @description, row_label = @rowLabel, column_label = @columnLabel,
            slice_label = @sliceLabel WHERE id = @id`,
  ).run({
    id,
    name: fields.name === undefined ? before.name : checkFrameworkName(db, fields.name, id),
    description: (fields.description ?? before.description).trim(),
    rowLabel: label(fields.rowLabel, before.rowLabel),
    columnLabel: label(fields.columnLabel, before.columnLabel),
    sliceLabel: fields.sliceLabel === undefined ? before.sliceLabel : fields.sliceLabel?.trim() || null,
  });
  if (fields.description !== undefined) updateCode(db, before.rootCodeId, { description: fields.description });
  syncFrameworkCodes(db, before);
}

export function updateFrameworkValue(db: Db, id: number, fields: { name?: string; description?: string }): void {
  const value = getFrameworkValue(db, id);
  const before = getFramework(db, value.frameworkId);
  stmt(db, 'UPDATE framework_values SET name = ?, description = ? WHERE id = ?').run(
    fields.name === undefined ? value.name : checkValueName(db, value.frameworkId, value.axis, fields.name, id),
    (fields.description ?? value.description).trim(),
    id,
  );
  syncFrameworkCodes(db, before);
}

/** Moves a row, column or slice value to `index` on its axis. */
export function placeFrameworkValue(db: Db, id: number, index: number): void {
  const value = getFrameworkValue(db, id);
  const order = (
    stmt(db, 'SELECT id FROM framework_values WHERE framework_id = ? AND axis = ? AND id <> ? ORDER BY sort, id').all(
      value.frameworkId,
      value.axis,
      id,
    ) as {
      id: number;
    }[]
  ).map((r) => r.id);
  order.splice(Math.max(0, Math.min(index, order.length)), 0, id);
  const setSort = stmt(db, 'UPDATE framework_values SET sort = ? WHERE id = ? AND sort <> ?');
  order.forEach((valueId, i) => setSort.run(i, valueId, i));
  arrangeFrameworkCodes(db, value.frameworkId);
}

/** The codes a value brings into the framework: its cells (with the other axis's value) or its slice code. */
export function codesOfValue(db: Db, id: number): { codeId: number; otherValueId: number | null }[] {
  const value = getFrameworkValue(db, id);
  if (value.codeId !== null) return [{ codeId: value.codeId, otherValueId: null }];
  return stmt(
    db,
    `SELECT code_id AS codeId, CASE WHEN row_value_id = @id THEN column_value_id ELSE row_value_id END AS otherValueId
       FROM framework_cells WHERE row_value_id = @id OR column_value_id = @id`,
  ).all({ id }) as { codeId: number; otherValueId: number }[];
}

/** The cell code at a row and a column. */
export function cellCode(db: Db, rowId: number, columnId: number): number {
  return (
    stmt(db, 'SELECT code_id AS id FROM framework_cells WHERE row_value_id = ? AND column_value_id = ?').get(rowId, columnId) as {
      id: number;
    }
  ).id;
}

/** Takes a value out of its framework (cells and the value row); its codes stay for the caller to deal with. */
export function removeFrameworkValue(db: Db, id: number): void {
  stmt(db, 'DELETE FROM framework_cells WHERE row_value_id = @id OR column_value_id = @id').run({ id });
  stmt(db, 'DELETE FROM framework_values WHERE id = ?').run(id);
}

/** Takes a framework apart (cells, values, the framework row); its codes stay for the caller to deal with. */
export function removeFramework(db: Db, id: number): void {
  stmt(db, 'DELETE FROM framework_cells WHERE row_value_id IN (SELECT id FROM framework_values WHERE framework_id = ?)').run(id);
  stmt(db, 'DELETE FROM framework_values WHERE framework_id = ?').run(id);
  stmt(db, 'DELETE FROM frameworks WHERE id = ?').run(id);
}
