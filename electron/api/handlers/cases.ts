// Cases and their attributes: the table (cases, attribute definitions, values, documents), and the sheet
// it is read from and exported to.
import { extname } from 'node:path';
import {
  attributeValueCount,
  createAttribute,
  createCase,
  deleteAttribute,
  deleteCase,
  listAttributes,
  listCases,
  renameCase,
  setCaseDocuments,
  setCaseValue,
  updateAttribute,
} from '../../../db/queries/cases';
import { exportCaseSheet } from '../../services/case-sheet-export';
import { exportResult } from '../../services/exported-file';
import { applyCaseSheet } from '../../services/import/commit';
import { planCaseSheet, readSheetRows } from '../../services/import/case-sheet';
import { FileProblem } from '../../services/import/file-problem';
import { naming, sourceBytes, sourceFile } from '../../services/import/read';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { fileSource, id, name, none, UPLOAD_BODY_BYTES } from '../schemas';
import { z } from 'zod';

const attributeType = z.enum(['text', 'number', 'date', 'choice', 'boolean']);
const choices = z.array(z.string().trim().min(1).max(1000)).min(1).max(500);
const CHANGED = ['documents-changed'] as const;

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
    undo: () => 'Import case attributes',
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
  'cases.create': method({
    summary: 'Creates a case (names are unique, case-insensitively).',
    kind: 'mutation',
    args: z.strictObject({ name }),
    emits: CHANGED,
    undo: () => 'Add case',
    handler: (session, args) => ({ id: createCase(session.db, args.name), name: args.name }),
  }),
  'cases.rename': method({
    summary: 'Renames a case.',
    kind: 'mutation',
    args: z.strictObject({ id, name }),
    emits: CHANGED,
    undo: () => 'Rename case',
    handler: (session, args) => (renameCase(session.db, args.id, args.name), { id: args.id, name: args.name }),
  }),
  'cases.delete': method({
    summary: 'Deletes a case with its attribute values, document links and memo; its documents stay.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: [...CHANGED, 'memos-changed'],
    undo: () => 'Delete case',
    handler: (session, args) => (deleteCase(session.db, args.id), { id: args.id }),
  }),
  'cases.setValue': method({
    summary: "Sets a case's value of an attribute, checked against the attribute's type (null or blank clears it).",
    kind: 'mutation',
    args: z.strictObject({ caseId: id, attributeId: id, value: z.union([z.string().max(1000), z.null()]) }),
    emits: CHANGED,
    undo: () => 'Edit case attribute',
    handler: (session, args) => {
      setCaseValue(session.db, args.caseId, args.attributeId, args.value);
      return listCases(session.db).find((c) => c.id === args.caseId)!;
    },
  }),
  'cases.setDocuments': method({
    summary: "Makes the listed documents a case's documents (linking and unlinking as needed).",
    kind: 'mutation',
    args: z.strictObject({ id, documentIds: z.array(id).max(100_000) }),
    emits: CHANGED,
    undo: () => 'Link case documents',
    handler: (session, args) => {
      setCaseDocuments(session.db, args.id, args.documentIds);
      return listCases(session.db).find((c) => c.id === args.id)!;
    },
  }),
  'cases.createAttribute': method({
    summary: 'Defines a case attribute: text, number, date (2010-06-21), choice (with its choices) or boolean.',
    kind: 'mutation',
    args: z.strictObject({ name, type: attributeType, choices: choices.optional() }),
    emits: CHANGED,
    undo: () => 'Add case attribute',
    handler: (session, args) => createAttribute(session.db, args.name, args.type, args.choices ?? null),
  }),
  'cases.updateAttribute': method({
    summary: "Renames or retypes a case attribute, or changes its choices; refused when a case's value would not fit.",
    kind: 'mutation',
    args: z.strictObject({ id, name: name.optional(), type: attributeType.optional(), choices: choices.optional() }),
    emits: CHANGED,
    undo: () => 'Change case attribute',
    handler: (session, { id: attributeId, ...change }) => updateAttribute(session.db, attributeId, change),
  }),
  'cases.deleteAttributePreview': method({
    summary: 'How many case values deleting an attribute would lose.',
    kind: 'query',
    args: z.strictObject({ id }),
    handler: (session, args) => ({ values: attributeValueCount(session.db, args.id) }),
  }),
  'cases.deleteAttribute': method({
    summary: "Deletes a case attribute with every case's value of it.",
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: CHANGED,
    undo: () => 'Delete case attribute',
    handler: (session, args) => {
      const values = attributeValueCount(session.db, args.id);
      deleteAttribute(session.db, args.id);
      return { id: args.id, values };
    },
  }),
  'cases.export': method({
    summary: 'The cases and their attributes as a CSV or XLSX sheet (base64), in the format cases.importAttributes reads.',
    kind: 'query',
    args: z.strictObject({ format: z.enum(['csv', 'xlsx']) }),
    handler: async (session, args) => exportResult(await exportCaseSheet(session.db, args.format)),
  }),
};
