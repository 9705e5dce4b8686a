// Reconciling one disagreement into the "Consensus" coder (created on first use): accepting the coder who
// coded the span, or both, gives Consensus that coder's coding with the code inside the span (by character the
// span itself; by paragraph the turn holds what they coded in it, not the whole turn); accepting the other, or
// neither, leaves it uncoded. Either way the decision is logged (who, when, why) in the same undoable step.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { nowIso } from '../../../db/ids';
import type { Db } from '../../../db/project-file';
import { codedRanges, insertReconciliation } from '../../../db/queries/agreement';
import { currentCoderId, ensureCoder, findCoder } from '../../../db/queries/coders';
import { codeCatalog } from '../../../db/queries/codes';
import { insertSegment } from '../../../db/queries/segments';
import { type Interval, mergeIntervals } from './intervals';

export const CONSENSUS = 'Consensus';

const name = z.string().trim().min(1).max(2000);

export const reconcileSpec = z.strictObject({
  /** The two coders compared, as agreement.disagreements was asked. */
  coders: z.tuple([name, name]),
  documentId: z.number().int().positive(),
  codeId: z.number().int().positive(),
  start: z.number().int().min(0),
  end: z.number().int().positive(),
  /** Which of the two coded in the span (the whole stretch by character, somewhere in the turn by paragraph). */
  side: z.enum(['A', 'B']),
  decision: z.enum(['A', 'B', 'both', 'neither']),
  note: z.string().max(10_000).default(''),
});

export type ReconcileSpec = z.output<typeof reconcileSpec>;

/** What the coder on the span's side coded with the code inside the span, as merged stretches clipped to it. */
function codedWithin(db: Db, spec: ReconcileSpec): Interval[] {
  const name = spec.coders[spec.side === 'A' ? 0 : 1];
  const coder = findCoder(db, name);
  if (!coder) throw new DataError('not-found', `There is no coder "${name}".`);
  const ranges = codedRanges(db, [coder.id], [spec.codeId], [spec.documentId]).map((r): Interval => [r.start, r.end]);
  return mergeIntervals(ranges).flatMap(([start, end]): Interval[] =>
    Math.max(start, spec.start) < Math.min(end, spec.end) ? [[Math.max(start, spec.start), Math.min(end, spec.end)]] : [],
  );
}

/** `segmentId`: the first Consensus segment written (a turn may hold several of the coder's stretches), or null. */
export function reconcile(db: Db, spec: ReconcileSpec): { id: number; consensusCoderId: number; segmentId: number | null } {
  if (spec.end <= spec.start) throw new DataError('invalid', 'A span ends after it starts.');
  if (spec.coders.includes(CONSENSUS)) throw new DataError('invalid', `Reconciling compares two coders other than "${CONSENSUS}".`);
  const code = codeCatalog(db).find((c) => c.id === spec.codeId);
  if (!code) throw new DataError('not-found', `There is no code with id ${spec.codeId}.`);
  if (!code.codable) throw new DataError('invalid', `"${code.path}" groups other codes and is never applied to text.`);
  const consensus = ensureCoder(db, CONSENSUS);
  const kept = spec.decision === 'both' || spec.decision === spec.side ? codedWithin(db, spec) : [];
  const segmentIds = kept.map(([start, end]) =>
    insertSegment(db, { documentId: spec.documentId, coderId: consensus.id, start, end, codeIds: [spec.codeId], memo: spec.note }),
  );
  const segmentId = segmentIds[0] ?? null;
  const id = insertReconciliation(db, {
    documentId: spec.documentId,
    codeId: spec.codeId,
    start: spec.start,
    end: spec.end,
    coderA: spec.coders[0],
    coderB: spec.coders[1],
    side: spec.side,
    decision: spec.decision,
    note: spec.note,
    decidedBy: currentCoderId(db),
    decidedAt: nowIso(),
    segmentId,
  });
  return { id, consensusCoderId: consensus.id, segmentId };
}
