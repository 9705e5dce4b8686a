import type { CaseCondition } from '../../shared/case-condition';
import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';
import { attributeValueProblem, type AttributeType } from '../../shared/attribute-values';

export type { AttributeType };

export interface Attribute {
  id: number;
  name: string;
  type: AttributeType;
  choices: string[] | null;
}

export interface Case {
  id: number;
  guid: string;
  name: string;
  description: string;
  documentIds: number[];
  attributes: Record<string, string>;
}

export function findCaseId(db: Db, name: string): number | undefined {
  return (stmt(db, 'SELECT id FROM cases WHERE name = ?').get(name.trim()) as { id: number } | undefined)?.id;
}

export function ensureCase(db: Db, name: string, description = ''): number {
  const trimmed = name.trim();
  if (!trimmed) throw new DataError('invalid', 'A case needs a name.');
  const found = findCaseId(db, trimmed);
  if (found !== undefined) return found;
  return Number(
    stmt(
      db,
      'INSERT INTO cases (guid, name, description, created_at, sort) VALUES (?, ?, ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM cases))',
    ).run(newGuid(), trimmed, description, nowIso()).lastInsertRowid,
  );
}

export function linkCaseDocument(db: Db, caseId: number, documentId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO case_documents (case_id, document_id) VALUES (?, ?)').run(caseId, documentId);
}

export function ensureAttribute(db: Db, name: string, type: AttributeType, choices: string[] | null = null): Attribute {
  const found = stmt(db, "SELECT id, name, type, choices FROM attributes WHERE scope = 'case' AND name = ?").get(name.trim()) as
    { id: number; name: string; type: AttributeType; choices: string | null } | undefined;
  if (found) return { ...found, choices: found.choices ? (JSON.parse(found.choices) as string[]) : null };
  const id = Number(
    stmt(
      db,
      "INSERT INTO attributes (guid, name, scope, type, choices, sort) VALUES (?, ?, 'case', ?, ?, (SELECT ifnull(max(sort), 0) + 1 FROM attributes))",
    ).run(newGuid(), name.trim(), type, choices ? JSON.stringify(choices) : null).lastInsertRowid,
  );
  return { id, name: name.trim(), type, choices };
}

/** A choice attribute that allows `value`, adding it to the list if it is new. */
export function allowChoice(db: Db, attribute: Attribute, value: string): Attribute {
  if (attribute.type !== 'choice' || !attribute.choices || attribute.choices.includes(value)) return attribute;
  const choices = [...attribute.choices, value];
  stmt(db, 'UPDATE attributes SET choices = ? WHERE id = ?').run(JSON.stringify(choices), attribute.id);
  return { ...attribute, choices };
}

function checkValue(attribute: Attribute, value: string): void {
  const problem = attributeValueProblem(attribute.type, attribute.choices, value);
  if (problem) throw new DataError('invalid', `"${value}" is not a valid value for ${attribute.name}: ${problem}.`);
}

