// Cases by attribute, as the matrix and the excerpts filter them: a value, or for number and date
// attributes a range (min, max or both, inclusive). One schema and one check, so both accept the same shape.
import { z } from 'zod';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { documentsOfCasesWith, listAttributes, type Attribute } from '../../db/queries/cases';
import type { CaseCondition } from '../../shared/case-condition';
import { id } from '../api/schemas';

const bound = z.union([z.number().finite(), z.string().trim().min(1).max(100)]).transform(String);

export const caseConditions = z
  .array(
    z.union([
      z.strictObject({ attributeId: id, value: z.string().max(1000) }),
      z
        .strictObject({ attributeId: id, min: bound.optional(), max: bound.optional() })
        .refine((r) => r.min !== undefined || r.max !== undefined, 'a range needs a min, a max or both'),
    ]),
  )
  .max(100);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Refuses conditions on unknown attributes, and ranges that are not numbers or dates of their attribute's kind. */
export function checkCaseConditions(attributes: Attribute[], conditions: CaseCondition[]): void {
  for (const c of conditions) {
    const attribute = attributes.find((a) => a.id === c.attributeId);
    if (!attribute) throw new DataError('not-found', `There is no case attribute with id ${c.attributeId}.`);
    if ('value' in c) continue;
    const bounds = [c.min, c.max].filter((b) => b !== undefined);
    if (attribute.type === 'number' && bounds.some((b) => !Number.isFinite(Number(b))))
      throw new DataError('invalid', `A range of ${attribute.name} needs numbers (got ${bounds.join(', ')}).`);
    else if (attribute.type === 'date' && bounds.some((b) => !ISO_DATE.test(b)))
      throw new DataError('invalid', `A range of ${attribute.name} needs dates like 2010-06-21 (got ${bounds.join(', ')}).`);
    else if (attribute.type !== 'number' && attribute.type !== 'date')
      throw new DataError('invalid', `${attribute.name} holds ${attribute.type} values: ranges are for number and date attributes.`);
  }
}

/** The documents the conditions leave (checked first), or null for no conditions. */
export function documentsMeeting(db: Db, conditions: CaseCondition[] | undefined): number[] | null {
  if (!conditions?.length) return null;
  checkCaseConditions(listAttributes(db), conditions);
  return documentsOfCasesWith(db, conditions);
}
