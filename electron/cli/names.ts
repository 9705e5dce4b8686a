// Names the command line takes for what the API knows by id: coders, document groups, and case attribute conditions.
import type { Session } from '../api/session';
import type { CaseCondition } from '../../shared/case-condition';
import { call, CliError, type Invocation } from './command';

/** A repeatable option's values. */
export const strings = (value: Invocation['options'][string]): string[] =>
  value === undefined || typeof value === 'boolean' ? [] : Array.isArray(value) ? value : [value];

/** Names are matched ignoring case. */
export const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export async function coderIds(session: Session, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const { coders } = await call(session, 'coders.list', {});
  return names.map((name) => {
    const coder = coders.find((c) => same(c.name, name));
    if (!coder) throw new CliError(`There is no coder "${name}".`);
    return coder.id;
  });
}

/**
 * `--where attr=value` conditions (values of one attribute: any of them; different attributes: all); for a
 * number or date attribute `attr=MIN..MAX`, `attr=MIN..` or `attr=..MAX` is a range, both ends included.
 */
export async function caseConditions(session: Session, conditions: string[]): Promise<CaseCondition[]> {
  if (conditions.length === 0) return [];
  const { attributes } = await call(session, 'cases.list', {});
  return conditions.map((condition) => {
    const at = condition.indexOf('=');
    if (at <= 0) throw new CliError(`--where takes attribute=value, not "${condition}".`, 2);
    const name = condition.slice(0, at).trim();
    const attribute = attributes.find((a) => same(a.name, name));
    if (!attribute) throw new CliError(`There is no case attribute "${name}".`);
    const value = condition.slice(at + 1).trim();
    const range = /^(.*)\.\.(.*)$/.exec(value);
    if (range && (attribute.type === 'number' || attribute.type === 'date')) {
      const [min, max] = [range[1]!.trim(), range[2]!.trim()];
      return { attributeId: attribute.id, ...(min ? { min } : {}), ...(max ? { max } : {}) };
    }
    return { attributeId: attribute.id, value };
  });
}

/** `--group NAME` filters: the ids of the named document groups. */
export async function groupIds(session: Session, names: string[]): Promise<number[]> {
  if (names.length === 0) return [];
  const groups = await call(session, 'documentGroups.list', {});
  return names.map((name) => {
    const group = groups.find((g) => same(g.name, name));
    if (!group) throw new CliError(`There is no document group "${name}".`);
    return group.id;
  });
}
