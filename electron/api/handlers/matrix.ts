import { z } from 'zod';
import { exportResult } from '../../services/exported-file';
import { exportMatrix } from '../../services/matrix-export';
import { cellExcerpts, codeSources, computeMatrix, excerptPreviews, excerptRequest, matrixSpec } from '../../services/matrix';
import { method } from '../define';
import { none } from '../schemas';

const exportArgs = z.strictObject({
  ...matrixSpec.shape,
  format: z.enum(['csv', 'xlsx', 'docx']),
  themeLimit: z.number().int().min(0).max(100).default(0),
});

export const matrixMethods = {
  'matrix.get': method({
    summary:
      'A framework matrix (rows × columns, optionally one slice) or a code matrix: every cell with its segments, documents, cases and co-occurring themes.',
    kind: 'query',
    args: matrixSpec,
    handler: (session, spec) => computeMatrix(session.db, spec),
  }),
  'matrix.excerpts': method({
    summary: 'The excerpts behind one matrix cell (or one theme of it): document, cases, speaker, paragraph, coder, codes and text.',
    kind: 'query',
    args: z.strictObject({ ...matrixSpec.shape, ...excerptRequest.shape }),
    handler: (session, { row, column, themeId, limit, offset, ...spec }) =>
      cellExcerpts(session.db, spec, { row, column, themeId, limit, offset }),
  }),
  'matrix.previews': method({
    summary: 'The first excerpts of every cell of a matrix, for showing them inline.',
    kind: 'query',
    args: z.strictObject({ ...matrixSpec.shape, perCell: z.number().int().min(1).max(10).default(3) }),
    handler: (session, { perCell, ...spec }) => excerptPreviews(session.db, spec, perCell),
  }),
  'matrix.export': method({
    summary: 'The matrix as a CSV, XLSX or DOCX file (base64), named after it.',
    kind: 'query',
    args: exportArgs,
    handler: async (session, { format, themeLimit, ...spec }) => {
      return exportResult(await exportMatrix(computeMatrix(session.db, spec), format, { themeLimit }));
    },
  }),
  'matrix.codeSources': method({
    summary: 'What a code matrix can take its rows and columns from: code sets, codes with children, and every code.',
    kind: 'query',
    args: none,
    handler: (session) => codeSources(session.db),
  }),
};
