import { extname } from 'node:path';
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { sliceCodePoints } from '../../../shared/offsets';
import type { Db } from '../../../db/project-file';
import {
  allowChoice,
  ensureAttribute,
  ensureCase,
  findCaseId,
  linkCaseDocument,
  listAttributes,
  setCaseAttribute,
} from '../../../db/queries/cases';
import { currentCoderId } from '../../../db/queries/coders';
import { documentOutlines, findDocumentByText, insertDocument, uniqueDocumentName } from '../../../db/queries/documents';
import { planCaseSheet, readSheetRows } from '../../services/import/case-sheet';
import { ENCODING_NAMES } from '../../../shared/encodings';
import { FileProblem } from '../../services/import/file-problem';
import { expandPaths, naming, readTranscript, sourceBytes, sourceFile, type ImportedFile } from '../../services/import/read';
import { formatClock } from '../../services/timecode';
import { method } from '../define';
import { requireChosen, requireChosenSource } from '../file-access';
import { MAX_IMPORT_BYTES } from '../../../shared/protocol';
import { fileSource, filePath, name, UPLOAD_BODY_BYTES, uploadName } from '../schemas';

const transcriptSource = z.union([...fileSource.options, z.strictObject({ name: uploadName, text: z.string().max(MAX_IMPORT_BYTES) })]);

const speakerOptions = {
  speakerPattern: z.string().min(1).max(500).optional(),
  speakers: z
    .record(z.string().min(1).max(200), z.union([name, z.null()]))
    .refine((s) => Object.keys(s).length <= 2000, 'too many speakers')
    .optional(),
};

/** The encoding to read a text file in, instead of the one detected (Word and OpenDocument files ignore it). */
const encoding = z.enum(ENCODING_NAMES).optional();

const attributeValue = z.strictObject({
  name,
  type: z.enum(['text', 'number', 'date', 'choice']),
  value: z.string().trim().min(1).max(1000),
});

export interface ImportOutcome {
  file: string;
  status: 'imported' | 'duplicate';
  /** The new document, or for a duplicate the document that already has this text. */
  document: string;
  documentId: number;
  case: string | null;
  notes: string[];
}

function setAttribute(db: Db, caseId: number, value: z.output<typeof attributeValue>): void {
  const attribute = allowChoice(
    db,
    ensureAttribute(db, value.name, value.type, value.type === 'choice' ? [value.value] : null),
    value.value,
  );
  setCaseAttribute(db, caseId, attribute, value.value);
}

const importArgs = z.strictObject({
  source: transcriptSource,
  /** The document's name; default: the file's name without extension. Made unique with " (2)", " (3)", … */
  name: name.optional(),
  /** The case to put it in (created if new); default: a case named after the document; null: none. */
  case: z.union([name, z.null()]).optional(),
  /** Values of case attributes, set on that case. */
  attributes: z.array(attributeValue).max(200).optional(),
  ...speakerOptions,
  encoding,
});

function commitImport(db: Db, args: z.output<typeof importArgs>, file: ImportedFile): ImportOutcome {
  const { transcript } = file;
  const existing = findDocumentByText(db, transcript.text);
  if (existing) {
    return {
      file: file.file,
      status: 'duplicate',
      document: existing.name,
      documentId: existing.id,
      case: null,
      notes: [],
    };
  }
  if (args.case === null && args.attributes?.length) throw new DataError('invalid', 'Attributes belong to a case: choose a case for them.');
  const document = uniqueDocumentName(db, args.name ?? file.baseName);
  const documentId = insertDocument(db, {
    name: document,
    text: transcript.text,
    paragraphs: transcript.paragraphs,
    formatting: transcript.formatting,
    sourceName: file.format === 'paste' ? null : file.file,
    sourceType: file.format,
    createdBy: currentCoderId(db),
  });
  const caseName = args.case === null ? null : (args.case ?? document);
  if (caseName !== null) {
    const caseId = ensureCase(db, caseName);
    linkCaseDocument(db, caseId, documentId);
    for (const value of args.attributes ?? []) setAttribute(db, caseId, value);
  }
  return { file: file.file, status: 'imported', document, documentId, case: caseName, notes: file.notes };
}

