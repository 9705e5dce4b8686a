// Mouse and keyboard on the text: a selection opens the coding popover, a click or [ and ] select a
// coding, Escape lets go; the arrows, Home/End and Page Up/Down move the caret, with Shift they select
// (see selection.ts).
import type { KeyboardEvent, MouseEvent, RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { caretRect, moveCaretByKey } from './selection';
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
  /** Says the codings at a caret offset (Alt+Shift+K). */
  sayAt(offset: number): void;
}

/** The pending keep-the-caret-in-view loop after Ctrl+Home/End, if any; the next key cancels it. */
let settling: (() => void) | null = null;

export function useTextInput({ mounted, data, scrollRef, rootRef, openPopover, select, selectAt, step, sayAt }: Options) {
  /** Keyboard selection needs a starting point: put an (invisible) caret at the first turn's speech. */
  const placeCaret = () => {
    const selection = window.getSelection();
    if (!mounted || !data || !selection || (selection.rangeCount > 0 && rootRef.current?.contains(selection.anchorNode))) return;
    const first = data.paragraphs[0];
    const start = first ? mounted.doc.toDom(first.bodyStart) : null;
    if (start) selection.collapse(start.node, start.offset);
  };

  /** Once the caret leaves the screen, scrolls it back on, a line clear of the edge it left by. */
  const keepInView = (scroller: HTMLElement) => {
    const rect = caretRect();
    const box = scroller.getBoundingClientRect();
    if (!rect) return;
    if (rect.top < box.top) scroller.scrollBy({ top: rect.top - box.top - rect.height });
    else if (rect.bottom > box.bottom) scroller.scrollBy({ top: rect.bottom - box.bottom + rect.height });
  };

  const onMouseUp = (e: MouseEvent) => {
    // A click on a stripe selects its coding (the margin handles it).
    if (!mounted || e.button !== 0 || (e.target as HTMLElement).closest('.stripes')) return;
    if (window.getSelection()?.isCollapsed === false) return openPopover();
    selectAt(e.clientX, e.clientY);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== scrollRef.current) return;
    settling = null;
    placeCaret();
    const scroller = scrollRef.current;
    // Ctrl+Home/End: the text's ends (the browser's document boundary lies outside the transcript).
    if (mounted && data && scroller && e.ctrlKey && (e.key === 'Home' || e.key === 'End') && !e.altKey) {
      e.preventDefault();
      const last = data.paragraphs[data.paragraphs.length - 1];
      const to = mounted.doc.toDom(e.key === 'Home' ? (data.paragraphs[0]?.bodyStart ?? 0) : (last?.end ?? 0));
      const selection = window.getSelection();
      if (to && selection) {
        if (e.shiftKey) selection.extend(to.node, to.offset);
        else selection.collapse(to.node, to.offset);
      }
      scroller.scrollTop = e.key === 'Home' ? 0 : scroller.scrollHeight;
      // Turns laid out late (content-visibility) move the text's end: keep the caret in view while they
      // settle, until the next key takes over.
      let frames = 30;
      const settle = () => {
        if (settling !== settle) return;
        keepInView(scroller);
        if (--frames > 0) requestAnimationFrame(settle);
      };
      settling = settle;
      requestAnimationFrame(settle);
      return;
    }
    const lineHeight = rootRef.current ? parseFloat(getComputedStyle(rootRef.current).lineHeight) : 29;
    const from = caretRect();
    if (scroller && moveCaretByKey(e.nativeEvent, Math.floor(scroller.clientHeight / lineHeight) - 1)) {
      e.preventDefault();
      // Page Up/Down turn the page with the caret, as in an editor.
      const to = caretRect();
      if (e.key.startsWith('Page') && from && to) scroller.scrollBy({ top: to.top - from.top });
      keepInView(scroller);
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
    } else if (e.code === 'KeyK' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) {
      // By the key's place, not its letter: Alt changes the letter typed on some layouts.
      e.preventDefault();
      const selection = window.getSelection();
      const offset = mounted && selection?.focusNode ? mounted.doc.fromDom(selection.focusNode, selection.focusOffset) : null;
      if (offset !== null) sayAt(offset);
    }
  };

  return { onMouseUp, onKeyDown, onFocus: placeCaret };
}
