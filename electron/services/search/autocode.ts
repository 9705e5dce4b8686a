// search.autocode: codes every hit of a search (or the chosen ones), grown to the word, sentence,
// paragraph or turn, or every turn of a speaker; skips what that coder already coded with that code.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { requireCodeRef } from '../../../db/queries/code-refs';
import { getDocument, type Paragraph } from '../../../db/queries/documents';
import { scopedParagraphs, codedRanges } from '../../../db/queries/search';
import { getSegment, insertSegment, type Segment } from '../../../db/queries/segments';
import type { Db } from '../../../db/project-file';
import { id, name } from '../../api/schemas';
import { EXPANSIONS, expandHit } from './expand';
import { findHits, paragraphScope, scopeSpec, searchSpec, type Found } from './run';

const offset = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

export const autocodeSpec = z
  .strictObject({
    /** The hits of this search… */
    search: searchSpec.optional(),
    /** …only these of them (as search.run returned them); all when absent. */
    hits: z
      .array(z.strictObject({ documentId: id, start: offset, end: offset }))
      .max(100_000)
      .optional(),
    /** Or every turn of this speaker, in this scope. */
    speaker: z.string().trim().min(1).max(500).optional(),
    scope: scopeSpec.optional(),
    expand: z.enum(EXPANSIONS).default('hit'),
    codeIds: z.array(id).max(200).optional(),
    /** Codebook paths or framework references. */
    codeRefs: z.array(z.string().min(1).max(500)).max(200).optional(),
    /** A coder name (created on first use); the current coder when absent. */
    coder: name.optional(),
  })
  .refine((a) => (a.search === undefined) !== (a.speaker === undefined), 'give either a search or a speaker')
  .refine((a) => (a.codeIds?.length ?? 0) + (a.codeRefs?.length ?? 0) > 0, 'give at least one code');
export type AutocodeSpec = z.output<typeof autocodeSpec>;

/** The hits or turns to code (a regex runs in a worker: done before the mutation's transaction). */
export async function findPassages(db: Db, spec: AutocodeSpec, regexTimeLimitMs?: number): Promise<Found[]> {
  if (spec.speaker !== undefined) {
    const scope = paragraphScope(db, spec.scope);
    const turns = scopedParagraphs(db, { ...scope, speakers: [spec.speaker] });
    if (turns.length === 0) throw new DataError('not-found', `No paragraph in scope is spoken by "${spec.speaker}".`);
    return turns.map((p) => ({ documentId: p.documentId, paragraph: p.n, start: p.bodyStart, end: p.end }));
  }
  const hits = await findHits(db, spec.search!, regexTimeLimitMs);
  const chosen = spec.hits && new Set(spec.hits.map((h) => `${h.documentId}:${h.start}:${h.end}`));
  return chosen ? hits.filter((h) => chosen.has(`${h.documentId}:${h.start}:${h.end}`)) : hits;
}

export interface Plan {
  documentId: number;
  start: number;
  end: number;
  codeIds: number[];
}

/** The segments auto-coding will create, and how many passages it skips as already coded by this coder. */
export function planAutocode(db: Db, spec: AutocodeSpec, found: Found[], coderId: number): { plan: Plan[]; skipped: number } {
  const codeIds = [...new Set([...(spec.codeIds ?? []), ...(spec.codeRefs ?? []).map((r) => requireCodeRef(db, r))])];
  const how = spec.speaker !== undefined && spec.expand === 'hit' ? 'turn' : spec.expand;
  const documents = new Map<number, { cps: string[]; paragraphs: Paragraph[] }>();
  const passages = new Map<string, { documentId: number; start: number; end: number }>();
  for (const f of found) {
    let doc = documents.get(f.documentId);
    if (!doc) {
      const full = getDocument(db, f.documentId);
      documents.set(f.documentId, (doc = { cps: Array.from(full.text), paragraphs: full.paragraphs }));
    }
    const index = doc.paragraphs.findIndex((p) => p.n === f.paragraph);
    const [start, end] = expandHit(doc.cps, doc.paragraphs, index, f.start, f.end, how);
    passages.set(`${f.documentId}:${start}:${end}`, { documentId: f.documentId, start, end });
  }
  const coded = codedRanges(db, [...documents.keys()], codeIds).filter((r) => r.coderId === coderId);
  const plan: Plan[] = [];
  let skipped = 0;
  for (const p of passages.values()) {
    const missing = codeIds.filter(
      (c) => !coded.some((r) => r.codeId === c && r.documentId === p.documentId && r.start <= p.start && p.end <= r.end),
    );
    if (missing.length === 0) skipped++;
    else plan.push({ ...p, codeIds: missing });
  }
  return { plan, skipped };
}

/** Stores the planned segments (inside the caller's transaction and undo step). */
export function applyPlan(db: Db, plan: Plan[], coderId: number): Segment[] {
  return plan.map((p) => getSegment(db, insertSegment(db, { ...p, coderId })));
}
