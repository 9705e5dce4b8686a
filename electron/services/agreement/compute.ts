// Inter-coder agreement over chosen coders, documents and codes: per code × document, per code pooled over
// documents, everything pooled, and the unitizing alphas of groups of mutually exclusive codes.
//
// Each code is a present/absent variable over the units (code points, paragraphs or documents). Pooled rows
// add up the counts (and the unitizing coincidences) of the rows they pool, then compute the coefficients
// once: never an average of coefficients. Groups are the codable sub-codes of a code that has two or more,
// and each axis of a framework: its rows (a row's category is the union of the row's cell codes), its
// columns likewise, and its slice values. A framework's root is not a group itself: its children (cells and
// slice values) are not mutually exclusive, its axes are.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import type { Db } from '../../../db/project-file';
import { codedRanges, coderPresence, documentLengths, paragraphRanges } from '../../../db/queries/agreement';
import { resolveCodeRef } from '../../../db/queries/code-refs';
import { findCoder } from '../../../db/queries/coders';
import { findDocumentByName } from '../../../db/queries/documents';
import { listFrameworks } from '../../../db/queries/frameworks';
import { type CatalogCode, codeCatalog } from '../../../db/queries/codes';
import { type Coefficient, cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, type UnitCounts } from './coefficients';
import type { AgreementUnit } from '../../../shared/agreement-explain';
import { coverageHistogram, type Interval, intersectionLength, mergeIntervals, paragraphUnits, totalLength } from './intervals';
import {
  addTally,
  emptyTally,
  type Stretch,
  stretchesOf,
  tallyDocument,
  uAlphaBinary,
  type UnitizingTally,
  unitizingAlphas,
} from './unitizing';

const label = z.string().trim().min(1).max(2000);

export const agreementSpec = z.strictObject({
  coders: z.array(label).min(2, 'Agreement needs at least two coders.').max(100),
  unit: z.enum(['character', 'paragraph', 'document']),
  /** Codebook paths or framework references; each listed code is one row (its sub-codes are not included). */
  codes: z.array(label).min(1).max(10_000).optional(),
  /** Document names; by default every document. */
  documents: z.array(label).min(1).max(100_000).optional(),
});

export type AgreementSpec = z.output<typeof agreementSpec>;

/** Counts and kappa only with exactly two coders, fleiss with three or more (not for characters), uAlphaBinary for characters. */
export interface AgreementRow {
  code: string | null;
  document: string | null;
  units: number;
  both?: number;
  onlyA?: number;
  onlyB?: number;
  neither?: number;
  percent: number | null;
  kappa?: number | null;
  alpha: number | null;
  fleiss?: number | null;
  uAlphaBinary?: number | null;
  /** Why the coefficients that are null are undefined. */
  reason?: string;
}

export interface AgreementGroup {
  group: string;
  uAlpha: number | null;
  uAlphaBinary: number | null;
  cuAlpha: number | null;
  reason?: string;
}

export interface Agreement {
  unit: AgreementUnit;
  coders: string[];
  rows: AgreementRow[];
  codes: AgreementRow[];
  overall: AgreementRow;
  groups: AgreementGroup[];
}

/** A code's units in one document: how many units k of the m present coders coded, per m; the 2 × 2 counts for two coders. */
interface UnitTally {
  units: number;
  pair: { both: number; onlyA: number; onlyB: number; neither: number } | null;
  histograms: Map<number, number[]>;
}

const emptyUnitTally = (): UnitTally => ({ units: 0, pair: null, histograms: new Map() });

function addUnitTally(into: UnitTally, from: UnitTally): UnitTally {
  into.units += from.units;
  if (from.pair) {
    const p = (into.pair ??= { both: 0, onlyA: 0, onlyB: 0, neither: 0 });
    p.both += from.pair.both;
    p.onlyA += from.pair.onlyA;
    p.onlyB += from.pair.onlyB;
    p.neither += from.pair.neither;
  }
  for (const [m, h] of from.histograms) {
    const sum = into.histograms.get(m) ?? new Array<number>(m + 1).fill(0);
    h.forEach((n, k) => (sum[k]! += n));
    into.histograms.set(m, sum);
  }
  return into;
}

