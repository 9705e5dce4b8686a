// The coding popover: opened on a selected passage (a new coding, painted at once and confirmed when
// the API answers) or on a selected coding (editing its codes and memo).
import { useEffect, type RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { announce } from '../common/LiveRegion';
import { perfMark } from '../common/perf';
import type { CodingChoice } from './CodingPopover';
import { markRange } from './highlights';
import { anchorBelow, type Anchor } from './popover-place';
import type { Segment } from './optimistic-segments';
import { selectedSpan, snapToWords, type Span } from './selection';
import { useMountState } from './use-mount-state';
import type { MountedTranscript } from './use-transcript-mount';

export interface Popover {
  span: Span;
  anchor: Anchor;
  /** Editing the codes of an existing segment rather than coding a new passage. */
  segmentId?: number;
}

interface Options {
  mounted: MountedTranscript | null;
  data: ResultOf<'documents.get'> | undefined;
  segments: Segment[];
  snap: boolean;
  currentCoderId: number | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  select(id: number | null): void;
  /** Brings a coding into view (the coding panel opening below can hide it). */
  reveal(span: Span): void;
  codeOptimistically(pending: Omit<Segment, 'id'>, store: () => Promise<Segment>): Promise<Segment>;
  onError(error: Error): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function useCodingPopover({
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
}: Options) {
  const [popover, setPopover] = useMountState<Popover | null>(mounted, null);

  // The passage being coded stays marked while the popover has the focus (the selection is lost).
  useEffect(() => {
    markRange(
      'pending-selection',
      popover && mounted && popover.segmentId === undefined ? mounted.doc.range(popover.span.start, popover.span.end) : null,
    );
  }, [popover, mounted]);
  useEffect(() => () => markRange('pending-selection', null), []);

  const openForSelection = () => {
    if (!mounted || !data) return;
    const span = selectedSpan(mounted.doc, data.text);
    if (!span) return;
    const rects = window.getSelection()?.getRangeAt(0).getClientRects();
    select(null);
    setPopover({ span: snap ? snapToWords(data.text, span) : span, anchor: anchorBelow(rects?.[rects.length - 1], rects?.[0]) });
  };

  const openForSegment = (segment: Segment) => {
    const rect = mounted?.painter.rangeOf(segment.id)?.getBoundingClientRect();
    setPopover({ span: segment, segmentId: segment.id, anchor: anchorBelow(rect, rect) });
  };

  const close = () => {
    setPopover(null);
    scrollRef.current?.focus({ preventScroll: true });
  };

  const apply = async (choice: CodingChoice) => {
    if (!popover || !data) return;
    const target = popover;
    setPopover(null);
    // The selection goes before the focus returns, so the text's focus handler puts the keyboard caret back.
    window.getSelection()?.removeAllRanges();
    scrollRef.current?.focus({ preventScroll: true });
    perfMark('apply');
    try {
      if (target.segmentId === undefined) {
        const args = { documentId: data.id, ...target.span, codeIds: choice.codeIds, memo: choice.memo };
        const pending = { ...args, guid: '', coderId: currentCoderId ?? 0, text: '' };
        const segment = await codeOptimistically(pending, () => call('segments.create', { ...args, newCodes: choice.newCodes }));
        select(segment.id);
        reveal(segment);
        announce(`Coding stored: ${plural(choice.codeIds.length + choice.newCodes.length, 'code')}`);
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
        announce('Coding changed');
      }
    } catch (error) {
      announce(`Coding refused: ${(error as Error).message}`);
      onError(error as Error);
    }
  };

  return { popover, openForSelection, openForSegment, close, apply };
}
