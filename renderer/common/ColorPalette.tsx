import { PALETTE } from '../../shared/palette';

/** The 20 distinguishable code colours as a grid of toggle buttons (arrow keys move between them). */
export function ColorPalette({ value, onChange, disabled }: { value: string; onChange: (color: string) => void; disabled?: boolean }) {
  const move = (from: number, by: number) => {
    const next = (from + by + PALETTE.length) % PALETTE.length;
    document.getElementById(`colour-${PALETTE[next]!.slice(1)}`)?.focus();
  };
  return (
    <div className="palette" role="group" aria-label="Colour">
      {PALETTE.map((color, i) => (
        <button
          key={color}
          id={`colour-${color.slice(1)}`}
          type="button"
          className="palette-swatch"
          style={{ backgroundColor: color }}
          aria-label={`Colour ${color}`}
          aria-pressed={color === value}
          title={color}
          disabled={disabled}
          onClick={() => color !== value && onChange(color)}
          onKeyDown={(e) => {
            const by = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 10, ArrowUp: -10 }[e.key];
            if (by === undefined) return;
            e.preventDefault();
            move(i, by);
          }}
        />
      ))}
    </div>
  );
}
