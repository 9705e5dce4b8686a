import type { Db } from '../project-file';
import { stmt } from '../statements';

/** Where a code sits in a framework: its root, a cell (row × column) or a slice value. */
export interface FrameworkPlace {
  codeId: number;
  frameworkId: number;
  framework: string;
  role: 'root' | 'cell' | 'slice';
  /** The cell's row and column, or the slice value's name in `row`. */
  row: string | null;
  column: string | null;
}

/** Every code that belongs to a framework (or the one asked for), and as what: the one place this is read. */
export function frameworkPlaces(db: Db, codeId: number | null = null): FrameworkPlace[] {
  return stmt(
    db,
    `SELECT * FROM (
       SELECT f.root_code_id AS codeId, f.id AS frameworkId, f.name AS framework, 'root' AS role, NULL AS row, NULL AS "column"
         FROM frameworks f
       UNION ALL
       SELECT c.code_id, f.id, f.name, 'cell', r.name, k.name
         FROM framework_cells c
         JOIN framework_values r ON r.id = c.row_value_id
         JOIN framework_values k ON k.id = c.column_value_id
         JOIN frameworks f ON f.id = r.framework_id
       UNION ALL
       SELECT v.code_id, f.id, f.name, 'slice', v.name, NULL
         FROM framework_values v JOIN frameworks f ON f.id = v.framework_id
        WHERE v.axis = 'slice' AND v.code_id IS NOT NULL)
     WHERE @code IS NULL OR codeId = @code`,
  ).all({ code: codeId }) as FrameworkPlace[];
}

/** Codes of the project that are no framework's codes (the root of a framework and everything under it). */
export function nonFrameworkCodeIds(db: Db): number[] {
  return (
    stmt(
      db,
      `WITH RECURSIVE framework_codes(id) AS (
         SELECT root_code_id FROM frameworks
         UNION SELECT c.id FROM codes c JOIN framework_codes f ON c.parent_id = f.id)
       SELECT id FROM codes WHERE id NOT IN (SELECT id FROM framework_codes) ORDER BY sort, id`,
    ).all() as { id: number }[]
  ).map((r) => r.id);
}
