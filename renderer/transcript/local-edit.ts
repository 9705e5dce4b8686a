// A text fix shown before the API has stored it (issue 19): the document and its codings as the edit will
// leave them, moved by the same rules the server applies (shared/text-rebase.ts), so the view repaints the
// moment the fix is sent and the refetch that follows finds nothing to change. Offsets are code points;
// only the text's own splice converts to UTF-16.
import type { Formatting, Paragraph } from '../../db/queries/documents';
import { codePointLength, codePointToUtf16 } from '../../shared/offsets';
import { movedParagraph, movedRange, movedRuns, type Splice } from '../../shared/text-rebase';
import { noteParagraphEdit } from './paragraph-edit';

/** Code points [start, end) replaced by `text`, as documents.editText takes it. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

interface EditedDocument {
  text: string;
  characters: number;
  paragraphs: Paragraph[];
  formatting: Formatting | null;
}

interface Range {
  id: number;
  start: number;
  end: number;
}

export const spliceOf = (change: TextChange): Splice => ({ start: change.start, end: change.end, length: codePointLength(change.text) });

/** The document after the change; paragraphs wholly before it are kept as they were (the same objects). */
export function documentAfterEdit<D extends EditedDocument>(doc: D, change: TextChange): D {
  const splices = [spliceOf(change)];
  // The paragraph holding the change: its own line is spliced, so only that line's code points are counted.
  const index = doc.paragraphs.findIndex((p) => p.end >= change.start);
  const p = doc.paragraphs[index];
  const base = p ? codePointToUtf16(doc.text, p.start) : 0;
  const lineEnd = doc.text.indexOf('\n', base);
  const line = doc.text.slice(base, lineEnd === -1 ? undefined : lineEnd);
  const from = base + codePointToUtf16(line, change.start - (p?.start ?? 0));
  const to = base + codePointToUtf16(line, change.end - (p?.start ?? 0));
  const f = doc.formatting;
  const after = {
    ...doc,
    text: doc.text.slice(0, from) + change.text + doc.text.slice(to),
    characters: doc.characters + splices[0]!.length - (change.end - change.start),
    paragraphs: doc.paragraphs.map((q, i) => (index === -1 || i < index ? q : movedParagraph(q, splices))),
    formatting: f && { ...f, bold: movedRuns(f.bold, splices), italic: movedRuns(f.italic, splices) },
  };
  // Words of one turn's speech: the view repaints that paragraph without comparing the whole texts.
  if (p && change.start >= p.bodyStart && change.end <= p.end) {
    const newLine = line.slice(0, from - base) + change.text + line.slice(to - base);
    noteParagraphEdit(doc, after, { index, line: newLine, start: change.start, end: change.end, length: splices[0]!.length });
  }
  return after;
}

/** The codings after the change: those wholly before it kept as they were, those whose text was all deleted gone. */
export function segmentsAfterEdit<S extends Range>(segments: S[], change: TextChange): S[] {
  const splices = [spliceOf(change)];
  return segments.map((s) => (s.end <= change.start ? s : { ...s, ...movedRange(s.start, s.end, splices) })).filter((s) => s.end > s.start);
}
