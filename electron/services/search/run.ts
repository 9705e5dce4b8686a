// search.run: a full-text query (FTS5: words, "phrases", prefix*, NEAR(a b), AND/OR/NOT) or a regex over
// the paragraphs in scope, as keyword-in-context hits grouped by document.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { requireCodeRef } from '../../../db/queries/code-refs';
import { findDocumentByName } from '../../../db/queries/documents';
import {
  codedRanges,
  documentsWithAttribute,
  matchParagraphs,
  scopedParagraphs,
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
  /** Only hits inside text coded (by any coder) with one of these codes: ids or references (paths, "MGF:Row/Column"). */
  codedWith: z
    .array(z.union([id, z.string().min(1).max(500)]))
    .max(500)
    .optional(),
  /** Only hits that no coding touches. */
  uncoded: z.boolean().optional(),
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

/** Drops hits outside the coded/uncoded scope. */
function inCodedScope(db: Db, hits: Hit[], scope: ScopeSpec | undefined): Hit[] {
  if (!scope?.codedWith && !scope?.uncoded) return hits;
  const codeIds = scope.codedWith?.map((c) => (typeof c === 'number' ? c : requireCodeRef(db, c))) ?? null;
  const ranges = codedRanges(db, [...new Set(hits.map((h) => h.documentId))], null);
  return hits.filter((h) => {
    const here = ranges.filter((r) => r.documentId === h.documentId);
    if (scope.uncoded && here.some((r) => r.start < h.end && h.start < r.end)) return false;
    if (codeIds && !here.some((r) => codeIds.includes(r.codeId) && r.start <= h.start && h.end <= r.end)) return false;
    return true;
  });
}

/** Every hit of a search, in document and text order. */
export async function findHits(db: Db, spec: SearchSpec, regexTimeLimitMs?: number): Promise<Hit[]> {
  const scope = paragraphScope(db, spec.scope);
  const hits: Hit[] = [];
  if (spec.regex) {
    const paragraphs = scopedParagraphs(db, scope);
    const matches = await regexMatches(
      spec.query,
      spec.ignoreCase ?? false,
      paragraphs.map((p) => p.text),
      regexTimeLimitMs,
    );
    let cached = -1;
    let cps: string[] = [];
    for (const [i, start, end] of matches) {
      if (i !== cached) [cached, cps] = [i, [...paragraphs[i]!.text]];
      hits.push(hitIn(paragraphs[i]!, cps, start, end));
    }
  } else {
    for (const p of matchParagraphs(db, spec.query, !spec.noStem, scope)) {
      const cps = [...unmarked(p.text)];
      for (const [start, end] of markedRanges(p.text)) hits.push(hitIn(p, cps, start, end));
    }
  }
  return inCodedScope(db, hits, spec.scope);
}

export const runArgs = searchSpec.extend({
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** One page of hits, with the number of hits in each document. */
export async function runSearch(db: Db, args: z.output<typeof runArgs>, regexTimeLimitMs?: number) {
  const { offset = 0, limit = 100, ...spec } = args;
  const hits = await findHits(db, spec, regexTimeLimitMs);
  const groups: { documentId: number; document: string; hits: number }[] = [];
  for (const h of hits) {
    const last = groups.at(-1);
    if (last?.documentId === h.documentId) last.hits++;
    else groups.push({ documentId: h.documentId, document: h.document, hits: 1 });
  }
  return { total: hits.length, groups, offset, hits: hits.slice(offset, offset + limit) };
}
