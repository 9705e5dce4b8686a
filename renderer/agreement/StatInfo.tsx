import { useEffect, useId, useRef, useState } from 'react';
import { MISSING_DATA, STATISTICS, type StatisticKey, UNDEFINED, UNITS, type AgreementUnit } from '../../shared/agreement-explain';

const WIDTH = 380;

/** A column heading's "i" button: the statistic's formula, unit, caveats and reference, in a popover. */
export function StatInfo({ statistic, unit }: { statistic: StatisticKey; unit: AgreementUnit }) {
  // Where the popover sits: fixed to the viewport, so the scrolling table does not clip it.
  const [open, setOpen] = useState<{ top: number; left: number } | null>(null);
  const id = useId();
  const box = useRef<HTMLSpanElement>(null);
  const s = STATISTICS.find((x) => x.key === statistic)!;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(null);
    const onDown = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(null);
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
    };
  }, [open]);
  return (
    <span className="stat-info" ref={box}>
      <button
        type="button"
        className="stat-info-button"
        aria-label={`About ${s.name}`}
        aria-expanded={open !== null}
        aria-controls={open ? id : undefined}
        onClick={(e) => {
          e.stopPropagation();
          const r = e.currentTarget.getBoundingClientRect();
          setOpen(open ? null : { top: r.bottom + 4, left: Math.max(8, Math.min(r.left - 180, window.innerWidth - WIDTH - 8)) });
        }}
      >
        i
      </button>
      {open && (
        <div className="stat-info-popover" id={id} role="dialog" aria-label={s.name} style={{ ...open, width: WIDTH }}>
          <h4>
            {s.name}
            {s.experimental && <span className="experimental"> (experimental)</span>}
          </h4>
          <p className="formula">{s.formula}</p>
          <p>
            <strong>Unit.</strong> {UNITS[unit]}
          </p>
          <p>
            <strong>Caveats.</strong> {s.caveats}
          </p>
          <p>{MISSING_DATA}</p>
          <p>{UNDEFINED}</p>
          <p className="reference">{s.reference}</p>
        </div>
      )}
    </span>
  );
}
