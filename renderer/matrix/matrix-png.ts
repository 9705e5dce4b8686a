// The matrix drawn on a canvas and saved as PNG: drawn from the data, so nothing remote is loaded and the
// picture does not depend on the window's size or theme. An OffscreenCanvas, so that it can be drawn and
// encoded in a worker (matrix-png.worker.ts): encoding the big canvas on the page took seconds.
import type { ResultOf } from '../../electron/api/methods';
import { moreThemes, themeLevelLabel, themeLimitRule } from '../../shared/matrix-rule';
import type { Display } from './matrix-settings';

type Matrix = ResultOf<'matrix.get'>;

const SCALE = 2;
const PAD = 24;
const ROW_HEADER = 170;
const CELL = 300;
const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';
const INK = '#1f2328';
const MUTED = '#5f6670';
const LINE = '#c9c5bc';
const HEAT = [47, 95, 143];

interface Chip {
  text: string;
  color: string;
  x: number;
  y: number;
  width: number;
}

const CHIP_HEIGHT = 22;

/** Lays chips out left to right, wrapping within the cell; returns them and the height used. */
function layoutChips(
  ctx: OffscreenCanvasRenderingContext2D,
  items: { text: string; color: string }[],
  width: number,
): { chips: Chip[]; height: number } {
  ctx.font = `13px ${FONT}`;
  const chips: Chip[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = Math.min(width, ctx.measureText(item.text).width + 18);
    if (x > 0 && x + w > width) {
      x = 0;
      y += CHIP_HEIGHT + 5;
    }
    chips.push({ ...item, x, y, width: w });
    x += w + 5;
  }
  return { chips, height: items.length ? y + CHIP_HEIGHT : 0 };
}

function wrap(ctx: OffscreenCanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

export async function matrixPng(matrix: Matrix, display: Display, themeLimit: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d')!;
  const themes = new Map(matrix.themes.map((t) => [t.id, t]));
  const chipsShown = display !== 'counts' && display !== 'heat-segments' && display !== 'heat-documents' && matrix.showsThemes;
  const inner = CELL - 20;
  // Cells come row by row.
  const layouts = matrix.cells.map((c) => {
    const shown = themeLimit > 0 ? c.themes.slice(0, themeLimit) : c.themes;
    const hidden = c.themes.length - shown.length;
    const items = chipsShown
      ? [
          ...shown.map((t) => ({ text: `${themes.get(t.codeId)!.name} · ${t.segments}`, color: themes.get(t.codeId)!.color })),
          ...(hidden > 0 ? [{ text: moreThemes(hidden), color: MUTED }] : []),
        ]
      : [];
    return layoutChips(ctx, items, inner);
  });
  const columns = matrix.columns.length;
  const rowHeights = matrix.rows.map((_, r) => Math.max(64, ...matrix.columns.map((_, c) => 44 + layouts[r * columns + c]!.height + 12)));
  ctx.font = `12px ${FONT}`;
  const note = wrap(
    ctx,
    `${matrix.documents} documents in scope · co-occurrence: ${matrix.mode === 'overlap' ? 'overlapping segments by the same coder' : 'same segment only'}${chipsShown && matrix.themeLevel !== null ? ` · ${themeLevelLabel(matrix.themeLevel).toLowerCase()}` : ''}${chipsShown && themeLimit > 0 ? ` · ${themeLimitRule(themeLimit)}` : ''}`,
    ROW_HEADER + CELL * matrix.columns.length,
  );
  const headerHeight = 40;
  const width = PAD * 2 + ROW_HEADER + CELL * matrix.columns.length;
  const gridTop = PAD + 34;
  const height = gridTop + headerHeight + rowHeights.reduce((a, b) => a + b, 0) + 14 + note.length * 16 + PAD;
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'middle';

  ctx.fillStyle = INK;
  ctx.font = `600 18px ${FONT}`;
  ctx.fillText(matrix.title, PAD, PAD + 10);

  const most = Math.max(1, ...matrix.cells.map((c) => c.segments));
  const left = PAD + ROW_HEADER;
  ctx.font = `600 14px ${FONT}`;
  ctx.fillStyle = MUTED;
  ctx.fillText(`${matrix.rowLabel} \\ ${matrix.columnLabel}`, PAD + 8, gridTop + headerHeight / 2);
  ctx.fillStyle = INK;
  matrix.columns.forEach((c, i) => ctx.fillText(c.name, left + i * CELL + 10, gridTop + headerHeight / 2, CELL - 20));

  let y = gridTop + headerHeight;
  matrix.rows.forEach((r, ri) => {
    const h = rowHeights[ri]!;
    ctx.font = `600 14px ${FONT}`;
    ctx.fillStyle = INK;
    ctx.fillText(r.name, PAD + 8, y + 20, ROW_HEADER - 16);
    matrix.columns.forEach((c, ci) => {
      const cell = matrix.cells[ri * columns + ci]!;
      const x = left + ci * CELL;
      const share = display === 'heat-documents' ? cell.documents / Math.max(1, c.documents) : cell.segments / most;
      ctx.fillStyle =
        cell.segments === 0 ? '#f3f2ee' : display.startsWith('heat') ? `rgba(${HEAT.join(',')}, ${0.08 + share * 0.55})` : '#ffffff';
      ctx.fillRect(x, y, CELL, h);
      ctx.fillStyle = cell.segments === 0 ? MUTED : INK;
      ctx.font = cell.segments === 0 ? `14px ${FONT}` : `600 15px ${FONT}`;
      const headline =
        cell.segments === 0 ? '—' : display === 'heat-documents' ? `${Math.round(share * 100)}% of documents` : `${cell.segments} segments`;
      ctx.fillText(headline, x + 10, y + 18, CELL - 20);
      if (cell.segments > 0) {
        ctx.font = `12px ${FONT}`;
        ctx.fillStyle = MUTED;
        ctx.fillText(`${cell.documents} documents · ${cell.cases} cases`, x + 10, y + 36, CELL - 20);
      }
      for (const chip of layouts[ri * columns + ci]!.chips) {
        const cx = x + 10 + chip.x;
        const cy = y + 48 + chip.y;
        ctx.fillStyle = `${chip.color}33`;
        ctx.beginPath();
        ctx.roundRect(cx, cy, chip.width, CHIP_HEIGHT, 4);
        ctx.fill();
        ctx.fillStyle = chip.color;
        ctx.fillRect(cx, cy, 4, CHIP_HEIGHT);
        ctx.fillStyle = INK;
        ctx.font = `13px ${FONT}`;
        ctx.fillText(chip.text, cx + 10, cy + CHIP_HEIGHT / 2 + 1, chip.width - 14);
      }
    });
    y += h;
  });

  // Grid lines over the fills: under the header and every row, left of every column.
  const bottom = y;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  };
  ctx.strokeStyle = LINE;
  ctx.lineWidth = 1;
  const rowLines = [gridTop + headerHeight];
  for (const h of rowHeights) rowLines.push(rowLines.at(-1)! + h);
  for (const ly of rowLines) line(PAD, ly + 0.5, width - PAD, ly + 0.5);
  for (let i = 0; i <= matrix.columns.length; i++) line(left + i * CELL + 0.5, gridTop, left + i * CELL + 0.5, bottom);

  ctx.font = `12px ${FONT}`;
  ctx.fillStyle = MUTED;
  note.forEach((line, i) => ctx.fillText(line, PAD, bottom + 22 + i * 16));

  return canvas.convertToBlob({ type: 'image/png' });
}
