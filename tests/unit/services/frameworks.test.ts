import { describe, expect, it } from 'vitest';
import { resolveCodeRef } from '../../../db/queries/code-refs';
import { codeTree, getCode } from '../../../db/queries/codes';
import { listSegments } from '../../../db/queries/segments';
import { expectCountsKept, fixture, snapshot, type Fixture } from '../codebook-fixture';

const mgf = async (f: Fixture) => (await f.call('frameworks.list', {})).frameworks.find((x) => x.name === 'MGF')!;
const childNames = (f: Fixture, rootName: string) =>
  codeTree(f.db)
    .find((n) => n.name === rootName)!
    .children.map((c) => c.name);

/** A few MGF codings: System × Directive (A), the same passage by B also National, Individual × Operational. */
async function coded(f: Fixture) {
  const [d1, d2] = f.docs;
  const s = {
    systemDirective: f.segment(d1, f.coders.a, 25, 29, [f.code('MGF/System × Directive')]),
    systemAndNational: f.segment(d1, f.coders.b, 25, 29, [f.code('MGF/System × Directive'), f.code('MGF/National')]),
    individual: f.segment(d2, f.coders.a, 31, 45, [f.code('MGF/Individual × Operational')]),
    organizational: f.segment(d2, f.coders.a, 50, 61, [f.code('MGF/Organizational × Directive')]),
  };
  return { s, framework: await mgf(f) };
}

