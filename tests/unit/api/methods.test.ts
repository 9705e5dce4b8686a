import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joinMethodTables, methods } from '../../../electron/api/methods';

describe('the method table', () => {
  it('refuses a method name defined in two handler files', () => {
    expect(() => joinMethodTables({ 'codes.create': 1 }, { 'codes.list': 2 }, { 'codes.create': 3 })).toThrow(
      /"codes.create" is defined twice/,
    );
  });

  it('keeps every method of every handler file', () => {
    expect(joinMethodTables({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(Object.keys(methods).length).toBeGreaterThan(40);
    for (const name of Object.keys(methods)) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
  });
});

describe('the handler files', () => {
  // One file per namespace, named after it (codeSets → code-sets.ts), so a method is found where its name says.
  const folder = fileURLToPath(new URL('../../../electron/api/handlers/', import.meta.url));
  const kebab = (namespace: string) => namespace.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

  it('hold the methods of one namespace each, in the file named after it', async () => {
    const seen = new Set<string>();
    for (const path of readdirSync(folder)) {
      const file = path.replace(/\.ts$/, '');
      const module = (await import(join(folder, path))) as Record<string, Record<string, unknown>>;
      const names = Object.values(module).flatMap((table) => Object.keys(table));
      const namespaces = new Set(names.map((n) => n.split('.')[0]!));
      expect([...namespaces], path).toEqual([expect.any(String)]);
      const [namespace] = namespaces;
      expect(kebab(namespace!), path).toBe(file);
      seen.add(namespace!);
    }
    expect([...seen].sort()).toEqual([...new Set(Object.keys(methods).map((n) => n.split('.')[0]!))].sort());
  });
});