/** Counts one code in one document from each present coder's merged unit intervals over `units` units. */
function countUnits(coders: readonly (readonly Interval[])[], units: number, twoCoders: boolean): UnitTally {
  if (twoCoders) {
    const [a, b] = coders as [Interval[], Interval[]];
    const both = intersectionLength(a, b);
    const onlyA = totalLength(a) - both;
    const onlyB = totalLength(b) - both;
    const neither = units - both - onlyA - onlyB;
    return { units, pair: { both, onlyA, onlyB, neither }, histograms: new Map([[2, [neither, onlyA + onlyB, both]]]) };
  }
  return { units, pair: null, histograms: new Map([[coders.length, coverageHistogram(coders, units)]]) };
}

const patterns = (histogram: readonly number[], m: number): UnitCounts[] => histogram.map((times, k) => ({ counts: [m - k, k], times }));

/** "kappa, alpha: no variation …" for the coefficients that are undefined, grouped by reason. */
function reasonOf(coefficients: Record<string, Coefficient>): string | undefined {
  const byReason = new Map<string, string[]>();
  for (const [key, c] of Object.entries(coefficients))
    if (c.reason !== null) byReason.set(c.reason, [...(byReason.get(c.reason) ?? []), key]);
  return byReason.size ? [...byReason].map(([reason, keys]) => `${keys.join(', ')}: ${reason}`).join('; ') : undefined;
}

