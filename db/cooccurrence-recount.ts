// The bulk path's co-occurrence rebuild: the rule of db/cooccurrence.ts (its SQL stays the definition and
// the reference the tests compare with) computed in one sweep per document and coder. The set-based
// SQL joins every segment with its neighbours and groups 1.6 million intermediate rows for a
// 100,000-segment project (~11 s); reading the segments in order and counting in memory is linear in
// the codings and their overlaps, and the rows go into the table in key order. A write that touched a
// few (document, coder) pairs (a merge adds one coder's work) recounts only those: every row belongs
// to one pair, and a pair's rows depend only on its own segments and on which codes are framework cells
// and slice values (db/bulk.ts checks that those did not change).
import type { Db } from './project-file';
import { stmt } from './statements';

/** A document and a coder whose segments a bulk write changed. */
export interface Pair {
  documentId: number;
  coderId: number;
}

/** One pair's segments in start order; codes as dense indices (Codes), each segment's at codes[first[i]..first[i + 1]). */
interface PairSegments extends Pair {
  start: number[];
  end: number[];
  first: number[];
  codes: number[];
}

/**
 * Codes and layers numbered densely in id order, so that (code, layer, other code) is one number whose
 * order is the table's key order.
 */
class Codes {
  /** Code id → dense index (-1: no such code). */
  readonly index: Int32Array;
  readonly ids: number[];
  /** By dense index: whether a framework cell's code, and the layer number of a slice value's code (0: none). */
  readonly cell: Uint8Array;
  readonly layer: Int32Array;
  /** Layer number → the slice value's code id (layer 0: any). */
  readonly layerIds = [0];

  constructor(db: Db) {
    this.ids = stmt(db, 'SELECT id FROM codes ORDER BY id').pluck().all() as number[];
    this.index = new Int32Array((this.ids.at(-1) ?? 0) + 1).fill(-1);
    this.ids.forEach((id, i) => (this.index[id] = i));
    this.cell = new Uint8Array(this.ids.length);
    for (const id of stmt(db, 'SELECT code_id FROM framework_cells').pluck().all() as number[]) this.cell[this.index[id]!] = 1;
    this.layer = new Int32Array(this.ids.length);
    for (const id of stmt(db, "SELECT code_id FROM framework_values WHERE axis = 'slice' AND code_id IS NOT NULL ORDER BY code_id")
      .pluck()
      .all() as number[]) {
      this.layer[this.index[id]!] = this.layerIds.push(id) - 1;
    }
  }

  /** How many keys there can be: codes × layers × codes. */
  get keySpace(): number {
    return this.ids.length * this.layerIds.length * this.ids.length;
  }
}

/**
 * Appends rows [id, start, end, code id, coding's document, coding's coder] (in start order, a segment's
 * codes together) to pair, codes as indices. Checks what the suspended guard segment_codes_copy_their_segment
 * refused row by row (db/bulk.ts): each coding copies the document and coder of its segment.
 */
function addRows(pair: PairSegments, rows: number[][], codes: Codes, from = 0, to = rows.length): void {
  let last = -1;
  for (let r = from; r < to; r++) {
    const [id, start, end, code, documentId, coderId] = rows[r]!;
    if (documentId !== pair.documentId || coderId !== pair.coderId)
      throw new Error(`A coding of segment ${id} does not copy the document and coder of its segment.`);
    if (id !== last) {
      pair.first.push(pair.codes.length);
      pair.start.push(start!);
      pair.end.push(end!);
      last = id!;
    }
    pair.codes.push(codes.index[code!]!);
  }
  pair.first.push(pair.codes.length);
}

const empty = (documentId: number, coderId: number): PairSegments => ({ documentId, coderId, start: [], end: [], first: [], codes: [] });

/**
 * Every pair's segments, pairs in (coder, document) order: one read of every coding, in the order of the
 * index segments_by_document_coder (sorting 200,000 codings by coder first took twice as long).
 */
