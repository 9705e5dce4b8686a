import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ArgsOf, ResultOf } from '../../electron/api/methods';
import { sliceCodePoints } from '../../shared/offsets';
import { call } from '../common/api';
import type { CodeInfo } from './codebook-index';
import type { TranscriptDocument } from './lexical-document';
import { nudge } from './selection';

type Segment = ResultOf<'segments.list'>[number];
type Coder = ResultOf<'coders.list'>['coders'][number];

interface Props {
  segment: Segment;
  text: string;
  doc: TranscriptDocument;
  codes: Map<number, CodeInfo>;
  coders: Coder[];
  /** Whether keyboard resizing moves by words as the selection snaps to them (punctuation aside). */
  snap: boolean;
  onEditCodes(): void;
  onClose(): void;
  onError(error: Error): void;
}

/** The selected coding: its codes, memo and boundaries, each editable and undoable. */
export function SegmentPanel({ segment, text, doc, codes, coders, snap, onEditCodes, onClose, onError }: Props) {
  // The parent keys this panel by segment and memo, so the draft starts afresh when either changes.
  const [memo, setMemo] = useState(segment.memo);
  const coder = coders.find((c) => c.id === segment.coderId);
  const first = doc.paragraphAt(segment.start)?.n;
  const last = doc.paragraphAt(Math.max(segment.start, segment.end - 1))?.n;
  const excerpt = sliceCodePoints(text, segment.start, segment.end);

  const update = (change: Omit<ArgsOf<'segments.update'>, 'id'>) => call('segments.update', { id: segment.id, ...change }).catch(onError);

  const resize = (edge: 'start' | 'end', direction: 1 | -1, unit: 'word' | 'character') => {
    const moved = nudge(text, segment[edge], direction, unit, edge, snap);
    const start = edge === 'start' ? moved : segment.start;
    const end = edge === 'end' ? moved : segment.end;
    if (end > start) void update(edge === 'start' ? { start } : { end });
  };

  // Alt+←/→ moves the start by a word, Alt+Shift+←/→ the end; with Ctrl by one character.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest('input, textarea, select, [role="dialog"]')) return;
      if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        e.preventDefault();
        resize(e.shiftKey ? 'end' : 'start', e.key === 'ArrowRight' ? 1 : -1, e.ctrlKey ? 'character' : 'word');
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        void call('segments.delete', { id: segment.id }).then(onClose, onError);
      } else if (e.key === 'e' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        onEditCodes();
      } else if (e.key === 'm' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        document.getElementById('segment-memo')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const saveMemo = () => {
    if (memo !== segment.memo) void update({ memo });
  };
  const memoKeys = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) saveMemo();
    if (e.key === 'Escape') setMemo(segment.memo);
  };

  return (
    <section className="segment-panel" aria-label="Selected coding">
      <header className="segment-panel-head">
        <span className="swatch" style={{ backgroundColor: coder?.color }} />
        <strong>Coder {coder?.name}</strong>
        <span className="hint">
          ¶{first}
          {last !== first ? `–${last}` : ''} · {segment.start}–{segment.end} · {segment.end - segment.start} characters
        </span>
        <button type="button" className="icon-button" aria-label="Close coding details" onClick={onClose}>
          ×
        </button>
      </header>
      <blockquote className="segment-excerpt">{excerpt.length > 320 ? `${excerpt.slice(0, 320)}…` : excerpt}</blockquote>
      <div className="chip-row" role="group" aria-label="Codes of this coding">
        {segment.codeIds.map((id) => (
          <span key={id} className="chip on" title={codes.get(id)?.description || undefined}>
            <span className="swatch" style={{ backgroundColor: codes.get(id)?.color }} />
            {codes.get(id)?.path}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove code ${codes.get(id)?.path}`}
              onClick={() => void update({ removeCodeIds: [id] })}
            >
              ×
            </button>
          </span>
        ))}
        <button type="button" className="link-button" onClick={onEditCodes}>
          Edit codes (E)
        </button>
      </div>
      {segment.codeIds.some((id) => codes.get(id)?.description) && (
        <dl className="code-descriptions" aria-label="Code definitions">
          {segment.codeIds
            .filter((id) => codes.get(id)?.description)
            .map((id) => (
              <div key={id}>
                <dt>{codes.get(id)!.name}</dt>
                <dd>{codes.get(id)!.description}</dd>
              </div>
            ))}
        </dl>
      )}
      <div className="segment-controls">
        <label className="memo-field">
          Memo (M)
          <textarea
            id="segment-memo"
            rows={2}
            value={memo}
            onChange={(e) => setMemo(e.target.value)}
            onBlur={saveMemo}
            onKeyDown={memoKeys}
          />
        </label>
        <div className="resize-controls" role="group" aria-label="Boundaries">
          <span>Start</span>
          <button type="button" aria-label="Move start one word earlier" onClick={() => resize('start', -1, 'word')}>
            ◂
          </button>
          <button type="button" aria-label="Move start one word later" onClick={() => resize('start', 1, 'word')}>
            ▸
          </button>
          <span>End</span>
          <button type="button" aria-label="Move end one word earlier" onClick={() => resize('end', -1, 'word')}>
            ◂
          </button>
          <button type="button" aria-label="Move end one word later" onClick={() => resize('end', 1, 'word')}>
            ▸
          </button>
          <button type="button" className="danger" onClick={() => void call('segments.delete', { id: segment.id }).then(onClose, onError)}>
            Delete coding
          </button>
        </div>
      </div>
    </section>
  );
}
