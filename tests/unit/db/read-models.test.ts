// One read model per concept: the code tree, the flat catalog, the CLI's code labels and a single code's path
// must name every code alike, and framework membership read once must agree with the code rows' roles.
import { describe, expect, it } from 'vitest';
import { codeRefLabels, resolveCodeRef } from '../../../db/queries/code-refs';
import { coderCatalog, ensureCoder, listCoders } from '../../../db/queries/coders';
import { codeCatalog, codePath, codeTree, createCode, listCodes, type CodeNode } from '../../../db/queries/codes';
import { frameworkPlaces, nonFrameworkCodeIds } from '../../../db/queries/framework-places';
import { populateDemo } from '../../../electron/services/demo';
import { emptyProject } from '../helpers';

function demo() {
  const { db } = emptyProject();
  db.transaction(() => populateDemo(db))();
  return db;
}

const flatten = (nodes: CodeNode[]): CodeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe('the read models of codes, coders and framework membership', () => {
  it('name every code by the same path in the tree, the catalog and one-code lookups', () => {
    const db = demo();
    const deep = createCode(db, { parentId: createCode(db, { parentId: null, name: 'Café 😀' }), name: 'Level two' });
    const tree = new Map(flatten(codeTree(db)).map((n) => [n.id, n.path]));
    const catalog = codeCatalog(db);
    expect(catalog).toHaveLength(tree.size);
    for (const c of catalog) {
      expect(c.path).toBe(tree.get(c.id));
      expect(codePath(db, c.id)).toBe(c.path);
    }
    expect(tree.get(deep)).toBe('Café 😀/Level two');
  });

  it('label framework cells and slices by the framework, other codes by their path; each label resolves back', () => {
    const db = demo();
    const labels = codeRefLabels(db);
    const places = new Map(frameworkPlaces(db).map((p) => [p.codeId, p]));
    const paths = new Map(codeCatalog(db).map((c) => [c.id, c.path]));
    expect(labels.size).toBe(paths.size);
    for (const [id, label] of labels) {
      const place = places.get(id);
      if (place?.role === 'cell') expect(label).toBe(`${place.framework}:${place.row}/${place.column}`);
      else if (place?.role === 'slice') expect(label).toBe(`${place.framework}:${place.row}`);
      else expect(label).toBe(paths.get(id));
      expect(resolveCodeRef(db, label)).toBe(id);
    }
    // The demo's MGF: 9 cells (3 levels × 3 loci) and 2 layers (national, local), one root.
    const roles = [...places.values()].map((p) => p.role);
    expect(roles.filter((r) => r === 'cell')).toHaveLength(9);
    expect(roles.filter((r) => r === 'slice')).toHaveLength(2);
    expect(roles.filter((r) => r === 'root')).toHaveLength(1);
  });

  it('give each code row the role its framework place says, and leave framework codes out of the others', () => {
    const db = demo();
    const places = new Map(frameworkPlaces(db).map((p) => [p.codeId, p]));
    for (const code of listCodes(db)) {
      const place = places.get(code.id);
      expect(code.framework).toEqual(place ? { frameworkId: place.frameworkId, role: place.role } : null);
    }
    const outside = new Set(nonFrameworkCodeIds(db));
    for (const id of places.keys()) expect(outside.has(id)).toBe(false);
    expect(outside.size).toBeGreaterThan(0);
    for (const c of codeCatalog(db)) if (!outside.has(c.id)) expect(c.path.startsWith('MGF')).toBe(true);
  });

  it('list coders alike with and without their counts', () => {
    const db = demo();
    ensureCoder(db, 'Zoë');
    expect(coderCatalog(db)).toEqual(listCoders(db).map(({ id, name, color }) => ({ id, name, color })));
  });
});
