// Merging another project file (a coder's copy, or a project made separately) into the open one: match
// what both have, add what only the file has, and report each decision. Matching rules (README, "Two
// coders"): documents by content hash, then by name (different text: skipped with a warning, never merged);
// codes by GUID, then by name under the matched parent (framework codes only inside their framework);
// coders by GUID then name; cases by GUID then name; case attributes by name; segments by GUID.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { bulkWrite } from '../../db/bulk';
import { DataError } from '../../db/errors';
import { copyProjectFile, openProjectFile, PROJECT_EXTENSION, type Db } from '../../db/project-file';
import {
  clearUndoHistory,
  insertAttributeRow,
  insertAttributeValue,
  insertCaseRow,
  insertCodeRow,
  insertCoderRow,
  insertDocumentRow,
  insertSegmentRow,
  linkCase,
  readMergeTarget,
  readProjectContents,
  setChoices,
  type MergeTarget,
  type ProjectContents,
} from '../../db/queries/merge';

export interface MergeReport {
  /** The merged file's name. */
  file: string;
  /** The copy of this project taken just before the merge: the way back (null when nothing was added). */
  preMergeCopy: string | null;
  documents: { matched: string[]; added: string[]; skipped: { name: string; reason: string }[] };
  codes: {
    matched: { path: string; by: 'guid' | 'path' }[];
    added: string[];
    renamed: { from: string; to: string }[];
    skipped: { path: string; reason: string }[];
  };
  coders: IdentityReport;
  cases: IdentityReport;
  attributes: {
    matched: string[];
    added: string[];
    skipped: { name: string; reason: string }[];
    /** Values this project already had differently: it keeps its own. */
    kept: { case: string; attribute: string; value: string; ignored: string }[];
  };
  segments: { added: number; alreadyThere: number; skipped: { reason: string; segments: number }[] };
  notes: string[];
}

interface IdentityReport {
  matched: { name: string; by: 'guid' | 'name' }[];
  added: string[];
  /** Matched by GUID under another name: this project keeps its name. */
  renamed: { from: string; to: string }[];
}

/** A source row's fate: the target row it is, or that it is added, or why it is left out. */
type Decision = { kind: 'matched'; id: number } | { kind: 'added' } | { kind: 'skipped'; reason: string };

interface Plan {
  report: MergeReport;
  coders: Map<number, Decision>;
  cases: Map<number, Decision>;
  attributes: Map<number, Decision>;
  codes: Map<number, Decision>;
  documents: Map<number, Decision>;
  /** Source segments to add, with the source codes they keep. */
  segments: { segment: ProjectContents['segments'][number]; codeIds: number[] }[];
}

const fold = (name: string) => name.trim().toLowerCase();

function byKey<T>(rows: T[], key: (row: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) if (!map.has(key(row))) map.set(key(row), row);
  return map;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/** Code paths as `trellis codebook` prints them ("Themes/Duty to cooperate"). */
function pathsOf(codes: { id: number; parentId: number | null; name: string }[]): Map<number, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<number, string>();
  const path = (id: number): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const code = byId.get(id)!;
    const value = code.parentId === null ? code.name : `${path(code.parentId)}/${code.name}`;
    paths.set(id, value);
    return value;
  };
  for (const c of codes) path(c.id);
  return paths;
}