const SAMPLE_PARAGRAPHS = 6;
const SAMPLE_CHARACTERS = 240;

export const importMethods = {
  'import.scan': method({
    summary: 'The files to import from paths the person chose: folders are walked (hidden files skipped), files pass as given.',
    kind: 'query',
    args: z.strictObject({ paths: z.array(filePath).min(1).max(10_000) }),
    handler: (session, args) => ({ files: expandPaths(args.paths.map((p) => requireChosen(session, p))) }),
  }),
  'import.preview': method({
    summary: 'Reads one transcript without importing it: format, speakers found, a sample, and whether the project has it already.',
    kind: 'query',
    args: z.strictObject({ source: transcriptSource, ...speakerOptions, encoding }),
    maxBodyBytes: UPLOAD_BODY_BYTES,
    handler: async (session, args) => {
      const file = await readTranscript(requireChosenSource(session, args.source), args);
      const { transcript } = file;
      const lines = transcript.text.split('\n', SAMPLE_PARAGRAPHS);
      return {
        file: file.file,
        name: uniqueDocumentName(session.db, file.baseName),
        format: file.format,
        encoding: file.encoding,
        characters: transcript.paragraphs.at(-1)!.end,
        paragraphs: transcript.paragraphs.length,
        speakers: transcript.speakers,
        sample: lines.map((text, i) => ({ text: sliceCodePoints(text, 0, SAMPLE_CHARACTERS), speaker: transcript.paragraphs[i]!.speaker })),
        notes: file.notes,
        duplicateOf: findDocumentByText(session.db, transcript.text)?.name ?? null,
      };
    },
  }),
  'documents.import': method({
    summary:
      'Imports one transcript (.txt, .docx, .odt, .md, .vtt, .srt or pasted text) as a new document in its own transaction; text the project already has is reported as a duplicate.',
    kind: 'mutation',
    args: importArgs,
    emits: ['documents-changed'],
    maxBodyBytes: UPLOAD_BODY_BYTES,
    prepare: (session, args) => readTranscript(requireChosenSource(session, args.source), args),
    handler: (session, args, file) => commitImport(session.db, args, file),
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
      const db = session.db;
      let created = 0;
      const attributes = new Map(sheet.columns.map((c) => [c.name, ensureAttribute(db, c.name, c.type, c.choices)]));
      for (const row of sheet.cases) {
        if (findCaseId(db, row.name) === undefined) created++;
        const caseId = ensureCase(db, row.name);
        for (const [column, value] of Object.entries(row.values)) {
          const attribute = allowChoice(db, attributes.get(column)!, value);
          attributes.set(column, attribute);
          setCaseAttribute(db, caseId, attribute, value);
        }
      }
      return {
        file: sourceFile(args.source),
        cases: sheet.cases.length,
        created,
        attributes: sheet.columns.map(({ name: column, type }) => ({ name: column, type })),
      };
    },
  }),
  'documents.describe': method({
    summary:
      "Documents (or the one named) with their case, the case's attributes and their paragraphs, as `trellis documents` prints them.",
    kind: 'query',
    args: z.strictObject({ name: name.optional() }),
    handler: (session, args) => {
      const outlines = documentOutlines(session.db, args.name);
      if (args.name !== undefined && outlines.length === 0) throw new DataError('not-found', `There is no document named "${args.name}".`);
      return outlines.map((d) => ({
        name: d.name,
        case: d.case,
        attributes: Object.fromEntries(
          d.attributes.map((a) => [a.name, a.type === 'number' ? Number(a.value) : a.type === 'boolean' ? a.value === 'true' : a.value]),
        ),
        characters: d.characters,
        paragraphs: d.paragraphs.map((p) => ({
          n: p.n,
          start: p.start,
          end: p.end,
          speaker: p.speaker,
          time: p.timeMs === null ? null : formatClock(p.timeMs),
        })),
      }));
    },
  }),
};
