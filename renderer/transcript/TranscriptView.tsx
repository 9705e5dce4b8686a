import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { sliceCodePoints } from '../../shared/offsets';
import { call } from '../common/api';
import { perfMark } from '../common/perf';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';
import { indexCodes, type CodeInfo } from './codebook-index';
import { CodingPopover, type CodingChoice } from './CodingPopover';
import { HighlightPainter, markRange, setCodeColors } from './highlights';
import { mountTranscript, type TranscriptDocument } from './lexical-document';
import { DocumentMemo } from './DocumentMemo';
import { ResizeHandles } from './ResizeHandles';
import { SegmentPanel } from './SegmentPanel';
import { extendSelectionByKey, selectedSpan, snapToWords, type Span } from './selection';
import { SegmentExtents } from './segment-extents';
import { StripeMargin } from './StripeMargin';
import { LANE_WIDTH, MAX_LANES, packStripes, type Stripe } from './stripes';

type Case = ResultOf<'cases.list'>['cases'][number];
type Coder = ResultOf<'coders.list'>['coders'][number];
export type Segment = ResultOf<'segments.list'>[number];

/** Which coders' codings are painted: blind double coding needs "mine only". */
export interface Visibility {
  mode: 'all' | 'mine' | 'chosen';
  chosen: number[];
}

export interface JumpRequest {
  documentId: number;
  start: number;
  end: number;
  /** Changes on every request, so asking twice for the same place still scrolls. */
  nonce: number;
}

interface Props {
  documentId: number | null;
  projectGuid: string;
  cases: Case[];
  coders: Coder[];
  currentCoderId: number | null;
  jump: JumpRequest | null;
  onError(error: Error): void;
}

interface Popover {
  span: Span;
  anchor: { left: number; top: number; above: number };
  /** Editing the codes of an existing segment rather than coding a new passage. */
  segmentId?: number;
}

/**
 * Highlights exist only for codings near the screen. Chrome rebuilds every highlight marker after each DOM or
 * style change, so the cost of any update grows with what is painted: all 2,000 codings of a long transcript
 * made scrolling janky. While scrolling, the painted span runs 8,000 code points either side of the screen
 * (moving it costs a rebuild too; this measured best); at rest it shrinks to 2,500, so coding stays quick.
 */
const INITIAL_WINDOW = { start: 0, end: 6000 };
const PAINT_MARGIN = 8000;
const REST_MARGIN = 2500;
/** Stripes need layout (measuring a coding forces its lines to be laid out), so they follow the screen closely. */
const INITIAL_STRIPE_WINDOW = { start: 0, end: 4000 };

/** A span around what is on screen, moved only when the screen nears its edge: fewer repaints while scrolling. */
function follow(current: Span, shown: Span, margin: number): Span {
  const nearEdge = (shown.start - current.start < margin / 2 && current.start > 0) || current.end - shown.end < margin / 2;
  return nearEdge ? { start: Math.max(0, shown.start - margin), end: shown.end + margin } : current;
}

const afterNextFrame = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

const contains = (s: Segment, offset: number) => s.start <= offset && offset < s.end;

/** The code-point offset under the mouse, if it is over the text. */
function offsetAtPoint(doc: TranscriptDocument, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  return position ? doc.fromDom(position.offsetNode, position.offset) : null;
}

