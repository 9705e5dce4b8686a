import { useState, type CSSProperties } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { CellRef, MatrixSpec } from './matrix-settings';
import type { TranscriptTarget } from '../transcript/types';
import { useQuery } from '../common/use-query';
import { ExcerptItems, type Excerpt } from '../excerpts/ExcerptItems';

type Matrix = ResultOf<'matrix.get'>;

export const MATRIX_EVENTS = ['segments-changed', 'codebook-changed', 'documents-changed', 'coders-changed'] as const;

const PAGE = 50;
/** The API serves at most this many excerpts at once. */
const MOST = 500;

interface Props {
  spec: MatrixSpec;
  matrix: Matrix;
  cell: CellRef;
  /** The excerpt last shown in the transcript, kept marked. */
  current: number | null;
  onShow: (target: TranscriptTarget, excerpt: Excerpt) => void;
  onClose: () => void;
}

/** The excerpts behind a cell or a theme chip, listed as the excerpts view lists them. Keyed by its cell. */
export function MatrixExcerpts({ spec, matrix, cell, current, onShow, onClose }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const excerpts = useQuery('matrix.excerpts', { ...spec, ...cell, limit }, MATRIX_EVENTS);
  const template = useQuery('excerpts.citationTemplate', {}, []);
  const row = matrix.rows.find((r) => r.key === cell.row)?.name;
  const column = matrix.columns.find((c) => c.key === cell.column)?.name;
  const theme = matrix.themes.find((t) => t.id === cell.themeId);
  const data = excerpts.data;
  return (
    <aside className="matrix-excerpts" aria-label="Excerpts">
      <header className="excerpts-header">
        <h3>
          {row} × {column}
          {theme && (
            <span className="theme-chip static" style={{ '--chip': theme.color } as CSSProperties}>
              {theme.name}
            </span>
          )}
        </h3>
        <button type="button" className="icon-button" aria-label="Close excerpts" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="hint excerpts-count" role="status">
        {excerpts.error
          ? `The excerpts could not be loaded: ${excerpts.error.message}`
          : data
            ? `${data.total} ${data.total === 1 ? 'excerpt' : 'excerpts'}`
            : 'Loading…'}
      </p>
      {data && (
        <ExcerptItems
          excerpts={data.excerpts}
          template={template.data?.template ?? null}
          current={current}
          onShow={(x) => onShow({ documentId: x.documentId, start: x.start, end: x.end }, x)}
        />
      )}
      {data && data.total > data.excerpts.length && limit < MOST && (
        <button type="button" className="more" onClick={() => setLimit(Math.min(MOST, limit + PAGE))}>
          Show {Math.min(PAGE, data.total - data.excerpts.length)} more
        </button>
      )}
      {data && data.total > MOST && limit >= MOST && (
        <p className="hint pad">The first {MOST} are listed; filter the matrix to narrow them down.</p>
      )}
    </aside>
  );
}
