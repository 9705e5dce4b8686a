// Importing a REFI-QDA codebook into a project: each code in the file is matched by GUID, then by name
// under the same parent; matched codes take the file's name, place, colour and description, the others
// are added with the file's GUIDs. The report says what was added, matched and renamed (or moved).
import type { Db } from '../../db/project-file';
import { createCodeSet, listCodeSets, updateCodeSet } from '../../db/queries/code-sets';
import {
  codePath,
  createCode,
  findCodeByGuid,
  getCode,
  placeCode,
  siblingNamed,
  uniqueName,
  updateCode,
  usedColors,
  type CodeRow,
} from '../../db/queries/codes';
import { colorPicker } from '../../shared/palette';
import { naming, sourceBytes, sourceFile } from './import/read';
import { readQdc, splitDescription, type QdcCode, type QdcCodebook } from './qdc';

export interface ImportReport {
  file: string;
  /** Paths of the codes added. */
  added: string[];
  /** Paths of the codes that were already there, and how they were recognised. */
  matched: { path: string; by: 'guid' | 'name' }[];
  /** Codes whose path changed: matched codes renamed or moved as the file has them, added codes renamed to fit. */
  renamed: { from: string; to: string }[];
  sets: { added: string[]; matched: string[] };
  /** What the file asked for but the project kept, and why. */
  notes: string[];
}

/** Reads and parses a codebook (its uploaded bytes, or a chosen path) before anything is written. */
export function readCodebookSource(source: { path: string } | { name: string; data: string }): Promise<QdcCodebook> {
  const file = sourceFile(source);
  return naming(file, async () => readQdc(new TextDecoder().decode(sourceBytes(source)!), file));
}

// Code paths use "/", so a name from another program that contains one gets the look-alike division slash.
const pathSafe = (name: string) => name.replaceAll('/', '∕');

export function mergeCodebook(db: Db, book: QdcCodebook, file: string): ImportReport {
  return mergeCodebookWithIds(db, book, file).report;
}

/** mergeCodebook, also returning the project code each of the file's GUIDs became (a .qdpx import codes with them). */
export function mergeCodebookWithIds(db: Db, book: QdcCodebook, file: string): { report: ImportReport; idOfGuid: Map<string, number> } {
  const report: ImportReport = { file, added: [], matched: [], renamed: [], sets: { added: [], matched: [] }, notes: [] };
  const fileGuids = new Set<string>();
  const collect = (codes: QdcCode[]) => codes.forEach((c) => (fileGuids.add(c.guid), collect(c.children)));
  collect(book.codes);
  const idOfGuid = new Map<string, number>();
  const taken = new Set<number>();
  const visits: { id: number; by: 'guid' | 'name' | null; before: string }[] = [];
  const colorOf = colorPicker(usedColors(db));
  const isFrameworkRoot = (id: number | null) => id !== null && getCode(db, id).framework?.role === 'root';

  /** A project code the file's code stands for: same GUID, else same name under the same parent (if not the file's too). */
  const match = (code: QdcCode, name: string, parentId: number | null): { id: number; by: 'guid' | 'name' } | null => {
    const byGuid = findCodeByGuid(db, code.guid);
    if (byGuid !== undefined) return { id: byGuid, by: 'guid' };
    const byName = siblingNamed(db, parentId, name);
    if (byName === undefined || taken.has(byName) || fileGuids.has(getCode(db, byName).guid)) return null;
    return { id: byName, by: 'name' };
  };

  const update = (existing: CodeRow, code: QdcCode, before: string) => {
    const parts = splitDescription(code.description);
    let codable = code.codable;
    if (codable !== existing.codable && (existing.framework || (!codable && existing.segments > 0))) {
      report.notes.push(
        `"${before}" stays ${existing.codable ? 'codable' : 'a grouping code'}: ${existing.framework ? 'its framework decides' : 'it has codings of its own'}.`,
      );
      codable = existing.codable;
    }
    updateCode(db, existing.id, {
      color: code.color ?? undefined,
      codable,
      description: parts.description || undefined,
      inclusion: parts.inclusion || undefined,
      exclusion: parts.exclusion || undefined,
    });
  };

  const visit = (code: QdcCode, parentId: number | null, filePath: string) => {
    const name = pathSafe(code.name);
    const found = match(code, name, parentId);
    let id: number;
    if (found) {
      id = found.id;
      const existing = getCode(db, id);
      const before = codePath(db, id);
      if (existing.framework) {
        if (existing.name !== name || existing.parentId !== parentId) {
          report.notes.push(`"${before}" belongs to a framework and keeps its name and place (the file has "${filePath}").`);
        }
      } else if (existing.name !== name || existing.parentId !== parentId) {
        const target = isFrameworkRoot(parentId) ? existing.parentId : parentId;
        if (target !== parentId) report.notes.push(`"${before}" was not moved inside the framework "${codePath(db, parentId!)}".`);
        const newName = uniqueName(db, target, name, id);
        if (target === existing.parentId) updateCode(db, id, { name: newName });
        else placeCode(db, id, target, Number.MAX_SAFE_INTEGER, newName);
      }
      update(existing, code, before);
      visits.push({ id, by: found.by, before });
    } else {
      const parent = isFrameworkRoot(parentId) ? null : parentId;
      if (parent !== parentId) report.notes.push(`"${filePath}" was added at the top level: codes are not added inside a framework.`);
      id = createCode(db, {
        guid: code.guid,
        parentId: parent,
        name: uniqueName(db, parent, name),
        color: colorOf(code.color ?? undefined),
        codable: code.codable,
        ...splitDescription(code.description),
      });
      visits.push({ id, by: null, before: filePath });
    }
    idOfGuid.set(code.guid, id);
    taken.add(id);
    code.children.forEach((child) => visit(child, id, `${filePath}/${child.name}`));
  };
  book.codes.forEach((code) => visit(code, null, code.name));

  // Paths are read at the end: a code's path also changes when an ancestor is renamed or moved.
  for (const { id, by, before } of visits) {
    const path = codePath(db, id);
    if (by) report.matched.push({ path, by });
    else report.added.push(path);
    if (path !== before) report.renamed.push({ from: before, to: path });
  }

  const sets = listCodeSets(db);
  for (const set of book.sets) {
    const members = set.memberGuids.map((guid) => idOfGuid.get(guid)!);
    const existing = sets.find((s) => s.guid === set.guid) ?? sets.find((s) => s.name.toLowerCase() === set.name.toLowerCase());
    if (existing) {
      updateCodeSet(db, existing.id, {
        description: set.description || undefined,
        codeIds: [...new Set([...existing.codeIds, ...members])],
      });
      report.sets.matched.push(existing.name);
    } else {
      createCodeSet(db, { guid: set.guid, name: set.name, description: set.description, codeIds: members });
      report.sets.added.push(set.name);
    }
  }
  return { report, idOfGuid };
}
