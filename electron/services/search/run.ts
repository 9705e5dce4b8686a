// search.run: a full-text query (FTS5: words, "phrases", prefix*, NEAR(a b), AND/OR/NOT) or a regex over
// the paragraphs in scope, as keyword-in-context hits a page at a time; search.count counts them by document.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { requireCodeRef } from '../../../db/queries/code-refs';
import { findDocumentByName } from '../../../db/queries/documents';
import {
  codedRanges,
  documentsMatching,
  documentsWithAttribute,
  matchingParagraphs,
  scopedParagraphs,
  type CodedRange,
  type ParagraphScope,
  type ScopedParagraph,
} from '../../../db/queries/search';
import type { Db } from '../../../db/project-file';
import { id, name } from '../../api/schemas';
import { markedRanges, unmarked } from './highlight';
import { regexMatches } from './regex';

export const scopeSpec = z.strictObject({
  documentIds: z.array(id).max(100_000).optional(),
  /** Document names. */
  documents: z.array(name).max(100_000).optional(),
  /** Documents of the cases with this attribute value. */
  cases: z.strictObject({ attribute: name, value: z.string().max(1000) }).optional(),
  speakers: z.array(z.string().trim().min(1).max(500)).max(500).optional(),
  /** Only hits inside text coded (by any coder, or those of codedBy) with one of these codes: ids or references (paths, "MGF:Row/Column"). */
  codedWith: z
    .array(z.union([id, z.string().min(1).max(500)]))
    .max(500)
    .optional(),
  /** Only hits that no coding touches. */
  uncoded: z.boolean().optional(),
  /** Whose codings codedWith and uncoded look at: these coders' only (blind coding), every coder's by default. */
  codedBy: z.array(id).min(1).max(1000).optional(),
});

export const searchSpec = z.strictObject({
  query: z.string().trim().min(1).max(2000),
  regex: z.boolean().optional(),
  /** Regex only: ignore case (FTS5 queries always do). */
  ignoreCase: z.boolean().optional(),
  /** Full text only: match words as written instead of by their English stem. */
  noStem: z.boolean().optional(),
  scope: scopeSpec.optional(),
});
export type SearchSpec = z.output<typeof searchSpec>;
export type ScopeSpec = z.output<typeof scopeSpec>;

/** Where a hit lies: a passage to auto-code. */
export interface Found {
  documentId: number;
  paragraph: number;
  start: number;
  end: number;
}

export interface Hit {
  documentId: number;
  document: string;
  paragraph: number;
  speaker: string | null;
  /** Code points of the document text, end exclusive; `match` is exactly the text between them. */
  start: number;
  end: number;
  match: string;
  /** Up to CONTEXT code points of the paragraph's speech before and after the match. */
  before: string;
  after: string;
}

const CONTEXT = 60;

/** The documents and speakers a scope leaves (null: no limit), resolving names to ids. */
export function paragraphScope(db: Db, scope: ScopeSpec | undefined): ParagraphScope {
  let documentIds: number[] | null = null;
  const narrow = (ids: number[]) => (documentIds = documentIds === null ? ids : documentIds.filter((d) => ids.includes(d)));
  if (scope?.documentIds) narrow(scope.documentIds);
  if (scope?.documents) {
    narrow(
      scope.documents.map((n) => {
        const found = findDocumentByName(db, n);
        if (found === undefined) throw new DataError('not-found', `There is no document named "${n}".`);
        return found;
      }),
    );
  }
  if (scope?.cases) narrow(documentsWithAttribute(db, scope.cases.attribute, scope.cases.value));
  return { documentIds, speakers: scope?.speakers ?? null };
}

function hitIn(p: ScopedParagraph, cps: string[], start: number, end: number): Hit {
  return {
    documentId: p.documentId,
    document: p.document,
    paragraph: p.n,
    speaker: p.speaker,
    start: p.bodyStart + start,
    end: p.bodyStart + end,
    match: cps.slice(start, end).join(''),
    before: cps.slice(Math.max(0, start - CONTEXT), start).join(''),
    after: cps.slice(end, end + CONTEXT).join(''),
  };
}

/** A paragraph in scope (its speech without marks) and its hits, in code points of the speech. */
interface ParagraphHits {
  p: ScopedParagraph;
  ranges: [number, number][];
}

/** The FTS5 query's hits paragraph by paragraph, document after document, matching no further than read. */
function* fullTextHits(db: Db, spec: SearchSpec, scope: ParagraphScope): Generator<ParagraphHits> {
  for (const document of documentsMatching(db, spec.query, !spec.noStem, scope.documentIds)) {
    for (const p of matchingParagraphs(db, spec.query, !spec.noStem, document, scope.speakers)) {
      const ranges = markedRanges(p.text);
      yield { p: { ...p, text: unmarked(p.text) }, ranges };
    }
  }
}

