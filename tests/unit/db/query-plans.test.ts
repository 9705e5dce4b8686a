// The queries whose comments promise an index, held to it: SQLite's plan for each statement they run
// searches the big tables by an index or key and never scans them whole.
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/project-file';
import { getCoder } from '../../../db/queries/coders';
import { getCode, listCodes } from '../../../db/queries/codes';
import { findDocumentByText } from '../../../db/queries/documents';
import { listExcerpts } from '../../../db/queries/excerpts';
import { countMatrix, type CountQuery } from '../../../db/queries/matrix';
import { getSegment, listSegments } from '../../../db/queries/segments';
import { emptyProject } from '../helpers';
import { CODE, seedRows, TEXT_1 } from './migrations/old-projects';

/** The query plan of every statement `call` prepares, one line per step ("SEARCH s USING INDEX …"). */
function plansOf(db: Db, call: () => unknown): { sql: string; plan: string }[] {
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  const spy = vi.spyOn(db, 'prepare').mockImplementation((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  });
  try {
    call();
  } finally {
    spy.mockRestore();
  }
  expect(prepared.length).toBeGreaterThan(0);
  return prepared.map((sql) => {
    // Plans do not depend on the values bound, so every parameter is bound to NULL.
    const named = [...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name!, null]);
    const args = named.length ? [Object.fromEntries(named)] : [...sql.matchAll(/\?/g)].map(() => null);
    const rows = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
    return { sql, plan: rows.map((r) => r.detail).join('\n') };
  });
}

/** The plan of the one statement whose SQL contains `marker`. */
function planOf(plans: { sql: string; plan: string }[], marker: string): string {
  const matching = plans.filter((p) => p.sql.includes(marker));
  expect(matching, marker).toHaveLength(1);
  return matching[0]!.plan;
}

function project(): Db {
  const { db } = emptyProject();
  seedRows(db);
  return db;
}

/** A full scan of that table under that alias (SCAN of a small table or json_each is fine elsewhere). */
const scans = (alias: string) => new RegExp(`^SCAN ${alias}\\b`, 'm');

describe('query plans', () => {
  it('finds a document by its text through the content-hash index', () => {
    const db = project();
    const plans = plansOf(db, () => expect(findDocumentByText(db, TEXT_1)).toMatchObject({ id: 1 }));
    expect(planOf(plans, 'content_hash')).toMatch(/^SEARCH documents USING INDEX documents_by_hash \(content_hash=\?\)$/m);
  });

  it("counts one coder's segments through the coder index, not every segment", () => {
    const db = project();
    const plans = plansOf(db, () => expect(getCoder(db, 2).segments).toBe(1));
    const plan = planOf(plans, 'FROM coders c');
    expect(plan).toMatch(/^SEARCH s USING COVERING INDEX segments_by_coder \(coder_id=\?\)$/m);
    expect(plan).not.toMatch(scans('s'));
  });

  it('reads the segments of a document, of a coder, or one segment, by index, with their codes by key', () => {
    const db = project();
    const cases: [() => unknown, RegExp][] = [
      [
        () => expect(listSegments(db, { documentId: 2 })).toHaveLength(1),
        /^SEARCH s USING INDEX segments_by_document\w* \(document_id=\?\)$/m,
      ],
      [() => expect(listSegments(db, { coderId: 2 })).toHaveLength(1), /^SEARCH s USING INDEX segments_by_coder \(coder_id=\?\)$/m],
      [() => expect(getSegment(db, 4).codeIds).toHaveLength(2), /^SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)$/m],
    ];
    for (const [call, search] of cases) {
      const plan = planOf(plansOf(db, call), 'FROM segments s JOIN documents d');
      expect(plan).toMatch(search);
      expect(plan).toMatch(/^SEARCH segment_codes USING PRIMARY KEY \(segment_id=\?\)$/m);
      expect(plan).not.toMatch(scans('s'));
      expect(plan).not.toMatch(scans('segment_codes'));
    }
  });

  it("reads a code's counts from the kept totals by key", () => {
    const db = project();
    for (const call of [() => getCode(db, CODE.duty), () => listCodes(db, 1)]) {
      const plan = planOf(plansOf(db, call), 'code_totals t');
      expect(plan).toMatch(/^SEARCH t USING PRIMARY KEY \(code_id=\? AND coder_id=\?\)( LEFT-JOIN)?$/m);
      expect(plan).not.toMatch(scans('t'));
    }
  });

  it('aggregates a matrix from ranges of the co-occurrence primary key, filtered or not', () => {
    const db = project();
    const base: CountQuery = {
      anchors: [CODE.strategicDuty, CODE.strategicMoney],
      slice: 0,
      mode: 'overlap',
      cellOthers: [CODE.early],
      themes: [CODE.duty, CODE.pooled],
      coderIds: null,
      documentIds: null,
      key: { by: 'none' },
    };
    const queries: CountQuery[] = [
      base,
      { ...base, key: { by: 'coder' }, coderIds: [1] },
      { ...base, key: { by: 'case' }, documentIds: [1, 2] },
      { ...base, slice: CODE.early, cellOthers: null, documentIds: [2] },
    ];
    for (const q of queries) {
      const plans = plansOf(db, () => countMatrix(db, q)).filter((p) => /FROM (json_each\(@pairs\) pr JOIN )?cooccurrence/.test(p.sql));
      expect(plans).toHaveLength(3);
      for (const { plan } of plans) {
        expect(plan).toMatch(/^SEARCH c USING PRIMARY KEY \(code_id=\? AND slice_id=\? AND other_id=\?/m);
        expect(plan).not.toMatch(scans('c'));
      }
    }
  });

  it("lists a code's excerpts through the codes' index, a page's details by key", () => {
    const db = project();
    const plans = plansOf(db, () =>
      listExcerpts(db, {
        ...{ carries: [[CODE.duty]], meets: [], mode: 'overlap', coderIds: null, documentIds: null },
        ...{ groupBy: null, orderByAttributeId: null, limit: 10, offset: 0 },
      }),
    );
    for (const marker of ['count(*) AS n', 'ORDER BY d.sort']) {
      const plan = planOf(plans, marker);
      expect(plan).toMatch(/^SEARCH segment_codes USING COVERING INDEX segment_codes_by_code \(code_id=\?\)$/m);
      expect(plan).not.toMatch(scans('s'));
    }
    const details = planOf(plans, 'FROM json_each(@ids) i');
    expect(details).toMatch(/^SEARCH s USING INTEGER PRIMARY KEY \(rowid=\?\)$/m);
    expect(details).not.toMatch(scans('(s|segment_codes|paragraphs)'));
  });
});
