// The transcript as a read-only Lexical document: one TurnNode per paragraph, one RunNode per stretch
// of text, whose code-point offset in the canonical text a run table beside the editor keeps. Codings never
// enter the Lexical state; this module only maps offsets to DOM positions and back.
import { $getNodeByKey, $getRoot, createEditor, ElementNode, TextNode, type EditorConfig, type LexicalEditor } from 'lexical';
import { codePointLength, codePointToUtf16, utf16ToCodePoint } from '../../shared/offsets';
import type { Formatting, Paragraph } from '../../db/queries/documents';
import { offsetAfter, spliceRuns, type ParagraphEdit, type TextVersion } from './paragraph-edit';

export type ViewerParagraph = Paragraph;

/** A run of text; its code-point offset is kept in the run table, not here, since an edit moves it (see `data-at`). */
class RunNode extends TextNode {
  __speaker = false;

  override $config() {
    return this.config('trellis-run', { extends: TextNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__speaker = prev.__speaker;
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const dom = super.createDOM(config, editor);
    // The codes' highlight rules match this class only (highlights.ts).
    dom.classList.add('run');
    if (this.__speaker) dom.classList.add('speaker');
    return dom;
  }
}

/** A speaker turn; its number and timestamp are drawn in the gutter from data attributes. */
class TurnNode extends ElementNode {
  __n = 0;
  __time = '';

  override $config() {
    return this.config('trellis-turn', { extends: ElementNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__n = prev.__n;
    this.__time = prev.__time;
  }

  override createDOM(): HTMLElement {
    const p = document.createElement('p');
    p.className = 'turn';
    p.dataset.n = String(this.__n);
    if (this.__time) p.dataset.time = this.__time;
    return p;
  }

  override updateDOM(): boolean {
    return false;
  }
}

/** A heading from an imported document, shown as such (it is still one numbered paragraph). */
class HeadingTurnNode extends TurnNode {
  __level = 1;

  override $config() {
    return this.config('trellis-heading-turn', { extends: TurnNode });
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__level = prev.__level;
  }

  override createDOM(): HTMLElement {
    const p = super.createDOM();
    p.classList.add('heading', `heading-${this.__level}`);
    return p;
  }
}

/** Cuts [start, end) at every bold/italic boundary inside it, with the formats of each piece. */
function formattedPieces(
  start: number,
  end: number,
  formatting: Formatting | null | undefined,
): { start: number; end: number; bold: boolean; italic: boolean }[] {
  if (!formatting || (formatting.bold.length === 0 && formatting.italic.length === 0)) return [{ start, end, bold: false, italic: false }];
  const cuts = new Set([start, end]);
  for (const [a, b] of [...formatting.bold, ...formatting.italic]) {
    if (a > start && a < end) cuts.add(a);
    if (b > start && b < end) cuts.add(b);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const covered = (ranges: [number, number][], at: number) => ranges.some(([a, b]) => a <= at && at < b);
  return points
    .slice(0, -1)
    .map((a, i) => ({ start: a, end: points[i + 1]!, bold: covered(formatting.bold, a), italic: covered(formatting.italic, a) }));
}

const formatTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

interface Run {
  start: number;
  end: number;
  key: string;
  text: string;
}

export interface TranscriptDocument {
  editor: LexicalEditor;
  /** Code points of the whole text. */
  length: number;
  /** Puts the new text of the paragraph an edit changed in place and moves the offsets after it; the caret follows. */
  replaceParagraph(edit: ParagraphEdit, after: TextVersion): void;
  /** The edits put in place since the mount, in order: marks placed before one move through those after (spanAfterEdits). */
  edits: ParagraphEdit[];
  /** DOM position of a code-point offset, for building Ranges. */
  toDom(offset: number): { node: Node; offset: number } | null;
  /** Code-point offset of a DOM position inside the transcript, or null when it is outside any text. */
  fromDom(node: Node, offset: number): number | null;
  /** A DOM Range over [start, end) in code points. */
  range(start: number, end: number): Range | null;
  /** The paragraph containing an offset. */
  paragraphAt(offset: number): ViewerParagraph | undefined;
  /** The element of the turn containing an offset. */
  turnElementAt(offset: number): HTMLElement | null;
  /** The paragraph whose turn is at `y` pixels below the top of the turns' offset parent (the nearest one). */
  paragraphAtHeight(y: number): ViewerParagraph | undefined;
  destroy(): void;
}

/** Index of the last item (sorted by start) that starts at or before the offset; 0 when none does. */
function lastStartingBy(items: { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The runs of one paragraph's text `line`: its label, then its speech cut at every bold/italic boundary. */
function $paragraphRuns(p: ViewerParagraph, line: string, formatting: Formatting | null | undefined): { node: RunNode; run: Run }[] {
  const at = (offset: number) => codePointToUtf16(line, offset - p.start);
  const pieces = [
    ...(p.bodyStart > p.start ? [{ start: p.start, end: p.bodyStart, bold: false, italic: false, speaker: true }] : []),
    ...(p.end > p.bodyStart ? formattedPieces(p.bodyStart, p.end, formatting).map((piece) => ({ ...piece, speaker: false })) : []),
  ];
  return pieces.map((piece) => {
    const slice = line.slice(at(piece.start), at(piece.end));
    const node = new RunNode(slice);
    node.__speaker = piece.speaker;
    if (piece.bold) node.toggleFormat('bold');
    if (piece.italic) node.toggleFormat('italic');
    return { node, run: { start: piece.start, end: piece.end, key: node.getKey(), text: slice } };
  });
}

/** Renders `text` (paragraphs joined by "\n") into `root` and returns the offset mapping. */
export function mountTranscript(
  root: HTMLElement,
  text: string,
  initialParagraphs: ViewerParagraph[],
  formatting?: Formatting | null,
): TranscriptDocument {
  const editor = createEditor({
    namespace: 'trellis-transcript',
    nodes: [RunNode, TurnNode, HeadingTurnNode],
    editable: false,
    onError: (error) => console.error(error),
  });
  editor.setRootElement(root);
  const lines = text.split('\n');
  let runs: Run[] = [];
  let paragraphs = initialParagraphs;
  const turnKeys: string[] = [];
  editor.update(
    () => {
      const body = $getRoot();
      body.clear();
      const headings = new Map((formatting?.headings ?? []).map((h) => [h.n, h.level]));
      paragraphs.forEach((p, i) => {
        const line = lines[i] ?? '';
        const level = headings.get(p.n);
        const turn = level === undefined ? new TurnNode() : Object.assign(new HeadingTurnNode(), { __level: level });
        turn.__n = p.n;
        turn.__time = p.timeMs === null ? '' : formatTime(p.timeMs);
        const built = $paragraphRuns(p, line, formatting);
        runs.push(...built.map((b) => b.run));
        turn.append(...built.map((b) => b.node));
        turnKeys.push(turn.getKey());
        body.append(turn);
      });
    },
    { discrete: true },
  );
  const runIndexAt = (offset: number) => lastStartingBy(runs, offset);
  const paragraphIndexAt = (offset: number) => lastStartingBy(paragraphs, offset);

  /**
   * Writes the offset of runs [from, to) in their turn on their elements (fromDom reads it back): an edit
   * then writes its own paragraph's runs again, not the thousands after it, which only move with their turn.
   */
  const label = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const run = runs[i]!;
      const element = editor.getElementByKey(run.key);
      if (element) element.dataset.at = String(run.start - paragraphs[paragraphIndexAt(run.start)]!.start);
    }
  };
  label(0, runs.length);

  /** The paragraph of a turn's element (numbered from 1 in order, unless a document says otherwise). */
  const paragraphOf = (turn: HTMLElement) => {
    const n = Number(turn.dataset.n);
    return paragraphs[n - 1]?.n === n ? paragraphs[n - 1] : paragraphs.find((p) => p.n === n);
  };

  /** The DOM text node of a run; formatted runs nest it in <strong>/<em>. */
  const textNodeOf = (run: Run) => {
    let node: Node | null | undefined = editor.getElementByKey(run.key);
    while (node && node.nodeType !== Node.TEXT_NODE) node = node.firstChild;
    return node ?? null;
  };

  const toDom = (offset: number) => {
    if (runs.length === 0) return null;
    const run = runs[runIndexAt(offset)]!;
    const node = textNodeOf(run);
    if (!node) return null;
    const within = Math.min(Math.max(offset - run.start, 0), run.end - run.start);
    return { node, offset: codePointToUtf16(run.text, within) };
  };

  const fromDom = (node: Node, offset: number): number | null => {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const runElement = element?.closest<HTMLElement>('[data-at]');
    const runTurn = runElement?.closest<HTMLElement>('.turn');
    const runParagraph = runTurn && root.contains(runTurn) ? paragraphOf(runTurn) : undefined;
    if (runElement && runParagraph) {
      const start = runParagraph.start + Number(runElement.dataset.at);
      const run = runs[runIndexAt(start)]!;
      if (node.nodeType === Node.TEXT_NODE) return start + utf16ToCodePoint(run.text, offset);
      return offset === 0 ? start : run.end;
    }
    // An element boundary, e.g. the start of a paragraph after a triple click.
    const turn = element?.closest<HTMLElement>('.turn');
    if (!turn || !root.contains(turn)) return null;
    const paragraph = paragraphOf(turn);
    if (!paragraph) return null;
    const child = turn.childNodes[offset] as HTMLElement | undefined;
    return child?.dataset?.at !== undefined ? paragraph.start + Number(child.dataset.at) : paragraph.end;
  };

  const doc: TranscriptDocument = {
    editor,
    length: codePointLength(text),
    edits: [],
    replaceParagraph(edit, after) {
      const old = paragraphs[edit.index]!;
      const p = after.paragraphs[edit.index]!;
      // The caret (or selection) is read before its text nodes go and put back after, moved by the edit.
      const selection = window.getSelection();
      const held =
        selection?.anchorNode && selection.focusNode && root.contains(selection.anchorNode)
          ? [fromDom(selection.anchorNode, selection.anchorOffset), fromDom(selection.focusNode, selection.focusOffset)]
          : null;
      let fresh: Run[] = [];
      editor.update(
        () => {
          const turn = $getNodeByKey<TurnNode>(turnKeys[edit.index]!)!;
          const built = $paragraphRuns(p, edit.line, after.formatting);
          fresh = built.map((b) => b.run);
          turn.clear();
          turn.append(...built.map((b) => b.node));
        },
        { discrete: true },
      );
      runs = spliceRuns(runs, old.start, old.end, fresh, p.end - old.end);
      paragraphs = after.paragraphs;
      doc.length += p.end - old.end;
      doc.edits = [...doc.edits, edit];
      // Only the new runs are labelled: those elsewhere keep their offsets in their turns.
      const first = fresh.length ? runs.indexOf(fresh[0]!) : 0;
      label(first, first + fresh.length);
      if (held && held[0] !== null && held[1] !== null) {
        const anchor = toDom(offsetAfter(edit, held[0]));
        const focus = toDom(offsetAfter(edit, held[1]));
        if (anchor && focus) selection!.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
      }
    },
    toDom,
    fromDom,
    range(start, end) {
      const from = toDom(start);
      const to = toDom(end);
      if (!from || !to) return null;
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      return range;
    },
    paragraphAt(offset) {
      return paragraphs[paragraphIndexAt(offset)];
    },
    turnElementAt(offset) {
      const key = turnKeys[paragraphIndexAt(offset)];
      return key ? editor.getElementByKey(key) : null;
    },
    paragraphAtHeight(y) {
      // A binary search over the turns' offsetTop: no hit testing, one layout at most.
      let lo = 0;
      let hi = turnKeys.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((editor.getElementByKey(turnKeys[mid]!)?.offsetTop ?? 0) <= y) lo = mid;
        else hi = mid - 1;
      }
      return paragraphs[lo];
    },
    destroy() {
      editor.setRootElement(null);
    },
  };
  return doc;
}
