import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods } from '../../../electron/api/methods';
import { PATH_METHODS } from './path-methods';

type Json = { [key: string]: unknown };

// Argument names that suggest a path even where the schema forgot the filePath marker.
const PATH_LIKE = /path|file|dir|folder|output|target|dest/i;

/** Every place in a method's arguments that takes a path: the filePath marker, or a string named like one. */
function pathArguments(schema: z.ZodType): string[] {
  const found = new Set<string>();
  const walk = (node: unknown, at: string, key: string) => {
    if (!node || typeof node !== 'object') return;
    const json = node as Json;
    if (json.localPath === true || (json.type === 'string' && PATH_LIKE.test(key))) found.add(at);
    for (const [name, child] of Object.entries((json.properties as Json | undefined) ?? {})) walk(child, at ? `${at}.${name}` : name, name);
    if (json.items) walk(json.items, `${at}[]`, key);
    for (const list of ['anyOf', 'oneOf', 'allOf'] as const)
      for (const child of (json[list] as unknown[] | undefined) ?? []) walk(child, at, key);
    if (json.additionalProperties && typeof json.additionalProperties === 'object') walk(json.additionalProperties, `${at}.*`, key);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), '', '');
  return [...found].sort();
}

describe('methods that take a path', () => {
  // Exports are not among them: they hand back bytes (codebook.export once wrote to any path it was given).
  it('are exactly the reviewed list', () => {
    const found = Object.entries(methods)
      .map(([name, def]) => [name, pathArguments(def.args as z.ZodType)] as const)
      .filter(([, at]) => at.length > 0);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(Object.entries(PATH_METHODS).map(([name, m]) => [name, m.at])));
  });

  it('finds a path argument the schema does not mark, by its name', () => {
    expect(pathArguments(z.strictObject({ output: z.string(), name: z.string() }))).toEqual(['output']);
    expect(pathArguments(z.strictObject({ items: z.array(z.strictObject({ dir: z.string().optional() })) }))).toEqual(['items[].dir']);
  });
});
