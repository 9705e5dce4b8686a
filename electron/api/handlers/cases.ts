// Cases: listing them with their attributes, and setting attributes from a sheet.
import { extname } from 'node:path';
import { listAttributes, listCases } from '../../../db/queries/cases';
import { applyCaseSheet } from '../../services/import/commit';
import { planCaseSheet, readSheetRows } from '../../services/import/case-sheet';
import { FileProblem } from '../../services/import/file-problem';
import { naming, sourceBytes, sourceFile } from '../../services/import/read';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { fileSource, none, UPLOAD_BODY_BYTES } from '../schemas';
import { z } from 'zod';

export const caseMethods = {
  'cases.list': method({
    summary: 'Cases with their attribute values and documents, and the attribute definitions.',
    kind: 'query',
    args: none,
    handler: (session) => ({ attributes: listAttributes(session.db), cases: listCases(session.db) }),
  }),
  'cases.importAttributes': method({
    summary: 'Sets case attributes from a CSV or XLSX sheet (header row; first column the case, created if new), all or nothing.',
    kind: 'mutation',
    args: z.strictObject({ source: fileSource }),
    emits: ['documents-changed'],
    maxBodyBytes: UPLOAD_BODY_BYTES,
    prepare: (session, args) => {
      const file = sourceFile(requireChosenSource(session, args.source));
      return naming(file, async () => {
        const ext = extname(file).toLowerCase();
        const format = ext === '.xlsx' ? 'xlsx' : ext === '.csv' || ext === '.tsv' ? 'csv' : null;
        if (!format) throw new FileProblem(`is not a CSV or Excel (.xlsx) sheet`);
        return planCaseSheet(await readSheetRows(format, sourceBytes(args.source)!), listAttributes(session.db));
      });
    },
    handler: (session, args, sheet) => {
      const created = applyCaseSheet(session.db, sheet);
      return {
        file: sourceFile(args.source),
        cases: sheet.cases.length,
        created,
        attributes: sheet.columns.map(({ name: column, type }) => ({ name: column, type })),
      };
    },
  }),
};
