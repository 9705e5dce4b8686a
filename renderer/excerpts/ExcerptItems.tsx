import type { CSSProperties } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { renderCitation } from '../../shared/citation';
import { groupRuns } from '../../shared/excerpt-groups';

export type Excerpt = ResultOf<'excerpts.list'>['excerpts'][number];

interface Props {
  excerpts: Excerpt[];
  /** Each excerpt's citation is rendered from this template; null shows none. */
  template: string | null;
  /** The excerpt last shown in the transcript, kept marked. */
  current: number | null;
  onShow: (excerpt: Excerpt) => void;
}

const paragraphs = (x: Excerpt) =>
  x.paragraphStart === null ? '' : ` · ¶ ${x.paragraphStart}${x.paragraphEnd !== x.paragraphStart ? `–${x.paragraphEnd}` : ''}`;

/**
 * Excerpts as the matrix's cells and the excerpts view list them: where each is, who coded it with which
 * codes, its memo and citation, under its group's heading. A click opens it in the transcript.
 */
export function ExcerptItems({ excerpts, template, current, onShow }: Props) {
  // An excerpt under two groups is listed twice; the first one is what "Back" returns to.
  const first = new Set<number>();
  const item = (x: Excerpt) => {
    const isFirst = !first.has(x.segmentId);
    first.add(x.segmentId);
    return (
      <li key={x.segmentId}>
        <button
          type="button"
          id={isFirst ? `excerpt-${x.segmentId}` : undefined}
          className="excerpt"
          aria-current={current === x.segmentId ? 'true' : undefined}
          onClick={() => onShow(x)}
        >
          <span className="excerpt-meta">
            <strong>{x.document}</strong>
            {x.case && ` · ${x.case}`}
            {paragraphs(x)}
            {x.speaker && ` · ${x.speaker}`} · coder {x.coder}
          </span>
          <span className="excerpt-text">{x.text}</span>
          {x.memo && <span className="excerpt-memo">Memo: {x.memo}</span>}
          {template !== null && <span className="excerpt-citation">{renderCitation(template, x)}</span>}
          <span className="excerpt-codes">
            {x.codes.map((c) => (
              <span key={c.id} className="theme-chip static small" style={{ '--chip': c.color } as CSSProperties} title={c.path}>
                {c.name}
              </span>
            ))}
          </span>
        </button>
      </li>
    );
  };
  return (
    <div className="excerpt-list">
      {groupRuns(excerpts).map((run, i) =>
        run.label === null ? (
          <ol key={i}>{run.items.map(item)}</ol>
        ) : (
          <section key={i} className="excerpt-group" aria-label={run.label}>
            <h4>{run.label}</h4>
            <ol>{run.items.map(item)}</ol>
          </section>
        ),
      )}
    </div>
  );
}