/** The regex's hits paragraph by paragraph (all found at once, in a worker that a time limit stops). */
async function regexHits(db: Db, spec: SearchSpec, scope: ParagraphScope, timeLimitMs?: number): Promise<ParagraphHits[]> {
  const paragraphs = scopedParagraphs(db, scope);
  const matches = await regexMatches(
    spec.query,
    spec.ignoreCase ?? false,
    paragraphs.map((p) => p.text),
    timeLimitMs,
  );
  const found: ParagraphHits[] = [];
  for (const [i, start, end] of matches) {
    const last = found.at(-1);
    if (last?.p === paragraphs[i]) last.ranges.push([start, end]);
    else found.push({ p: paragraphs[i]!, ranges: [[start, end]] });
  }
  return found;
}

/** Keeps the hits inside the coded/uncoded scope, reading each document's codings when it comes. */
function* inCodedScope(db: Db, found: Iterable<ParagraphHits>, scope: ScopeSpec | undefined): Generator<ParagraphHits> {
  if (!scope?.codedWith && !scope?.uncoded) return yield* found;
  const codeIds = scope.codedWith?.map((c) => (typeof c === 'number' ? c : requireCodeRef(db, c))) ?? null;
  let documentId = -1;
  let here: CodedRange[] = [];
  for (const { p, ranges } of found) {
    if (p.documentId !== documentId)
      [documentId, here] = [
        p.documentId,
        codedRanges(db, [p.documentId], null).filter((r) => !scope.codedBy || scope.codedBy.includes(r.coderId)),
      ];
    const kept = ranges.filter(([s, e]) => {
      const [start, end] = [p.bodyStart + s, p.bodyStart + e];
      if (scope.uncoded && here.some((r) => r.start < end && start < r.end)) return false;
      if (codeIds && !here.some((r) => codeIds.includes(r.codeId) && r.start <= start && end <= r.end)) return false;
      return true;
    });
    if (kept.length) yield { p, ranges: kept };
  }
}

/** The hits of a search paragraph by paragraph, in document and text order; lazy for a full-text query. */
async function paragraphHits(db: Db, spec: SearchSpec, regexTimeLimitMs?: number): Promise<Iterable<ParagraphHits>> {
  const scope = paragraphScope(db, spec.scope);
  const found = spec.regex ? await regexHits(db, spec, scope, regexTimeLimitMs) : fullTextHits(db, spec, scope);
  return inCodedScope(db, found, spec.scope);
}

/** Where every hit of a search lies (no context), in document and text order. */
export async function findHits(db: Db, spec: SearchSpec, regexTimeLimitMs?: number): Promise<Found[]> {
  const hits: Found[] = [];
  for (const { p, ranges } of await paragraphHits(db, spec, regexTimeLimitMs)) {
    for (const [start, end] of ranges)
      hits.push({ documentId: p.documentId, paragraph: p.n, start: p.bodyStart + start, end: p.bodyStart + end });
  }
  return hits;
}

export const runArgs = searchSpec.extend({
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/**
 * One page of hits, and whether more follow. A full-text query stops reading the index once the page is
 * full, so the first page comes at once however common the word; search.count counts them all.
 */
export async function runSearch(db: Db, args: z.output<typeof runArgs>, regexTimeLimitMs?: number) {
  const { offset = 0, limit = 100, ...spec } = args;
  const hits: Hit[] = [];
  let seen = 0;
  for (const { p, ranges } of await paragraphHits(db, spec, regexTimeLimitMs)) {
    if (seen + ranges.length <= offset) {
      seen += ranges.length;
      continue;
    }
    if (hits.length === limit) return { offset, hits, more: true };
    const cps = [...p.text];
    for (const [start, end] of ranges) {
      if (seen++ < offset) continue;
      if (hits.length === limit) return { offset, hits, more: true };
      hits.push(hitIn(p, cps, start, end));
    }
  }
  return { offset, hits, more: false };
}

/** The number of hits of a search in each document that has any, in document order, and in all. */
export async function countHits(db: Db, spec: SearchSpec, regexTimeLimitMs?: number) {
  const groups: { documentId: number; document: string; hits: number }[] = [];
  for (const { p, ranges } of await paragraphHits(db, spec, regexTimeLimitMs)) {
    const last = groups.at(-1);
    if (last?.documentId === p.documentId) last.hits += ranges.length;
    else groups.push({ documentId: p.documentId, document: p.document, hits: ranges.length });
  }
  return { total: groups.reduce((sum, g) => sum + g.hits, 0), groups };
}
