import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  /** vertical: a divider between columns (the default); horizontal: between a pane above and one below. */
  orientation?: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right (or down) grows the pane (left or upper pane), -1 when it shrinks it. */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

/** A pane divider that works with the mouse and with arrow keys; it sits inside the landmark of the pane it resizes, on its edge. */
export function Splitter({ label, orientation = 'vertical', value, min, max, direction, onChange }: Props) {
  const clamp = (v: number) => Math.min(max, Math.max(min, Math.round(v)));
  const vertical = orientation === 'vertical';
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const start = vertical ? e.clientX : e.clientY;
    const startValue = value;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (m: globalThis.PointerEvent) => onChange(clamp(startValue + direction * ((vertical ? m.clientX : m.clientY) - start)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 48 : 16;
    if (e.key === (vertical ? 'ArrowLeft' : 'ArrowUp')) onChange(clamp(value - direction * step));
    else if (e.key === (vertical ? 'ArrowRight' : 'ArrowDown')) onChange(clamp(value + direction * step));
    else return;
    e.preventDefault();
  };
  return (
    <div
      className={`splitter ${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
