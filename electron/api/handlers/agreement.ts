import { agreementSpec, computeAgreement } from '../../services/agreement/compute';
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
};
