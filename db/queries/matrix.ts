// Matrix aggregates over the precomputed co-occurrence counts (db/cooccurrence.ts), and the excerpts
// behind a cell, read live from the segments.
import type { Db } from '../project-file';
import { stmt } from '../statements';

export type CooccurrenceMode = 'overlap' | 'same-segment';

/** What the columns split a row's segments by, besides the row's code. */
export type ColumnKey = { by: 'none' } | { by: 'coder' } | { by: 'case' } | { by: 'attribute'; attributeId: number };

export interface CountQuery {
  /** The rows' codes (framework cell codes, or the codes of a code matrix). */
  anchors: number[];
  /** A framework slice value's code, or 0 for every layer. */
  slice: number;
  mode: CooccurrenceMode;
  /** Codes whose co-occurrence makes the cell: null for the anchor itself (its own segments). */
  cellOthers: number[] | null;
  /** Codes counted as themes of a cell. */
  themes: number[];
  coderIds: number[] | null;
  documentIds: number[] | null;
  key: ColumnKey;
}

export interface CountRow {
  code: number;
  /** The column's coder id, case id or attribute value; 0 when the columns do not split by one. */
  key: number | string;
  other: number;
  segments: number;
}

export interface CellCountRow extends CountRow {
  documents: number;
  cases: number;
}

const json = (ids: number[] | null) => (ids === null ? null : JSON.stringify(ids));
const inList = (column: string, param: string) => `${column} IN (SELECT value FROM json_each(@${param}))`;

function keyParts(key: ColumnKey): { expr: string; join: string } {
  switch (key.by) {
    case 'none':
      return { expr: '0', join: '' };
    case 'coder':
      return { expr: 'c.coder_id', join: '' };
    case 'case':
      return { expr: 'kc.case_id', join: 'JOIN case_documents kc ON kc.document_id = c.document_id' };
    case 'attribute':
      // Each document once per value, even when it belongs to two cases with that value.
      return {
        expr: 'kv.value',
        join: `JOIN (SELECT DISTINCT cd.document_id, v.value FROM case_documents cd
                       JOIN case_attribute_values v ON v.case_id = cd.case_id AND v.attribute_id = @attribute) kv
                 ON kv.document_id = c.document_id`,
      };
  }
}

function params(q: CountQuery) {
  return {
    anchors: JSON.stringify(q.anchors),
    slice: q.slice,
    themes: JSON.stringify(q.themes),
    coders: json(q.coderIds),
    documents: json(q.documentIds),
    attribute: q.key.by === 'attribute' ? q.key.attributeId : null,
  };
}

/**
 * The aggregate behind a matrix: for every row code × column key, the cell's segments, documents and
 * cases, and the segments co-occurring with each theme. Segment counts of matrices not filtered by
 * document nor split by case come from the per-coder totals. Every read is a range of the primary key
 * (code, layer, co-occurring code, coder, document): cells are looked up pair by pair, themes through
 * IN lists; with a filter of a few documents every coder is listed too, so the documents can be looked up.
 */
export function countMatrix(db: Db, q: CountQuery): { cells: CellCountRow[]; themes: CountRow[] } {
  const n = q.mode === 'overlap' ? 'overlapping' : 'same_segment';
  const { expr, join } = keyParts(q.key);
  // A few documents are faster looked up one by one; many, by reading past the others.
  const lookUpDocuments = q.documentIds !== null && q.documentIds.length <= 100;
  const filters = [
    'c.slice_id = @slice',
    q.coderIds !== null ? inList('c.coder_id', 'coders') : lookUpDocuments ? 'c.coder_id IN (SELECT id FROM coders)' : '',
    q.documentIds === null ? '' : inList('c.document_id', 'documents'),
  ]
    .filter(Boolean)
    .join(' AND ');
  const pairs = q.anchors.flatMap((a) => (q.cellOthers ?? [a]).map((o) => [a, o]));
  const p = { ...params(q), pairs: JSON.stringify(pairs) };
  const fromTotals = q.documentIds === null && (q.key.by === 'none' || q.key.by === 'coder');
  const counts = fromTotals ? 'cooccurrence_totals' : 'cooccurrence';
  const keyJoin = fromTotals ? '' : join;
  const cellRows = (table: string) =>
    `FROM json_each(@pairs) pr JOIN ${table} c ON c.code_id = pr.value ->> 0 AND c.other_id = pr.value ->> 1 AND ${filters}`;
  const themes = stmt(
    db,
    `SELECT c.code_id AS code, ${expr} AS key, c.other_id AS other, sum(c.${n}) AS segments FROM ${counts} c ${keyJoin}
      WHERE ${inList('c.code_id', 'anchors')} AND ${inList('c.other_id', 'themes')} AND ${filters}
      GROUP BY 1, 2, 3`,
  ).all(p) as CountRow[];
  const cells = stmt(
    db,
    `SELECT c.code_id AS code, ${expr} AS key, c.other_id AS other, sum(c.${n}) AS segments ${cellRows(counts)} ${keyJoin} GROUP BY 1, 2, 3`,
  ).all(p) as CountRow[];
  // Documents and cases: distinct counts, so read per document (a document in two cases joins twice).
  const reach = stmt(
    db,
    `SELECT c.code_id AS code, ${expr} AS key, c.other_id AS other,
            count(DISTINCT c.document_id) AS documents, count(DISTINCT ${q.key.by === 'case' ? 'kc.case_id' : 'cd.case_id'}) AS cases
       ${cellRows('cooccurrence')} ${join} ${q.key.by === 'case' ? '' : 'LEFT JOIN case_documents cd ON cd.document_id = c.document_id'}
      WHERE c.${n} > 0
      GROUP BY 1, 2, 3`,
  ).all(p) as Omit<CellCountRow, 'segments'>[];
  const reachOf = new Map(reach.map((r) => [`${r.code}|${r.key}|${r.other}`, r]));
  // Rows with only overlapping counts sum to 0 segments in same-segment mode.
  return {
    cells: cells
      .filter((r) => r.segments > 0)
      .map((r) => {
        const { documents = 0, cases = 0 } = reachOf.get(`${r.code}|${r.key}|${r.other}`) ?? {};
        return { ...r, documents, cases };
      }),
    themes: themes.filter((r) => r.other !== r.code && r.segments > 0),
  };
}