function allPairs(db: Db, codes: Codes): PairSegments[] {
  const rows = stmt(
    db,
    `SELECT s.id, s.start, s.end, sc.code_id, sc.document_id, sc.coder_id, s.document_id, s.coder_id
       FROM segments s JOIN segment_codes sc ON sc.segment_id = s.id
      ORDER BY s.document_id, s.coder_id, s.start, s.end, s.id`,
  )
    .raw()
    .all() as number[][];
  const pairs: PairSegments[] = [];
  for (let from = 0; from < rows.length;) {
    const [, , , , , , documentId, coderId] = rows[from]!;
    let to = from + 1;
    while (to < rows.length && rows[to]![6] === documentId && rows[to]![7] === coderId) to++;
    const pair = empty(documentId!, coderId!);
    addRows(pair, rows, codes, from, to);
    pairs.push(pair);
    from = to;
  }
  return pairs.sort((a, b) => a.coderId - b.coderId || a.documentId - b.documentId);
}

/** The segments of the given pairs (one indexed read each), in (coder, document) order. */
function somePairs(db: Db, codes: Codes, wanted: Pair[]): PairSegments[] {
  const read = stmt(
    db,
    `SELECT s.id, s.start, s.end, sc.code_id, sc.document_id, sc.coder_id FROM segments s JOIN segment_codes sc ON sc.segment_id = s.id
      WHERE s.document_id = ? AND s.coder_id = ? ORDER BY s.start, s.end, s.id`,
  ).raw();
  return [...wanted]
    .sort((a, b) => a.coderId - b.coderId || a.documentId - b.documentId)
    .map(({ documentId, coderId }) => {
      const pair = empty(documentId, coderId);
      addRows(pair, read.all(documentId, coderId) as number[][], codes);
      return pair;
    });
}

/** The counted rows, column by column in typed arrays (a 100,000-segment project counts ~800,000). */
class Rows {
  length = 0;
  key = new Float64Array(1 << 16);
  coder = new Float64Array(1 << 16);
  document = new Float64Array(1 << 16);
  same = new Float64Array(1 << 16);
  over = new Float64Array(1 << 16);

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

  /** Row numbers by key, rows of one key in the order they came (a counting sort over the distinct keys). */
  inKeyOrder(): Uint32Array {
    const counts = new Map<number, number>();
    for (let r = 0; r < this.length; r++) counts.set(this.key[r]!, (counts.get(this.key[r]!) ?? 0) + 1);
    const next = new Map<number, number>();
    let at = 0;
    for (const k of Float64Array.from(counts.keys()).sort()) {
      next.set(k, at);
      at += counts.get(k)!;
    }
    const order = new Uint32Array(this.length);
    for (let r = 0; r < this.length; r++) {
      const k = this.key[r]!;
      const slot = next.get(k)!;
      order[slot] = r;
      next.set(k, slot + 1);
    }
    return order;
  }
}

/** Where a key's row of the current pair is: a flat array over every key when that is small, else a map. */
class RowOf {
  private readonly flat: Int32Array | null;
  private readonly map = new Map<number, number>();
  /** Rows before this one belong to earlier pairs: a flat entry pointing there is stale. */
  private pairStart = 0;

  constructor(keySpace: number) {
    this.flat = keySpace <= 1 << 22 ? new Int32Array(keySpace).fill(-1) : null;
  }

  newPair(firstRow: number): void {
    this.pairStart = firstRow;
    this.map.clear();
  }

  get(key: number): number {
    if (!this.flat) return this.map.get(key) ?? -1;
    const row = this.flat[key]!;
    return row >= this.pairStart ? row : -1;
  }

  set(key: number, row: number): void {
    if (this.flat) this.flat[key] = row;
    else this.map.set(key, row);
  }
}

/**
 * Counts one pair into `rows`: for each segment u, the codes of every segment overlapping u (itself
 * included; own when u carries the code), under each code u carries and each layer that code counts
 * in: 0, and for a framework cell code every slice value u carries.
 */