function planCodes(source: ProjectContents, target: MergeTarget, report: MergeReport): Map<number, Decision> {
  const decisions = new Map<number, Decision>();
  const targetByGuid = byKey(target.codes, (c) => c.guid);
  const targetChild = byKey(target.codes, (c) => `${c.parentId ?? 0}/${fold(c.name)}`);
  const sourcePaths = pathsOf(source.codes);
  const targetPaths = pathsOf(target.codes);
  // Frameworks match by GUID, then name; a framework this project lacks arrives as ordinary codes.
  const targetFrameworks = { guid: byKey(target.frameworks, (f) => f.guid), name: byKey(target.frameworks, (f) => fold(f.name)) };
  const frameworkMatch = new Map(
    source.frameworks.map((f) => [f.id, targetFrameworks.guid.get(f.guid) ?? targetFrameworks.name.get(fold(f.name))]),
  );
  const roots = new Map(source.frameworks.map((f) => [f.rootCodeId, f]));
  const frameworkOf = new Map(source.frameworkCodes.map((c) => [c.codeId, source.frameworks.find((f) => f.id === c.frameworkId)!]));
  const targetFrameworkOf = new Map(target.frameworkCodes.map((c) => [c.codeId, c.frameworkId]));
  for (const code of source.codes) {
    const path = sourcePaths.get(code.id)!;
    const parent = code.parentId === null ? null : decisions.get(code.parentId)!;
    const root = roots.get(code.id);
    const cellOf = frameworkOf.get(code.id);
    const inFramework = cellOf && frameworkMatch.get(cellOf.id);
    let match: { id: number; by: 'guid' | 'path' } | undefined;
    const guidMatch = targetByGuid.get(code.guid);
    if (root && frameworkMatch.get(root.id)) match = { id: frameworkMatch.get(root.id)!.rootCodeId, by: guidMatch ? 'guid' : 'path' };
    else if (guidMatch) match = { id: guidMatch.id, by: 'guid' };
    else if (parent === null || parent.kind === 'matched') {
      const sibling = targetChild.get(`${parent?.id ?? 0}/${fold(code.name)}`);
      if (sibling) match = { id: sibling.id, by: 'path' };
    }
    if (inFramework && (!match || targetFrameworkOf.get(match.id) !== inFramework.id)) {
      decisions.set(code.id, { kind: 'skipped', reason: `${inFramework.name} in this project has no such cell or layer` });
      report.codes.skipped.push({ path, reason: `${inFramework.name} in this project has no such cell or layer` });
      continue;
    }
    if (match) {
      decisions.set(code.id, { kind: 'matched', id: match.id });
      report.codes.matched.push({ path, by: match.by });
      const now = targetPaths.get(match.id)!;
      if (now !== path) report.codes.renamed.push({ from: path, to: now });
    } else if (parent?.kind === 'skipped') {
      decisions.set(code.id, { kind: 'skipped', reason: `its parent ${sourcePaths.get(code.parentId!)} was not merged` });
      report.codes.skipped.push({ path, reason: `its parent ${sourcePaths.get(code.parentId!)} was not merged` });
    } else {
      decisions.set(code.id, { kind: 'added' });
      report.codes.added.push(path);
    }
  }
  const arrived = source.frameworks.filter((f) => !frameworkMatch.get(f.id));
  for (const f of arrived) report.notes.push(`The framework ${f.name} is not in this project: its codes arrived as ordinary codes.`);
  return decisions;
}

/** Matches by GUID, then by name; what matches neither is added. */
function planByIdentity(
  rows: { id: number; guid: string; name: string }[],
  target: { id: number; guid: string; name: string }[],
  report: IdentityReport,
): Map<number, Decision> {
  const guid = byKey(target, (t) => t.guid);
  const name = byKey(target, (t) => fold(t.name));
  const decisions = new Map<number, Decision>();
  for (const row of rows) {
    const byGuid = guid.get(row.guid);
    const found = byGuid ?? name.get(fold(row.name));
    if (!found) {
      decisions.set(row.id, { kind: 'added' });
      report.added.push(row.name);
      continue;
    }
    decisions.set(row.id, { kind: 'matched', id: found.id });
    report.matched.push({ name: row.name, by: byGuid ? 'guid' : 'name' });
    if (found.name !== row.name) report.renamed.push({ from: row.name, to: found.name });
  }
  return decisions;
}

function planDocuments(source: ProjectContents, target: MergeTarget, report: MergeReport): Map<number, Decision> {
  const hash = byKey(target.documents, (d) => d.contentHash);
  const name = byKey(target.documents, (d) => fold(d.name));
  const decisions = new Map<number, Decision>();
  for (const doc of source.documents) {
    const same = hash.get(doc.contentHash);
    const namesake = name.get(fold(doc.name));
    if (same) {
      decisions.set(doc.id, { kind: 'matched', id: same.id });
      report.documents.matched.push(doc.name);
    } else if (namesake) {
      const reason = `"${namesake.name}" in this project has different text; documents are merged only when their texts are the same`;
      decisions.set(doc.id, { kind: 'skipped', reason });
      report.documents.skipped.push({ name: doc.name, reason });
    } else {
      decisions.set(doc.id, { kind: 'added' });
      report.documents.added.push(doc.name);
    }
  }
  return decisions;
}

function planAttributes(source: ProjectContents, target: MergeTarget, report: MergeReport): Map<number, Decision> {
  const name = byKey(target.attributes, (a) => fold(a.name));
  const decisions = new Map<number, Decision>();
  for (const attribute of source.attributes) {
    const found = name.get(fold(attribute.name));
    if (!found) {
      decisions.set(attribute.id, { kind: 'added' });
      report.attributes.added.push(attribute.name);
    } else if (found.type !== attribute.type) {
      const reason = `it is ${found.type} here and ${attribute.type} in the file`;
      decisions.set(attribute.id, { kind: 'skipped', reason });
      report.attributes.skipped.push({ name: attribute.name, reason });
    } else {
      decisions.set(attribute.id, { kind: 'matched', id: found.id });
      report.attributes.matched.push(attribute.name);
    }
  }
  return decisions;
}

