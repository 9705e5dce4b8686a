// The framework matrix and the generic code matrices: one spec, one aggregate, the same cells.
//
// A cell's segments are those carrying its row's code (a framework's cell code; with a slice chosen,
// also that slice value's code) that meet its column (a co-occurring code, a coder, a case, an attribute
// value) and the filters. A theme (any code outside every framework) belongs to the cell when one of those
// segments carries it, or — in "overlap" mode — overlaps a segment by the same coder in the same document
// that carries it; its count is the number of the cell's segments for which that holds. With a theme
// level chosen, themes are rolled up to that level of the theme tree (theme-levels.ts): a segment counts
// once for a theme when it meets the theme or any code under it.
import { z } from 'zod';
import { DataError } from '../../db/errors';
import type { Db } from '../../db/project-file';
import { documentsOfCasesWith, listAttributes, listCases } from '../../db/queries/cases';
import { listFrameworks, type Framework } from '../../db/queries/frameworks';
import { listCodeSets } from '../../db/queries/code-sets';
import { codeCatalog, type CatalogCode } from '../../db/queries/codes';
import { coderCatalog } from '../../db/queries/coders';
import { nonFrameworkCodeIds } from '../../db/queries/framework-places';
import { countMatrix, countThemeGroups, documentsPerKey, type ColumnKey } from '../../db/queries/matrix';
import { documentsInGroups } from '../../db/queries/document-groups';
import { caseConditions, documentsMeeting } from './case-conditions';
import { listExcerpts } from '../../db/queries/excerpts';
import { getMeta } from '../../db/queries/meta';
import { id } from '../api/schemas';
import { levelsOf, rollUp } from './theme-levels';
import { codeIndex as excerptCodes, describeExcerpts, type ExcerptList } from './excerpts';

const codeSource = z.union([
  z.strictObject({ codeSetId: id }),
  z.strictObject({ parentId: id }),
  z.strictObject({ codeIds: z.array(id).min(1).max(500) }),
]);

export const matrixSpec = z.strictObject({
  layout: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('framework'), frameworkId: id.optional(), sliceId: id.optional() }),
      z.strictObject({
        kind: z.literal('codes'),
        rows: codeSource,
        columns: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('codes'), codes: codeSource }),
          z.strictObject({ kind: z.literal('coders') }),
          z.strictObject({ kind: z.literal('cases') }),
          z.strictObject({ kind: z.literal('attribute'), attributeId: id }),
        ]),
      }),
    ])
    .default({ kind: 'framework' }),
  mode: z.enum(['overlap', 'same-segment']).default('overlap'),
  /** Count themes rolled up to this level of the theme tree (1: top-level themes); absent: every theme as itself. */
  themeLevel: z.number().int().min(1).max(100).optional(),
  filters: z
    .strictObject({
      coderIds: z.array(id).max(500).optional(),
      documentIds: z.array(id).max(100_000).optional(),
      /** Only documents in any of these groups. */
      groupIds: z.array(id).max(1000).optional(),
      /** Cases by an attribute's value, or a range of a number or date attribute. */
      caseAttributes: caseConditions.optional(),
      themeIds: z.array(id).max(10_000).optional(),
    })
    .default({}),
});

export type MatrixSpec = z.output<typeof matrixSpec>;

export interface MatrixAxisItem {
  key: string;
  name: string;
  description: string;
  color: string | null;
}

export interface MatrixTheme {
  id: number;
  path: string;
  name: string;
  color: string;
  /** Grouping codes (not codable) are listed but carry no codings of their own. */
  codable: boolean;
  /** Its level in the theme tree: codable codes on its path, itself included (theme-levels.ts). */
  level: number;
}

export interface MatrixCell {
  row: string;
  column: string;
  /** The framework cell's code (framework matrices). */
  codeId: number | null;
  segments: number;
  documents: number;
  cases: number;
  /** Sorted by segments (most first), then by path. */
  themes: { codeId: number; segments: number }[];
}

