// Coded excerpts for the write-up: a selection (codes, a framework cell or slice, coders, documents, groups,
// cases by attribute) becomes one excerpt query, and its rows become excerpts with names, codes, paragraph
// numbers and times. The matrix's cell and chip excerpts are described here too.
//
// With a framework cell or slice chosen, the chosen codes are the cell's themes by the matrix's rule: on the
// passage, or (overlap mode) on an overlapping passage by the same coder in the same document. Without, each
// excerpt carries the codes itself. "any": one of the codes; "all": each of them (a code or, with
// sub-codes, one of its descendants).
import { z } from 'zod';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { listAttributes } from '../../db/queries/cases';
import { codeRefLabels } from '../../db/queries/code-refs';
import { documentsInGroups, listDocumentGroups } from '../../db/queries/document-groups';
import { listExcerpts, type ExcerptQuery, type ExcerptRow } from '../../db/queries/excerpts';
import { listFrameworks } from '../../db/queries/frameworks';
import { codeCatalog, type CatalogCode } from '../../db/queries/codes';
import { coderCatalog } from '../../db/queries/coders';
import { nonFrameworkCodeIds } from '../../db/queries/framework-places';
import { getMeta, setMeta } from '../../db/queries/meta';
import { DEFAULT_CITATION_TEMPLATE, MAX_CITATION_TEMPLATE } from '../../shared/citation';
import { id } from '../api/schemas';
import { formatClock } from './timecode';
import { caseConditions, documentsMeeting } from './case-conditions';
import { conditionLabel } from '../../shared/case-condition';

export const GROUPINGS = ['none', 'code', 'cell', 'document', 'case'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const excerptSelection = z.strictObject({
  codeIds: z.array(id).max(500).default([]),
  /** A code stands for itself and every code under it. */
  subcodes: z.boolean().default(true),
  match: z.enum(['any', 'all']).default('any'),
  /** A framework cell's code, and a framework slice value's code. */
  cellCodeId: id.optional(),
  sliceCodeId: id.optional(),
  /** How the codes meet a chosen cell or slice: the matrix's rule. */
  mode: z.enum(['overlap', 'same-segment']).default('overlap'),
  coderIds: z.array(id).max(500).optional(),
  documentIds: z.array(id).max(100_000).optional(),
  /** Only documents in any of these groups. */
  groupIds: z.array(id).max(1000).optional(),
  /** Cases by an attribute's value, or a range of a number or date attribute: the matrix's filter. */
  caseAttributes: caseConditions.optional(),
  groupBy: z.enum(GROUPINGS).default('none'),
  /** Orders by this case attribute's value, then by position; absent: by document position. */
  orderByAttributeId: id.optional(),
});

export type ExcerptSelection = z.output<typeof excerptSelection>;

export interface ExcerptCode {
  id: number;
  path: string;
  name: string;
  color: string;
  /** How the CLI and exports name it: "Themes/Duty to cooperate", "MGF:System/Operational". */
  ref: string;
}

export interface Excerpt {
  segmentId: number;
  documentId: number;
  document: string;
  case: string | null;
  /** The case's attribute values by attribute name. */
  attributes: Record<string, string>;
  start: number;
  end: number;
  paragraphStart: number | null;
  paragraphEnd: number | null;
  speaker: string | null;
  /** "00:12:31": the time of its first paragraph's turn. */
  time: string | null;
  coder: string;
  memo: string;
  text: string;
  codes: ExcerptCode[];
  /** The heading it is listed under, when grouped. */
  group: string | null;
}

export interface ExcerptList {
  /** Distinct excerpts matching. */
  total: number;
  /** Listed rows in all: with grouping by code or cell, an excerpt appears under each of its groups. */
  entries: number;
  excerpts: Excerpt[];
}

/** Code lookups the descriptions need, read once per call. */
export interface CodeIndex {
  byId: Map<number, CatalogCode>;
  refs: Map<number, string>;
}

export const codeIndex = (db: Db): CodeIndex => ({ byId: new Map(codeCatalog(db).map((c) => [c.id, c])), refs: codeRefLabels(db) });

/** Rows of the excerpt query as the API gives them; `groupLabel` names a row's group. */
export function describeExcerpts(
  rows: ExcerptRow[],
  codes: CodeIndex,
  groupLabel: (row: ExcerptRow) => string | null = () => null,
): Excerpt[] {
  return rows.map((r) => ({
    segmentId: r.segmentId,
    documentId: r.documentId,
    document: r.document,
    case: r.case,
    attributes: r.attributes,
    start: r.start,
    end: r.end,
    paragraphStart: r.paragraphStart,
    paragraphEnd: r.paragraphEnd,
    speaker: r.speaker,
    time: r.timeMs === null ? null : formatClock(r.timeMs),
    coder: r.coder,
    memo: r.memo,
    text: r.text,
    codes: r.codeIds.map((c) => {
      const { path, name, color } = codes.byId.get(c)!;
      return { id: c, path, name, color, ref: codes.refs.get(c)! };
    }),
    group: groupLabel(r),
  }));
}

function descendants(codes: Map<number, CatalogCode>, root: number): number[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const c of codes.values()) if (c.parentId === out[i]) out.push(c.id);
  return out;
}