function planSegments(source: ProjectContents, target: MergeTarget, plan: Omit<Plan, 'segments'>): Plan['segments'] {
  const codesOf = groupBy(source.segmentCodes, (c) => c.segmentId);
  const documentName = new Map(source.documents.map((d) => [d.id, d.name]));
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const toAdd: Plan['segments'] = [];
  let codingsLeftOut = 0;
  for (const segment of source.segments) {
    if (target.segmentGuids.has(segment.guid)) {
      plan.report.segments.alreadyThere++;
      continue;
    }
    if (plan.documents.get(segment.documentId)!.kind === 'skipped') {
      skip(`its document "${documentName.get(segment.documentId)}" was not merged`);
      continue;
    }
    const codes = (codesOf.get(segment.id) ?? []).map((c) => c.codeId);
    const kept = codes.filter((c) => plan.codes.get(c)!.kind !== 'skipped');
    codingsLeftOut += codes.length - kept.length;
    if (kept.length === 0) skip('none of its codes could be merged');
    else toAdd.push({ segment, codeIds: kept });
  }
  plan.report.segments.skipped = [...skipped].map(([reason, segments]) => ({ reason, segments }));
  if (codingsLeftOut > 0) plan.report.notes.push(`${codingsLeftOut} codings with a code that was not merged were left off their segments.`);
  return toAdd;
}

/**
 * Decides every row's fate without writing anything. Refuses (DataError) the project itself and a file
 * whose documents share names with this project's but none its texts: not a copy of these interviews.
 */
function planMerge(source: ProjectContents, target: MergeTarget, fileName: string): Plan {
  if (source.projectGuid && source.projectGuid === target.projectGuid) {
    throw new DataError('invalid', `"${fileName}" is this project itself (the same project GUID): there is nothing to merge into it.`);
  }
  const report: MergeReport = {
    file: fileName,
    preMergeCopy: null,
    documents: { matched: [], added: [], skipped: [] },
    codes: { matched: [], added: [], renamed: [], skipped: [] },
    coders: { matched: [], added: [], renamed: [] },
    cases: { matched: [], added: [], renamed: [] },
    attributes: { matched: [], added: [], skipped: [], kept: [] },
    segments: { added: 0, alreadyThere: 0, skipped: [] },
    notes: [],
  };
  const documents = planDocuments(source, target, report);
  if (report.documents.matched.length === 0 && report.documents.skipped.length > 0) {
    const names = report.documents.skipped.map((d) => `"${d.name}"`);
    throw new DataError(
      'conflict',
      `"${fileName}" has documents named like this project's (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) but none with the same text: it is not a copy of these interviews. Nothing was merged.`,
    );
  }
  // Only coders with codings in the file count; a coder copy carries every coder of the original.
  const coding = new Set(source.segments.map((s) => s.coderId));
  const coders = planByIdentity(
    source.coders.filter((c) => coding.has(c.id)),
    target.coders,
    report.coders,
  );
  const partial = {
    report,
    documents,
    coders,
    cases: planByIdentity(source.cases, target.cases, report.cases),
    attributes: planAttributes(source, target, report),
    codes: planCodes(source, target, report),
  };
  const segments = planSegments(source, target, partial);
  report.segments.added = segments.length;
  if (source.memos > 0) report.notes.push(`Memos are not merged (the file has ${source.memos}).`);
  if (source.codeSets > 0) report.notes.push(`Code sets are not merged (the file has ${source.codeSets}).`);
  return { ...partial, segments };
}

/** Whether the plan writes anything at all (a second merge of the same file writes nothing). */
const changesSomething = (plan: Plan) =>
  plan.segments.length > 0 ||
  [plan.documents, plan.codes, plan.coders, plan.cases, plan.attributes].some((m) => [...m.values()].some((d) => d.kind === 'added'));