export interface Matrix {
  title: string;
  framework: string | null;
  rowLabel: string;
  columnLabel: string;
  slice: { id: number; name: string } | null;
  mode: MatrixSpec['mode'];
  rows: MatrixAxisItem[];
  /** documents: how many documents in scope the column covers (the base of "% of documents"). */
  columns: (MatrixAxisItem & { documents: number })[];
  /** Every cell, row by row: the cell of row r and column c is cells[r * columns.length + c]. */
  cells: MatrixCell[];
  /** Whether cells list co-occurring themes (a code × code matrix's cells are co-occurrences themselves). */
  showsThemes: boolean;
  /** Every theme code: codes outside all frameworks, for chips and the theme filter. */
  themes: MatrixTheme[];
  /** The level themes are rolled up to, or null when every theme counts as itself. */
  themeLevel: number | null;
  /** Documents the filters leave in scope. */
  documents: number;
}

/** One cell's definition: whose segments, met how, and which column key its counts come under. */
interface CellPlan {
  row: string;
  column: string;
  codeId: number | null;
  anchor: number;
  /** A code that must co-occur (code × code columns). */
  other: number | null;
  key: number | string;
  /** The column's coder or documents, for excerpts. */
  coderId: number | null;
  documentIds: number[] | null;
}

interface Plan {
  title: string;
  framework: string | null;
  rowLabel: string;
  columnLabel: string;
  slice: { id: number; name: string; codeId: number } | null;
  rows: MatrixAxisItem[];
  columns: (MatrixAxisItem & { countKey: number | string })[];
  columnKey: ColumnKey;
  cells: CellPlan[];
  showsThemes: boolean;
  codes: Map<number, CatalogCode>;
  /** Codes under no framework: the candidates for themes. */
  outsideFrameworks: Set<number>;
  coderIds: number[] | null;
  documentIds: number[] | null;
  themeIds: number[];
  /** With a theme level: each theme counted at that level, with the themes counted for it. */
  themeGroups: Map<number, number[]> | null;
}

const codeIndex = (db: Db): Map<number, CatalogCode> => new Map(codeCatalog(db).map((c) => [c.id, c]));

function chooseFramework(db: Db, frameworkId: number | undefined): Framework {
  const frameworks = listFrameworks(db);
  const wanted = frameworkId ?? (Number(getMeta(db, 'active_framework_id')) || frameworks[0]?.id);
  const framework = frameworks.find((f) => f.id === wanted);
  if (!framework)
    throw new DataError('not-found', frameworkId ? `There is no framework with id ${frameworkId}.` : 'This project has no framework.');
  return framework;
}

function sourceCodes(db: Db, source: z.output<typeof codeSource>, codes: Map<number, CatalogCode>): CatalogCode[] {
  let ids: number[];
  if ('codeSetId' in source) {
    const set = listCodeSets(db).find((s) => s.id === source.codeSetId);
    if (!set) throw new DataError('not-found', `There is no code set with id ${source.codeSetId}.`);
    ids = [...codes.keys()].filter((c) => set.codeIds.includes(c));
  } else if ('parentId' in source) {
    if (!codes.has(source.parentId)) throw new DataError('not-found', `There is no code with id ${source.parentId}.`);
    ids = [...codes.values()].filter((c) => c.parentId === source.parentId).map((c) => c.id);
  } else {
    ids = source.codeIds;
  }
  return ids.map((c) => {
    const code = codes.get(c);
    if (!code) throw new DataError('not-found', `There is no code with id ${c}.`);
    return code;
  });
}

const intersect = (a: number[] | null, b: number[] | null) => {
  if (a === null || b === null) return a ?? b;
  const inB = new Set(b);
  return a.filter((x) => inB.has(x));
};

