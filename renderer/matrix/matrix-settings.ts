// What the matrix view remembers (per project) and how it becomes the API's matrix spec.
import type { CaseCondition } from '../../shared/case-condition';
import type { ArgsOf } from '../../electron/api/methods';

export type Display = 'counts' | 'heat-segments' | 'heat-documents' | 'chips' | 'excerpts';

export type CodeSourceChoice = { codeSetId: number } | { parentId: number };

export type ColumnChoice =
  { kind: 'codes'; codes: CodeSourceChoice } | { kind: 'coders' } | { kind: 'cases' } | { kind: 'attribute'; attributeId: number };

export type LayoutChoice =
  | { kind: 'framework'; frameworkId: number | null; sliceId: number | null }
  | { kind: 'codes'; rows: CodeSourceChoice; columns: ColumnChoice };

export interface MatrixFilters {
  coderIds: number[];
  documentIds: number[];
  /** Document groups (documents in any of them); absent in settings stored before groups existed. */
  groupIds?: number[];
  /** Cases by an attribute's value, or by a range of a number or date attribute. */
  caseAttributes: CaseCondition[];
  themeIds: number[];
}

export interface MatrixSettings {
  layout: LayoutChoice;
  mode: 'overlap' | 'same-segment';
  filters: MatrixFilters;
  display: Display;
  /** Themes shown per cell; 0 for all. */
  themeLimit: number;
  /** The level themes are rolled up to (1: top-level themes); 0 for every theme as itself. */
  themeLevel: number;
}

export const DEFAULT_SETTINGS: MatrixSettings = {
  layout: { kind: 'framework', frameworkId: null, sliceId: null },
  mode: 'overlap',
  filters: { coderIds: [], documentIds: [], groupIds: [], caseAttributes: [], themeIds: [] },
  display: 'chips',
  themeLimit: 0,
  themeLevel: 0,
};

export type MatrixSpec = ArgsOf<'matrix.get'>;

/** The API spec of the settings; while blind (blindCoderId), only that coder's codings count, whatever the filters say. */
export function specOf(settings: MatrixSettings, blindCoderId: number | null = null): MatrixSpec {
  const { layout, filters } = settings;
  const nonEmpty = <T>(list: T[]) => (list.length ? list : undefined);
  return {
    layout:
      layout.kind === 'framework'
        ? { kind: 'framework', frameworkId: layout.frameworkId ?? undefined, sliceId: layout.sliceId ?? undefined }
        : { kind: 'codes', rows: layout.rows, columns: layout.columns },
    mode: settings.mode,
    themeLevel: settings.themeLevel > 0 ? settings.themeLevel : undefined,
    filters: {
      coderIds: blindCoderId === null ? nonEmpty(filters.coderIds) : [blindCoderId],
      documentIds: nonEmpty(filters.documentIds),
      groupIds: nonEmpty(filters.groupIds ?? []),
      caseAttributes: nonEmpty(filters.caseAttributes),
      themeIds: nonEmpty(filters.themeIds),
    },
  };
}

export interface CellRef {
  row: string;
  column: string;
  themeId?: number;
}
