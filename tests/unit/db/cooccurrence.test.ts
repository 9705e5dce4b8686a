import { describe, expect, it } from 'vitest';
import { rebuildCooccurrence } from '../../../db/cooccurrence';
import type { Db } from '../../../db/project-file';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { listFrameworks } from '../../../db/queries/frameworks';
import { insertSegment } from '../../../db/queries/segments';
import { recordStep, redoNext, undoLast } from '../../../db/undo';
import { seedDefaultFramework } from '../../../electron/services/default-framework';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

type Counts = Record<string, [number, number]>;

/** The co-occurrence rule computed naively from the segments, independently of the SQL. */
function referenceCounts(db: Db): { perDocument: Counts; totals: Counts } {
  const segments = db.prepare('SELECT id, document_id AS d, coder_id AS k, start, end FROM segments').all() as {
    id: number;
    d: number;
    k: number;
    start: number;
    end: number;
  }[];
  const codesOf = new Map<number, Set<number>>();
  for (const r of db.prepare('SELECT segment_id AS s, code_id AS c FROM segment_codes').all() as { s: number; c: number }[]) {
    codesOf.set(r.s, (codesOf.get(r.s) ?? new Set()).add(r.c));
  }
  const cells = new Set((db.prepare('SELECT code_id AS c FROM framework_cells').all() as { c: number }[]).map((r) => r.c));
  const slices = new Set(
    (db.prepare("SELECT code_id AS c FROM framework_values WHERE axis = 'slice'").all() as { c: number }[]).map((r) => r.c),
  );
  const perDocument: Counts = {};
  const totals: Counts = {};
  const add = (counts: Counts, key: string, same: number) => {
    const row = (counts[key] ??= [0, 0]);
    row[0] += same;
    row[1] += 1;
  };
  for (const t of segments) {
    const own = codesOf.get(t.id) ?? new Set<number>();
    const coOccurring = new Set(own);
    for (const u of segments) {
      if (u.id !== t.id && u.d === t.d && u.k === t.k && u.start < t.end && t.start < u.end) {
        for (const c of codesOf.get(u.id) ?? []) coOccurring.add(c);
      }
    }
    for (const c of own) {
      const layers = [0, ...(cells.has(c) ? [...own].filter((s) => slices.has(s)) : [])];
      for (const s of layers) {
        for (const o of coOccurring) {
          add(perDocument, [c, s, o, t.k, t.d].join(','), own.has(o) ? 1 : 0);
          add(totals, [c, s, o, t.k].join(','), own.has(o) ? 1 : 0);
        }
      }
    }
  }
  return { perDocument, totals };
}

function stored(db: Db): { perDocument: Counts; totals: Counts } {
  const read = (sql: string) =>
    Object.fromEntries(
      (db.prepare(sql).all() as { key: string; same: number; overlapping: number }[]).map((r) => [r.key, [r.same, r.overlapping]]),
    ) as Counts;
  return {
    perDocument: read(
      "SELECT code_id || ',' || slice_id || ',' || other_id || ',' || coder_id || ',' || document_id AS key, same_segment AS same, overlapping FROM cooccurrence",
    ),
    totals: read(
      "SELECT code_id || ',' || slice_id || ',' || other_id || ',' || coder_id AS key, same_segment AS same, overlapping FROM cooccurrence_totals",
    ),
  };
}

