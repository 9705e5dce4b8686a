import type { CaseCondition } from '../../shared/case-condition';
import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

export type AttributeType = 'text' | 'number' | 'date' | 'choice' | 'boolean';

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
  const bad = (why: string) => new DataError('invalid', `"${value}" is not a valid value for ${attribute.name}: ${why}.`);
  if (attribute.type === 'number' && !Number.isFinite(Number(value))) throw bad('expected a number');
  if (attribute.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw bad('expected a date like 2010-06-21');
  if (attribute.type === 'boolean' && value !== 'true' && value !== 'false') throw bad('expected true or false');
  if (attribute.type === 'choice' && attribute.choices && !attribute.choices.includes(value)) {
    throw bad(`expected one of ${attribute.choices.join(', ')}`);
  }
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
