import { useEffect, useRef } from 'react';
import type { ResultOf } from '../electron/api/methods';
import { codePointToUtf16 } from '../db/offsets';
import { useQuery } from './use-query';

type Case = ResultOf<'cases.list'>['cases'][number];

/** A passage another view asks the transcript to show (code points, end exclusive). */
export interface TranscriptTarget {
  documentId: number;
  start: number;
  end: number;
}

const formatTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * Read-only transcript: one block per speaker turn, numbered as exports will cite it. A target (from the
 * matrix's excerpts) scrolls its paragraph into view and marks it; `seq` tells a repeated request apart.
 */
export function TranscriptPane({
  documentId,
  cases,
  target = null,
}: {
  documentId: number | null;
  cases: Case[];
  target?: (TranscriptTarget & { seq: number }) | null;
}) {
  const doc = useQuery('documents.get', documentId === null ? null : { id: documentId }, ['documents-changed']);
  const data = doc.data?.id === documentId ? doc.data : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const targetParagraph =
    data && target?.documentId === data.id ? data.paragraphs.find((p) => p.start <= target.start && target.start <= p.end)?.n : undefined;
  const seq = target?.seq;
  useEffect(() => {
    if (targetParagraph !== undefined) scroller.current?.querySelector(`[data-n="${targetParagraph}"]`)?.scrollIntoView({ block: 'start' });
  }, [targetParagraph, seq]);
  if (!data) {
    return (
      <main className="pane transcript-pane" aria-label="Transcript">
        <p className="hint pad" role={doc.error ? 'alert' : undefined}>
          {doc.error ? `The document could not be opened: ${doc.error.message}` : documentId === null ? 'Choose a document.' : 'Loading…'}
        </p>
      </main>
    );
  }
  // The canonical text is the paragraphs joined by "\n", so its lines are the paragraphs.
  const lines = data.text.split('\n');
  const docCases = cases.filter((c) => data.caseIds.includes(c.id));
  return (
    <main className="pane transcript-pane" aria-label="Transcript">
      <header className="transcript-header">
        <h2>{data.name}</h2>
        <p className="transcript-meta">
          {docCases.map((c) => [c.name, ...Object.values(c.attributes).slice(0, 2)].join(' · ')).join('; ')}
          {docCases.length > 0 && ' — '}
          {data.paragraphs.length} turns · {data.characters.toLocaleString()} characters · {data.segments} segments
        </p>
      </header>
      <div ref={scroller} className="pane-scroll transcript-scroll" tabIndex={0} aria-label={`Text of ${data.name}`}>
        <ol className="transcript">
          {data.paragraphs.map((p, i) => {
            const line = lines[i] ?? '';
            const labelEnd = codePointToUtf16(line, p.bodyStart - p.start);
            return (
              // A new key replays the flash when the same paragraph is asked for again.
              <li
                key={p.n === targetParagraph ? `${p.n}:${seq}` : p.n}
                className={`turn${p.n === targetParagraph ? ' target' : ''}`}
                data-n={p.n}
                aria-current={p.n === targetParagraph ? 'location' : undefined}
              >
                <span className="turn-number" aria-hidden="true">
                  {p.n}
                </span>
                <p>
                  {p.timeMs !== null && <span className="turn-time">{formatTime(p.timeMs)}</span>}
                  {labelEnd > 0 && <span className="speaker">{line.slice(0, labelEnd)}</span>}
                  {line.slice(labelEnd)}
                </p>
              </li>
            );
          })}
        </ol>
      </div>
    </main>
  );
}
