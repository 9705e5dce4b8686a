import { useState, type CSSProperties } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { CellRef, MatrixSpec } from './matrix-settings';
import type { TranscriptTarget } from '../transcript/types';
import { useQuery } from '../common/use-query';

type Matrix = ResultOf<'matrix.get'>;
type Excerpt = ResultOf<'matrix.excerpts'>['excerpts'][number];

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

/** The excerpts behind a cell or a theme chip: where each is, who coded it, with which codes. Keyed by its cell. */
export function MatrixExcerpts({ spec, matrix, cell, current, onShow, onClose }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const excerpts = useQuery('matrix.excerpts', { ...spec, ...cell, limit }, MATRIX_EVENTS);
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
      <ol className="excerpt-list">
        {data?.excerpts.map((x) => (
          <li key={x.segmentId}>
            <button
              type="button"
              id={`excerpt-${x.segmentId}`}
              className="excerpt"
              aria-current={current === x.segmentId ? 'true' : undefined}
              onClick={() => onShow({ documentId: x.documentId, start: x.start, end: x.end }, x)}
            >
              <span className="excerpt-meta">
                <strong>{x.document}</strong>
                {x.cases.length > 0 && ` · ${x.cases.join(', ')}`}
                {x.paragraph !== null && ` · ¶ ${x.paragraph}`}
                {x.speaker && ` · ${x.speaker}`} · coder {x.coder}
              </span>
              <span className="excerpt-text">{x.text}</span>
              <span className="excerpt-codes">
                {x.codes.map((c) => (
                  <span key={c.id} className="theme-chip static small" style={{ '--chip': c.color } as CSSProperties} title={c.path}>
                    {c.name}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
      </ol>
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
