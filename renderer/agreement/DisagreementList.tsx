import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';

type Disagreement = ResultOf<'agreement.disagreements'>['disagreements'][number];

interface Props {
  coders: [string, string];
  /** Stretches of characters or whole speaker turns. */
  unit: 'character' | 'paragraph';
  items: Disagreement[];
  index: number;
  onStep: (index: number) => void;
  /** Settles the current disagreement into Consensus. */
  onReconcile: (d: Disagreement, decision: 'A' | 'B' | 'both' | 'neither', note: string) => Promise<void>;
  /** The current disagreement in its passage, shown below the decision. */
  passage?: ReactNode;
}

const DECIDED = { A: 'accepted A', B: 'accepted B', both: 'both', neither: 'neither' } as const;

/**
 * The spans where two coders differ, in document order, one of them current: Previous / Next, or the arrow
 * keys (and j / k) while the list has focus. Stepping opens the transcript at the span.
 */
export function DisagreementList({ coders, unit, items, index, onStep, onReconcile, passage }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const [note, setNote] = useState('');
  const current = items[index];
  const decide = (decision: 'A' | 'B' | 'both' | 'neither') => current && void onReconcile(current, decision, note).then(() => setNote(''));
  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  const step = (by: number) => items.length && onStep(Math.min(items.length - 1, Math.max(0, index + by)));
  return (
    <section className="disagreements" aria-label="Disagreements">
      <header>
        <h3>
          Disagreements {unit === 'paragraph' ? 'by speaker turn' : 'by character'} ({items.length})
        </h3>
        <button type="button" onClick={() => step(-1)} disabled={index <= 0}>
          Previous
        </button>
        <span className="position" aria-live="polite">
          {items.length ? `${index + 1} of ${items.length}` : 'none'}
        </span>
        <button type="button" onClick={() => step(1)} disabled={index >= items.length - 1}>
          Next
        </button>
      </header>
      {current && (
        <div className="reconcile" role="group" aria-label="Reconcile into Consensus">
          <input aria-label="Note" placeholder="Why (kept with the decision)" value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" onClick={() => decide('A')}>
            Accept {coders[0]}
          </button>
          <button type="button" onClick={() => decide('B')}>
            Accept {coders[1]}
          </button>
          <button type="button" onClick={() => decide('both')}>
            Both
          </button>
          <button type="button" onClick={() => decide('neither')}>
            Neither
          </button>
        </div>
      )}
      {/* A listbox: a plain list may not carry aria-activedescendant (axe: aria-allowed-attr). */}
      {current && passage}
      <ol
        ref={list}
        role="listbox"
        tabIndex={0}
        aria-label="Disagreements in document order (arrow keys to step)"
        aria-activedescendant={items.length ? `disagreement-${index}` : undefined}
        onKeyDown={(e) => {
          const by = e.key === 'ArrowDown' || e.key === 'j' ? 1 : e.key === 'ArrowUp' || e.key === 'k' ? -1 : 0;
          if (!by) return;
          e.preventDefault();
          step(by);
        }}
      >
        {items.map((d, i) => (
          <li
            key={`${d.documentId}:${d.codeId}:${d.side}:${d.start}`}
            id={`disagreement-${i}`}
            data-index={i}
            role="option"
            aria-selected={i === index}
            aria-current={i === index || undefined}
            onClick={() => onStep(i)}
          >
            <span className={`side side-${d.side}`}>only {d.side === 'A' ? coders[0] : coders[1]}</span>
            <span className="where">
              {d.document} · {d.start}–{d.end}
            </span>
            <span className="code">
              {d.code}
              {d.decision && (
                <span className="decided" title={d.decision.note || undefined}>
                  {' '}
                  · {DECIDED[d.decision.decision]}
                </span>
              )}
            </span>
            <q className="quote">{d.text}</q>
          </li>
        ))}
      </ol>
    </section>
  );
}
