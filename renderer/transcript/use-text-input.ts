// Mouse and keyboard on the text: a selection opens the coding popover, a click or [ and ] select a
// coding, Escape lets go; the arrows with Shift select (see selection.ts).
import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { extendSelectionByKey } from './selection';
import type { MountedTranscript } from './use-transcript-mount';

interface Options {
  mounted: MountedTranscript | null;
  data: ResultOf<'documents.get'> | undefined;
  scrollRef: RefObject<HTMLDivElement | null>;
  rootRef: RefObject<HTMLDivElement | null>;
  openPopover(): void;
  select(id: null): void;
  selectAt(x: number, y: number): void;
  step(direction: 1 | -1): void;
}

export function useTextInput({ mounted, data, scrollRef, rootRef, openPopover, select, selectAt, step }: Options) {
  /** Keyboard selection needs a starting point: put an (invisible) caret at the first turn's speech. */
  const placeCaret = () => {
    const selection = window.getSelection();
    if (!mounted || !data || !selection || (selection.rangeCount > 0 && rootRef.current?.contains(selection.anchorNode))) return;
    const first = data.paragraphs[0];
    const start = first ? mounted.doc.toDom(first.bodyStart) : null;
    if (start) selection.collapse(start.node, start.offset);
  };

  const onMouseUp = (e: MouseEvent) => {
    // A click on a stripe selects its coding (the margin handles it).
    if (!mounted || e.button !== 0 || (e.target as HTMLElement).closest('.stripes')) return;
    if (window.getSelection()?.isCollapsed === false) return openPopover();
    selectAt(e.clientX, e.clientY);
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
      openPopover();
    } else if (e.key === 'Escape') {
      window.getSelection()?.removeAllRanges();
      select(null);
    } else if (e.key === ']' && plain) {
      e.preventDefault();
      step(1);
    } else if (e.key === '[' && plain) {
      e.preventDefault();
      step(-1);
    }
  };

  return { onMouseUp, onKeyDown, onFocus: placeCaret };
}