export function TranscriptView({ documentId, projectGuid, cases, coders, currentCoderId, jump, onError }: Props) {
  const docQuery = useQuery('documents.get', documentId === null ? null : { id: documentId }, ['documents-changed']);
  const segmentsQuery = useQuery('segments.list', documentId === null ? null : { documentId, withText: false }, ['segments-changed']);
  const treeQuery = useQuery('codebook.tree', {}, ['codebook-changed']);
  const frameworksQuery = useQuery('frameworks.list', {}, ['codebook-changed']);
  const recentQuery = useQuery('segments.recentCodes', {}, ['segments-changed', 'coders-changed']);

  const [visibility, setVisibility] = useStoredState<Visibility>(`visibility.${projectGuid}`, { mode: 'all', chosen: [] });
  const [snap, setSnap] = useStoredState('snapToWord', true);
  const [showMemo, setShowMemo] = useStoredState('documentMemoOpen', false);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [hover, setHover] = useState<{ x: number; y: number; ids: number[] } | null>(null);
  const [created, setCreated] = useState<Segment[]>([]);
  /** `reserved`: the most lanes needed so far in this document; the margin never narrows, so the text does not rewrap. */
  const [layout, setLayout] = useState<{ stripes: Stripe[]; reserved: number }>({ stripes: [], reserved: 0 });
  const [paintWindow, setPaintWindow] = useState(INITIAL_WINDOW);
  const [stripeWindow, setStripeWindow] = useState(INITIAL_STRIPE_WINDOW);
  const scrollFrame = useRef(0);
  const [mounted, setMounted] = useState<{
    id: number;
    doc: TranscriptDocument;
    painter: HighlightPainter;
    extents: SegmentExtents;
  } | null>(null);

  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const hoverFrame = useRef(0);
  const lastScroll = useRef(0);
  const restTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Codings shown before the API has stored them carry negative ids. */
  const pendingCount = useRef(0);

  const data = docQuery.data?.id === documentId ? docQuery.data : undefined;
  const codes = useMemo(() => indexCodes(treeQuery.data), [treeQuery.data]);
  const framework = useMemo(() => {
    const list = frameworksQuery.data;
    return list?.frameworks.find((f) => f.id === list.activeId) ?? list?.frameworks[0];
  }, [frameworksQuery.data]);

  // Mount the Lexical document once per opened document.
  useLayoutEffect(() => {
    if (!data || !rootRef.current) return;
    const doc = mountTranscript(rootRef.current, data.text, data.paragraphs, data.formatting);
    afterNextFrame(() => perfMark('text-visible'));
    const painter = new HighlightPainter(doc);
    setMounted({ id: data.id, doc, painter, extents: new SegmentExtents(doc, (id) => painter.rangeOf(id)) });
    setPaintWindow(INITIAL_WINDOW);
    setStripeWindow(INITIAL_STRIPE_WINDOW);
    setLayout({ stripes: [], reserved: 0 });
    setCreated([]);
    setSelectedId(null);
    setPopover(null);
    return () => {
      painter.clear();
      doc.destroy();
      setMounted(null);
    };
  }, [data]);

  useEffect(() => setCodeColors(new Map([...codes.values()].map((c) => [c.id, c.color]))), [codes]);

  // Segments from the server plus any just created here and not yet refetched.
  const segments = useMemo(() => {
    const fromServer =
      segmentsQuery.data && documentId !== null && segmentsQuery.data.every((s) => s.documentId === documentId) ? segmentsQuery.data : [];
    const known = new Set(fromServer.map((s) => s.id));
    return [...fromServer, ...created.filter((s) => !known.has(s.id) && s.documentId === documentId)];
  }, [segmentsQuery.data, created, documentId]);

  const visible = useMemo(() => {
    const shown = (coderId: number) =>
      visibility.mode === 'all' || (visibility.mode === 'mine' ? coderId === currentCoderId : visibility.chosen.includes(coderId));
    return segments.filter((s) => shown(s.coderId));
  }, [segments, visibility, currentCoderId]);

  const inWindow = useMemo(() => visible.filter((s) => s.end > paintWindow.start && s.start < paintWindow.end), [visible, paintWindow]);

  const relayoutStripes = useCallback(() => {
    const text = rootRef.current;
    if (!mounted || !text) return;
    const near = inWindow.filter((s) => s.end > stripeWindow.start && s.start < stripeWindow.end);
    const { stripes, lanes } = packStripes(mounted.extents.place(near, text.clientWidth));
    setLayout((old) => ({ stripes, reserved: Math.max(old.reserved, Math.min(lanes, MAX_LANES)) }));
  }, [mounted, inWindow, stripeWindow]);

  // Paint (incrementally) whenever the visible segments change, then lay the stripes out.
  useLayoutEffect(() => {
    if (!mounted) return;
    mounted.painter.paint(inWindow);
    afterNextFrame(() => perfMark(`painted-${visible.length}`));
    relayoutStripes();
  }, [mounted, inWindow, visible.length, relayoutStripes]);

  // The text reflowing (a new width, turns laid out as they come on screen) moves the stripes, and codings
  // in turns that come on screen can be measured. One observer for the view's life: a new one per change
  // would report at once and lay the stripes out twice.
  const latestRelayout = useRef(relayoutStripes);
  useLayoutEffect(() => {
    latestRelayout.current = relayoutStripes;
  }, [relayoutStripes]);
  useEffect(() => {
    const text = rootRef.current;
    if (!text) return;
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => latestRelayout.current());
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(text);
    // Not a bubbling event: listen while it passes down to the turn.
    const onShown = (e: Event) => !(e as ContentVisibilityAutoStateChangeEvent).skipped && schedule();
    text.addEventListener('contentvisibilityautostatechange', onShown, { capture: true });
    return () => {
      observer.disconnect();
      text.removeEventListener('contentvisibilityautostatechange', onShown, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, []);

  /** The code-point span of the turns on screen. */
  const spanOnScreen = (): Span | null => {
    const scroller = scrollRef.current;
    const page = pageRef.current;
    if (!scroller || !page || !mounted) return null;
    const top = scroller.getBoundingClientRect().top - page.getBoundingClientRect().top;
    const first = mounted.doc.paragraphAtHeight(top);
    const last = mounted.doc.paragraphAtHeight(top + scroller.clientHeight);
    return first && last ? { start: first.start, end: last.end } : null;
  };

  const onScroll = () => {
    lastScroll.current = performance.now();
    setHover(null);
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => {
      const shown = spanOnScreen();
      if (!shown) return;
      const screen = shown.end - shown.start;
      setPaintWindow((w) => follow(w, shown, Math.max(PAINT_MARGIN, 2 * screen)));
      setStripeWindow((w) => follow(w, shown, Math.max(1500, screen)));
    });
    // At rest, only the screen's neighbourhood stays painted: coding then rebuilds fewer highlights.
    clearTimeout(restTimer.current);
    restTimer.current = setTimeout(() => {
      const shown = spanOnScreen();
      if (shown) setPaintWindow({ start: Math.max(0, shown.start - REST_MARGIN), end: shown.end + REST_MARGIN });
    }, 150);
  };

  const selected = visible.find((s) => s.id === selectedId) ?? null;
  useEffect(() => {
    markRange('segment-focus', selected && mounted ? (mounted.painter.rangeOf(selected.id) ?? null) : null);
  }, [selected, mounted, inWindow]);
  useEffect(() => {
    markRange(
      'pending-selection',
      popover && mounted && popover.segmentId === undefined ? mounted.doc.range(popover.span.start, popover.span.end) : null,
    );
  }, [popover, mounted]);
  useEffect(
    () => () => {
      clearTimeout(restTimer.current);
      ['segment-focus', 'pending-selection', 'jump-target'].forEach((n) => markRange(n, null));
    },
    [],
  );

  // Jump to a place asked for from elsewhere (the matrix's excerpts, search results): select the
  // coding while rendering (React's pattern for state that follows a prop), scroll and flash in an effect.
  const [seenJump, setSeenJump] = useState<number | null>(null);
  // The passage is flashed rather than selected: a docked coding panel would hide it in a split view.
  if (jump && mounted && jump.documentId === mounted.id && jump.nonce !== seenJump) {
    setSeenJump(jump.nonce);
    setPaintWindow({ start: Math.max(0, jump.start - 8000), end: jump.end + 8000 });
    setStripeWindow({ start: Math.max(0, jump.start - 3000), end: jump.end + 3000 });
    setSelectedId(null);
  }
  useEffect(() => {
    if (!jump || !mounted || jump.documentId !== mounted.id) return;
    markRange('jump-target', mounted.doc.range(jump.start, jump.end));
    const element = mounted.doc.turnElementAt(jump.start);
    // Turns off screen have estimated heights (content-visibility), so the first scroll can land short:
    // scroll again once the turns it passed have been laid out.
    element?.scrollIntoView({ block: 'start' });
    let frames = 0;
    let frame = requestAnimationFrame(function settle() {
      const box = scrollRef.current?.getBoundingClientRect();
      const at = element?.getBoundingClientRect();
      const settled = box && at && Math.abs(at.top - box.top) < 24;
      if (!settled) element?.scrollIntoView({ block: 'start' });
      if (++frames < 30 && !settled) frame = requestAnimationFrame(settle);
    });
    // Assistive technology (and tests) learn which turn was asked for.
    element?.setAttribute('aria-current', 'location');
    const timer = setTimeout(() => markRange('jump-target', null), 2500);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      element?.removeAttribute('aria-current');
    };
  }, [jump, mounted]);

  const openPopoverForSelection = () => {
    if (!mounted || !data) return;
    const span = selectedSpan(mounted.doc, data.text);
    if (!span) return;
    const snapped = snap ? snapToWords(data.text, span) : span;
    const rects = window.getSelection()?.getRangeAt(0).getClientRects();
    const first = rects?.[0];
    const last = rects?.[rects.length - 1];
    setSelectedId(null);
    setPopover({ span: snapped, anchor: { left: last?.left ?? 200, top: (last?.bottom ?? 200) + 8, above: first?.top ?? 200 } });
  };

  const onMouseUp = (e: MouseEvent) => {
    // A click on a stripe selects its coding (the margin handles it).
    if (!mounted || e.button !== 0 || (e.target as HTMLElement).closest('.stripes')) return;
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return openPopoverForSelection();
    const offset = offsetAtPoint(mounted.doc, e.clientX, e.clientY);
    const under = offset === null ? [] : visible.filter((s) => contains(s, offset)).sort((a, b) => a.end - a.start - (b.end - b.start));
    setSelectedId(under[0]?.id ?? null);
  };

  const onMouseMove = (e: MouseEvent) => {
    // Over the stripes, their own hover card stays. While scrolling, the text moving under a still mouse
    // is no reason for a card (and each one costs a rebuild of the painted highlights).
    if (!mounted || e.buttons || (e.target as HTMLElement).closest('.stripes') || performance.now() - lastScroll.current < 250) return;
    const { clientX: x, clientY: y } = e;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const offset = offsetAtPoint(mounted.doc, x, y);
      const ids = offset === null ? [] : visible.filter((s) => contains(s, offset)).map((s) => s.id);
      // The card stays where it opened while the mouse is over the same codings.
      setHover((old) => (old && old.ids.join() === ids.join() ? old : ids.length ? { x, y, ids } : null));
    });
  };

  const apply = async (choice: CodingChoice) => {
    if (!popover || documentId === null) return;
    const target = popover;
    setPopover(null);
    window.getSelection()?.removeAllRanges();
    scrollRef.current?.focus({ preventScroll: true });
    perfMark('apply');
    try {
      if (target.segmentId === undefined) {
        // Painted at once, then swapped for the stored segment when the call returns (or withdrawn if it fails).
        const pending: Segment = {
          ...target.span,
          id: -++pendingCount.current,
          guid: '',
          documentId,
          coderId: currentCoderId ?? 0,
          memo: choice.memo,
          text: '',
          codeIds: choice.codeIds,
        };
        setCreated((c) => [...c, pending]);
        const segment = await call('segments.create', {
          documentId,
          ...target.span,
          codeIds: choice.codeIds,
          newCodes: choice.newCodes,
          memo: choice.memo,
        }).catch((error: unknown) => {
          setCreated((c) => c.filter((s) => s !== pending));
          throw error;
        });
        setCreated((c) => c.map((s) => (s === pending ? segment : s)));
        setSelectedId(segment.id);
      } else {
        const current = segments.find((s) => s.id === target.segmentId);
        if (!current) return;
        await call('segments.update', {
          id: current.id,
          addCodeIds: choice.codeIds.filter((id) => !current.codeIds.includes(id)),
          removeCodeIds: current.codeIds.filter((id) => !choice.codeIds.includes(id)),
          newCodes: choice.newCodes,
          memo: choice.memo,
        });
      }
    } catch (error) {
      onError(error as Error);
    }
  };

  const moveSelection = (direction: 1 | -1) => {
    const ordered = [...visible].sort((a, b) => a.start - b.start || a.end - b.end);
    const at = ordered.findIndex((s) => s.id === selectedId);
    const next = ordered[at === -1 ? (direction === 1 ? 0 : ordered.length - 1) : at + direction];
    if (!next || !mounted) return;
    setSelectedId(next.id);
    mounted.doc.turnElementAt(next.start)?.scrollIntoView({ block: 'nearest' });
    // Once the coding panel has taken its room, bring the coding itself (not just its turn) into view.
    requestAnimationFrame(() => {
      const scroller = scrollRef.current;
      const rect = mounted.doc.range(next.start, next.end)?.getBoundingClientRect();
      const box = scroller?.getBoundingClientRect();
      if (scroller && rect && box && (rect.top < box.top || rect.bottom > box.bottom)) {
        scroller.scrollBy({ top: rect.top - box.top - Math.max(24, (box.height - rect.height) / 3) });
      }
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== scrollRef.current) return;
    placeCaret();
    if (extendSelectionByKey(e.nativeEvent)) {
      e.preventDefault();
      return;
    }
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if ((e.key === 'c' || e.key === 'Enter') && plain && !window.getSelection()?.isCollapsed) {
      e.preventDefault();
      openPopoverForSelection();
    } else if (e.key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      setSelectedId(null);
    } else if (e.key === ']' && plain) {
      e.preventDefault();
      moveSelection(1);
    } else if (e.key === '[' && plain) {
      e.preventDefault();
      moveSelection(-1);
    }
  };

  /** Keyboard selection needs a starting point: put an (invisible) caret at the first turn's speech. */
  const placeCaret = () => {
    const selection = window.getSelection();
    if (!mounted || !data || !selection || (selection.rangeCount > 0 && rootRef.current?.contains(selection.anchorNode))) return;
    const first = data.paragraphs[0];
    const start = first ? mounted.doc.toDom(first.bodyStart) : null;
    if (start) selection.collapse(start.node, start.offset);
  };

  const docCases = data ? cases.filter((c) => data.caseIds.includes(c.id)) : [];
  const toggleCoder = (id: number) => {
    const base =
      visibility.mode === 'chosen' ? visibility.chosen : visibility.mode === 'mine' ? [currentCoderId ?? -1] : coders.map((c) => c.id);
    const chosen = base.includes(id) ? base.filter((x) => x !== id) : [...base, id];
    setVisibility({ mode: chosen.length === coders.length ? 'all' : 'chosen', chosen });
  };
  const shownCoder = (id: number) =>
    visibility.mode === 'all' || (visibility.mode === 'mine' ? id === currentCoderId : visibility.chosen.includes(id));
  const lanes = layout.reserved;

  return (
    <main className="pane transcript-pane" aria-label="Transcript">
      {data ? (
        <header className="transcript-header">
          <div className="transcript-title">
            <h2>{data.name}</h2>
            <p className="transcript-meta">
              {docCases.map((c) => [c.name, ...Object.values(c.attributes).slice(0, 2)].join(' · ')).join('; ')}
              {docCases.length > 0 && ' — '}
              {data.paragraphs.length} turns · {data.characters.toLocaleString()} characters · {visible.length} of {segments.length} codings
              shown
            </p>
          </div>
          <div className="transcript-tools">
            <div className="coder-filter" role="group" aria-label="Show codings of">
              <span>Show</span>
              {coders.map((c) => (
                <button key={c.id} type="button" className="chip" aria-pressed={shownCoder(c.id)} onClick={() => toggleCoder(c.id)}>
                  <span className="swatch" style={{ backgroundColor: c.color }} />
                  {c.name}
                </button>
              ))}
              <button
                type="button"
                className="link-button"
                aria-pressed={visibility.mode === 'mine'}
                onClick={() => setVisibility({ mode: visibility.mode === 'mine' ? 'all' : 'mine', chosen: [] })}
              >
                {visibility.mode === 'mine' ? 'Show all coders' : 'Only mine'}
              </button>
            </div>
            <label className="toggle">
              <input type="checkbox" checked={snap} onChange={(e) => setSnap(e.target.checked)} /> Snap to words
            </label>
            <button type="button" aria-expanded={showMemo} onClick={() => setShowMemo(!showMemo)}>
              Document memo
            </button>
          </div>
        </header>
      ) : (
        <p className="hint pad" role={docQuery.error ? 'alert' : undefined}>
          {docQuery.error
            ? `The document could not be opened: ${docQuery.error.message}`
            : documentId === null
              ? 'Choose a document.'
              : 'Loading…'}
        </p>
      )}
      <div
        ref={scrollRef}
        className="pane-scroll transcript-scroll"
        tabIndex={0}
        aria-label={data ? `Text of ${data.name}. Select text to code it; press ? for shortcuts.` : 'Transcript'}
        onMouseUp={onMouseUp}
        onMouseMove={onMouseMove}
        onMouseLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
        onFocus={placeCaret}
        onScroll={onScroll}
      >
        {/* The margin grows outwards, so a new lane does not rewrap the text (unless the window is narrow). */}
        <div
          className="transcript-page"
          ref={pageRef}
          style={{ paddingRight: 24 + lanes * LANE_WIDTH, maxWidth: `calc(46rem + 180px + ${lanes * LANE_WIDTH}px)` }}
        >
          <div className="transcript" ref={rootRef} data-document={data?.id} />
          {selected && mounted && (
            <ResizeHandles
              key={`${selected.id}:${selected.start}:${selected.end}`}
              doc={mounted.doc}
              start={selected.start}
              end={selected.end}
              onResize={(span) => call('segments.update', { id: selected.id, ...span }).catch(onError)}
            />
          )}
          <StripeMargin
            stripes={layout.stripes}
            lanes={lanes}
            codes={codes}
            selectedId={selectedId}
            scrollRef={scrollRef}
            onSelect={setSelectedId}
            onHover={setHover}
          />
        </div>
      </div>
      {showMemo && documentId !== null && <DocumentMemo documentId={documentId} onError={onError} />}
      {hover && !popover && <HoverCard hover={hover} segments={visible} codes={codes} coders={coders} />}
      {selected && data && mounted && (
        <SegmentPanel
          key={`${selected.id}:${selected.memo}`}
          segment={selected}
          text={data.text}
          doc={mounted.doc}
          codes={codes}
          coders={coders}
          onEditCodes={() => {
            const rect = mounted.painter.rangeOf(selected.id)?.getBoundingClientRect();
            setPopover({
              span: selected,
              segmentId: selected.id,
              anchor: { left: rect?.left ?? 200, top: (rect?.bottom ?? 200) + 8, above: rect?.top ?? 200 },
            });
          }}
          onClose={() => setSelectedId(null)}
          onError={onError}
        />
      )}
      {popover && data && (
        <CodingPopover
          key={`${popover.segmentId ?? 'new'}-${popover.span.start}-${popover.span.end}`}
          title={popover.segmentId === undefined ? 'Code selection' : 'Codes of this segment'}
          excerpt={sliceCodePoints(data.text, popover.span.start, popover.span.end)}
          anchor={popover.anchor}
          codes={codes}
          framework={framework}
          recent={recentQuery.data ?? []}
          initial={popover.segmentId === undefined ? [] : segments.find((s) => s.id === popover.segmentId)?.codeIds}
          initialMemo={popover.segmentId === undefined ? '' : segments.find((s) => s.id === popover.segmentId)?.memo}
          onApply={(choice) => void apply(choice)}
          onClose={() => {
            setPopover(null);
            scrollRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </main>
  );
}

function HoverCard({
  hover,
  segments,
  codes,
  coders,
}: {
  hover: { x: number; y: number; ids: number[] };
  segments: Segment[];
  codes: Map<number, CodeInfo>;
  coders: Coder[];
}) {
  const shown = segments.filter((s) => hover.ids.includes(s.id));
  return (
    <div className="hover-card" role="tooltip" style={{ left: Math.min(hover.x + 14, window.innerWidth - 340), top: hover.y + 16 }}>
      {shown.map((s) => {
        const coder = coders.find((c) => c.id === s.coderId);
        return (
          <div key={s.id} className="hover-segment">
            <div className="hover-coder">
              <span className="swatch" style={{ backgroundColor: coder?.color }} /> {coder?.name}
            </div>
            <ul>
              {s.codeIds.map((id) => (
                <li key={id}>
                  <span className="swatch" style={{ backgroundColor: codes.get(id)?.color }} /> {codes.get(id)?.path}
                </li>
              ))}
            </ul>
            {s.memo && <p className="hover-memo">{s.memo}</p>}
          </div>
        );
      })}
    </div>
  );
}
