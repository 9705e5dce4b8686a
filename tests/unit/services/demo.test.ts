import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCases } from '../../../db/queries/cases';
import { listCoders } from '../../../db/queries/coders';
import { codeTree } from '../../../db/queries/codes';
import { listDocuments } from '../../../db/queries/documents';
import { projectCounts } from '../../../db/queries/info';
import { listSegments } from '../../../db/queries/segments';
import { locateQuote, populateDemo } from '../../../electron/services/demo';
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

  it('has the MGF and the twelve themes, every coding in a framework cell', () => {
    const db = demo();
    const tree = codeTree(db);
    expect(tree.map((n) => n.name)).toEqual(['MGF', 'Themes']);
    expect(tree[1]!.children.map((c) => c.name)).toEqual([
      'Duty to cooperate',
      'Governance structures',
      "Director of Children's Services role",
      'Joint planning & commissioning',
      'Pooled budgets',
      'Common Assessment Framework',
      'Team around the child',
      'Lead professional',
      'Information sharing',
      'Inspection regimes',
      'Leadership',
      'Resistance to change',
    ]);
    const cellIds = new Set(tree[0]!.children.filter((c) => c.name.includes(' × ')).map((c) => c.id));
    const segments = listSegments(db);
    expect(segments.every((s) => s.codeIds.filter((id) => cellIds.has(id)).length === 1)).toBe(true);
    // Table 2's heaviest cells are populated, e.g. duty to cooperate in System × Constitutive.
    const systemConstitutive = tree[0]!.children.find((c) => c.name === 'System × Constitutive')!;
    expect(systemConstitutive.segments).toBeGreaterThan(10);
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
