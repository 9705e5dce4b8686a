// The transcript of one document with its codings, composed of one hook per behaviour (as Lexical's
// playground composes plugins): the mount, the optimistic segment list, the painted window, the stripe
// layout, the selected coding, the coding popover, hover cards, jumps and mouse and keyboard input.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { codePointLength, sliceCodePoints } from '../../shared/offsets';
import { call, mediaUrl } from '../common/api';
import { useQuery } from '../common/use-query';
import { useStoredState } from '../common/use-stored-state';
import { indexCodes } from './codebook-index';
import { blindFilter, showsCoder, useCoderView } from '../common/coder-visibility';
import { CodingPopover } from './CodingPopover';
import { CodingSide, useCodingSide } from './CodingSide';
import { DocumentMemo } from './DocumentMemo';
import { FixTextPopover } from './FixTextPopover';
import type { TranscriptDocument } from './lexical-document';
import { anchorBelow, type Anchor } from './popover-place';
import { SpeakerDialog } from './SpeakerDialog';
import { setCodeColors } from './highlights';
import { HoverCard } from './HoverCard';
import { KeyboardCaret } from './KeyboardCaret';
import { ResizeHandles } from './ResizeHandles';
import { SegmentPanel } from './SegmentPanel';
import { StripeMargin } from './StripeMargin';
import { StripeText } from './StripeText';
import { LANE_WIDTH } from './stripes';
import { TranscriptHeader } from './TranscriptHeader';
import { useCodingPopover } from './use-coding-popover';
import { useHoverCard } from './use-hover-card';
import { useJumps, type JumpRequest } from './use-jumps';
import { useOptimisticSegments } from './use-optimistic-segments';
import { usePaintedWindow } from './use-painted-window';
import { useSelectedCoding } from './use-selected-coding';
import { useStripeLayout } from './use-stripe-layout';
import { useTextInput } from './use-text-input';
import { useTurnEdits } from './use-turn-edits';
import { useLocalFix } from './use-local-fix';
import { useSearchHits, type SearchHitSpans } from './search-hits';
import { codingsAtCaretSaid } from './codings-said';
import { announce } from '../common/LiveRegion';
import { useTranscriptMount } from './use-transcript-mount';
import { sameText } from './paragraph-edit';
import { caretAfterFix, editSpan, type Span } from './selection';
import { PlayerBar } from './PlayerBar';
import { TurnPlayControl } from './TurnPlayControl';
import { useRecording } from './use-recording';

export type { JumpRequest };

type Case = ResultOf<'cases.list'>['cases'][number];
type Coder = ResultOf<'coders.list'>['coders'][number];

interface Props {
  /** The open project, whose coding panel layout is remembered. */
  projectGuid: string;
  documentId: number | null;
  cases: Case[];
  coders: Coder[];
  currentCoderId: number | null;
  jump: JumpRequest | null;
  /** The search hits to mark in the open document. */
  searchHits: SearchHitSpans | null;
  onError(error: Error): void;
}

type Document = ResultOf<'documents.get'>;

/**
 * A fix asked for: the span, in the text as it was then, with its length (the fix may be shown before the
 * dialog closes or after); and, when the host refused the words typed, them and why.
 */
interface Fixing {
  span: Span;
  text: string;
  length: number;
  anchor: Anchor;
  typed?: string;
  error?: string;
}

const fixedSaid = (removed: unknown[]) =>
  removed.length
    ? `Text replaced; ${removed.length} coding${removed.length === 1 ? '' : 's'} removed with the deleted words.`
    : 'Text replaced; codings kept.';

/**
 * The document as the view shows it, the same object while a reload (after an undo, say) brings the same
 * text, turns and name: a new object would mount the transcript again. Its coding count, which changes
 * with every coding, is left out.
 */
function useUnchangedDocument(next: Document | undefined): Document | undefined {
  // Compared once per reply (React's pattern for state that follows a prop), field by field: serialising a
  // long transcript to compare it took most of a text fix's repaint.
  const [state, setState] = useState({ next, shown: next });
  if (state.next === next) return state.shown;
  const shown = state.shown && next && sameDocument(state.shown, next) ? state.shown : next;
  setState({ next, shown });
  return shown;
}

