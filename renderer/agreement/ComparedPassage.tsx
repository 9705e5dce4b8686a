import { useEffect, useRef } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { ApiEvent } from '../../shared/protocol';
import { useQuery } from '../common/use-query';
import { type Coverage, passageRuns } from './passage-runs';

type Disagreement = ResultOf<'agreement.disagreements'>['disagreements'][number];

interface Props {
  /** The two coders compared, first ("A") and second ("B"), by id and name. */
  coders: [{ id: number; name: string }, { id: number; name: string }];
  current: Disagreement;
}

const EVENTS: readonly ApiEvent[] = ['segments-changed', 'documents-changed'];

/** What each coverage is called: the legend and the screen-reader text both say it, so colour is never alone. */
const label = (coverage: Exclude<Coverage, 'neither'>, [a, b]: Props['coders']) =>
  coverage === 'both' ? `both ${a.name} and ${b.name}` : `only ${coverage === 'A' ? a.name : b.name}`;
const TAG = { A: 'A', B: 'B', both: 'A+B' } as const;

/**
 * The speaker turns around the current disagreement, painted by who coded its code there: only A (blue,
 * rising hatch), only B (amber, falling hatch), both (green, solid, underlined), each run tagged A / B / A+B,
 * with the disagreement itself outlined.
 */
export function ComparedPassage({ coders, current }: Props) {
  const document = useQuery('documents.get', { id: current.documentId }, EVENTS);
  const segments = useQuery('segments.list', { documentId: current.documentId, withText: false }, EVENTS);
  const box = useRef<HTMLDivElement>(null);
  const doc = document.data?.id === current.documentId ? document.data : undefined;
  const loaded = doc !== undefined && segments.data !== undefined;
  // Bring each new disagreement into view (and only then: reading around it is not interrupted).
  useEffect(() => {
    if (loaded) box.current?.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  }, [loaded, current.documentId, current.codeId, current.start, current.side]);
  if (!doc || !segments.data) return null;
  const spans = (coderId: number) =>
    segments.data!.filter((s) => s.coderId === coderId && s.codeIds.includes(current.codeId)).map((s) => [s.start, s.end] as const);
  const [a, b] = [spans(coders[0].id), spans(coders[1].id)];
  // The turns the disagreement touches, whole.
  const turns = doc.paragraphs.filter((p) => p.end > current.start && p.start < current.end);
  const start = turns[0]?.start ?? current.start;
  const end = turns.at(-1)?.end ?? current.end;
  const runs = passageRuns(doc.text, start, end, a, b);
  return (
    <section className="compared-passage" aria-label="Passage compared">
      <p className="compared-legend" aria-label="Legend">
        {(['A', 'B', 'both'] as const).map((c) => (
          <span key={c} className={`cover cover-${c}`}>
            <span className="cover-tag">{TAG[c]}</span> {label(c, coders)}
          </span>
        ))}
      </p>
      <div className="compared-text" ref={box} tabIndex={0} aria-label={`${current.document}, ${current.code}`}>
        {runs.map((r) => {
          const isCurrent = r.start < current.end && r.end > current.start && r.coverage === current.side;
          if (r.coverage === 'neither') return <span key={r.start}>{r.text}</span>;
          return (
            <mark
              key={r.start}
              className={`cover cover-${r.coverage}${isCurrent ? ' current' : ''}`}
              data-coverage={r.coverage}
              title={label(r.coverage, coders)}
            >
              <span className="cover-tag" aria-hidden="true">
                {TAG[r.coverage]}
              </span>
              <span className="visually-hidden">[{label(r.coverage, coders)}: </span>
              {r.text}
              <span className="visually-hidden">]</span>
            </mark>
          );
        })}
      </div>
    </section>
  );
}
