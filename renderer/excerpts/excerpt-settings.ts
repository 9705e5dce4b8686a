// What the excerpts view remembers (per project) and how it becomes the API's selection.
import type { ArgsOf } from '../../electron/api/methods';
import type { MatrixFilters } from '../matrix/matrix-settings';

export type Grouping = 'none' | 'code' | 'cell' | 'document' | 'case';

export interface ExcerptSettings {
  codeIds: number[];
  subcodes: boolean;
  match: 'any' | 'all';
  cellCodeId: number | null;
  sliceCodeId: number | null;
  mode: 'overlap' | 'same-segment';
  /** Coders, documents and cases by attribute, chosen as in the matrix (its theme filter unused). */
  filters: MatrixFilters;
  groupBy: Grouping;
  orderByAttributeId: number | null;
  toc: boolean;
  pageNumbers: boolean;
  /** Longest excerpt text in an export, in characters; null for the whole text. */
  maxLength: number | null;
}

export const DEFAULT_EXCERPT_SETTINGS: ExcerptSettings = {
  codeIds: [],
  subcodes: true,
  match: 'any',
  cellCodeId: null,
  sliceCodeId: null,
  mode: 'overlap',
  filters: { coderIds: [], documentIds: [], groupIds: [], caseAttributes: [], themeIds: [] },
  // Ungrouped, a page of 100,000 segments needs no sort of them all.
  groupBy: 'none',
  orderByAttributeId: null,
  toc: true,
  pageNumbers: true,
  maxLength: null,
};

export type Selection = Omit<ArgsOf<'excerpts.list'>, 'limit' | 'offset'>;

export function selectionOf(s: ExcerptSettings): Selection {
  const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);
  return {
    codeIds: s.codeIds,
    subcodes: s.subcodes,
    match: s.match,
    cellCodeId: s.cellCodeId ?? undefined,
    sliceCodeId: s.sliceCodeId ?? undefined,
    mode: s.mode,
    coderIds: nonEmpty(s.filters.coderIds),
    documentIds: nonEmpty(s.filters.documentIds),
    groupIds: nonEmpty(s.filters.groupIds ?? []),
    caseAttributes: nonEmpty(s.filters.caseAttributes),
    groupBy: s.groupBy,
    orderByAttributeId: s.orderByAttributeId ?? undefined,
  };
}
