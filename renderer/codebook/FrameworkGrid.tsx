import type { ReactNode } from 'react';
import type { ResultOf } from '../../electron/api/methods';

export type Framework = ResultOf<'frameworks.list'>['frameworks'][number];
export type FrameworkCell = Framework['cells'][number];

interface Props {
  framework: Framework;
  label: string;
  /** The top-left header cell. */
  corner: ReactNode;
  /** 'picker' in the coding popover, 'preview' in the framework editor. */
  variant: 'picker' | 'preview';
  renderCell(cell: FrameworkCell, index: number, row: Framework['rows'][number], column: Framework['columns'][number]): ReactNode;
}

/** A framework's rows × columns as a table; what each cell shows is up to the caller. */
export function FrameworkGrid({ framework, label, corner, variant, renderCell }: Props) {
  return (
    <table className={`framework-grid ${variant}`} aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          {framework.columns.map((c) => (
            <th key={c.id} scope="col">
              {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {framework.rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            {framework.columns.map((c) => {
              const index = framework.cells.findIndex((x) => x.rowId === r.id && x.columnId === c.id);
              const cell = framework.cells[index];
              return <td key={c.id}>{cell && renderCell(cell, index, r, c)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
