// Pseudonymising: a name replaced wherever it occurs, across documents, as text edits (text-edit.ts) that
// keep every coding. The preview lists each hit with the words around it; applying replaces them all in
// one transaction (one undo step when called from the API).
import { documentText } from '../../db/document-text';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { listDocuments } from '../../db/queries/documents';
import type { Segment } from '../../db/queries/segments';
import { applyTextChanges, type TextChange } from './text-edit';

export interface PseudonymiseOptions {
  find: string;
  replace: string;
  /** Only these documents; default: every document. */
  documentIds?: number[];
  /** Default: false ("jon" finds "Jon"). */
  caseSensitive?: boolean;
  /** Default: true ("Jon" does not find "Jonathan"). */
  wholeWord?: boolean;
}

export interface PseudonymHit {
  documentId: number;
  document: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Up to CONTEXT characters of the same paragraph on each side. */
  before: string;
  after: string;
}

const CONTEXT = 40;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

function pattern(options: PseudonymiseOptions): RegExp {
  const find = options.find;
  if (!find.trim()) throw new DataError('invalid', 'Say what to find.');
  if (LINE_BREAK.test(find) || LINE_BREAK.test(options.replace))
    throw new DataError('invalid', 'A name to replace, or its replacement, cannot hold a line break.');
  const escaped = find.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const word = options.wholeWord ?? true;
  const source = word ? `(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])` : escaped;
  return new RegExp(source, `gu${options.caseSensitive ? '' : 'i'}`);
}

/** The hits in one text, in code points; UTF-16 indexes are converted walking the text once. */
function hitsIn(text: string, regex: RegExp, replace: string): { start: number; end: number; text: string; at: number }[] {
  const hits: { start: number; end: number; text: string; at: number }[] = [];
  let unit = 0;
  let point = 0;
  const pointAt = (index: number) => {
    for (; unit < index; point++) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && unit + 1 < text.length ? 2 : 1;
    }
    return point;
  };
  for (const match of text.matchAll(regex)) {
    if (match[0] === replace) continue;
    const start = pointAt(match.index);
    const end = pointAt(match.index + match[0].length);
    hits.push({ start, end, text: match[0], at: match.index });
  }
  return hits;
}

function documentsOf(db: Db, ids: number[] | undefined): { id: number; name: string }[] {
  const all = listDocuments(db);
  if (!ids) return all;
  for (const id of ids) if (!all.some((d) => d.id === id)) throw new DataError('not-found', `There is no document with id ${id}.`);
  return all.filter((d) => ids.includes(d.id));
}

export function pseudonymisePreview(db: Db, options: PseudonymiseOptions): { hits: PseudonymHit[]; documents: number } {
  const regex = pattern(options);
  const hits: PseudonymHit[] = [];
  for (const d of documentsOf(db, options.documentIds)) {
    const { text } = documentText(db, d.id);
    for (const h of hitsIn(text, regex, options.replace)) {
      const before = text
        .slice(Math.max(0, h.at - CONTEXT), h.at)
        .split(LINE_BREAK)
        .at(-1)!;
      const after = text.slice(h.at + h.text.length, h.at + h.text.length + CONTEXT).split(LINE_BREAK)[0]!;
      hits.push({ documentId: d.id, document: d.name, start: h.start, end: h.end, text: h.text, before, after });
    }
  }
  return { hits, documents: new Set(hits.map((h) => h.documentId)).size };
}

export interface PseudonymiseResult {
  replaced: number;
  documents: { documentId: number; document: string; replaced: number }[];
  /** Segments whose text was all replaced by nothing (an empty replacement). */
  removed: Segment[];
}

/** Replaces every hit; call inside the mutation's transaction. */
export function pseudonymise(db: Db, options: PseudonymiseOptions): PseudonymiseResult {
  const regex = pattern(options);
  const documents: PseudonymiseResult['documents'] = [];
  const removed: Segment[] = [];
  for (const d of documentsOf(db, options.documentIds)) {
    const changes: TextChange[] = hitsIn(documentText(db, d.id).text, regex, options.replace).map((h) => ({
      start: h.start,
      end: h.end,
      text: options.replace,
    }));
    if (changes.length === 0) continue;
    removed.push(...applyTextChanges(db, d.id, changes));
    documents.push({ documentId: d.id, document: d.name, replaced: changes.length });
  }
  return { replaced: documents.reduce((n, d) => n + d.replaced, 0), documents, removed };
}