function plan(db: Db, spec: MatrixSpec): Plan {
  const codes = codeIndex(db);
  const { filters, layout } = spec;
  const coders = coderCatalog(db);
  for (const c of filters.coderIds ?? []) {
    if (!coders.some((k) => k.id === c)) throw new DataError('not-found', `There is no coder with id ${c}.`);
  }
  const attributes = listAttributes(db);
  const documentIds = intersect(
    intersect(
      filters.documentIds ? [...new Set(filters.documentIds)] : null,
      filters.groupIds?.length ? documentsInGroups(db, filters.groupIds) : null,
    ),
    documentsMeeting(db, filters.caseAttributes),
  );
  const coderIds = filters.coderIds ? [...new Set(filters.coderIds)] : null;
  const outsideFrameworks = new Set(nonFrameworkCodeIds(db));
  const themeIds = [...outsideFrameworks].filter((t) => !filters.themeIds || filters.themeIds.includes(t));
  const themeGroups = spec.themeLevel === undefined ? null : rollUp(codes, themeIds, spec.themeLevel);
  const common = { codes, coderIds, documentIds, themeIds, themeGroups, outsideFrameworks };

  if (layout.kind === 'framework') {
    const f = chooseFramework(db, layout.frameworkId);
    const slice = layout.sliceId === undefined ? null : f.slices.find((s) => s.id === layout.sliceId);
    if (slice === undefined)
      throw new DataError('not-found', `The framework ${f.name} has no ${f.sliceLabel ?? 'slice'} value with id ${layout.sliceId}.`);
    const axis = (prefix: string, values: Framework['rows']) =>
      values.map((v) => ({ key: `${prefix}:${v.id}`, name: v.name, description: v.description, color: null }));
    return {
      ...common,
      title: `${f.name}: ${f.rowLabel} × ${f.columnLabel}${slice ? ` (${f.sliceLabel ?? 'slice'}: ${slice.name})` : ''}`,
      framework: f.name,
      rowLabel: f.rowLabel,
      columnLabel: f.columnLabel,
      slice: slice && { id: slice.id, name: slice.name, codeId: slice.codeId },
      rows: axis('row', f.rows),
      columns: axis('column', f.columns).map((c) => ({ ...c, countKey: 0 })),
      columnKey: { by: 'none' },
      cells: f.rows.flatMap((r) =>
        f.columns.map((c) => {
          const cell = f.cells.find((x) => x.rowId === r.id && x.columnId === c.id)!;
          return {
            row: `row:${r.id}`,
            column: `column:${c.id}`,
            codeId: cell.codeId,
            anchor: cell.codeId,
            other: null,
            key: 0,
            coderId: null,
            documentIds: null,
          };
        }),
      ),
      showsThemes: true,
    };
  }

  const rowCodes = sourceCodes(db, layout.rows, codes);
  const cases = listCases(db);
  const codeItem = (c: CatalogCode) => ({ key: `code:${c.id}`, name: c.name, description: c.description, color: c.color });
  const columnsOf = (): { label: string; key: ColumnKey; items: (MatrixAxisItem & { countKey: number | string })[] } => {
    const columns = layout.columns;
    switch (columns.kind) {
      case 'codes':
        return {
          label: 'Codes',
          key: { by: 'none' },
          items: sourceCodes(db, columns.codes, codes).map((c) => ({ ...codeItem(c), countKey: c.id })),
        };
      case 'coders':
        return {
          label: 'Coder',
          key: { by: 'coder' },
          items: coders
            .filter((c) => !coderIds || coderIds.includes(c.id))
            .map((c) => ({ key: `coder:${c.id}`, name: c.name, description: '', color: c.color, countKey: c.id })),
        };
      case 'cases':
        return {
          label: 'Case',
          key: { by: 'case' },
          items: cases
            .filter((c) => !documentIds || c.documentIds.some((d) => documentIds.includes(d)))
            .map((c) => ({ key: `case:${c.id}`, name: c.name, description: c.description, color: null, countKey: c.id })),
        };
      case 'attribute': {
        const attribute = attributes.find((a) => a.id === columns.attributeId);
        if (!attribute) throw new DataError('not-found', `There is no case attribute with id ${columns.attributeId}.`);
        const present = cases.map((c) => c.attributes[attribute.name]);
        const values = attribute.choices ?? [...new Set(present.filter((v): v is string => v !== undefined))].sort();
        return {
          label: attribute.name,
          key: { by: 'attribute', attributeId: attribute.id },
          items: values.map((v) => ({ key: `value:${v}`, name: v, description: '', color: null, countKey: v })),
        };
      }
    }
  };
  const columns = columnsOf();
  const columnDocuments = (item: { countKey: number | string }): number[] | null => {
    if (columns.key.by !== 'case' && columns.key.by !== 'attribute') return null;
    const docs =
      columns.key.by === 'case'
        ? cases.find((c) => c.id === item.countKey)!.documentIds
        : documentsOfCasesWith(db, [{ attributeId: columns.key.attributeId, value: String(item.countKey) }]);
    return intersect(docs, documentIds);
  };
  const byCodes = layout.columns.kind === 'codes';
  return {
    ...common,
    title: `${rowCodes.length === 1 ? rowCodes[0]!.name : 'Codes'} × ${columns.label}`,
    framework: null,
    rowLabel: 'Code',
    columnLabel: columns.label,
    slice: null,
    rows: rowCodes.map(codeItem),
    columns: columns.items,
    columnKey: columns.key,
    cells: rowCodes.flatMap((r) =>
      columns.items.map((c) => ({
        row: `code:${r.id}`,
        column: c.key,
        codeId: null,
        anchor: r.id,
        other: byCodes ? Number(c.countKey) : null,
        key: byCodes ? 0 : c.countKey,
        coderId: columns.key.by === 'coder' ? Number(c.countKey) : null,
        documentIds: columnDocuments(c),
      })),
    ),
    showsThemes: !byCodes,
  };
}