function countPair(pair: PairSegments, codes: Codes, rows: Rows, rowOf: RowOf, scratch: Scratch): void {
  const { start, end, first, codes: coded } = pair;
  const n = codes.ids.length;
  const layers = codes.layerIds.length;
  let longest = 0;
  for (let i = 0; i < start.length; i++) longest = Math.max(longest, end[i]! - start[i]!);
  rowOf.newPair(rows.length);
  const { seen, others, own } = scratch;
  const add = (prefix: number, count: number) => {
    const base = prefix * n;
    for (let i = 0; i < count; i++) {
      const key = base + others[i]!;
      const row = rowOf.get(key);
      if (row < 0) rowOf.set(key, rows.add(key, pair.coderId, pair.documentId, own[i]!));
      else {
        rows.same[row]! += own[i]!;
        rows.over[row]!++;
      }
    }
  };
  for (let u = 0; u < start.length; u++) {
    const stamp = ++scratch.stamp;
    let count = 0;
    const take = (v: number, isOwn: number) => {
      for (let c = first[v]!; c < first[v + 1]!; c++) {
        const code = coded[c]!;
        if (seen[code] === stamp) continue;
        seen[code] = stamp;
        others[count] = code;
        own[count++] = isOwn;
      }
    };
    take(u, 1);
    // In start order: earlier segments overlap when they end after u starts (none starts further back than
    // the longest segment); later ones when they start before u ends.
    for (let v = u - 1; v >= 0 && start[v]! >= start[u]! - longest; v--) if (end[v]! > start[u]!) take(v, 0);
    for (let v = u + 1; v < start.length && start[v]! < end[u]!; v++) take(v, 0);
    for (let c = first[u]!; c < first[u + 1]!; c++) {
      const a = coded[c]!;
      add(a * layers, count);
      if (codes.cell[a])
        for (let k = first[u]!; k < first[u + 1]!; k++) if (codes.layer[coded[k]!]) add(a * layers + codes.layer[coded[k]!]!, count);
    }
  }
}

/** Per-code scratch space reused for every segment: which codes were seen for it (by stamp), and the list. */
interface Scratch {
  stamp: number;
  seen: Int32Array;
  others: Int32Array;
  own: Uint8Array;
}

/** Rows per INSERT: one statement of many rows binds and steps far less often than one per row. */
const BATCH = 128;
const COLUMNS = 'INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping) VALUES ';

/** Writes the counted rows in key order, BATCH rows per statement. */
function insertRows(db: Db, rows: Rows, codes: Codes): void {
  const n = codes.ids.length;
  const layers = codes.layerIds.length;
  const statement = (size: number) => stmt(db, COLUMNS + Array.from({ length: size }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', '));
  const order = rows.inKeyOrder();
  const values: number[] = new Array<number>(BATCH * 7);
  for (let at = 0; at < order.length; at += BATCH) {
    const size = Math.min(BATCH, order.length - at);
    if (size < BATCH) values.length = size * 7;
    for (let i = 0; i < size; i++) {
      const r = order[at + i]!;
      const key = rows.key[r]!;
      const other = key % n;
      const rest = (key - other) / n;
      const layer = rest % layers;
      const o = i * 7;
      values[o] = codes.ids[(rest - layer) / layers]!;
      values[o + 1] = codes.layerIds[layer]!;
      values[o + 2] = codes.ids[other]!;
      values[o + 3] = rows.coder[r]!;
      values[o + 4] = rows.document[r]!;
      values[o + 5] = rows.same[r]!;
      values[o + 6] = rows.over[r]!;
    }
    statement(size).run(values);
  }
}

/**
 * Recomputes cooccurrence for every document and coder, or only for the pairs given: equal to
 * rebuildCooccurrence either way (tests hold it to that). Runs with the co-occurrence triggers suspended
 * (db/bulk.ts), which then sums cooccurrence_totals.
 */
export function recountCooccurrence(db: Db, only?: Pair[]): void {
  const codes = new Codes(db);
  let pairs: PairSegments[];
  if (only) {
    // One pass over the table (it has no index by pair): ~70 ms at 800,000 rows.
    stmt(db, 'DELETE FROM cooccurrence WHERE (coder_id, document_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))').run(
      JSON.stringify(only.map((p) => [p.coderId, p.documentId])),
    );
    pairs = somePairs(db, codes, only);
  } else {
    db.exec('DELETE FROM cooccurrence');
    pairs = allPairs(db, codes);
  }
  const rows = new Rows();
  const rowOf = new RowOf(codes.keySpace);
  const scratch = {
    stamp: 0,
    seen: new Int32Array(codes.ids.length),
    others: new Int32Array(codes.ids.length),
    own: new Uint8Array(codes.ids.length),
  };
  for (const pair of pairs) countPair(pair, codes, rows, rowOf, scratch);
  // In primary-key order (pairs came by coder, then document), each insert appends to the table's b-tree:
  // three times faster than inserting pair by pair.
  insertRows(db, rows, codes);
}
