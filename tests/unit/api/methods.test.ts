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
