// The one excerpt query: coded segments chosen by the codes they carry or meet, coders, documents and
// cases, grouped and ordered, a page at a time. The excerpts view, its exports, the CLI and the matrix's
// cell and chip excerpts all read through it.
import type { Db } from '../project-file';
import { stmt } from '../statements';
import type { CooccurrenceMode } from './matrix';

export interface ExcerptQuery {
  /** Each list: the segment carries at least one of its codes. */
  carries: number[][];
  /**
   * Each list: one of its codes is on the segment, or (overlap mode) on a segment by the same coder in the
   * same document overlapping it: the matrix's theme rule.
   */
  meets: number[][];
  mode: CooccurrenceMode;
  coderIds: number[] | null;
  documentIds: number[] | null;
  /**
   * codes: lists of codes, one per group in order: a segment is listed once under each group whose codes
   * it carries (once, without a group, when it carries none). document / case: by the document or its case.
   */
  groupBy: { codes: number[][] } | 'document' | 'case' | null;
  /** A case attribute whose value orders the excerpts (numbers as numbers; no value last); null for document order. */
  orderByAttributeId: number | null;
  limit: number;
  offset: number;
}

export interface ExcerptRow {
  /** The group's index (codes), document id or case id; null when ungrouped or in no group. */
  group: number | null;
  segmentId: number;
  documentId: number;
  document: string;
  caseId: number | null;
  case: string | null;
  coderId: number;
  coder: string;
  start: number;
  end: number;
  /** The paragraphs holding the first and the last code point. */
  paragraphStart: number | null;
  paragraphEnd: number | null;
  speaker: string | null;
  /** The time of the first paragraph, or of the last timed one before it. */
  timeMs: number | null;
  memo: string;
  text: string;
  codeIds: number[];
  /** The case's attribute values, by attribute name. */
  attributes: Record<string, string>;
}

