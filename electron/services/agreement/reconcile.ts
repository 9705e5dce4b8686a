// Reconciling one disagreement into the "Consensus" coder (created on first use): accepting the coder who
// coded the span, or both, codes it for Consensus with the code; accepting the other, or neither, leaves it
// uncoded. Either way the decision is logged (who, when, why) in the same undoable step.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { nowIso } from '../../../db/ids';
import type { Db } from '../../../db/project-file';
import { insertReconciliation } from '../../../db/queries/agreement';
import { currentCoderId, ensureCoder } from '../../../db/queries/coders';
import { codeCatalog } from '../../../db/queries/codes';
import { insertSegment } from '../../../db/queries/segments';

export const CONSENSUS = 'Consensus';

const name = z.string().trim().min(1).max(2000);

export const reconcileSpec = z.strictObject({
  /** The two coders compared, as agreement.disagreements was asked. */
  coders: z.tuple([name, name]),
  documentId: z.number().int().positive(),
  codeId: z.number().int().positive(),
  start: z.number().int().min(0),
  end: z.number().int().positive(),
  /** Which of the two coded the span. */
  side: z.enum(['A', 'B']),
  decision: z.enum(['A', 'B', 'both', 'neither']),
  note: z.string().max(10_000).default(''),
});

export type ReconcileSpec = z.output<typeof reconcileSpec>;

export function reconcile(db: Db, spec: ReconcileSpec): { id: number; consensusCoderId: number; segmentId: number | null } {
  if (spec.end <= spec.start) throw new DataError('invalid', 'A span ends after it starts.');
  if (spec.coders.includes(CONSENSUS)) throw new DataError('invalid', `Reconciling compares two coders other than "${CONSENSUS}".`);
  const code = codeCatalog(db).find((c) => c.id === spec.codeId);
  if (!code) throw new DataError('not-found', `There is no code with id ${spec.codeId}.`);
  if (!code.codable) throw new DataError('invalid', `"${code.path}" groups other codes and is never applied to text.`);
  const consensus = ensureCoder(db, CONSENSUS);
  const coded = spec.decision === 'both' || spec.decision === spec.side;
  const segmentId = coded
    ? insertSegment(db, {
        documentId: spec.documentId,
        coderId: consensus.id,
        start: spec.start,
        end: spec.end,
        codeIds: [spec.codeId],
        memo: spec.note,
      })
    : null;
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