export function setCaseAttribute(db: Db, caseId: number, attribute: Attribute, value: string): void {
  checkValue(attribute, value);
  stmt(
    db,
    `INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (case_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(caseId, attribute.id, value);
}

export function listAttributes(db: Db): Attribute[] {
  return (
    stmt(db, "SELECT id, name, type, choices FROM attributes WHERE scope = 'case' ORDER BY sort").all() as {
      id: number;
      name: string;
      type: AttributeType;
      choices: string | null;
    }[]
  ).map((a) => ({ ...a, choices: a.choices ? (JSON.parse(a.choices) as string[]) : null }));
}

export function listCases(db: Db): Case[] {
  const cases = stmt(db, 'SELECT id, guid, name, description FROM cases ORDER BY sort, name COLLATE NOCASE').all() as Omit<
    Case,
    'documentIds' | 'attributes'
  >[];
  const links = stmt(db, 'SELECT case_id, document_id FROM case_documents').all() as { case_id: number; document_id: number }[];
  const values = stmt(
    db,
    `SELECT v.case_id, a.name, v.value FROM case_attribute_values v JOIN attributes a ON a.id = v.attribute_id ORDER BY a.sort`,
  ).all() as { case_id: number; name: string; value: string }[];
  return cases.map((c) => ({
    ...c,
    documentIds: links.filter((l) => l.case_id === c.id).map((l) => l.document_id),
    attributes: Object.fromEntries(values.filter((v) => v.case_id === c.id).map((v) => [v.name, v.value])),
  }));
}

/** Whether a stored value meets a condition: numbers compare as numbers, dates (YYYY-MM-DD) as text. */
function meets(condition: CaseCondition, type: AttributeType, value: string): boolean {
  if ('value' in condition) return condition.value === value;
  if (type === 'number') {
    const n = Number(value);
    return (
      value.trim() !== '' &&
      Number.isFinite(n) &&
      (condition.min === undefined || n >= Number(condition.min)) &&
      (condition.max === undefined || n <= Number(condition.max))
    );
  }
  return (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
}

/**
 * The documents of the cases meeting every attribute's conditions (several conditions on one attribute:
 * any of them), in id order. Used by the matrix and the excerpts alike, so their filters agree.
 */
export function documentsOfCasesWith(db: Db, conditions: CaseCondition[]): number[] {
  const values = stmt(
    db,
    `SELECT v.case_id AS caseId, v.attribute_id AS attributeId, a.type, v.value
       FROM case_attribute_values v JOIN attributes a ON a.id = v.attribute_id`,
  ).all() as { caseId: number; attributeId: number; type: AttributeType; value: string }[];
  const attributes = [...new Set(conditions.map((c) => c.attributeId))];
  // Each case's values, so that matching is one pass over them rather than one per case.
  const byCase = new Map<number, typeof values>();
  for (const v of values) {
    const list = byCase.get(v.caseId);
    if (list) list.push(v);
    else byCase.set(v.caseId, [v]);
  }
  const matches = (caseId: number) =>
    attributes.every((attributeId) =>
      (byCase.get(caseId) ?? []).some(
        (v) => v.attributeId === attributeId && conditions.some((c) => c.attributeId === attributeId && meets(c, v.type, v.value)),
      ),
    );
  const links = stmt(db, 'SELECT case_id AS caseId, document_id AS documentId FROM case_documents').all() as {
    caseId: number;
    documentId: number;
  }[];
  return [...new Set(links.filter((l) => matches(l.caseId)).map((l) => l.documentId))].sort((x, y) => x - y);
}

function requireCase(db: Db, id: number): void {
  if (!stmt(db, 'SELECT 1 FROM cases WHERE id = ?').get(id)) throw new DataError('not-found', `There is no case with id ${id}.`);
}

/** A new case; a name taken (in any letter case) is refused. */
export function createCase(db: Db, name: string): number {
  if (findCaseId(db, name) !== undefined) throw new DataError('conflict', `There is already a case named "${name.trim()}".`);
  return ensureCase(db, name);
}

export function renameCase(db: Db, id: number, name: string): void {
  requireCase(db, id);
  const other = findCaseId(db, name);
  if (other !== undefined && other !== id) throw new DataError('conflict', `There is already a case named "${name.trim()}".`);
  stmt(db, 'UPDATE cases SET name = ? WHERE id = ?').run(name.trim(), id);
}

/** Deletes a case with its attribute values, document links and memo; its documents stay. */
export function deleteCase(db: Db, id: number): void {
  requireCase(db, id);
  stmt(db, 'DELETE FROM cases WHERE id = ?').run(id);
}

/** Makes `documentIds` the case's documents: only the links that change are written. */
export function setCaseDocuments(db: Db, caseId: number, documentIds: number[]): void {
  requireCase(db, caseId);
  const wanted = new Set(documentIds);
  for (const d of wanted) {
    if (!stmt(db, 'SELECT 1 FROM documents WHERE id = ?').get(d)) throw new DataError('not-found', `There is no document with id ${d}.`);
  }
  const current = new Set(stmt(db, 'SELECT document_id FROM case_documents WHERE case_id = ?').pluck().all(caseId) as number[]);
  for (const d of current) if (!wanted.has(d)) stmt(db, 'DELETE FROM case_documents WHERE case_id = ? AND document_id = ?').run(caseId, d);
  for (const d of wanted) if (!current.has(d)) linkCaseDocument(db, caseId, d);
}

export function getAttribute(db: Db, id: number): Attribute {
  const found = listAttributes(db).find((a) => a.id === id);
  if (!found) throw new DataError('not-found', `There is no case attribute with id ${id}.`);
  return found;
}

/** Sets one case's value of an attribute, checked against its type; null (or blank) clears it. */
export function setCaseValue(db: Db, caseId: number, attributeId: number, value: string | null): void {
  requireCase(db, caseId);
  const attribute = getAttribute(db, attributeId);
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') stmt(db, 'DELETE FROM case_attribute_values WHERE case_id = ? AND attribute_id = ?').run(caseId, attributeId);
  else setCaseAttribute(db, caseId, attribute, trimmed);
}

const checkedChoices = (choices: string[]) => {
  const list = [...new Set(choices.map((c) => c.trim()).filter(Boolean))];
  if (list.length === 0) throw new DataError('invalid', 'A choice attribute needs at least one choice.');
  return list;
};

/** A new case attribute; a name taken (in any letter case) is refused. */
export function createAttribute(db: Db, name: string, type: AttributeType, choices: string[] | null): Attribute {
  if (listAttributes(db).some((a) => a.name.toLowerCase() === name.trim().toLowerCase()))
    throw new DataError('conflict', `There is already a case attribute named "${name.trim()}".`);
  return ensureAttribute(db, name, type, type === 'choice' ? checkedChoices(choices ?? []) : null);
}

const valuesOf = (db: Db, attributeId: number) =>
  stmt(db, 'SELECT value FROM case_attribute_values WHERE attribute_id = ?').pluck().all(attributeId) as string[];

/** How many case values deleting the attribute would lose. */
export const attributeValueCount = (db: Db, attributeId: number): number => valuesOf(db, getAttribute(db, attributeId).id).length;

/**
 * Renames, retypes or re-lists the choices of an attribute. A new type (or choice list) must fit every value
 * the cases have, else nothing changes and the message says how many do not fit; a choice attribute made
 * from another type takes the values in use as its choices when none are given.
 */
export function updateAttribute(db: Db, id: number, change: { name?: string; type?: AttributeType; choices?: string[] }): Attribute {
  const old = getAttribute(db, id);
  const name = change.name?.trim() ?? old.name;
  if (listAttributes(db).some((a) => a.id !== id && a.name.toLowerCase() === name.toLowerCase()))
    throw new DataError('conflict', `There is already a case attribute named "${name}".`);
  const type = change.type ?? old.type;
  const values = valuesOf(db, id);
  const choices =
    type !== 'choice' ? null : checkedChoices(change.choices ?? (old.type === 'choice' ? old.choices! : [...new Set(values)].sort()));
  const next: Attribute = { id, name, type, choices };
  const misfits = values.filter((v) => {
    try {
      checkValue(next, v);
      return false;
    } catch {
      return true;
    }
  });
  if (misfits.length > 0)
    throw new DataError(
      'invalid',
      `${old.name} cannot be made ${type === 'choice' ? `a choice of ${choices!.join(', ')}` : `a ${type} attribute`}: ${misfits.length} ${misfits.length === 1 ? 'value does' : 'values do'} not fit (such as "${misfits[0]}").`,
    );
  stmt(db, 'UPDATE attributes SET name = ?, type = ?, choices = ? WHERE id = ?').run(
    name,
    type,
    choices ? JSON.stringify(choices) : null,
    id,
  );
  return next;
}

/** Deletes an attribute with every case's value of it. */
export function deleteAttribute(db: Db, id: number): void {
  getAttribute(db, id);
  stmt(db, 'DELETE FROM attributes WHERE id = ?').run(id);
}