describe('frameworks', () => {
  it('seeds the MGF from its resource file: cells named "Row × Column" in grid order, then the layers', async () => {
    const f = await fixture();
    expect(childNames(f, 'MGF')).toEqual([
      'System × Constitutive',
      'System × Directive',
      'System × Operational',
      'Organizational × Constitutive',
      'Organizational × Directive',
      'Organizational × Operational',
      'Individual × Constitutive',
      'Individual × Directive',
      'Individual × Operational',
      'National',
      'Local',
    ]);
    expect(await f.call('frameworks.list', {})).toMatchObject({
      activeId: 1,
      frameworks: [{ name: 'MGF', rowLabel: 'Locus', sliceLabel: 'Layer' }],
    });
  });

  it('renames a row: its cell codes follow (hand-written definitions stay) and code references resolve; a clash is refused', async () => {
    const f = await fixture();
    const { framework } = await coded(f);
    const system = framework.rows[0]!;
    const before = snapshot(f.db);
    await f.call('frameworks.updateValue', { id: system.id, name: 'Systemic' });
    expect(childNames(f, 'MGF').slice(0, 3)).toEqual(['Systemic × Constitutive', 'Systemic × Directive', 'Systemic × Operational']);
    expect(getCode(f.db, f.code('MGF/Systemic × Constitutive')).description).toBe('Institutional design.');
    expect(resolveCodeRef(f.db, 'MGF:Systemic/Directive')).toBe(framework.cells[1]!.codeId);
    expect(getCode(f.db, framework.cells[1]!.codeId).segments).toBe(2);

    const renamed = snapshot(f.db);
    expect(await f.fail('frameworks.updateValue', { id: system.id, name: 'individual' })).toMatchObject({
      code: 'conflict',
      message: 'This framework already has a row named "individual".',
    });
    expect((await f.fail('frameworks.updateValue', { id: system.id, name: 'A × B' })).message).toMatch(/cannot contain "×"/);
    expect(snapshot(f.db)).toBe(renamed);
    expect(await f.call('history.undo', {})).toMatchObject({ undone: { label: 'Rename framework value' } });
    expect(snapshot(f.db)).toBe(before);
  });

  it('creates a framework whose generated cell definitions follow renames of values and labels', async () => {
    const f = await fixture();
    const ladder = await f.call('frameworks.create', {
      name: 'Ladder',
      rowLabel: 'Rung',
      columnLabel: 'Side',
      rows: ['Low', 'High'],
      columns: ['Left', 'Right'],
      slices: ['Early'],
    });
    expect(childNames(f, 'Ladder')).toEqual(['Low × Left', 'Low × Right', 'High × Left', 'High × Right', 'Early']);
    const lowLeft = ladder.cells[0]!.codeId;
    expect(getCode(f.db, lowLeft).description).toBe('Rung: Low; Side: Left.');
    await f.call('frameworks.updateValue', { id: ladder.rows[0]!.id, name: 'Bottom' });
    await f.call('frameworks.update', { id: ladder.id, rowLabel: 'Step', name: 'Climb' });
    expect(getCode(f.db, lowLeft)).toMatchObject({ name: 'Bottom × Left', description: 'Step: Bottom; Side: Left.' });
    expect(codeTree(f.db).map((n) => n.name)).toEqual(['MGF', 'Climb']);
    // Cells get distinct palette colours.
    const colours = ladder.cells.map((c) => getCode(f.db, c.codeId).color);
    expect(new Set(colours).size).toBe(colours.length);
    expect((await f.fail('frameworks.create', { name: 'mgf', rowLabel: 'R', columnLabel: 'C', rows: ['a'], columns: ['b'] })).code).toBe(
      'conflict',
    );
  });

  it('adds a column (a new cell per row), adds and reorders slice values and rows; the codes keep grid order', async () => {
    const f = await fixture();
    const framework = await mgf(f);
    const added = await f.call('frameworks.addValue', { frameworkId: framework.id, axis: 'column', name: 'Evaluative' });
    expect(added.cells).toHaveLength(12);
    expect(childNames(f, 'MGF').slice(0, 4)).toEqual([
      'System × Constitutive',
      'System × Directive',
      'System × Operational',
      'System × Evaluative',
    ]);
    expect(getCode(f.db, f.code('MGF/Individual × Evaluative')).description).toBe('Locus: Individual; Level: Evaluative.');
    await f.call('frameworks.addValue', { frameworkId: framework.id, axis: 'slice', name: 'European' });
    await f.call('frameworks.moveValue', { id: framework.rows[2]!.id, index: 0 });
    expect(childNames(f, 'MGF')[0]).toBe('Individual × Constitutive');
    expect(childNames(f, 'MGF').slice(-3)).toEqual(['National', 'Local', 'European']);
    expect((await f.fail('frameworks.addValue', { frameworkId: framework.id, axis: 'column', name: 'directive' })).code).toBe('conflict');
  });

  it('deleting a value first says what it uncodes, then removes its codings, keeps them as ordinary codes, or merges them', async () => {
    const f = await fixture();
    const { s, framework } = await coded(f);
    const [system, organizational, individual] = framework.rows;
    const start = snapshot(f.db);
    expect(await f.call('frameworks.deletePreview', { valueId: system!.id })).toEqual({
      codes: 3,
      codings: 2,
      segments: 2,
      segmentsRemoved: 1,
      documents: 1,
    });

    await f.call('frameworks.deleteValue', { id: system!.id, codings: 'uncode' });
    expect(childNames(f, 'MGF')).not.toContain('System × Directive');
    // B's passage keeps its National coding; A's had nothing else and is gone.
    expect(listSegments(f.db).map((x) => x.id)).toEqual([s.systemAndNational, s.individual, s.organizational]);
    expectCountsKept(f.db);
    await f.call('history.undo', {});
    expect(snapshot(f.db)).toBe(start);

    const kept = await f.call('frameworks.deleteValue', { id: system!.id, codings: 'keep' });
    expect(kept).toEqual({ kept: 'System (from MGF)' });
    expect(childNames(f, 'System (from MGF)')).toEqual(['System × Constitutive', 'System × Directive', 'System × Operational']);
    expect(getCode(f.db, f.code('System (from MGF)/System × Directive'))).toMatchObject({ segments: 2, framework: null });
    await f.call('history.undo', {});

    await f.call('frameworks.deleteValue', { id: individual!.id, codings: 'merge', intoValueId: organizational!.id });
    expect(getCode(f.db, f.code('MGF/Organizational × Operational')).segments).toBe(1);
    expect(listSegments(f.db).find((x) => x.id === s.individual)!.codeIds).toEqual([f.code('MGF/Organizational × Operational')]);
    expectCountsKept(f.db);
    await f.call('history.undo', {});
    expect(snapshot(f.db)).toBe(start);
  });

  it('refuses deleting the last row, or merging into a value of another axis, changing nothing', async () => {
    const f = await fixture();
    const ladder = await f.call('frameworks.create', {
      name: 'Pair',
      rowLabel: 'R',
      columnLabel: 'C',
      rows: ['Only'],
      columns: ['One', 'Two'],
    });
    const before = snapshot(f.db);
    expect((await f.fail('frameworks.deleteValue', { id: ladder.rows[0]!.id, codings: 'uncode' })).message).toMatch(/last row/);
    expect(
      (await f.fail('frameworks.deleteValue', { id: ladder.columns[0]!.id, codings: 'merge', intoValueId: ladder.rows[0]!.id })).message,
    ).toMatch(/only move to another column of the same framework/);
    expect((await f.fail('frameworks.deleteValue', { id: ladder.columns[0]!.id, codings: 'merge' })).code).toBe('invalid-args');
    expect(snapshot(f.db)).toBe(before);
  });

  it('holds several frameworks, one active; deleting one keeps its codes or uncodes them', async () => {
    const f = await fixture();
    const { s } = await coded(f);
    const ladder = await f.call('frameworks.create', { name: 'Ladder', rowLabel: 'R', columnLabel: 'C', rows: ['Low'], columns: ['Left'] });
    await f.call('frameworks.setActive', { id: ladder.id });
    expect((await f.call('frameworks.list', {})).activeId).toBe(ladder.id);
    await f.call('frameworks.delete', { id: ladder.id, codings: 'uncode' });
    // The active one is gone: the first remaining one shows.
    expect((await f.call('frameworks.list', {})).activeId).toBe(1);
    await f.call('history.undo', {});
    expect((await f.call('frameworks.list', {})).activeId).toBe(ladder.id);

    expect(await f.call('frameworks.deletePreview', { frameworkId: 1 })).toMatchObject({ codes: 12, codings: 5, segments: 4 });
    await f.call('frameworks.delete', { id: 1, codings: 'keep' });
    expect(getCode(f.db, f.code('MGF/System × Directive'))).toMatchObject({ framework: null, segments: 2 });
    expect(listSegments(f.db).map((x) => x.id)).toContain(s.individual);
    // Now an ordinary code tree: it can be renamed like any other.
    await f.call('codes.update', { id: f.code('MGF'), name: 'Old MGF' });
  });
});
