import { DataError } from '../errors';
import { newGuid } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';
import { createCode } from './codes';

export interface FrameworkValueDef {
  name: string;
  description?: string;
  color?: string;
}

export interface FrameworkDef {
  name: string;
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

export const cellCodeName = (row: string, column: string): string => `${row} × ${column}`;

/** Creates a framework: a grouping code named after it, one code per cell and one per slice value. */
export function createFramework(db: Db, def: FrameworkDef): number {
  if (def.rows.length === 0 || def.columns.length === 0) {
    throw new DataError('invalid', `Framework "${def.name}" needs at least one row and one column.`);
  }
  if (stmt(db, 'SELECT 1 FROM frameworks WHERE name = ?').get(def.name.trim())) {
    throw new DataError('conflict', `A framework named "${def.name}" already exists.`);
  }
  const rootCodeId = createCode(db, {
    parentId: null,
    name: def.name,
    codable: false,
    color: '#79706E',
    description: def.description ?? '',
  });
  const frameworkId = Number(
    stmt(
      db,
      `INSERT INTO frameworks (guid, name, description, row_label, column_label, slice_label, root_code_id, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM frameworks))`,
    ).run(newGuid(), def.name.trim(), def.description ?? '', def.rowLabel, def.columnLabel, def.sliceLabel ?? null, rootCodeId)
      .lastInsertRowid,
  );
  const addValue = stmt(
    db,
    'INSERT INTO framework_values (guid, framework_id, axis, name, description, sort, code_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertValues = (axis: 'row' | 'column', values: FrameworkValueDef[]) =>
    values.map((v, i) => Number(addValue.run(newGuid(), frameworkId, axis, v.name, v.description ?? '', i, null).lastInsertRowid));
  const rowIds = insertValues('row', def.rows);
  const columnIds = insertValues('column', def.columns);
  const addCell = stmt(db, 'INSERT INTO framework_cells (row_value_id, column_value_id, code_id) VALUES (?, ?, ?)');
  def.rows.forEach((row, r) =>
    def.columns.forEach((column, c) => {
      const name = cellCodeName(row.name, column.name);
      const codeId = createCode(db, {
        parentId: rootCodeId,
        name,
        color: def.cellColors?.[name],
        description: def.cellDescriptions?.[name] ?? `${def.rowLabel}: ${row.name}; ${def.columnLabel}: ${column.name}.`,
      });
      addCell.run(rowIds[r], columnIds[c], codeId);
    }),
  );
  (def.slices ?? []).forEach((slice, i) => {
    const codeId = createCode(db, { parentId: rootCodeId, name: slice.name, color: slice.color, description: slice.description ?? '' });
    addValue.run(newGuid(), frameworkId, 'slice', slice.name, slice.description ?? '', i, codeId);
  });
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
  ).all() as (FrameworkValue & { frameworkId: number; axis: string; codeId: number | null })[];
  const cells = stmt(
    db,
    `SELECT c.row_value_id AS rowId, c.column_value_id AS columnId, c.code_id AS codeId, v.framework_id AS frameworkId
       FROM framework_cells c JOIN framework_values v ON v.id = c.row_value_id`,
  ).all() as { rowId: number; columnId: number; codeId: number; frameworkId: number }[];
  const pick = (frameworkId: number, axis: string) =>
    values
      .filter((v) => v.frameworkId === frameworkId && v.axis === axis)
      .map(({ id, name, description, codeId }) => ({ id, name, description, codeId }));
  return frameworks.map((f) => ({
    ...f,
    rows: pick(f.id, 'row').map(({ id, name, description }) => ({ id, name, description })),
    columns: pick(f.id, 'column').map(({ id, name, description }) => ({ id, name, description })),
    slices: pick(f.id, 'slice').map((v) => ({ ...v, codeId: v.codeId! })),
    cells: cells.filter((c) => c.frameworkId === f.id).map(({ rowId, columnId, codeId }) => ({ rowId, columnId, codeId })),
  }));
}