/** Deterministic pseudo-random numbers. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

function project() {
  const { db } = emptyProject();
  seedDefaultFramework(db);
  const mgf = listFrameworks(db)[0]!;
  const root = createCode(db, { parentId: null, name: 'Themes', codable: false });
  const themes = [1, 2, 3, 4].map((i) => createCode(db, { parentId: root, name: `Theme ${i}` }));
  const coders = [ensureCoder(db, 'A').id, ensureCoder(db, 'B').id];
  const text = 'DCS: naïve café 😀 partners cooperate; the board met. '.repeat(3).trim();
  const documents = [1, 2].map((i) =>
    insertDocument(db, { name: `Doc ${i}`, ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' }),
  );
  return { db, mgf, themes, coders, documents, length: [...text].length };
}

describe('co-occurrence counts', () => {
  it('stay equal to the rule computed from scratch through random codings, edits, deletions and undo', () => {
    const { db, mgf, themes, coders, documents, length } = project();
    const random = rng(3);
    const pick = <T>(items: T[]) => items[random(items.length)]!;
    const codes = [...mgf.cells.map((c) => c.codeId), ...mgf.slices.map((s) => s.codeId), ...themes];
    const segmentIds = () => (db.prepare('SELECT id FROM segments').all() as { id: number }[]).map((r) => r.id);
    const step = (label: string, change: () => unknown) => db.transaction(() => recordStep(db, label, null, change))();
    let extraSlice = 0;
    const operations: (() => void)[] = [
      () => {
        const start = random(length - 21);
        const codeIds = [...new Set([pick(codes), pick(codes), pick(codes)])];
        step('Apply code', () =>
          insertSegment(db, { documentId: pick(documents), coderId: pick(coders), start, end: start + 1 + random(20), codeIds }),
        );
      },
      () => {
        const segment = segmentIds().length ? pick(segmentIds()) : undefined;
        if (segment === undefined) return;
        const row = db.prepare('SELECT document_id AS d, coder_id AS k FROM segments WHERE id = ?').get(segment) as {
          d: number;
          k: number;
        };
        step('Add code', () =>
          db
            .prepare('INSERT OR IGNORE INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)')
            .run(segment, pick(codes), row.d, row.k),
        );
      },
      () => {
        const rows = db.prepare('SELECT segment_id AS s, code_id AS c FROM segment_codes').all() as { s: number; c: number }[];
        if (rows.length === 0) return;
        const { s, c } = pick(rows);
        step('Remove code', () => db.prepare('DELETE FROM segment_codes WHERE segment_id = ? AND code_id = ?').run(s, c));
      },
      () => {
        const ids = segmentIds();
        if (ids.length === 0) return;
        const start = random(length - 25);
        // Outside the history: undoing an UPDATE of segments is refused by the foundation's
        // segments_keep_document_and_coder trigger (the logged reverse sets every column).
        db.prepare('UPDATE segments SET start = ?, end = ? WHERE id = ?').run(start, start + 1 + random(25), pick(ids));
      },
      () => {
        const ids = segmentIds();
        if (ids.length) step('Delete segment', () => db.prepare('DELETE FROM segments WHERE id = ?').run(pick(ids)));
      },
      () => {
        // Merging one code into another, the way a code merge can: copy where missing, then delete.
        const [from, to] = [pick(codes), pick(codes)];
        step('Merge codes', () => {
          db.prepare(
            'INSERT OR IGNORE INTO segment_codes (segment_id, code_id, document_id, coder_id) SELECT segment_id, ?, document_id, coder_id FROM segment_codes WHERE code_id = ?',
          ).run(to, from);
          if (from !== to) db.prepare('DELETE FROM segment_codes WHERE code_id = ?').run(from);
        });
      },
      () => {
        // Re-inserting an existing coding with OR REPLACE changes nothing.
        const rows = db.prepare('SELECT * FROM segment_codes').all() as Record<string, number>[];
        if (rows.length)
          db.prepare('INSERT OR REPLACE INTO segment_codes VALUES (@segment_id, @code_id, @document_id, @coder_id)').run(pick(rows));
      },
      () => {
        // A theme becomes a slice value of the MGF, and stops being one again.
        if (extraSlice) {
          db.prepare('DELETE FROM framework_values WHERE code_id = ?').run(extraSlice);
          extraSlice = 0;
        } else {
          extraSlice = pick(themes);
          db.prepare(
            "INSERT INTO framework_values (guid, framework_id, axis, name, sort, code_id) VALUES (hex(randomblob(8)), ?, 'slice', 'Extra', 9, ?)",
          ).run(mgf.id, extraSlice);
        }
      },
      () => void db.transaction(() => undoLast(db, null)?.label ?? null)(),
      () => void db.transaction(() => redoNext(db, null)?.label ?? null)(),
    ];
    const weights = [6, 3, 3, 2, 1, 1, 1, 1, 2, 1];
    const weighted = weights.flatMap((w, i) => Array<number>(w).fill(i));
    for (let i = 0; i < 400; i++) {
      operations[pick(weighted)]!();
      if (i % 20 === 19) expect(stored(db), `after operation ${i}`).toEqual(referenceCounts(db));
    }
    expect(segmentIds().length).toBeGreaterThan(10);
    const overlapOnly = db.prepare('SELECT count(*) AS n FROM cooccurrence WHERE same_segment < overlapping').get() as { n: number };
    expect(overlapOnly.n).toBeGreaterThan(0);
    // Deleting a document removes its counts.
    db.prepare('DELETE FROM documents WHERE id = ?').run(documents[0]);
    expect(stored(db)).toEqual(referenceCounts(db));
    const before = stored(db);
    rebuildCooccurrence(db);
    expect(stored(db)).toEqual(before);
    // Codings are added and removed, never rewritten in place.
    expect(() => db.prepare('UPDATE segment_codes SET code_id = code_id').run()).toThrow(/added and removed, not updated/);
  });

  it('counts a code on an overlapping segment of the same coder, not of another coder, and not a touching one', () => {
    const { db, mgf, themes, coders, documents } = project();
    const cell = mgf.cells[0]!.codeId;
    const [theme] = themes;
    const [a, b] = coders;
    const code = (coderId: number, start: number, end: number, codeIds: number[]) =>
      insertSegment(db, { documentId: documents[0]!, coderId, start, end, codeIds });
    code(a!, 0, 10, [cell]);
    code(a!, 5, 15, [theme!]); // overlaps: counts
    code(b!, 0, 10, [themes[1]!]); // other coder: does not
    code(a!, 10, 20, [themes[2]!]); // touches at 10: does not
    const rows = db
      .prepare('SELECT other_id AS o, same_segment AS same, overlapping FROM cooccurrence WHERE code_id = ? AND slice_id = 0 ORDER BY o')
      .all(cell);
    expect(rows).toEqual([
      { o: cell, same: 1, overlapping: 1 },
      { o: theme, same: 0, overlapping: 1 },
    ]);
  });
});
