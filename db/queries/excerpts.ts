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
  /** Documents of cases with these values: values of one attribute are alternatives, different attributes must all hold. */
  caseAttributes: { attributeId: number; value: string }[] | null;
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
    q.caseAttributes?.length
      ? `s.document_id IN (SELECT cd.document_id FROM case_documents cd WHERE NOT EXISTS (
           SELECT 1 FROM json_each(@conditions) need WHERE NOT EXISTS (
             SELECT 1 FROM case_attribute_values v JOIN json_each(@conditions) ok ON ok.value ->> 'attributeId' = v.attribute_id
              WHERE v.case_id = cd.case_id AND v.attribute_id = need.value ->> 'attributeId' AND v.value = ok.value ->> 'value')))`
      : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

/** FROM … WHERE of the matching rows, each with its group (`grp`) and what orders it. */
function matching(q: ExcerptQuery): { from: string; group: string; order: string } {
  const grouping = q.groupBy;
  const byCase = grouping === 'case' || q.orderByAttributeId !== null;
  const joins = [
    'JOIN documents d ON d.id = s.document_id',
    byCase ? `LEFT JOIN cases fc ON fc.id = ${FIRST_CASE}` : '',
    // A segment carrying none of the groups' codes stays, once, under no group.
    grouping !== null && typeof grouping === 'object'
      ? `LEFT JOIN json_each(@groups) g ON EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = s.id AND code_id IN (SELECT value FROM json_each(g.value)))`
      : '',
    q.orderByAttributeId !== null ? 'LEFT JOIN case_attribute_values ov ON ov.case_id = fc.id AND ov.attribute_id = @orderBy' : '',
  ];
  const group = grouping === null ? 'NULL' : grouping === 'document' ? 's.document_id' : grouping === 'case' ? 'fc.id' : 'g.key';
  const groupOrder =
    grouping === null
      ? ''
      : grouping === 'document'
        ? 'd.sort, d.id, '
        : grouping === 'case'
          ? 'fc.id IS NULL, fc.sort, fc.name COLLATE NOCASE, fc.id, '
          : 'g.key IS NULL, g.key, ';
  const attributeOrder =
    q.orderByAttributeId === null
      ? ''
      : `ov.value IS NULL, CASE WHEN (SELECT type FROM attributes WHERE id = @orderBy) = 'number' THEN CAST(ov.value AS REAL) END, ov.value COLLATE NOCASE, `;
  const filters = where(q);
  return {
    from: `FROM segments s ${joins.filter(Boolean).join(' ')} ${filters ? `WHERE ${filters}` : ''}`,
    group,
    order: `${groupOrder}${attributeOrder}d.sort, d.id, s.start, s.end, s.id`,
  };
}

function params(q: ExcerptQuery) {
  return {
    carries: q.carries.length ? JSON.stringify(q.carries) : null,
    meets: q.meets.length ? JSON.stringify(q.meets) : null,
    coders: json(q.coderIds),
    documents: json(q.documentIds),
    conditions: q.caseAttributes?.length ? JSON.stringify(q.caseAttributes) : null,
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
  const { from, group, order } = matching(q);
  const p = params(q);
  const countSql = `SELECT count(*) AS entries, count(DISTINCT s.id) AS excerpts ${from}`;
  const counts = stmt(db, countSql).get(bind(countSql, p)) as { entries: number; excerpts: number };
  const pageSql = `SELECT s.id AS segmentId, ${group} AS grp ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  const page = stmt(db, pageSql).all({ ...bind(pageSql, p), limit: q.limit, offset: q.offset }) as {
    segmentId: number;
    grp: number | null;
  }[];
  const details = new Map(excerptDetails(db, [...new Set(page.map((r) => r.segmentId))]).map((r) => [r.segmentId, r]));
  return { ...counts, rows: page.map((r) => ({ group: r.grp, ...details.get(r.segmentId)! })) };
}

/** Where each segment is, who coded it with what, and its exact text (substr counts code points, like the offsets). */
function excerptDetails(db: Db, segmentIds: number[]): Omit<ExcerptRow, 'group'>[] {
  if (segmentIds.length === 0) return [];
  const rows = stmt(
    db,
    `SELECT s.id AS segmentId, s.document_id AS documentId, d.name AS document, fc.id AS caseId, fc.name AS "case",
            co.id AS coderId, co.name AS coder, s.start, s.end, ps.n AS paragraphStart, pe.n AS paragraphEnd, ps.speaker,
            (SELECT time_ms FROM paragraphs WHERE document_id = s.document_id AND n <= ps.n AND time_ms IS NOT NULL
              ORDER BY n DESC LIMIT 1) AS timeMs,
            s.memo, substr(d.plain_text, s.start + 1, s.end - s.start) AS text,
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
  ).all({ ids: JSON.stringify(segmentIds) }) as (Omit<ExcerptRow, 'group' | 'codeIds' | 'attributes'> & { codes: string })[];
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
    codeIds: codes.split(',').map(Number),
    attributes: (r.caseId !== null && attributes.get(r.caseId)) || {},
  }));
}