const byCountThenPath =
  (codes: Map<number, CatalogCode>) => (a: { codeId: number; segments: number }, b: { codeId: number; segments: number }) =>
    b.segments - a.segments || codes.get(a.codeId)!.path.localeCompare(codes.get(b.codeId)!.path, 'en');

/** Computes a matrix: every cell present, empty ones with zeros. */
export function computeMatrix(db: Db, spec: MatrixSpec): Matrix {
  const p = plan(db, spec);
  const byCodes = p.cells.some((c) => c.other !== null);
  const query = {
    anchors: [...new Set(p.cells.map((c) => c.anchor))],
    slice: p.slice?.codeId ?? 0,
    mode: spec.mode,
    coderIds: p.coderIds,
    documentIds: p.documentIds,
    key: p.columnKey,
  };
  // A theme counted for itself alone comes from the kept counts; a theme with codes under it needs the union.
  const groups = p.showsThemes ? [...(p.themeGroups ?? new Map(p.themeIds.map((t) => [t, [t]])))] : [];
  const countedAs = new Map(groups.filter(([, members]) => members.length === 1).map(([target, [member]]) => [member!, target]));
  const counts = countMatrix(db, {
    ...query,
    cellOthers: byCodes ? [...new Set(p.cells.map((c) => c.other!))] : null,
    themes: [...countedAs.keys()],
  });
  const unions = countThemeGroups(db, {
    ...query,
    groups: groups.filter(([, members]) => members.length > 1).map(([target, members]) => ({ target, members })),
  });
  const cellCounts = new Map(counts.cells.map((r) => [`${r.code}|${r.key}|${r.other}`, r]));
  const themeCounts = new Map<string, { codeId: number; segments: number }[]>();
  for (const t of [...counts.themes.map((r) => ({ ...r, other: countedAs.get(r.other)! })), ...unions]) {
    if (t.other === t.code) continue;
    const key = `${t.code}|${t.key}`;
    themeCounts.set(key, [...(themeCounts.get(key) ?? []), { codeId: t.other, segments: t.segments }]);
  }
  const docsPerKey = documentsPerKey(db, p.columnKey, p.documentIds);
  const levels = levelsOf(p.codes);
  return {
    title: p.title,
    framework: p.framework,
    rowLabel: p.rowLabel,
    columnLabel: p.columnLabel,
    slice: p.slice && { id: p.slice.id, name: p.slice.name },
    mode: spec.mode,
    rows: p.rows,
    columns: p.columns.map(({ countKey, ...c }) => ({ ...c, documents: docsPerKey.get(p.columnKey.by === 'none' ? 0 : countKey) ?? 0 })),
    cells: p.cells.map((c) => {
      const found = cellCounts.get(`${c.anchor}|${c.key}|${c.other ?? c.anchor}`);
      return {
        row: c.row,
        column: c.column,
        codeId: c.codeId,
        segments: found?.segments ?? 0,
        documents: found?.documents ?? 0,
        cases: found?.cases ?? 0,
        themes: (themeCounts.get(`${c.anchor}|${c.key}`) ?? []).sort(byCountThenPath(p.codes)),
      };
    }),
    showsThemes: p.showsThemes,
    themes: [...p.codes.values()]
      .filter((c) => p.outsideFrameworks.has(c.id))
      .map(({ id: codeId, path, name, color, codable }) => ({ id: codeId, path, name, color, codable, level: levels.get(codeId)! })),
    themeLevel: spec.themeLevel ?? null,
    documents: documentsPerKey(db, { by: 'none' }, p.documentIds).get(0) ?? 0,
  };
}