export interface GroupQuery extends Omit<CountQuery, 'cellOthers' | 'themes'> {
  /** Themes counted together (a theme and the codes under it): a cell's segment counts once per group. */
  groups: { target: number; members: number[] }[];
}

/**
 * For every row code × column key and group of themes, the anchor's segments with at least one of the
 * group's codes co-occurring (by the mode's rule; the anchor code itself is not its own theme). Unions
 * cannot be summed from the per-code counts, so this reads the segments and their same-coder
 * neighbours, as the co-occurrence triggers do: about a second for 100,000 segments under nested themes.
 */
export function countThemeGroups(db: Db, q: GroupQuery): CountRow[] {
  if (!q.groups.length) return [];
  const { expr, join } = keyParts(q.key);
  // No segment of a document and coder is longer than its longest, so a neighbour starts at most that far back.
  const neighbours =
    q.mode === 'overlap'
      ? 'v.document_id = c.document_id AND v.coder_id = c.coder_id AND v.start < c.end AND c.start < v.end AND v.start >= c.start - c.longest'
      : 'v.id = c.id';
  // Each member code's group, looked up by key ({"code": group}): a join with a list of pairs scans it per row.
  const groupOf = Object.fromEntries(q.groups.flatMap((g) => g.members.map((m) => [String(m), g.target])));
  return stmt(
    db,
    `WITH longest AS MATERIALIZED (SELECT document_id, coder_id, max(end - start) AS longest FROM segments GROUP BY 1, 2),
          c AS (SELECT a.code_id, s.id, s.document_id, s.coder_id, s.start, s.end, l.longest
                  FROM segment_codes a
                  JOIN segments s ON s.id = a.segment_id
                  JOIN longest l ON l.document_id = s.document_id AND l.coder_id = s.coder_id
                 WHERE ${inList('a.code_id', 'anchors')}
                   AND (@slice = 0 OR EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = s.id AND code_id = @slice))
                   AND (@coders IS NULL OR ${inList('s.coder_id', 'coders')})
                   AND (@documents IS NULL OR ${inList('s.document_id', 'documents')})),
          met AS (SELECT DISTINCT c.code_id AS code, ${expr} AS key, c.id, @groupOf ->> ('$."' || vc.code_id || '"') AS other
                    FROM c ${join}
                   CROSS JOIN segments v ON ${neighbours}
                   CROSS JOIN segment_codes vc ON vc.segment_id = v.id AND vc.code_id <> c.code_id)
     SELECT code, key, other, count(*) AS segments FROM met WHERE other IS NOT NULL GROUP BY 1, 2, 3`,
  ).all({ ...params({ ...q, cellOthers: null, themes: [] }), groupOf: JSON.stringify(groupOf) }) as CountRow[];
}

/** Documents in scope per column: every document, or those of each case or attribute value. */
export function documentsPerKey(db: Db, key: ColumnKey, documentIds: number[] | null): Map<number | string, number> {
  const inScope = (column: string) => `(@documents IS NULL OR ${inList(column, 'documents')})`;
  const sql =
    key.by === 'case'
      ? `SELECT case_id AS key, count(*) AS n FROM case_documents WHERE ${inScope('document_id')} GROUP BY 1`
      : key.by === 'attribute'
        ? `SELECT v.value AS key, count(DISTINCT c.document_id) AS n FROM case_documents c
             JOIN case_attribute_values v ON v.case_id = c.case_id AND v.attribute_id = @attribute
            WHERE ${inScope('c.document_id')} GROUP BY 1`
        : `SELECT 0 AS key, count(*) AS n FROM documents WHERE ${inScope('id')}`;
  const rows = stmt(db, sql).all({ documents: json(documentIds), attribute: key.by === 'attribute' ? key.attributeId : null }) as {
    key: number | string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.key, r.n]));
}
