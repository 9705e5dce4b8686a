// The margin of coding stripes, drawn on a canvas. Chrome rebuilds every custom-highlight marker of the
// document after any DOM or style change (measured: about 6 ms a frame with a few hundred codings
// painted), so stripes as elements, coming and going while scrolling, made scrolling janky. The canvas
// covers a band of three screens around the visible part and moves only when the screen nears its edge.
import { useCallback, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import type { CodeInfo } from './codebook-index';
import { bottomOf, LANE_WIDTH, MAX_LANES, stripeAt, type Stripe } from './stripes';

const BAR = 5;
const LABEL_MIN_HEIGHT = 70;

interface Props {
  stripes: Stripe[];
  lanes: number;
  codes: Map<number, CodeInfo>;
  selectedId: number | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  onSelect(segmentId: number): void;
  onHover(hover: { x: number; y: number; ids: number[] } | null): void;
}

interface Band {
  top: number;
  height: number;
}

interface StripeView {
  stripes: Stripe[];
  codes: Map<number, CodeInfo>;
  selectedId: number | null;
  /** The canvas's computed style: label colour, fonts and the page colour follow the theme. */
  style: CSSStyleDeclaration;
}

/** Cuts a label to fit `room` pixels, with an ellipsis. */
function fitLabel(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  if (ctx.measureText(text).width <= room) return text;
  let cut = text.length;
  while (cut > 0 && ctx.measureText(`${text.slice(0, cut)}…`).width > room) cut--;
  return cut > 0 ? `${text.slice(0, cut)}…` : '';
}

/** Draws the stripes that fall in the band; the canvas is scaled for the screen's pixel ratio. */
function paintStripes(ctx: CanvasRenderingContext2D, view: StripeView, band: Band, width: number, ratio: number): void {
  const { stripes, codes, selectedId, style } = view;
  const { top, height } = band;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = `10px ${style.getPropertyValue('--ui-font') || 'sans-serif'}`;
  ctx.textBaseline = 'middle';
  for (const s of stripes) {
    if (s.lane >= MAX_LANES || bottomOf(s) < top || s.top > top + height) continue;
    const code = codes.get(s.codeId);
    const selected = s.segmentId === selectedId;
    const x = s.lane * LANE_WIDTH - (selected ? 1 : 0);
    const barWidth = selected ? BAR + 3 : BAR;
    const y = s.top - top;
    const h = bottomOf(s) - s.top;
    if (selected) {
      // A ring in the page colour sets the selected bar off from its neighbours.
      ctx.fillStyle = style.getPropertyValue('--pane');
      ctx.beginPath();
      ctx.roundRect(x - 1, y - 1, barWidth + 2, h + 2, 4);
      ctx.fill();
    }
    ctx.fillStyle = code?.color ?? '#888888';
    ctx.beginPath();
    ctx.roundRect(x, y, barWidth, h, 3);
    ctx.fill();
    if (h > LABEL_MIN_HEIGHT && code) {
      ctx.save();
      ctx.translate(s.lane * LANE_WIDTH + BAR + 6, y + 2);
      ctx.rotate(Math.PI / 2);
      ctx.fillStyle = style.color;
      ctx.fillText(fitLabel(ctx, code.name, h - 4), 0, 0);
      ctx.restore();
    }
  }
}

export function StripeMargin({ stripes, lanes, codes, selectedId, scrollRef, onSelect, onHover }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  /** The band of the page (in px from its top) the canvas currently covers. */
  const band = useRef<Band>({ top: 0, height: 0 });

  /** Keeps the band over the screen; repaints when it moved or when `repaint` asks (the stripes changed). */
  const sync = useCallback(
    (repaint: boolean) => {
      const canvas = canvasRef.current;
      const scroller = scrollRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !scroller || !ctx) return;
      const view = scroller.getBoundingClientRect();
      const visibleTop = view.top - canvas.parentElement!.getBoundingClientRect().top;
      const height = Math.min(5 * view.height, 6000);
      const width = lanes * LANE_WIDTH;
      const ratio = window.devicePixelRatio || 1;
      const current = band.current;
      if (visibleTop < current.top || visibleTop + view.height > current.top + current.height || current.height !== height) {
        band.current = { top: Math.max(0, visibleTop - 2 * view.height), height };
        canvas.style.top = `${band.current.top}px`;
        repaint = true;
      }
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        repaint = true;
      }
      if (repaint) paintStripes(ctx, { stripes, codes, selectedId, style: getComputedStyle(canvas) }, band.current, width, ratio);
    },
    [stripes, lanes, codes, selectedId, scrollRef],
  );

  useEffect(() => {
    sync(true);
    const scroller = scrollRef.current;
    if (!scroller) return;
    const follow = () => sync(false);
    scroller.addEventListener('scroll', follow, { passive: true });
    window.addEventListener('resize', follow);
    return () => {
      scroller.removeEventListener('scroll', follow);
      window.removeEventListener('resize', follow);
    };
  }, [sync, scrollRef]);

  /** The segment whose stripe is under the mouse, reported to the parent only when it changes. */
  const hovered = useRef<number | null>(null);
  const hover = (e: MouseEvent<HTMLCanvasElement>, stripe: Stripe | undefined) => {
    const id = stripe?.segmentId ?? null;
    if (id === hovered.current) return;
    hovered.current = id;
    e.currentTarget.style.cursor = stripe ? 'pointer' : '';
    onHover(stripe ? { x: e.clientX, y: e.clientY, ids: [stripe.segmentId] } : null);
  };

  const at = (e: MouseEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return stripeAt(stripes, e.clientX - box.left, e.clientY - box.top + band.current.top);
  };

  return (
    <div className="stripes" aria-hidden="true" style={{ width: lanes * LANE_WIDTH }}>
      <canvas
        ref={canvasRef}
        className="stripe-canvas"
        // Keeps a text selection while clicking a stripe.
        onMouseDown={(e) => e.preventDefault()}
        onClick={(e) => {
          const stripe = at(e);
          if (stripe) onSelect(stripe.segmentId);
        }}
        onMouseMove={(e) => hover(e, at(e))}
        onMouseLeave={(e) => hover(e, undefined)}
      />
    </div>
  );
}