/** The groups of a grouping by code or by cell: each group's codes, and its heading. */
function codeGroups(db: Db, s: ExcerptSelection, codes: CodeIndex): { codes: number[][]; labels: string[] } | null {
  if (s.groupBy === 'code') {
    const outside = new Set(nonFrameworkCodeIds(db));
    const heads = s.codeIds.length
      ? [...codes.byId.values()].filter((c) => s.codeIds.includes(c.id))
      : [...codes.byId.values()].filter((c) => outside.has(c.id) && c.codable);
    return {
      codes: heads.map((c) => (s.subcodes && s.codeIds.length ? descendants(codes.byId, c.id) : [c.id])),
      labels: heads.map((c) => c.path),
    };
  }
  if (s.groupBy === 'cell') {
    const frameworks = listFrameworks(db);
    const cells = frameworks.flatMap((f) =>
      f.rows.flatMap((r) => f.columns.map((c) => ({ f, code: f.cells.find((x) => x.rowId === r.id && x.columnId === c.id)!.codeId }))),
    );
    return {
      codes: cells.map((c) => [c.code]),
      labels: cells.map((c) => (frameworks.length > 1 ? `${c.f.name}: ${codes.byId.get(c.code)!.name}` : codes.byId.get(c.code)!.name)),
    };
  }
  return null;
}

/** Checks every id the selection names and turns it into the excerpt query's filters. */
function queryOf(db: Db, s: ExcerptSelection, codes: CodeIndex): Omit<ExcerptQuery, 'limit' | 'offset'> & { labels: string[] | null } {
  for (const c of s.codeIds) if (!codes.byId.has(c)) throw new DataError('not-found', `There is no code with id ${c}.`);
  const frameworks = listFrameworks(db);
  if (s.cellCodeId !== undefined && !frameworks.some((f) => f.cells.some((c) => c.codeId === s.cellCodeId)))
    throw new DataError('not-found', `Code ${s.cellCodeId} is not a framework cell.`);
  if (s.sliceCodeId !== undefined && !frameworks.some((f) => f.slices.some((v) => v.codeId === s.sliceCodeId)))
    throw new DataError('not-found', `Code ${s.sliceCodeId} is not a framework slice value.`);
  const coders = coderCatalog(db);
  for (const c of s.coderIds ?? [])
    if (!coders.some((k) => k.id === c)) throw new DataError('not-found', `There is no coder with id ${c}.`);
  const attributes = listAttributes(db);
  if (s.orderByAttributeId && !attributes.some((x) => x.id === s.orderByAttributeId))
    throw new DataError('not-found', `There is no case attribute with id ${s.orderByAttributeId}.`);
  const chosen = chosenDocuments(db, s);
  const ofCases = documentsMeeting(db, s.caseAttributes);
  const lists = s.codeIds.map((c) => (s.subcodes ? descendants(codes.byId, c) : [c]));
  const carried = lists.length === 0 ? [] : s.match === 'all' ? lists : [[...new Set(lists.flat())]];
  const anchors = [s.cellCodeId, s.sliceCodeId].filter((c) => c !== undefined).map((c) => [c]);
  const groups = codeGroups(db, s, codes);
  return {
    carries: anchors.length ? anchors : carried,
    meets: anchors.length ? carried : [],
    mode: s.mode,
    coderIds: s.coderIds?.length ? [...new Set(s.coderIds)] : null,
    documentIds: ofCases === null ? chosen : chosen === null ? ofCases : ofCases.filter((d) => chosen.includes(d)),
    groupBy: groups ? { codes: groups.codes } : s.groupBy === 'document' || s.groupBy === 'case' ? s.groupBy : null,
    orderByAttributeId: s.orderByAttributeId ?? null,
    labels: groups?.labels ?? null,
  };
}

