// Where two coders differ: per code and document, in document order, by character the stretches of code
// points one coder coded and the other did not ("only A", "only B"); by paragraph the speaker turns one coder
// applied the code somewhere in and the other nowhere in (agreement.compute's paragraph unit, the same
// paragraphs and the same paragraphUnits). Only documents both coders took part in count (as in the
// statistics: a coder missing from a document is missing data, not a disagreement).
import { z } from 'zod';
import type { Db } from '../../../db/project-file';
import { codedRanges, coderPresence, documentLengths, documentTexts, reconciliationsIn } from '../../../db/queries/agreement';
import { codeCatalog } from '../../../db/queries/codes';
import { sliceCodePoints } from '../../../shared/offsets';
import { agreementSpec, paragraphsOf, resolveScope } from './compute';
import { type Interval, mergeIntervals, paragraphUnits } from './intervals';

export const disagreementsSpec = agreementSpec.pick({ codes: true, documents: true }).extend({
  coders: z.array(z.string().trim().min(1).max(2000)).length(2, 'Disagreements compare exactly two coders.'),
  /** Stretches of code points, or whole speaker turns (the code present in the turn for one coder only). */
  unit: z.enum(['character', 'paragraph']).default('character'),
});

export type DisagreementsSpec = z.output<typeof disagreementsSpec>;

export interface Disagreement {
  documentId: number;
  document: string;
  codeId: number;
  code: string;
  /** Which coder coded this stretch: the first coder named ("A") or the second ("B"). */
  side: 'A' | 'B';
  /** The stretch by character; the whole turn by paragraph. */
  start: number;
  end: number;
  /** The stretch's text, cut to QUOTE code points. */
  text: string;
  /** The latest reconciliation decision logged for exactly this span, code and pair of coders, if any. */
  decision: { decision: 'A' | 'B' | 'both' | 'neither'; note: string; decidedAt: string } | null;
}

const QUOTE = 160;

/**
 * The paragraphs (sorted, non-overlapping code-point ranges) in which one coder's merged intervals touch a code
 * point and the other's touch none, as code-point ranges: where the paragraph unit's "only A" counts come from.
 */
export function paragraphDisagreements(
  mine: readonly Interval[],
  theirs: readonly Interval[],
  paragraphs: readonly Interval[],
): Interval[] {
  return subtractIntervals(paragraphUnits(mine, paragraphs), paragraphUnits(theirs, paragraphs)).flatMap(([first, last]) =>
    paragraphs.slice(first, last),
  );
}

/** The parts of sorted merged intervals `a` not covered by sorted merged intervals `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [start, end] of a) {
    let at = start;
    while (j < b.length && b[j]![1] <= at) j++;
    for (let k = j; k < b.length && b[k]![0] < end; k++) {
      if (b[k]![0] > at) out.push([at, b[k]![0]]);
      at = Math.max(at, b[k]![1]);
    }
    if (at < end) out.push([at, end]);
  }
  return out;
}

const decisionOf = (r: { decision: 'A' | 'B' | 'both' | 'neither'; note: string; decidedAt: string } | undefined) =>
  r ? { decision: r.decision, note: r.note, decidedAt: r.decidedAt } : null;

export function listDisagreements(
  db: Db,
  spec: DisagreementsSpec,
): { unit: DisagreementsSpec['unit']; coders: [string, string]; disagreements: Disagreement[] } {
  return db.transaction(() => {
    const catalog = new Map(codeCatalog(db).map((c) => [c.id, c]));
    const scope = resolveScope(db, spec, catalog);
    const [a, b] = scope.coders as [{ id: number; name: string }, { id: number; name: string }];
    const seen = new Map<number, number>();
    for (const p of coderPresence(db, [a.id, b.id], scope.documentIds)) seen.set(p.documentId, (seen.get(p.documentId) ?? 0) + 1);
    const documents = documentLengths(
      db,
      [...seen].filter(([, n]) => n === 2).map(([id]) => id),
    );
    const ranges = codedRanges(
      db,
      [a.id, b.id],
      scope.codes?.map((c) => c.id) ?? null,
      documents.map((d) => d.id),
    );
    const byKey = new Map<string, { A: Interval[]; B: Interval[] }>();
    for (const r of ranges) {
      const key = `${r.documentId}:${r.codeId}`;
      const entry = byKey.get(key) ?? { A: [], B: [] };
      (r.coderId === a.id ? entry.A : entry.B).push([r.start, r.end]);
      byKey.set(key, entry);
    }
    const documentIds = documents.map((d) => d.id);
    const texts = documentTexts(db, documentIds);
    const paragraphs = spec.unit === 'paragraph' ? paragraphsOf(db, documentIds) : new Map<number, Interval[]>();
    const decisions = new Map(
      reconciliationsIn(db, documentIds)
        .filter((r) => r.coderA === a.name && r.coderB === b.name)
        .map((r) => [`${r.documentId}:${r.codeId}:${r.side}:${r.start}:${r.end}`, r]),
    );
    const disagreements: Disagreement[] = [];
    for (const d of documents) {
      const here: Disagreement[] = [];
      for (const [key, { A, B }] of byKey) {
        const [documentId, codeId] = key.split(':').map(Number) as [number, number];
        if (documentId !== d.id) continue;
        const [mergedA, mergedB] = [mergeIntervals(A), mergeIntervals(B)];
        const code = catalog.get(codeId)!.path;
        const add = (side: 'A' | 'B', parts: Interval[]) =>
          parts.forEach(([start, end]) =>
            here.push({
              documentId,
              document: d.name,
              codeId,
              code,
              side,
              start,
              end,
              text: sliceCodePoints(texts.get(documentId) ?? '', start, Math.min(end, start + QUOTE)),
              decision: decisionOf(decisions.get(`${documentId}:${codeId}:${side}:${start}:${end}`)),
            }),
          );
        if (spec.unit === 'paragraph') {
          const turns = paragraphs.get(documentId) ?? [];
          add('A', paragraphDisagreements(mergedA, mergedB, turns));
          add('B', paragraphDisagreements(mergedB, mergedA, turns));
        } else {
          add('A', subtractIntervals(mergedA, mergedB));
          add('B', subtractIntervals(mergedB, mergedA));
        }
      }
      here.sort((x, y) => x.start - y.start || x.end - y.end || x.code.localeCompare(y.code) || x.side.localeCompare(y.side));
      disagreements.push(...here);
    }
    return { unit: spec.unit, coders: [a.name, b.name] as [string, string], disagreements };
  })();
}
