import { describe, expect, it } from 'vitest';
import { dropMove, keyMove, places, visibleCodes, type CodeNode } from '../../../renderer/codebook/code-tree-model';

let nextId = 1;
function node(name: string, children: CodeNode[] = [], framework: CodeNode['framework'] = null): CodeNode {
  const id = nextId++;
  return {
    ...{ id, guid: `G${id}`, parentId: null, name, color: '#4E79A7', description: '', inclusion: '', exclusion: '' },
    ...{ exampleSegmentId: null, codable: true, sort: id, framework, path: name, children },
    ...{ segments: 0, documents: 0, segmentsWithChildren: 0, documentsWithChildren: 0 },
  };
}

// MGF (a framework with one cell) · Themes: Duty, Budgets (Pooled), Schools
const cell = node('System × Directive', [], { frameworkId: 1, role: 'cell' });
const mgf = node('MGF', [cell], { frameworkId: 1, role: 'root' });
const pooled = node('Pooled');
const duty = node('Duty');
const budgets = node('Budgets', [pooled]);
const schools = node('Schools');
const themes = node('Themes', [duty, budgets, schools]);
const map = places([mgf, themes]);

describe('code tree moves', () => {
  it('turns drops before, after and into a code into codes.move arguments', () => {
    expect(dropMove(map, schools.id, duty.id, 'before')).toEqual({ id: schools.id, parentId: themes.id, index: 0 });
    expect(dropMove(map, duty.id, budgets.id, 'after')).toEqual({ id: duty.id, parentId: themes.id, index: 1 });
    expect(dropMove(map, schools.id, budgets.id, 'inside')).toEqual({ id: schools.id, parentId: budgets.id, index: 1 });
    expect(dropMove(map, pooled.id, mgf.id, 'after')).toEqual({ id: pooled.id, parentId: null, index: 1 });
  });

  it('refuses drops that are no move or that the codebook would refuse', () => {
    expect(dropMove(map, duty.id, budgets.id, 'before')).toBeNull(); // already there
    expect(dropMove(map, budgets.id, pooled.id, 'inside')).toBeNull(); // into itself
    expect(dropMove(map, budgets.id, budgets.id, 'after')).toBeNull();
    expect(dropMove(map, duty.id, cell.id, 'after')).toBeNull(); // into a framework
    expect(dropMove(map, duty.id, mgf.id, 'inside')).toBeNull();
    expect(dropMove(map, mgf.id, duty.id, 'before')).toBeNull(); // a framework leaves the top level
    expect(dropMove(map, mgf.id, themes.id, 'after')).toEqual({ id: mgf.id, parentId: null, index: 1 });
  });

  it('gives the keyboard moves: up, down, into the code above, out to the parent level', () => {
    expect(keyMove(map, budgets.id, 'up')).toEqual({ id: budgets.id, parentId: themes.id, index: 0 });
    expect(keyMove(map, budgets.id, 'down')).toEqual({ id: budgets.id, parentId: themes.id, index: 2 });
    expect(keyMove(map, schools.id, 'in')).toEqual({ id: schools.id, parentId: budgets.id, index: 1 });
    expect(keyMove(map, pooled.id, 'out')).toEqual({ id: pooled.id, parentId: themes.id, index: 2 });
    expect(keyMove(map, duty.id, 'up')).toBeNull();
    expect(keyMove(map, themes.id, 'out')).toBeNull();
  });

  it('lists what is visible: collapsed codes hide their children, a filter keeps matches and their ancestors', () => {
    expect(visibleCodes([mgf, themes], new Set([mgf.guid]), '').map((n) => n.name)).toEqual([
      'MGF',
      'Themes',
      'Duty',
      'Budgets',
      'Pooled',
      'Schools',
    ]);
    expect(visibleCodes([mgf, themes], new Set([themes.guid]), 'pool').map((n) => n.name)).toEqual(['Themes', 'Budgets', 'Pooled']);
  });
});