/** Everything but the coding count the same (the text and turns compared as they are, the small rest as JSON). */
const sameDocument = (a: Document, b: Document): boolean =>
  sameText(a, b) &&
  JSON.stringify({ ...a, text: 0, paragraphs: 0, segments: 0 }) === JSON.stringify({ ...b, text: 0, paragraphs: 0, segments: 0 });

export function TranscriptView({ projectGuid, documentId, cases, coders, currentCoderId, jump, searchHits, onError }: Props) {
  const docQuery = useQuery('documents.get', documentId === null ? null : { id: documentId }, ['documents-changed']);
  const { visibility, setVisibility, blind } = useCoderView();
  // While blind, only the current coder's codings are even fetched.
  const segmentsQuery = useQuery('segments.list', documentId === null ? null : { documentId, withText: false, ...blindFilter(blind) }, [
    'segments-changed',
  ]);
  const treeQuery = useQuery('codebook.tree', {}, ['codebook-changed']);
  const frameworksQuery = useQuery('frameworks.list', {}, ['codebook-changed']);
  const recentQuery = useQuery('segments.recentCodes', {}, ['segments-changed', 'coders-changed']);

  const [snap, setSnap] = useStoredState('snapToWord', true);
  const [showMemo, setShowMemo] = useStoredState('documentMemoOpen', false);
  const [side, setSide] = useCodingSide(projectGuid);

  const scrollRef = useRef<HTMLDivElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const data = useUnchangedDocument(docQuery.data?.id === documentId ? docQuery.data : undefined);
  const codes = useMemo(() => indexCodes(treeQuery.data), [treeQuery.data]);
  const framework = useMemo(() => {
    const list = frameworksQuery.data;
    return list?.frameworks.find((f) => f.id === list.activeId) ?? list?.frameworks[0];
  }, [frameworksQuery.data]);
  useEffect(() => setCodeColors(new Map([...codes.values()].map((c) => [c.id, c.color]))), [codes]);

  const mounted = useTranscriptMount(rootRef, data);
  const { segments, codeOptimistically } = useOptimisticSegments(mounted, segmentsQuery.data, documentId);
  const visible = useMemo(
    () => segments.filter((s) => showsCoder(visibility, currentCoderId, s.coderId)),
    [segments, visibility, currentCoderId],
  );
  // Painting comes before the stripe layout: the stripes measure the painted ranges.
  const painted = usePaintedWindow(mounted, visible, scrollRef, pageRef);
  const layout = useStripeLayout(mounted, rootRef, painted.inWindow, painted.stripeWindow);
  const { selectedId, selected, select, selectAt, step, reveal } = useSelectedCoding(mounted, visible, painted.inWindow, scrollRef);
  const coding = useCodingPopover({
    mounted,
    data,
    segments,
    snap,
    currentCoderId,
    scrollRef,
    select,
    reveal,
    codeOptimistically,
    onError,
  });
  const { popover } = coding;
  const cards = useHoverCard(mounted, visible);
  useJumps({ jump, mounted, shown: data, scrollRef, showAround: painted.showAround, select });
  useSearchHits(mounted, searchHits, data);
  const sayAt = (offset: number) => announce(codingsAtCaretSaid(visible, offset, codes, coders));
  const input = useTextInput({ mounted, data, scrollRef, rootRef, openPopover: coding.openForSelection, select, selectAt, step, sayAt });

  // Edit mode: Enter or F2 in the text (or Fix text…) opens the dialog on the selection or the caret.
  const [editing, setEditing] = useState(false);
  const [fixing, setFixing] = useState<Fixing | null>(null);
  const openFix = () => {
    const span = mounted ? editSpan(mounted.doc) : null;
    const rects = span && mounted?.doc.range(span.start, span.end)?.getClientRects();
    const anchor = anchorBelow(rects?.[rects.length - 1], rects?.[0]);
    if (span && mounted && data) setFixing({ span, length: mounted.doc.length, text: data.text, anchor });
    else announce('Put the caret in the text, or select words, first.');
  };
  const turns = useTurnEdits(mounted, data, onError);
  const fixText = useLocalFix(docQuery, segmentsQuery);
  // The popover closes as the fix is sent, which the view shows at once; refused, it opens again saying why.
  // The focus and the caret come back once the fixed text is in place (a layout effect after the mount's):
  // one restyle for the text, the popover's leaving and the caret, not one before the edit and one after.
  const caretAfterSent = useRef<((doc: TranscriptDocument) => void) | null>(null);
  useLayoutEffect(() => {
    const place = caretAfterSent.current;
    caretAfterSent.current = null;
    if (place && mounted) place(mounted.doc);
  });
  const sendFix = (documentId: number, at: Fixing, replacement: string) => {
    caretAfterSent.current = (doc) => {
      scrollRef.current?.focus({ preventScroll: true });
      caretAfterFix(doc, at, codePointLength(replacement));
    };
    setFixing(null);
    fixText(documentId, { ...at.span, text: replacement }).then(
      (result) => announce(fixedSaid(result.removed)),
      (error: Error) => setFixing({ ...at, typed: replacement, error: error.message }),
    );
  };
  const speakers = useMemo(() => [...new Set(data?.paragraphs.flatMap((p) => (p.speaker === null ? [] : [p.speaker])))], [data]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const plain = !e.ctrlKey && !e.metaKey && !e.shiftKey;
    if (e.altKey && plain && e.key.toLowerCase() === 'e') {
      e.preventDefault();
      setEditing(!editing);
    } else if (editing && plain && !e.altKey && (e.key === 'Enter' || e.key === 'F2')) {
      e.preventDefault();
      openFix();
    } else if (!(editing && turns.onKeyDown(e))) input.onKeyDown(e);
  };
  const player = useRecording(documentId, data, mounted, onError);
  const [pointedTurn, setPointedTurn] = useState<number | null>(null);
  const playTarget = data?.paragraphs.find((p) => p.n === pointedTurn) ?? player.current;

  const lanes = layout.reserved;
  const edited = popover?.segmentId === undefined ? undefined : segments.find((s) => s.id === popover.segmentId);

  return (
    <main className={`pane transcript-pane${editing ? ' editing' : ''}`} aria-label="Transcript">
      {data ? (
        <TranscriptHeader
          document={data}
          cases={cases}
          coders={coders}
          currentCoderId={currentCoderId}
          shown={visible.length}
          total={segments.length}
          visibility={visibility}
          onVisibility={setVisibility}
          snap={snap}
          onSnap={setSnap}
          memoOpen={showMemo}
          hasRecording={player.recording !== null}
          onLinkRecording={() => call('documents.linkMedia', { id: data.id }).catch(onError)}
          onMemoOpen={(open) => {
            setShowMemo(open);
            // The memo is in the coding panel: asking for it shows the panel.
            if (open && side.collapsed) setSide({ ...side, collapsed: false });
          }}
          editing={editing}
          onEditing={setEditing}
          onFixText={openFix}
          onSplitTurn={turns.split}
          onJoinTurns={turns.join}
          onChangeSpeaker={turns.changeSpeaker}
        />
      ) : (
        <p className="hint pad" role={docQuery.error ? 'alert' : undefined}>
          {docQuery.error
            ? `The document could not be opened: ${docQuery.error.message}`
            : documentId === null
              ? 'Choose a document.'
              : 'Loading…'}
        </p>
      )}
      {data && player.recording && (
        <PlayerBar player={player} documentId={data.id} src={mediaUrl(data.id, player.recording.linkedAt)} onError={onError} />
      )}
      <div className="transcript-body">
        <div
          ref={scrollRef}
          className="pane-scroll transcript-scroll"
          tabIndex={0}
          aria-label={
            data
              ? `Text of ${data.name}${editing ? ', in edit mode: Enter fixes the selected words or inserts at the caret, Alt+Enter splits the turn at the caret, Alt+J joins it with the next, Alt+W changes its speaker' : ''}. Move the caret with the arrow keys, select with Shift, press C to code the selection, Alt+Shift+K to hear the codings at the caret, Alt+E to edit the text, ? for shortcuts.`
              : 'Transcript'
          }
          onMouseUp={editing ? undefined : input.onMouseUp}
          onMouseMove={(e) => {
            cards.onMouseMove(e);
            const turn = (e.target as Element).closest?.('.turn[data-n]');
            if (turn) setPointedTurn(Number((turn as HTMLElement).dataset.n));
          }}
          onMouseLeave={() => {
            cards.setHover(null);
            setPointedTurn(null);
          }}
          onKeyDown={onKeyDown}
          onFocus={input.onFocus}
          onScroll={() => {
            cards.onScroll();
            painted.onScroll();
          }}
        >
          {/* The margin grows outwards, so a new lane does not rewrap the text (unless the window is narrow). */}
          <div
            className="transcript-page"
            ref={pageRef}
            style={{ paddingRight: 24 + lanes * LANE_WIDTH, maxWidth: `calc(46rem + 180px + ${lanes * LANE_WIDTH}px)` }}
          >
            <div className="transcript" ref={rootRef} data-document={data?.id} />
            {mounted && <KeyboardCaret doc={mounted.doc} rootRef={rootRef} pageRef={pageRef} />}
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
              onSelect={select}
              onHover={cards.setHover}
            />
            {player.recording && <TurnPlayControl player={player} turn={playTarget} mounted={mounted} pageRef={pageRef} />}
            {data && <StripeText codings={painted.inWindow} paragraphs={data.paragraphs} codes={codes} coders={coders} />}
          </div>
        </div>
        <CodingSide side={side} setSide={setSide} selected={!!selected}>
          {selected && data && mounted && (
            <SegmentPanel
              key={`${selected.id}:${selected.memo}`}
              segment={selected}
              text={data.text}
              doc={mounted.doc}
              codes={codes}
              coders={coders}
              snap={snap}
              onEditCodes={() => coding.openForSegment(selected)}
              onClose={() => {
                // The focus goes back to the text, not to the page.
                scrollRef.current?.focus({ preventScroll: true });
                select(null);
              }}
              onError={onError}
            />
          )}
          {!selected && <p className="hint pad">Select a coding (its text or its stripe) to see its codes, memo and boundaries here.</p>}
          {showMemo && documentId !== null && <DocumentMemo documentId={documentId} onError={onError} />}
        </CodingSide>
      </div>
      {fixing && data && (
        <FixTextPopover
          text={fixing.text}
          span={fixing.span}
          anchor={fixing.anchor}
          typed={fixing.typed}
          error={fixing.error}
          onFix={(replacement) => sendFix(data.id, fixing, replacement)}
          onClose={() => {
            setFixing(null);
            scrollRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
      {turns.speakerTurn && data && (
        <SpeakerDialog
          documentId={data.id}
          turn={turns.speakerTurn}
          speakers={speakers}
          onClose={(said) => {
            turns.closeSpeaker(said);
            scrollRef.current?.focus({ preventScroll: true });
          }}
        />
      )}
      {cards.hover && !popover && <HoverCard hover={cards.hover} segments={visible} codes={codes} coders={coders} />}
      {popover && data && (
        <CodingPopover
          key={`${popover.segmentId ?? 'new'}-${popover.span.start}-${popover.span.end}`}
          title={popover.segmentId === undefined ? 'Code selection' : 'Codes of this segment'}
          excerpt={sliceCodePoints(data.text, popover.span.start, popover.span.end)}
          anchor={popover.anchor}
          codes={codes}
          framework={framework}
          recent={recentQuery.data ?? []}
          initial={edited?.codeIds}
          initialMemo={edited?.memo}
          onApply={(choice) => void coding.apply(choice)}
          onClose={coding.close}
        />
      )}
    </main>
  );
}
