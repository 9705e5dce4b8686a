// What a case attribute's value must look like for its type: checked where values are stored (db/) and
// where they are typed (the case table), so the table refuses a bad value before sending it.

export type AttributeType = 'text' | 'number' | 'date' | 'choice' | 'boolean';

/** Why `value` does not fit an attribute of this type (and choices), or null when it does. */
export function attributeValueProblem(type: AttributeType, choices: string[] | null, value: string): string | null {
  if (type === 'number' && (value.trim() === '' || !Number.isFinite(Number(value)))) return 'expected a number';
  if (type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'expected a date like 2010-06-21';
  if (type === 'boolean' && value !== 'true' && value !== 'false') return 'expected true or false';
  if (type === 'choice' && choices && !choices.includes(value)) return `expected one of ${choices.join(', ')}`;
  return null;
}