export interface ExcerptPage {
  /** Distinct segments matching. */
  excerpts: number;
  /** Rows matching: a segment listed under two groups counts twice. */
  entries: number;
  rows: ExcerptRow[];
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
const inJson = (column: string, param: string) => `${column} IN (SELECT value FROM json_each(@${param}))`;

/** The case a document is cited under: its first, in the cases' order. */
const FIRST_CASE = `(SELECT cd.case_id FROM case_documents cd JOIN cases c ON c.id = cd.case_id
                      WHERE cd.document_id = s.document_id ORDER BY c.sort, c.name COLLATE NOCASE, c.id LIMIT 1)`;

function where(q: ExcerptQuery): string {
  const inList = (column: string) => `${column} IN (SELECT value FROM json_each(w.value))`;
  const meets =
    q.mode === 'overlap'
      ? `EXISTS (SELECT 1 FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id
                  WHERE ${inList('vc.code_id')} AND v.document_id = s.document_id AND v.coder_id = s.coder_id
                    AND v.start < s.end AND s.start < v.end)`
      : `EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = s.id AND ${inList('code_id')})`;
  return [
    // The first list drives the search through the codes' index; the others are checked per segment.
    q.carries.length
      ? `s.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (SELECT value FROM json_each(@carries, '$[0]')))`
      : '',
    q.carries.length > 1
      ? `NOT EXISTS (SELECT 1 FROM json_each(@carries) w WHERE w.key > 0 AND NOT EXISTS (
           SELECT 1 FROM segment_codes WHERE segment_id = s.id AND ${inList('code_id')}))`
      : '',
    q.meets.length ? `NOT EXISTS (SELECT 1 FROM json_each(@meets) w WHERE NOT ${meets})` : '',
    q.coderIds ? inJson('s.coder_id', 'coders') : '',
    q.documentIds ? inJson('s.document_id', 'documents') : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

/** The matching rows (one per segment and group), each with its group (`grp`) and what orders it. */
function matching(q: ExcerptQuery): { from: string; group: string; order: string; byCodes: boolean } {
  const grouping = q.groupBy;
  const byCodes = grouping !== null && typeof grouping === 'object';
  const byCase = grouping === 'case' || q.orderByAttributeId !== null;
  const joins = [
    'JOIN documents d ON d.id = s.document_id',
    byCase ? `LEFT JOIN cases fc ON fc.id = ${FIRST_CASE}` : '',
    // Through the segment's own codes (a few) rather than every group: a segment carrying none of the
    // groups' codes stays, once, under no group; two codes of one group are one row (DISTINCT).
    byCodes ? 'LEFT JOIN (segment_codes gc JOIN group_codes g ON g.code = gc.code_id) ON gc.segment_id = s.id' : '',
    q.orderByAttributeId !== null ? 'LEFT JOIN case_attribute_values ov ON ov.case_id = fc.id AND ov.attribute_id = @orderBy' : '',
  ];
  const group = grouping === null ? 'NULL' : grouping === 'document' ? 's.document_id' : grouping === 'case' ? 'fc.id' : 'g.grp';
  const groupOrder =
    grouping === null
      ? ''
      : grouping === 'document'
        ? 'd.sort, d.id, '
        : grouping === 'case'
          ? 'fc.id IS NULL, fc.sort, fc.name COLLATE NOCASE, fc.id, '
          : 'grp IS NULL, grp, ';
  const attributeOrder =
    q.orderByAttributeId === null
      ? ''
      : `ov.value IS NULL, CASE WHEN (SELECT type FROM attributes WHERE id = @orderBy) = 'number' THEN CAST(ov.value AS REAL) END, ov.value COLLATE NOCASE, `;
  const filters = where(q);
  return {
    from: `FROM segments s ${joins.filter(Boolean).join(' ')} ${filters ? `WHERE ${filters}` : ''}`,
    group,
    order: `${groupOrder}${attributeOrder}d.sort, d.id, s.start, s.end, s.id`,
    byCodes,
  };
}

/** Each group's codes as a table (code → group index), for grouping by code or cell. */
const GROUP_CODES = `WITH group_codes(code, grp) AS MATERIALIZED (SELECT c.value, g.key FROM json_each(@groups) g, json_each(g.value) c)`;

function params(q: ExcerptQuery) {
  return {
    carries: q.carries.length ? JSON.stringify(q.carries) : null,
    meets: q.meets.length ? JSON.stringify(q.meets) : null,
    coders: json(q.coderIds),
    documents: json(q.documentIds),
    groups: q.groupBy !== null && typeof q.groupBy === 'object' ? JSON.stringify(q.groupBy.codes) : null,
    orderBy: q.orderByAttributeId,
  };
}

/** Binds only the parameters a statement names (better-sqlite3 refuses extra named parameters). */
function bind(sql: string, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => new RegExp(`@${name}\\b`).test(sql)));
}

/** One page of excerpts, with how many match in all. */
export function listExcerpts(db: Db, q: ExcerptQuery): ExcerptPage {
  const p = params(q);
  const byPosition = (q.groupBy === null || q.groupBy === 'document') && q.orderByAttributeId === null;
  const { page, excerpts, entries } = byPosition ? pageByPosition(db, q, p) : pageBySort(db, q, p);
  const details = new Map(excerptDetails(db, [...new Set(page.map((r) => r.segmentId))]).map((r) => [r.segmentId, r]));
  return { excerpts, entries, rows: page.map((r) => ({ group: r.grp, ...details.get(r.segmentId)! })) };
}

type PageRow = { segmentId: number; grp: number | null };
type Found = { page: PageRow[]; excerpts: number; entries: number };

/** Sorts every matching row and takes the page. */
function pageBySort(db: Db, q: ExcerptQuery, p: ReturnType<typeof params>): Found {
  const { from, group, order, byCodes } = matching(q);
  const prefix = byCodes ? GROUP_CODES : '';
  const countSql = `${prefix} SELECT count(*) AS entries, count(DISTINCT segmentId) AS excerpts
                       FROM (SELECT DISTINCT s.id AS segmentId, ${group} AS grp ${from})`;
  const counts = stmt(db, countSql).get(bind(countSql, p)) as { entries: number; excerpts: number };
  const pageSql = `${prefix} SELECT DISTINCT s.id AS segmentId, ${group} AS grp ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  const page = stmt(db, pageSql).all({ ...bind(pageSql, p), limit: q.limit, offset: q.offset }) as PageRow[];
  return { page, ...counts };
}

/**
 * In document order, without sorting every match: count the matches per document (an index range per
 * document), walk the documents in order to the ones the page falls in, and sort only their segments.
 */
function pageByPosition(db: Db, q: ExcerptQuery, p: ReturnType<typeof params>): Found {
  const filters = where(q);
  const countSql = `SELECT s.document_id AS documentId, count(*) AS n FROM segments s ${filters ? `WHERE ${filters}` : ''} GROUP BY 1`;
  const perDocument = new Map(
    (stmt(db, countSql).all(bind(countSql, p)) as { documentId: number; n: number }[]).map((r) => [r.documentId, r.n]),
  );
  const order = (stmt(db, 'SELECT id FROM documents ORDER BY sort, id').all() as { id: number }[]).map((d) => d.id);
  let total = 0;
  let before = 0;
  const onPage: number[] = [];
  for (const id of order) {
    const n = perDocument.get(id) ?? 0;
    if (n === 0) continue;
    if (total + n <= q.offset) before += n;
    else if (total < q.offset + q.limit) onPage.push(id);
    total += n;
  }
  if (onPage.length === 0) return { page: [], excerpts: total, entries: total };
  const { from, group, order: by } = matching({ ...q, documentIds: onPage });
  const pageSql = `SELECT s.id AS segmentId, ${group} AS grp ${from} ORDER BY ${by} LIMIT @limit OFFSET @offset`;
  const page = stmt(db, pageSql).all({
    ...bind(pageSql, { ...p, documents: JSON.stringify(onPage) }),
    limit: q.limit,
    offset: q.offset - before,
  }) as PageRow[];
  return { page, excerpts: total, entries: total };
}

/** Where each segment is, who coded it with what, and its exact text. */
export function excerptDetails(db: Db, segmentIds: number[]): Omit<ExcerptRow, 'group'>[] {
  if (segmentIds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT s.id AS segmentId, s.document_id AS documentId, d.name AS document, fc.id AS caseId, fc.name AS "case",
            co.id AS coderId, co.name AS coder, s.start, s.end, ps.n AS paragraphStart, pe.n AS paragraphEnd, ps.speaker,
            (SELECT time_ms FROM paragraphs WHERE document_id = s.document_id AND n <= ps.n AND time_ms IS NOT NULL
              ORDER BY n DESC LIMIT 1) AS timeMs,
            s.memo,
            (SELECT group_concat(code_id) FROM segment_codes WHERE segment_id = s.id) AS codes
       FROM json_each(@ids) i
       JOIN segments s ON s.id = i.value
       JOIN documents d ON d.id = s.document_id
       JOIN coders co ON co.id = s.coder_id
       LEFT JOIN cases fc ON fc.id = ${FIRST_CASE}
       LEFT JOIN paragraphs ps ON ps.document_id = s.document_id
            AND ps.n = (SELECT max(n) FROM paragraphs WHERE document_id = s.document_id AND start <= s.start)
       LEFT JOIN paragraphs pe ON pe.document_id = s.document_id
            AND pe.n = (SELECT max(n) FROM paragraphs WHERE document_id = s.document_id AND start <= s.end - 1)`,
  ).all({ ids: JSON.stringify(segmentIds) }) as (Omit<ExcerptRow, 'group' | 'codeIds' | 'attributes' | 'text'> & { codes: string })[];
  // The text is cut from each document's code points here, once per document: SQLite's substr() would
  // read the whole document again and count its way to the offset for every excerpt (10,000 in 190 ms).
  const texts = new Map(
    (
      stmt(db, 'SELECT id, plain_text AS text FROM documents WHERE id IN (SELECT value FROM json_each(@documents))').all({
        documents: JSON.stringify([...new Set(rows.map((r) => r.documentId))]),
      }) as { id: number; text: string }[]
    ).map((d) => [d.id, Array.from(d.text)]),
  );
  const values = stmt(
    db,
    `SELECT v.case_id AS caseId, a.name, v.value FROM case_attribute_values v JOIN attributes a ON a.id = v.attribute_id
      WHERE v.case_id IN (SELECT value FROM json_each(@cases)) ORDER BY a.sort, a.id`,
  ).all({ cases: JSON.stringify([...new Set(rows.map((r) => r.caseId).filter((c) => c !== null))]) }) as {
    caseId: number;
    name: string;
    value: string;
  }[];
  const attributes = new Map<number, Record<string, string>>();
  for (const v of values) attributes.set(v.caseId, { ...attributes.get(v.caseId), [v.name]: v.value });
  return rows.map(({ codes, ...r }) => ({
    ...r,
    text: texts.get(r.documentId)!.slice(r.start, r.end).join(''),
    codeIds: codes.split(',').map(Number),
    attributes: (r.caseId !== null && attributes.get(r.caseId)) || {},
  }));
}
