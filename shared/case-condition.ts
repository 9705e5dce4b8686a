// A filter of cases by one attribute, as the matrix and the excerpts take it, and how it is named (in a
// filter chip and in an export's description alike).

/** A case attribute's value, or (number and date attributes) a range of values, both ends included. */
export type CaseCondition = { attributeId: number; value: string } | { attributeId: number; min?: string; max?: string };

/** "Region: London", "Age: 30–45", "Interviewed: from 2009-01-01", "Age: up to 45". */
export function conditionLabel(attribute: string, c: CaseCondition): string {
  if ('value' in c) return `${attribute}: ${c.value}`;
  if (c.min !== undefined && c.max !== undefined) return `${attribute}: ${c.min}–${c.max}`;
  return c.min !== undefined ? `${attribute}: from ${c.min}` : `${attribute}: up to ${c.max}`;
}
