import type { CSSProperties, KeyboardEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { CellRef, Display } from './matrix-settings';

type Matrix = ResultOf<'matrix.get'>;
type Cell = Matrix['cells'][number];
type Previews = ResultOf<'matrix.previews'>;

interface Props {
  matrix: Matrix;
  display: Display;
  themeLimit: number;
  previews: Previews | undefined;
  selected: CellRef | null;
  onSelect: (cell: CellRef) => void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A tint for heat maps: the accent colour at a strength from 0 to 1. */
const heat = (share: number): CSSProperties =>
  share > 0 ? { backgroundColor: `color-mix(in srgb, var(--heat) ${Math.round(8 + share * 62)}%, transparent)` } : {};

function Chips({ matrix, cell, limit, onSelect }: { matrix: Matrix; cell: Cell; limit: number; onSelect: (cell: CellRef) => void }) {
  const themes = new Map(matrix.themes.map((t) => [t.id, t]));
  const shown = limit > 0 ? cell.themes.slice(0, limit) : cell.themes;
  return (
    <ul className="theme-chips" aria-label="Themes">
      {shown.map((t) => {
        const theme = themes.get(t.codeId)!;
        return (
          <li key={t.codeId}>
            <button
              type="button"
              className="theme-chip"
              style={{ '--chip': theme.color } as CSSProperties}
              title={`${theme.path}${matrix.themeLevel === null ? '' : ' and the codes under it'}: ${plural(t.segments, 'segment')} of this cell`}
              onClick={() => onSelect({ row: cell.row, column: cell.column, themeId: t.codeId })}
            >
              {theme.name}
              <span className="chip-count"> · {t.segments}</span>
            </button>
          </li>
        );
      })}
      {shown.length < cell.themes.length && <li className="chip-more">+{cell.themes.length - shown.length} more</li>}
    </ul>
  );
}

/** Rows × columns; every cell a button opening its excerpts, chips opening one theme's. Arrow keys move between cells. */
export function MatrixGrid({ matrix, display, themeLimit, previews, selected, onSelect }: Props) {
  const most = Math.max(1, ...matrix.cells.map((c) => c.segments));
  const columnDocuments = new Map(matrix.columns.map((c) => [c.key, c.documents]));
  const rowName = new Map(matrix.rows.map((r) => [r.key, r.name]));
  const columnName = new Map(matrix.columns.map((c) => [c.key, c.name]));

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!move || !from) return;
    const [r, c] = from.dataset.cell!.split(',').map(Number) as [number, number];
    const next = e.currentTarget.querySelector<HTMLElement>(`[data-cell="${r + move[0]},${c + move[1]}"]`);
    if (!next) return;
    e.preventDefault();
    next.focus();
  };

  /** What a cell shows: a big number (some displays) and a line of detail; null for an empty cell's dash. */
  const shown = (cell: Cell): { number: string | null; detail: string } | null => {
    if (cell.segments === 0) return null;
    const share = cell.documents / Math.max(1, columnDocuments.get(cell.column) ?? 0);
    switch (display) {
      case 'counts':
      case 'heat-segments':
        return { number: String(cell.segments), detail: `${plural(cell.documents, 'doc')} · ${plural(cell.cases, 'case')}` };
      case 'heat-documents':
        return { number: `${Math.round(share * 100)}%`, detail: `${cell.documents} of ${columnDocuments.get(cell.column)} docs` };
      case 'chips':
        return {
          number: null,
          detail: `${plural(cell.segments, 'segment')} · ${plural(cell.documents, 'doc')} · ${plural(cell.cases, 'case')}`,
        };
      case 'excerpts':
        return { number: null, detail: `${plural(cell.segments, 'segment')} · ${plural(cell.documents, 'doc')}` };
    }
  };

  const body = (cell: Cell) => {
    const text = shown(cell);
    if (!text) return <span className="cell-empty">—</span>;
    return (
      <>
        {text.number !== null && <span className="cell-number">{text.number}</span>} <span className="cell-detail">{text.detail}</span>
      </>
    );
  };

  /** The cell's name: what it shows first (so a name spoken to voice control matches the screen), then where it is and its counts. */
  const label = (cell: Cell, row: string, column: string) => {
    const text = shown(cell);
    const where = `${row} × ${column}: ${plural(cell.segments, 'segment')}, ${plural(cell.documents, 'document')}, ${plural(cell.cases, 'case')}`;
    return text ? `${[text.number, text.detail].filter(Boolean).join(' ')}; ${where}` : where;
  };

  const extra = (cell: Cell, index: number) => {
    if (cell.segments === 0) return null;
    if (display === 'chips' && matrix.showsThemes) return <Chips matrix={matrix} cell={cell} limit={themeLimit} onSelect={onSelect} />;
    if (display !== 'excerpts') return null;
    const preview = previews?.[index];
    return (
      <ul className="cell-quotes">
        {preview?.excerpts.map((x) => (
          <li key={x.segmentId}>
            <q>{x.text}</q> <span className="quote-source">{x.document}</span>
          </li>
        ))}
        {preview && preview.total > preview.excerpts.length && (
          <li className="chip-more">+{preview.total - preview.excerpts.length} more</li>
        )}
      </ul>
    );
  };

  const style = (cell: Cell): CSSProperties =>
    display === 'heat-segments'
      ? heat(cell.segments / most)
      : display === 'heat-documents'
        ? heat(cell.documents / Math.max(1, columnDocuments.get(cell.column) ?? 0))
        : {};

  return (
    <table className={`matrix-grid display-${display}`} onKeyDown={onKeyDown} aria-label={matrix.title}>
      <thead>
        <tr>
          <th scope="col" className="corner">
            <span className="axis-label">{matrix.rowLabel}</span> \ <span className="axis-label">{matrix.columnLabel}</span>
          </th>
          {matrix.columns.map((c) => (
            <th key={c.key} scope="col" title={c.description || undefined}>
              {c.color && <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />} {c.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrix.rows.map((r, ri) => (
          <tr key={r.key}>
            <th scope="row" title={r.description || undefined}>
              {r.color && <span className="swatch" style={{ backgroundColor: r.color }} aria-hidden="true" />} {r.name}
            </th>
            {matrix.columns.map((c, ci) => {
              const index = ri * matrix.columns.length + ci;
              const cell = matrix.cells[index]!;
              const isSelected = selected?.row === r.key && selected.column === c.key;
              return (
                <td
                  key={c.key}
                  className={`cell${cell.segments === 0 ? ' empty' : ''}${isSelected ? ' selected' : ''}`}
                  style={style(cell)}
                >
                  <button
                    type="button"
                    className="cell-button"
                    data-cell={`${ri},${ci}`}
                    aria-pressed={isSelected}
                    aria-label={label(cell, rowName.get(r.key)!, columnName.get(c.key)!)}
                    onClick={() => onSelect({ row: r.key, column: c.key })}
                  >
                    {body(cell)}
                  </button>
                  {extra(cell, index)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
