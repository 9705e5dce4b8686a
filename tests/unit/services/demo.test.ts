import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../../db/queries/cases';
import { listCoders } from '../../../db/queries/coders';
import { codeTree } from '../../../db/queries/codes';
import { listDocuments } from '../../../db/queries/documents';
import { projectCounts } from '../../../db/queries/info';
import { listSegments } from '../../../db/queries/segments';
import { locateQuote, populateDemo } from '../../../electron/services/demo';
import { computeMatrix, matrixSpec } from '../../../electron/services/matrix';
import { resourcePath } from '../../../electron/services/resources';
import { emptyProject } from '../helpers';

function demo() {
  const { db } = emptyProject();
  db.transaction(() => populateDemo(db))();
  return db;
}

describe('the demo project', () => {
  it('holds ten interviews as in the study: three London boroughs, four two-tier counties, three metropolitan districts', () => {
    const db = demo();
    const cases = listCases(db);
    expect(cases).toHaveLength(10);
    const byType: Record<string, number> = {};
    for (const c of cases) byType[c.attributes['Authority type']!] = (byType[c.attributes['Authority type']!] ?? 0) + 1;
    expect(byType).toEqual({
      'London borough': 3,
      'Two-tier county': 4,
      'Metropolitan district': 3,
    });
    const docs = listDocuments(db);
    expect(docs).toHaveLength(10);
    expect(docs.every((d) => d.caseIds.length === 1)).toBe(true);
  });

  it('has transcripts of 1,200–2,500 words in Interviewer/DCS turns', () => {
    const dir = resourcePath('demo', 'interviews');
    const transcripts = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(transcripts).toHaveLength(10);
    for (const file of transcripts) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      const words = text.split(/\s+/).filter(Boolean).length;
      expect(words, file).toBeGreaterThanOrEqual(1200);
      expect(words, file).toBeLessThanOrEqual(2500);
      expect(
        text
          .split('\n')
          .filter(Boolean)
          .every((line) => /^(Interviewer|DCS|DD): /.test(line)),
        file,
      ).toBe(true);
    }
  });

  it('has the MGF and twelve themes, the CAF’s parts under it; every coding in one framework cell but environmental factors', () => {
    const db = demo();
    const tree = codeTree(db);
    expect(tree.map((n) => n.name)).toEqual(['MGF', 'Themes']);
    const themes = tree[1]!.children;
    expect(themes.map((c) => c.name)).toEqual([
      'Duty to cooperate',
      'Governance structures',
      "Director of Children's Services role",
      'Joint planning & commissioning',
      'Pooled budgets',
      'Common Assessment Framework',
      'Inspection regimes',
      'Leadership',
      'Resistance to change',
    ]);
    // The study: whoever completes a CAF brings together the team around the child, who choose a lead professional;
    // information sharing "such as the CAF".
    expect(themes[5]!.children.map((c) => c.name)).toEqual(['Team around the child', 'Lead professional', 'Information sharing']);
    const cellIds = new Set(tree[0]!.children.filter((c) => c.name.includes(' × ')).map((c) => c.id));
    const segments = listSegments(db);
    const placed = segments.filter((s) => s.codeIds.some((id) => cellIds.has(id)));
    expect(placed.every((s) => s.codeIds.filter((id) => cellIds.has(id)).length === 1)).toBe(true);
    // Passages the study could not place (leadership, change champions, resistance as a mood) carry no framework code.
    const frameworkIds = new Set([tree[0]!.id, ...tree[0]!.children.map((c) => c.id)]);
    const environmental = new Set(themes.filter((t) => t.name === 'Leadership' || t.name === 'Resistance to change').map((t) => t.id));
    const unplaced = segments.filter((s) => !s.codeIds.some((id) => cellIds.has(id)));
    expect(unplaced.length).toBeGreaterThan(0);
    expect(unplaced.every((s) => !s.codeIds.some((id) => frameworkIds.has(id)) && s.codeIds.some((id) => environmental.has(id)))).toBe(
      true,
    );
    // Table 2's heaviest cells are populated, e.g. duty to cooperate in System × Constitutive.
    const systemConstitutive = tree[0]!.children.find((c) => c.name === 'System × Constitutive')!;
    expect(systemConstitutive.segments).toBeGreaterThan(10);
  });

  it('reads as the study’s Table 2 in the summary view (Top 1, top-level themes), the cells it leaves empty nearly so', () => {
    const db = demo();
    const m = computeMatrix(db, matrixSpec.parse({ themeLevel: 1 }));
    const theme = new Map(m.themes.map((t) => [t.id, t.name]));
    const name = (items: { key: string; name: string }[], key: string) => items.find((i) => i.key === key)!.name;
    const cell = (row: string, column: string) => m.cells.find((c) => name(m.rows, c.row) === row && name(m.columns, c.column) === column)!;
    // Table 2, "Applying MGF to England's Children's Trusts" (Thompson, White, Carnochan & Austin 2013).
    const table2: Record<string, [string | null, string | null, string | null]> = {
      System: ['Duty to cooperate', null, 'Inspection regimes'],
      Organizational: ['Governance structures', 'Joint planning & commissioning', 'Common Assessment Framework'],
      Individual: [null, null, 'Common Assessment Framework'],
    };
    const columns = ['Constitutive', 'Directive', 'Operational'];
    for (const [row, expected] of Object.entries(table2)) {
      expected.forEach((leading, i) => {
        const c = cell(row, columns[i]!);
        const at = `${row} × ${columns[i]}`;
        if (leading) {
          // Top 1 shows the first theme; it leads outright, so no tie decides it.
          expect(theme.get(c.themes[0]!.codeId), at).toBe(leading);
          expect(c.themes[0]!.segments, at).toBeGreaterThan(c.themes[1]?.segments ?? 0);
        } else {
          // Empty in the study: at most a handful of segments, each a leadership (change champion) reading.
          expect(c.segments, at).toBeLessThanOrEqual(5);
          expect(
            c.themes.every((t) => theme.get(t.codeId) === 'Leadership' && t.segments <= c.segments),
            at,
          ).toBe(true);
          expect(c.themes[0]?.segments ?? 0, at).toBe(c.segments);
        }
      });
    }
    // Every theme as itself, the CAF's parts would lead two of those cells (the starting point).
    const flat = computeMatrix(db, matrixSpec.parse({}));
    const flatName = new Map(flat.themes.map((t) => [t.id, t.name]));
    const lead = (row: string) => {
      const c = flat.cells.find((x) => name(flat.rows, x.row) === row && name(flat.columns, x.column) === 'Operational')!;
      return flatName.get(c.themes[0]!.codeId);
    };
    expect([lead('Organizational'), lead('Individual')]).toEqual(['Information sharing', 'Lead professional']);
  });

  it('has two coders who agree on most passages and disagree on some', () => {
    const db = demo();
    const [a, b] = listCoders(db);
    expect([a!.name, b!.name]).toEqual(['A', 'B']);
    const key = (s: { documentId: number; start: number; end: number; codeIds: number[] }) =>
      `${s.documentId}:${s.start}:${s.end}:${[...s.codeIds].sort().join(',')}`;
    const ofA = new Set(listSegments(db, { coderId: a!.id }).map(key));
    const ofB = new Set(listSegments(db, { coderId: b!.id }).map(key));
    const shared = [...ofA].filter((k) => ofB.has(k)).length;
    const union = new Set([...ofA, ...ofB]).size;
    expect(shared / union).toBeGreaterThan(0.5);
    expect(shared / union).toBeLessThan(0.95);
    expect(projectCounts(db).segments).toBe(ofA.size + ofB.size);
  });

  it('places each quoted coding at exactly its text, and refuses quotes that are missing or repeated', () => {
    const db = demo();
    for (const segment of listSegments(db)) expect(segment.text.length).toBeGreaterThan(20);
    expect(locateQuote('a 😀 b c', 'b', 'x')).toEqual({ start: 4, end: 5 });
    expect(() => locateQuote('a b a b', 'a b', 'Doc')).toThrow(/exactly once in Doc/);
    expect(() => locateQuote('a b', 'zzz', 'Doc')).toThrow(/exactly once/);
  });
});
