import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  /** The workspace grid area it occupies. */
  area: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (left pane), -1 when it shrinks it (right pane). */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

/** A pane divider that works with the mouse and with arrow keys. */
export function Splitter({ label, area, value, min, max, direction, onChange }: Props) {
  const clamp = (v: number) => Math.min(max, Math.max(min, Math.round(v)));
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startValue = value;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => onChange(clamp(startValue + direction * (m.clientX - startX)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 48 : 16;
    if (e.key === 'ArrowLeft') onChange(clamp(value - direction * step));
    else if (e.key === 'ArrowRight') onChange(clamp(value + direction * step));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="splitter"
      style={{ gridArea: area }}
      role="separator"
      aria-label={label}
      aria-orientation="vertical"
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
