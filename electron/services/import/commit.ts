// Storing what the readers made: one transcript as a document (with its case and attributes), or a sheet
// of case attributes. Both run inside the caller's transaction, after the file was read and checked.
import { DataError } from '../../../db/errors';
import type { Db } from '../../../db/project-file';
import {
  allowChoice,
  ensureAttribute,
  ensureCase,
  findCaseId,
  linkCaseDocument,
  setCaseAttribute,
  type AttributeType,
} from '../../../db/queries/cases';
import { currentCoderId } from '../../../db/queries/coders';
import { findDocumentByText, insertDocument, uniqueDocumentName } from '../../../db/queries/documents';
import type { CaseSheet } from './case-sheet';
import type { ImportedFile } from './read';

export interface AttributeValue {
  name: string;
  type: Extract<AttributeType, 'text' | 'number' | 'date' | 'choice'>;
  value: string;
}

export interface ImportChoices {
  /** The document's name; default: the file's name without extension. */
  name?: string;
  /** The case to put it in (created if new); default: a case named after the document; null: none. */
  case?: string | null;
  attributes?: AttributeValue[];
}

export interface ImportOutcome {
  file: string;
  status: 'imported' | 'duplicate';
  /** The new document, or for a duplicate the document that already has this text. */
  document: string;
  documentId: number;
  case: string | null;
  notes: string[];
}

function setAttribute(db: Db, caseId: number, value: AttributeValue): void {
  const attribute = allowChoice(
    db,
    ensureAttribute(db, value.name, value.type, value.type === 'choice' ? [value.value] : null),
    value.value,
  );
  setCaseAttribute(db, caseId, attribute, value.value);
}

/** Stores one read transcript as a new document; text the project already has is reported as a duplicate. */
export function commitImport(db: Db, choices: ImportChoices, file: ImportedFile): ImportOutcome {
  const { transcript } = file;
  const existing = findDocumentByText(db, transcript.text);
  if (existing) {
    return { file: file.file, status: 'duplicate', document: existing.name, documentId: existing.id, case: null, notes: [] };
  }
  if (choices.case === null && choices.attributes?.length)
    throw new DataError('invalid', 'Attributes belong to a case: choose a case for them.');
  const document = uniqueDocumentName(db, choices.name ?? file.baseName);
  const documentId = insertDocument(db, {
    name: document,
    text: transcript.text,
    paragraphs: transcript.paragraphs,
    formatting: transcript.formatting,
    sourceName: file.format === 'paste' ? null : file.file,
    sourceType: file.format,
    createdBy: currentCoderId(db),
  });
  const caseName = choices.case === null ? null : (choices.case ?? document);
  if (caseName !== null) {
    const caseId = ensureCase(db, caseName);
    linkCaseDocument(db, caseId, documentId);
    for (const value of choices.attributes ?? []) setAttribute(db, caseId, value);
  }
  return { file: file.file, status: 'imported', document, documentId, case: caseName, notes: file.notes };
}

/** Sets every value of a checked case sheet, creating the cases and attributes it names; returns how many cases were new. */
export function applyCaseSheet(db: Db, sheet: CaseSheet): number {
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
  return created;
}
