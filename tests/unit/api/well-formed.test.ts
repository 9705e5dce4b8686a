import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { brokenTextAt } from '../../../electron/api/well-formed';
import { mergeCodebook } from '../../../electron/services/codebook-import';
import { readQdc } from '../../../electron/services/qdc';
import { emptyProject, newSession, ok, tempDir } from '../helpers';
import { join } from 'node:path';

describe('text that is not well-formed Unicode', () => {
  it('finds an unpaired surrogate anywhere in the arguments, and passes emoji', () => {
    expect(brokenTextAt({ name: '\ud800x' })).toBe('name');
    expect(brokenTextAt({ codeRefs: ['ok', 'b\udc00'] })).toBe('codeRefs[1]');
    expect(brokenTextAt({ a: { b: ['x', { c: 'y\ud83d' }] } })).toBe('a.b[1].c');
    expect(brokenTextAt({ name: 'Café 😀 لندن', n: 3, list: [null, true] })).toBeNull();
  });

  it('is refused by every method before anything is stored', async () => {
    const session = newSession();
    const file = join(tempDir(), 'p.trellis');
    session.chosen.add(file);
    await ok(dispatch(session, 'project.create', { file, name: 'P' }));
    const before = await ok<unknown[]>(dispatch(session, 'codebook.tree', {}));
    const result = await dispatch(session, 'codes.create', { name: '\ud800x', parentId: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(!result.ok && result.error.message).toMatch(/codes\.create: the text in name has a broken character/);
    expect(await ok(dispatch(session, 'codebook.tree', {}))).toEqual(before);
  });
});

describe('the name limit on every way in', () => {
  it('refuses a .qdc code name longer than the API allows', () => {
    const { db } = emptyProject();
    const long = 'N'.repeat(10_000);
    const xml = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="6b2a1d3e-4c5f-4a7b-8c9d-0e1f2a3b4c5d" name="${long}" isCodable="true"/></Codes></CodeBook>`;
    expect(() => db.transaction(() => mergeCodebook(db, readQdc(xml, 'long.qdc'), 'long.qdc'))()).toThrow(/at most 200 characters/);
    expect(db.prepare('SELECT count(*) AS n FROM codes').get()).toEqual({ n: 0 });
  });
});