/** Writes the plan (inside the caller's transaction) through the bulk path, mapping source ids to target ids. */
function applyPlan(db: Db, source: ProjectContents, target: MergeTarget, plan: Plan): void {
  const ids = (decisions: Map<number, Decision>) => {
    const map = new Map<number, number>();
    for (const [from, d] of decisions) if (d.kind === 'matched') map.set(from, d.id);
    return map;
  };
  const coders = ids(plan.coders);
  const cases = ids(plan.cases);
  const attributes = ids(plan.attributes);
  const codes = ids(plan.codes);
  const documents = ids(plan.documents);
  const added = (decisions: Map<number, Decision>, id: number) => decisions.get(id)?.kind === 'added';
  // Only the merged segments' (document, coder) pairs are recounted: a merge adds, never moves a code.
  bulkWrite(
    db,
    (touched) => {
      for (const c of source.coders) if (added(plan.coders, c.id)) coders.set(c.id, insertCoderRow(db, c));
      for (const c of source.cases) if (added(plan.cases, c.id)) cases.set(c.id, insertCaseRow(db, c));
      const choices = new Map(target.attributes.map((a) => [a.id, a.choices ? (JSON.parse(a.choices) as string[]) : null]));
      for (const a of source.attributes) {
        if (!added(plan.attributes, a.id)) continue;
        const id = insertAttributeRow(db, a);
        attributes.set(a.id, id);
        choices.set(id, a.choices ? (JSON.parse(a.choices) as string[]) : null);
      }
      const values = new Map(target.attributeValues.map((v) => [`${v.caseId}/${v.attributeId}`, v.value]));
      const caseName = new Map(source.cases.map((c) => [c.id, c.name]));
      const attributeName = new Map(source.attributes.map((a) => [a.id, a.name]));
      for (const v of source.attributeValues) {
        const caseId = cases.get(v.caseId);
        const attributeId = attributes.get(v.attributeId);
        if (caseId === undefined || attributeId === undefined) continue;
        const existing = values.get(`${caseId}/${attributeId}`);
        if (existing === undefined) {
          const allowed = choices.get(attributeId);
          if (allowed && !allowed.includes(v.value)) {
            allowed.push(v.value);
            setChoices(db, attributeId, allowed);
          }
          insertAttributeValue(db, caseId, attributeId, v.value);
        } else if (existing !== v.value) {
          plan.report.attributes.kept.push({
            case: caseName.get(v.caseId)!,
            attribute: attributeName.get(v.attributeId)!,
            value: existing,
            ignored: v.value,
          });
        }
      }
      for (const c of source.codes) {
        if (added(plan.codes, c.id))
          codes.set(c.id, insertCodeRow(db, { ...c, parentId: c.parentId === null ? null : codes.get(c.parentId)! }));
      }
      const paragraphs = groupBy(source.paragraphs, (p) => p.documentId);
      const links = groupBy(source.caseDocuments, (l) => l.documentId);
      for (const d of source.documents) {
        if (!added(plan.documents, d.id)) continue;
        const id = insertDocumentRow(
          db,
          { ...d, createdBy: d.createdBy === null ? null : (coders.get(d.createdBy) ?? null) },
          paragraphs.get(d.id) ?? [],
        );
        documents.set(d.id, id);
        for (const link of links.get(d.id) ?? []) linkCase(db, cases.get(link.caseId)!, id);
      }
      for (const { segment, codeIds } of plan.segments) {
        const documentId = documents.get(segment.documentId)!;
        const coderId = coders.get(segment.coderId)!;
        insertSegmentRow(
          db,
          { ...segment, documentId, coderId },
          codeIds.map((c) => codes.get(c)!),
        );
        touched.add(documentId, coderId);
      }
      clearUndoHistory(db);
    },
    'touched',
    plan.segments.length,
  );
}

/** Reads a project file received as bytes: checked (not a project, newer, damaged) and upgraded if older, in a temporary folder. */
export function readReceivedProject(bytes: Buffer, fileName: string): ProjectContents {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-merge-'));
  try {
    const file = join(dir, `source${PROJECT_EXTENSION}`);
    writeFileSync(file, bytes);
    // quick_check, not integrity_check: the file is only read (README, "Two coders").
    const db = openProjectFile(file, fileName, false, 'quick_check');
    try {
      return readProjectContents(db);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "Study (before merge).trellis" beside the project, numbered when taken. */
function preMergeCopyPath(projectFile: string): string {
  const base = join(dirname(projectFile), basename(projectFile, extname(projectFile)));
  for (let n = 1; ; n++) {
    const candidate = `${base} (before merge${n === 1 ? '' : ` ${n}`})${PROJECT_EXTENSION}`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Before the merge's transaction: refuses a bad file (nothing written) and, when the merge will change
 * something, copies the project as it is beside it. Returns the copy's path, or null.
 */
export function prepareMerge(db: Db, projectFile: string, source: ProjectContents, fileName: string): string | null {
  const plan = planMerge(source, readMergeTarget(db), fileName);
  if (!changesSomething(plan)) return null;
  const copy = preMergeCopyPath(projectFile);
  copyProjectFile(db, copy);
  return copy;
}

/** The merge itself, inside the caller's transaction: planned again against the project as it is now, then written. */
export function mergeProject(db: Db, source: ProjectContents, fileName: string, preMergeCopy: string | null): MergeReport {
  const target = readMergeTarget(db);
  const plan = planMerge(source, target, fileName);
  plan.report.preMergeCopy = preMergeCopy;
  if (changesSomething(plan)) applyPlan(db, source, target, plan);
  return plan.report;
}
