// The bulk path's co-occurrence rebuild: the rule of db/cooccurrence.ts (its SQL stays the definition and
// the reference the tests compare with) computed in one sweep per document and coder. The set-based
// SQL joins every segment with its neighbours and groups 1.6 million intermediate rows for a
// 100,000-segment project (~11 s); reading the segments in order and counting in memory is linear in
// the codings and their overlaps, and the rows go into the table in key order.
import type { Db } from './project-file';
import { stmt } from './statements';

interface Segment {
  start: number;
  end: number;
  codes: number[];
}

/** Each segment's codes, by segment id. */
function codesBySegment(db: Db): Map<number, number[]> {
  const codes = new Map<number, number[]>();
  const rows = stmt(db, 'SELECT segment_id, code_id FROM segment_codes').raw().all() as [number, number][];
  for (const [segment, code] of rows) {
    const list = codes.get(segment);
    if (list) list.push(code);
    else codes.set(segment, [code]);
  }
  return codes;
}

/** The segments of each (coder, document) pair in that order, each pair's in start order. */
function segmentsByPair(db: Db): { documentId: number; coderId: number; segments: Segment[] }[] {
  const codes = codesBySegment(db);
  const rows = stmt(db, 'SELECT id, document_id, coder_id, start, end FROM segments ORDER BY coder_id, document_id, start').raw().all() as [
    number,
    number,
    number,
    number,
    number,
  ][];
  const pairs: { documentId: number; coderId: number; segments: Segment[] }[] = [];
  let pair: (typeof pairs)[number] | undefined;
  for (const [id, documentId, coderId, start, end] of rows) {
    if (pair?.documentId !== documentId || pair.coderId !== coderId) pairs.push((pair = { documentId, coderId, segments: [] }));
    pair.segments.push({ start, end, codes: codes.get(id) ?? [] });
  }
  return pairs;
}

/**
 * Counts into `rows` for each segment u of one document and coder: the codes of every segment
 * overlapping u (itself included; `own` when u carries the code), under each code u carries and each
 * layer that code counts in: 0, and for a framework cell code every slice value u carries.
 */
function countPair(segments: Segment[], layers: Layers, rows: Rows, coderId: number, documentId: number): void {
  const longest = segments.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  const others = new Map<number, number>();
  const rowOf = new Map<number, number>();
  const neighbour = (v: Segment) => {
    for (const c of v.codes) if (!others.has(c)) others.set(c, 0);
  };
  const add = (code: number, slice: number) => {
    for (const [other, own] of others) {
      const key = layers.key(code, slice, other);
      const row = rowOf.get(key);
      if (row === undefined) rowOf.set(key, rows.add(key, coderId, documentId, own));
      else rows.count(row, own);
    }
  };
  segments.forEach((u, i) => {
    others.clear();
    for (const c of u.codes) others.set(c, 1);
    // Sorted by start: earlier segments overlap when they end after u starts (none starts further back
    // than the longest segment); later ones when they start before u ends.
    for (let j = i - 1; j >= 0 && segments[j]!.start >= u.start - longest; j--) if (segments[j]!.end > u.start) neighbour(segments[j]!);
    for (let j = i + 1; j < segments.length && segments[j]!.start < u.end; j++) neighbour(segments[j]!);
    for (const a of u.codes) {
      add(a, 0);
      if (layers.cells.has(a)) for (const k of u.codes) if (layers.slices.has(k)) add(a, k);
    }
  });
}

/**
 * Codes and layers numbered densely in id order, so that (code, layer, other code) is one number whose
 * order is the table's key order.
 */
class Layers {
  readonly cells: Set<number>;
  /** The codes of slice values (each names its own code). */
  readonly slices = new Set<number>();
  private readonly codeIndex = new Map<number, number>();
  private readonly codeIds: number[];
  private readonly sliceIndex = new Map<number, number>([[0, 0]]);
  private readonly sliceIds = [0];

  constructor(db: Db) {
    this.cells = new Set(stmt(db, 'SELECT code_id FROM framework_cells').pluck().all() as number[]);
    for (const k of stmt(db, "SELECT code_id FROM framework_values WHERE axis = 'slice' AND code_id IS NOT NULL ORDER BY code_id")
      .pluck()
      .all() as number[]) {
      this.slices.add(k);
      this.sliceIndex.set(k, this.sliceIds.push(k) - 1);
    }
    this.codeIds = stmt(db, 'SELECT id FROM codes ORDER BY id').pluck().all() as number[];
    this.codeIds.forEach((id, i) => this.codeIndex.set(id, i));
  }

  key(code: number, slice: number, other: number): number {
    return (
      (this.codeIndex.get(code)! * this.sliceIds.length + this.sliceIndex.get(slice)!) * this.codeIds.length + this.codeIndex.get(other)!
    );
  }

  /** The code, layer and other code a key stands for. */
  ids(key: number): [number, number, number] {
    const other = key % this.codeIds.length;
    const rest = (key - other) / this.codeIds.length;
    const slice = rest % this.sliceIds.length;
    return [this.codeIds[(rest - slice) / this.sliceIds.length]!, this.sliceIds[slice]!, this.codeIds[other]!];
  }
}

/** The counted rows, column by column in typed arrays (a 100,000-segment project counts ~800,000). */
class Rows {
  length = 0;
  key = new Float64Array(1024);
  coder = new Float64Array(1024);
  document = new Float64Array(1024);
  same = new Float64Array(1024);
  over = new Float64Array(1024);

  add(key: number, coder: number, document: number, same: number): number {
    if (this.length === this.key.length) {
      for (const column of ['key', 'coder', 'document', 'same', 'over'] as const) {
        const grown = new Float64Array(this.length * 2);
        grown.set(this[column]);
        this[column] = grown;
      }
    }
    const row = this.length++;
    this.key[row] = key;
    this.coder[row] = coder;
    this.document[row] = document;
    this.same[row] = same;
    this.over[row] = 1;
    return row;
  }

  count(row: number, same: number): void {
    this.same[row]! += same;
    this.over[row]!++;
  }

  /** Row numbers by key, rows of one key in the order they came (a counting sort over the distinct keys). */
  inKeyOrder(): Uint32Array {
    const keys = this.key.subarray(0, this.length);
    const distinct = Float64Array.from(new Set(keys)).sort();
    const rank = new Map<number, number>();
    distinct.forEach((k, i) => rank.set(k, i));
    const starts = new Uint32Array(distinct.length + 1);
    for (const k of keys) starts[rank.get(k)! + 1]!++;
    for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
    const order = new Uint32Array(this.length);
    keys.forEach((k, row) => (order[starts[rank.get(k)!]!++] = row));
    return order;
  }
}

/**
 * Recomputes cooccurrence for every document and coder: equal to rebuildCooccurrence (tests hold it to
 * that). Runs with the co-occurrence triggers suspended (db/bulk.ts), which then sums cooccurrence_totals.
 */
export function recountCooccurrence(db: Db): void {
  db.exec('DELETE FROM cooccurrence');
  const layers = new Layers(db);
  const rows = new Rows();
  for (const { documentId, coderId, segments } of segmentsByPair(db)) countPair(segments, layers, rows, coderId, documentId);
  // In primary-key order (pairs came by coder, then document), each insert appends to the table's b-tree:
  // three times faster than inserting pair by pair.
  const insert = stmt(
    db,
    'INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const r of rows.inKeyOrder()) insert.run(...layers.ids(rows.key[r]!), rows.coder[r], rows.document[r], rows.same[r], rows.over[r]);
}
