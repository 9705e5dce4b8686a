import { z } from 'zod';
import { agreementSpec, computeAgreement } from '../../services/agreement/compute';
import { disagreementsSpec, listDisagreements } from '../../services/agreement/disagreements';
import { reconcile, reconcileSpec } from '../../services/agreement/reconcile';
import { exportAgreementReport, REPORT_FORMATS } from '../../services/agreement/report';
import { exportResult } from '../../services/exported-file';
import { method } from '../define';

export const agreementMethods = {
  'agreement.compute': method({
    summary:
      'Inter-coder agreement over chosen coders (names), documents and codes, by character, paragraph or document: counts, percent agreement, ' +
      "Cohen's kappa, Krippendorff's alpha, Fleiss' kappa and the unitizing alphas, per code × document, per code, overall and per group of codes.",
    kind: 'query',
    args: agreementSpec,
    handler: (session, spec) => computeAgreement(session.db, spec),
  }),
  'agreement.export': method({
    summary:
      'The agreement report as a DOCX or CSV file (base64), with the same settings as agreement.compute: the settings used, the counts and ' +
      'every coefficient per code × document, per code, overall and per group, and the formula, caveats and reference of each statistic.',
    kind: 'query',
    args: z.strictObject({ ...agreementSpec.shape, format: z.enum(REPORT_FORMATS) }),
    handler: async (session, { format, ...spec }) =>
      exportResult(await exportAgreementReport({ spec, result: computeAgreement(session.db, spec), date: new Date() }, format)),
  }),
  'agreement.disagreements': method({
    summary:
      'Where two coders differ, per code, in document order, over the documents both coded (optionally only the given codes and ' +
      'documents): by character the stretches of code points only the first coder ("A") or only the second ("B") coded; by paragraph ' +
      "the speaker turns only one of them applied the code in (agreement.compute's paragraph unit).",
    kind: 'query',
    args: disagreementsSpec,
    handler: (session, spec) => listDisagreements(session.db, spec),
  }),
  'agreement.reconcile': method({
    summary:
      'Settles one disagreement between two coders into the coder "Consensus" (created on first use): accept A, accept B, both or neither, ' +
      'with a note. When the decision keeps the code, Consensus gets what the coder on that side coded with it inside the span (a ' +
      'stretch: the span; a turn: their passages in it), and the decision is logged (who, when, why); one undo step.',
    kind: 'mutation',
    args: reconcileSpec,
    emits: () => ['segments-changed', 'coders-changed'],
    undo: () => 'Reconcile disagreement',
    handler: (session, spec) => reconcile(session.db, spec),
  }),
};