/** The chosen documents that are in any chosen group; null: no filter (an empty group chooses none). */
function chosenDocuments(db: Db, s: ExcerptSelection): number[] | null {
  const chosen = s.documentIds?.length ? [...new Set(s.documentIds)] : null;
  if (!s.groupIds?.length) return chosen;
  const inGroups = new Set(documentsInGroups(db, s.groupIds));
  return (chosen ?? [...inGroups]).filter((d) => inGroups.has(d));
}

/** A page of the selection's excerpts, in their groups and order. */
export function selectExcerpts(db: Db, selection: ExcerptSelection, page: { limit: number; offset: number }): ExcerptList {
  const codes = codeIndex(db);
  const { labels, ...query } = queryOf(db, selection, codes);
  const result = listExcerpts(db, { ...query, ...page });
  const groupLabel = (r: ExcerptRow): string | null => {
    switch (selection.groupBy) {
      case 'none':
        return null;
      case 'document':
        return r.document;
      case 'case':
        return r.case ?? 'No case';
      default:
        return r.group === null ? 'Other excerpts' : labels![r.group]!;
    }
  };
  return { total: result.excerpts, entries: result.entries, excerpts: describeExcerpts(result.rows, codes, groupLabel) };
}

const TEMPLATE_KEY = 'citation_template';

export const citationTemplate = (db: Db): string => getMeta(db, TEMPLATE_KEY) ?? DEFAULT_CITATION_TEMPLATE;

export const templateArg = z.string().max(MAX_CITATION_TEMPLATE);

export function saveCitationTemplate(db: Db, template: string): string {
  setMeta(db, TEMPLATE_KEY, template);
  return template;
}

/** The title and the one line under it that say what an export holds. */
export function describeSelection(db: Db, s: ExcerptSelection, total: number): { title: string; description: string } {
  const codes = codeIndex(db);
  const name = (c: number) => codes.byId.get(c)!.name;
  const anchors = [s.cellCodeId, s.sliceCodeId].filter((c) => c !== undefined).map(name);
  const chosen = s.codeIds.map(name);
  const coders = coderCatalog(db).filter((c) => s.coderIds?.includes(c.id));
  const attributes = listAttributes(db);
  const where = (s.caseAttributes ?? []).map((c) => conditionLabel(attributes.find((a) => a.id === c.attributeId)!.name, c));
  const order = attributes.find((a) => a.id === s.orderByAttributeId);
  const groups = listDocumentGroups(db)
    .filter((g) => s.groupIds?.includes(g.id))
    .map((g) => g.name);
  const description = [
    `${total} ${total === 1 ? 'excerpt' : 'excerpts'}`,
    chosen.length
      ? `${s.match === 'all' ? 'all of' : chosen.length > 1 ? 'any of' : 'code'} ${chosen.join(', ')}${s.subcodes && [...codes.byId.values()].some((c) => c.parentId !== null && s.codeIds.includes(c.parentId)) ? ' (with sub-codes)' : ''}`
      : '',
    anchors.length ? `in ${anchors.join(', ')}` : '',
    coders.length ? `coder ${coders.map((c) => c.name).join(', ')}` : '',
    s.documentIds?.length ? `${s.documentIds.length} chosen documents` : '',
    groups.length ? `${groups.length === 1 ? 'group' : 'groups'} ${groups.join(', ')}` : '',
    where.length ? `cases with ${where.join(', ')}` : '',
    s.groupBy === 'none' ? '' : `grouped by ${s.groupBy}`,
    `ordered by ${order ? order.name : 'document position'}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return { title: `Excerpts${[...chosen, ...anchors].length ? `: ${[...chosen, ...anchors].join(', ')}` : ''}`, description };
}