function rowOf(
  code: string | null,
  document: string | null,
  tally: UnitTally,
  unitizing: UnitizingTally | null,
  coders: number,
  unit: AgreementUnit,
): AgreementRow {
  const all = [...tally.histograms].flatMap(([m, h]) => patterns(h, m));
  const coefficients: Record<string, Coefficient> = { percent: percentAgreement(all) };
  if (coders === 2) {
    const p = tally.pair ?? { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    coefficients.kappa = cohenKappa([
      [p.both, p.onlyA],
      [p.onlyB, p.neither],
    ]);
  }
  coefficients.alpha = krippendorffAlpha(all);
  if (coders > 2 && unit !== 'character') coefficients.fleiss = fleissKappa(patterns(tally.histograms.get(coders) ?? [], coders));
  if (unitizing) coefficients.uAlphaBinary = uAlphaBinary(unitizing);
  const p = tally.pair;
  const optional = (key: string) => (coefficients[key] ? { [key]: coefficients[key].value } : {});
  // Keys in the order of the CLI contract.
  const row: AgreementRow = {
    code,
    document,
    units: tally.units,
    ...(coders === 2 ? { both: p?.both ?? 0, onlyA: p?.onlyA ?? 0, onlyB: p?.onlyB ?? 0, neither: p?.neither ?? 0 } : {}),
    percent: coefficients.percent!.value,
    ...optional('kappa'),
    alpha: coefficients.alpha.value,
    ...optional('fleiss'),
    ...optional('uAlphaBinary'),
  };
  const reason = reasonOf(coefficients);
  return reason ? { ...row, reason } : row;
}

export interface Scope {
  coders: { id: number; name: string }[];
  codes: CatalogCode[] | null;
  documentIds: number[] | null;
}

export function resolveScope(
  db: Db,
  spec: Pick<AgreementSpec, 'coders' | 'codes' | 'documents'>,
  catalog: Map<number, CatalogCode>,
): Scope {
  const coders = spec.coders.map((name) => {
    const coder = findCoder(db, name);
    if (!coder) throw new DataError('not-found', `There is no coder "${name}".`);
    return { id: coder.id, name: coder.name };
  });
  const twice = coders.find((c, i) => coders.findIndex((d) => d.id === c.id) !== i);
  if (twice) throw new DataError('invalid', `The coder "${twice.name}" is listed twice: agreement compares different coders.`);
  const codes =
    spec.codes?.map((ref) => {
      const id = resolveCodeRef(db, ref);
      const code = id === undefined ? undefined : catalog.get(id);
      if (!code) throw new DataError('not-found', `There is no code "${ref}".`);
      if (!code.codable)
        throw new DataError('invalid', `"${code.path}" groups other codes and is never applied to text: list its sub-codes.`);
      return code;
    }) ?? null;
  const documentIds =
    spec.documents?.map((name) => {
      const id = findDocumentByName(db, name);
      if (id === undefined) throw new DataError('not-found', `There is no document "${name}".`);
      return id;
    }) ?? null;
  return { coders, codes: codes && [...new Map(codes.map((c) => [c.id, c])).values()], documentIds };
}

/**
 * Groups of mutually exclusive codes: the codable sub-codes of a code that has two or more, and each framework
 * axis with two or more values. A category is a list of codes; only chosen codes count, and a group is kept
 * when any of its codes is chosen (categories nobody used add nothing to the coincidences).
 */
function groupsOf(db: Db, codes: readonly CatalogCode[], catalog: readonly CatalogCode[]): { group: string; categories: number[][] }[] {
  const chosen = new Set(codes.map((c) => c.id));
  const frameworks = listFrameworks(db);
  const roots = new Set(frameworks.map((f) => f.rootCodeId));
  const children = new Map<number, number[]>();
  for (const c of catalog) if (c.codable && c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const groups: { group: string; categories: number[][] }[] = [];
  const add = (group: string, categories: number[][]) => {
    const kept = categories.map((ids) => ids.filter((id) => chosen.has(id))).filter((ids) => ids.length > 0);
    if (categories.length >= 2 && kept.length > 0) groups.push({ group, categories: kept });
  };
  for (const parent of catalog) {
    if (!roots.has(parent.id))
      add(
        parent.path,
        (children.get(parent.id) ?? []).map((id) => [id]),
      );
  }
  for (const f of frameworks) {
    add(
      `${f.name}:${f.rowLabel}`,
      f.rows.map((r) => f.cells.filter((c) => c.rowId === r.id).map((c) => c.codeId)),
    );
    add(
      `${f.name}:${f.columnLabel}`,
      f.columns.map((k) => f.cells.filter((c) => c.columnId === k.id).map((c) => c.codeId)),
    );
    add(
      `${f.name}:${f.sliceLabel ?? 'Slice'}`,
      f.slices.map((s) => [s.codeId]),
    );
  }
  return groups;
}

/** The paragraph unit: each document's non-empty speaker turns, as sorted code-point ranges. */
export function paragraphsOf(db: Db, documentIds: readonly number[]): Map<number, Interval[]> {
  const paragraphs = new Map<number, Interval[]>();
  for (const p of paragraphRanges(db, documentIds)) {
    const list = paragraphs.get(p.documentId);
    if (list) list.push([p.start, p.end]);
    else paragraphs.set(p.documentId, [[p.start, p.end]]);
  }
  return paragraphs;
}

export function computeAgreement(db: Db, spec: AgreementSpec): Agreement {
  // One read transaction: every query sees the same project.
  return db.transaction(() => compute(db, spec))();
}

function compute(db: Db, spec: AgreementSpec): Agreement {
  const catalogList = codeCatalog(db);
  const catalog = new Map(catalogList.map((c) => [c.id, c]));
  const scope = resolveScope(db, spec, catalog);
  const m = scope.coders.length;
  const coderIds = scope.coders.map((c) => c.id);

  // Who took part where: the coders present in each document, in the order they were named.
  const present = new Map<number, number[]>();
  for (const { coderId, documentId } of coderPresence(db, coderIds, scope.documentIds)) {
    present.set(documentId, [...(present.get(documentId) ?? []), coderId]);
  }
  for (const [documentId, ids] of present) {
    const inOrder = coderIds.filter((id) => ids.includes(id));
    if (inOrder.length < 2) present.delete(documentId);
    else present.set(documentId, inOrder);
  }
  if (present.size === 0) {
    const names = scope.coders.map((c) => c.name);
    const where = scope.documentIds ? 'in the chosen documents' : 'in this project';
    throw new DataError(
      'invalid',
      `${m === 2 ? `${names.join(' and ')} have no document in common` : `No document was coded by two or more of ${names.join(', ')}`} ${where}: ` +
        'a coder takes part in a document when they coded at least one passage in it.',
    );
  }
  const documents = documentLengths(db, [...present.keys()]);
  const documentIds = documents.map((d) => d.id);

  // Each code's merged intervals per document and coder.
  const ranges = codedRanges(db, coderIds, scope.codes?.map((c) => c.id) ?? null, documentIds);
  const byCode = new Map<number, Map<number, Map<number, Interval[]>>>();
  for (const r of ranges) {
    let docs = byCode.get(r.codeId);
    if (!docs) byCode.set(r.codeId, (docs = new Map()));
    let coders = docs.get(r.documentId);
    if (!coders) docs.set(r.documentId, (coders = new Map()));
    const list = coders.get(r.coderId);
    if (list) list.push([r.start, r.end]);
    else coders.set(r.coderId, [[r.start, r.end]]);
  }
  for (const docs of byCode.values())
    for (const coders of docs.values()) for (const [id, list] of coders) coders.set(id, mergeIntervals(list));
  const codes = scope.codes ?? catalogList.filter((c) => byCode.has(c.id));
  const coded = (codeId: number, documentId: number, coderId: number): Interval[] =>
    byCode.get(codeId)?.get(documentId)?.get(coderId) ?? [];

  const paragraphs = spec.unit === 'paragraph' ? paragraphsOf(db, documentIds) : new Map<number, Interval[]>();
  const unitsOf = (documentId: number, characters: number) =>
    spec.unit === 'character' ? characters : spec.unit === 'paragraph' ? (paragraphs.get(documentId)?.length ?? 0) : 1;
  const onUnitAxis = (intervals: Interval[], documentId: number): Interval[] =>
    spec.unit === 'character'
      ? intervals
      : spec.unit === 'paragraph'
        ? paragraphUnits(intervals, paragraphs.get(documentId) ?? [])
        : intervals.length
          ? [[0, 1]]
          : [];
  const characters = spec.unit === 'character';
  const asStretches = (intervals: readonly Interval[]): Stretch[] => intervals.map(([start, end]) => ({ start, end, value: '0' }));

  const rows: AgreementRow[] = [];
  const codeRows: AgreementRow[] = [];
  const overall = emptyUnitTally();
  const overallUnitizing = emptyTally();
  for (const code of codes) {
    const pooled = emptyUnitTally();
    const pooledUnitizing = emptyTally();
    for (const d of documents) {
      const coderIdsHere = present.get(d.id)!;
      const intervals = coderIdsHere.map((c) => coded(code.id, d.id, c));
      const tally = countUnits(
        intervals.map((i) => onUnitAxis(i, d.id)),
        unitsOf(d.id, d.characters),
        m === 2,
      );
      const unitizing = characters ? tallyDocument(d.characters, intervals.map(asStretches)) : null;
      rows.push(rowOf(code.path, d.name, tally, unitizing, m, spec.unit));
      addUnitTally(pooled, tally);
      if (unitizing) addTally(pooledUnitizing, unitizing);
    }
    codeRows.push(rowOf(code.path, null, pooled, characters ? pooledUnitizing : null, m, spec.unit));
    addUnitTally(overall, pooled);
    addTally(overallUnitizing, pooledUnitizing);
  }

  const groups: AgreementGroup[] = !characters
    ? []
    : groupsOf(db, codes, catalogList).map(({ group, categories }) => {
        const tally = emptyTally();
        for (const d of documents) {
          const readings = present
            .get(d.id)!
            .map((coderId) => stretchesOf(categories.map((codeIds) => codeIds.flatMap((c) => coded(c, d.id, coderId)))));
          tallyDocument(d.characters, readings, tally);
        }
        const alphas = unitizingAlphas(tally);
        const reason = reasonOf(alphas);
        return {
          group,
          uAlpha: alphas.uAlpha.value,
          uAlphaBinary: alphas.uAlphaBinary.value,
          cuAlpha: alphas.cuAlpha.value,
          ...(reason ? { reason } : {}),
        };
      });

  return {
    unit: spec.unit,
    coders: scope.coders.map((c) => c.name),
    rows,
    codes: codeRows,
    overall: rowOf(null, null, overall, characters ? overallUnitizing : null, m, spec.unit),
    groups,
  };
}