export const excerptRequest = z.strictObject({
  row: z.string().min(1).max(1100),
  column: z.string().min(1).max(1100),
  themeId: id.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).max(10_000_000).default(0),
});

/** A cell's segments (those carrying its row code, and its slice's) meeting its column's code and the theme by the rule. */
function excerptsOf(
  db: Db,
  spec: MatrixSpec,
  p: Plan,
  cell: CellPlan,
  themeId: number | undefined,
  limit: number,
  offset: number,
): ExcerptList {
  // A rolled-up theme chip meets the theme or any code under it.
  const group = themeId === undefined ? undefined : p.themeGroups?.get(themeId);
  const { excerpts, entries, rows } = listExcerpts(db, {
    carries: [[cell.anchor], ...(p.slice ? [[p.slice.codeId]] : [])],
    meets: [...(cell.other === null ? [] : [[cell.other]]), ...(themeId === undefined ? [] : [group ?? [themeId]])],
    mode: spec.mode,
    coderIds: cell.coderId === null ? p.coderIds : intersect(p.coderIds, [cell.coderId]),
    documentIds: intersect(p.documentIds, cell.documentIds),
    groupBy: null,
    orderByAttributeId: null,
    limit,
    offset,
  });
  return { total: excerpts, entries, excerpts: describeExcerpts(rows, excerptCodes(db)) };
}

/** The excerpts behind one cell, or behind one theme chip of it. */
export function cellExcerpts(db: Db, spec: MatrixSpec, request: z.output<typeof excerptRequest>): ExcerptList {
  const p = plan(db, spec);
  const cell = p.cells.find((c) => c.row === request.row && c.column === request.column);
  if (!cell) throw new DataError('not-found', `This matrix has no cell ${request.row} × ${request.column}.`);
  const themes = p.themeGroups ? [...p.themeGroups.keys()] : p.themeIds;
  if (request.themeId !== undefined && !themes.includes(request.themeId)) {
    throw new DataError('not-found', `Code ${request.themeId} is not one of this matrix's themes.`);
  }
  return excerptsOf(db, spec, p, cell, request.themeId, request.limit, request.offset);
}

/** The first few excerpts of every cell (in the matrix's cell order), for the "excerpts" display. */
export function excerptPreviews(db: Db, spec: MatrixSpec, perCell: number) {
  const p = plan(db, spec);
  return p.cells.map((cell) => ({ row: cell.row, column: cell.column, ...excerptsOf(db, spec, p, cell, undefined, perCell, 0) }));
}

export function codeSources(db: Db) {
  const codes = codeIndex(db);
  const parents = new Set([...codes.values()].map((c) => c.parentId));
  return {
    codeSets: listCodeSets(db),
    groups: [...codes.values()].filter((c) => parents.has(c.id)).map((c) => ({ id: c.id, path: c.path })),
    codes: [...codes.values()].map(({ id: codeId, path, color }) => ({ id: codeId, path, color })),
  };
}
