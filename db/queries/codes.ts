import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import { MAX_NAME_LENGTH } from '../../shared/limits';
import { isHexColor, nextColor } from '../../shared/palette';
import type { Db } from '../project-file';
import { stmt } from '../statements';
import { frameworkPlaces } from './framework-places';

/** The part a code plays in a framework, if any (its name and place then follow the framework). */
export type FrameworkRole = { frameworkId: number; role: 'root' | 'cell' | 'slice' } | null;

export interface CodeRow {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  exampleSegmentId: number | null;
  codable: boolean;
  sort: number;
  framework: FrameworkRole;
  /** Segments carrying this code itself. */
  segments: number;
  /** Documents with at least one such segment. */
  documents: number;
  /** Distinct segments carrying this code or any code below it. */
  segmentsWithChildren: number;
  /** Documents with at least one of those. */
  documentsWithChildren: number;
}

export interface CodeNode extends CodeRow {
  path: string;
  children: CodeNode[];
}

export interface NewCode {
  parentId: number | null;
  name: string;
  color?: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
  codable?: boolean;
  /** Kept when importing a codebook; new codes get a fresh one. */
  guid?: string;
}

export interface CodeFields {
  name?: string;
  color?: string;
  description?: string;
  inclusion?: string;
  exclusion?: string;
  codable?: boolean;
  exampleSegmentId?: number | null;
}

/** A trimmed name that can stand in a code path. */
export function checkCodeName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new DataError('invalid', 'A code needs a name.');
  if (name.length > MAX_NAME_LENGTH) {
    throw new DataError('invalid', `A code name has at most ${MAX_NAME_LENGTH} characters; "${name.slice(0, 40)}…" has ${name.length}.`);
  }
  if (name.includes('/')) throw new DataError('invalid', `Code names cannot contain "/" (it separates code paths): "${name}".`);
  return name;
}

export function checkColor(color: string): string {
  if (!isHexColor(color)) throw new DataError('invalid', `"${color}" is not a colour like #4E79A7.`);
  return color;
}

/** The code of that name (case-insensitively) under that parent, if any, other than `except`. */
export function siblingNamed(db: Db, parentId: number | null, name: string, except = 0): number | undefined {
  const row = stmt(db, 'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND name = ? COLLATE NOCASE AND id <> ?').get(
    parentId ?? 0,
    name.trim(),
    except,
  ) as { id: number } | undefined;
  return row?.id;
}

function refuseSibling(db: Db, parentId: number | null, name: string, except = 0): void {
  if (siblingNamed(db, parentId, name, except) === undefined) return;
  const where = parentId === null ? 'at the top of the codebook' : `in "${codePath(db, parentId)}"`;
  throw new DataError('conflict', `There is already a code named "${name}" ${where}.`);
}

export const usedColors = (db: Db): string[] => (stmt(db, 'SELECT color FROM codes').all() as { color: string }[]).map((r) => r.color);

export function createCode(db: Db, code: NewCode): number {
  const name = checkCodeName(code.name);
  if (code.parentId !== null && !stmt(db, 'SELECT 1 FROM codes WHERE id = ?').get(code.parentId)) {
    throw new DataError('not-found', `There is no parent code with id ${code.parentId}.`);
  }
  refuseSibling(db, code.parentId, name);
  const color = checkColor(code.color ?? nextColor(usedColors(db)));
  const now = nowIso();
  return Number(
    stmt(
      db,
      `INSERT INTO codes (guid, parent_id, name, color, description, inclusion, exclusion, codable, sort, created_at, modified_at)
       VALUES (@guid, @parent, @name, @color, @description, @inclusion, @exclusion, @codable,
               (SELECT ifnull(max(sort), 0) + 1 FROM codes WHERE ifnull(parent_id, 0) = ifnull(@parent, 0)), @now, @now)`,
    ).run({
      guid: code.guid ?? newGuid(),
      parent: code.parentId,
      name,
      color,
      description: code.description ?? '',
      inclusion: code.inclusion ?? '',
      exclusion: code.exclusion ?? '',
      codable: code.codable === false ? 0 : 1,
      now,
    }).lastInsertRowid,
  );
}

/** Framework roots, cells and slice values (of one code, or all) by code id. */
const frameworkRoles = (db: Db, codeId: number | null): Map<number, NonNullable<FrameworkRole>> =>
  new Map(frameworkPlaces(db, codeId).map((p) => [p.codeId, { frameworkId: p.frameworkId, role: p.role }]));

// The code columns with their kept counts; `@coder` 0 counts all coders.
const CODE_ROWS = `SELECT c.id, c.guid, c.parent_id AS parentId, c.name, c.color, c.description, c.inclusion, c.exclusion,
            c.example_segment_id AS exampleSegmentId, c.codable, c.sort,
            ifnull(t.segments, 0) AS segments, ifnull(t.documents, 0) AS documents,
            ifnull(t.segments_with_children, 0) AS segmentsWithChildren, ifnull(t.documents_with_children, 0) AS documentsWithChildren
       FROM codes c LEFT JOIN code_totals t ON t.code_id = c.id AND t.coder_id = @coder`;

type StoredCode = Omit<CodeRow, 'codable' | 'framework'> & { codable: number };

const withRoles = (rows: StoredCode[], roles: Map<number, NonNullable<FrameworkRole>>): CodeRow[] =>
  rows.map((r) => ({ ...r, codable: r.codable === 1, framework: roles.get(r.id) ?? null }));

/** Every code with its counts (from the kept totals), for all coders or one. */
export function listCodes(db: Db, coderId: number | null = null): CodeRow[] {
  const rows = stmt(db, `${CODE_ROWS} ORDER BY c.sort, c.name COLLATE NOCASE`).all({ coder: coderId ?? 0 }) as StoredCode[];
  return withRoles(rows, frameworkRoles(db, null));
}

/** One code with its counts, for all coders or (blind coding) one. */
export function getCode(db: Db, id: number, coderId: number | null = null): CodeRow {
  const row = stmt(db, `${CODE_ROWS} WHERE c.id = @id`).get({ coder: coderId ?? 0, id }) as StoredCode | undefined;
  if (!row) throw new DataError('not-found', `There is no code with id ${id}.`);
  return withRoles([row], frameworkRoles(db, id))[0]!;
}

/** Each code's path ("Themes/Duty to cooperate") from rows naming their parent: the one way paths are made. */
function pathsOf(rows: readonly { id: number; parentId: number | null; name: string }[]): Map<number, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<number, string>();
  const pathOf = (id: number): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const row = byId.get(id)!;
    const path = row.parentId === null ? row.name : `${pathOf(row.parentId)}/${row.name}`;
    paths.set(id, path);
    return path;
  };
  for (const r of rows) pathOf(r.id);
  return paths;
}

export function codeTree(db: Db, coderId: number | null = null): CodeNode[] {
  const rows = listCodes(db, coderId);
  const paths = pathsOf(rows);
  const byParent = new Map<number | null, CodeRow[]>();
  for (const r of rows) {
    const siblings = byParent.get(r.parentId);
    if (siblings) siblings.push(r);
    else byParent.set(r.parentId, [r]);
  }
  const build = (row: CodeRow): CodeNode => ({ ...row, path: paths.get(row.id)!, children: (byParent.get(row.id) ?? []).map(build) });
  return (byParent.get(null) ?? []).map(build);
}

export interface CatalogCode {
  id: number;
  parentId: number | null;
  codable: boolean;
  path: string;
  name: string;
  color: string;
  description: string;
}

/** Every code with its path, in codebook order (depth first), without counts. */
export function codeCatalog(db: Db): CatalogCode[] {
  const rows = stmt(
    db,
    'SELECT id, parent_id AS parentId, codable, name, color, description FROM codes ORDER BY sort, name COLLATE NOCASE, id',
  ).all() as (Omit<CatalogCode, 'path' | 'codable'> & { codable: number })[];
  const paths = pathsOf(rows);
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const catalog: CatalogCode[] = [];
  const visit = (parentId: number | null) => {
    for (const r of children.get(parentId) ?? []) {
      catalog.push({ ...r, codable: r.codable === 1, path: paths.get(r.id)! });
      visit(r.id);
    }
  };
  visit(null);
  return catalog;
}

/** "Themes/Duty to cooperate": the names from the top of the codebook down to the code. */
export function codePath(db: Db, id: number): string {
  const names: string[] = [];
  for (let at: number | null = id; at !== null;) {
    const row = stmt(db, 'SELECT name, parent_id AS parentId FROM codes WHERE id = ?').get(at) as
      { name: string; parentId: number | null } | undefined;
    if (!row) break;
    names.unshift(row.name);
    at = row.parentId;
  }
  return names.join('/');
}

/** Finds a code by its path of names ("Themes/Duty to cooperate"), case-insensitively. */
export function findCodeByPath(db: Db, path: string): number | undefined {
  let parent: number | null = null;
  for (const name of path.split('/')) {
    const found = siblingNamed(db, parent, name);
    if (found === undefined) return undefined;
    parent = found;
  }
  return parent ?? undefined;
}

/** The code and every code below it, deepest first (the order they can be deleted in). */
export function subtreeIds(db: Db, id: number): number[] {
  return (
    stmt(
      db,
      `SELECT l.code_id AS id FROM code_lineage l
        WHERE l.ancestor_id = ? ORDER BY (SELECT count(*) FROM code_lineage d WHERE d.code_id = l.code_id) DESC, l.code_id`,
    ).all(id) as { id: number }[]
  ).map((r) => r.id);
}

export const isInSubtree = (db: Db, codeId: number, ancestorId: number): boolean =>
  stmt(db, 'SELECT 1 FROM code_lineage WHERE code_id = ? AND ancestor_id = ?').get(codeId, ancestorId) !== undefined;

/** Writes the given fields (already checked by the caller's rules; names and colours are checked here). */
export function updateCode(db: Db, id: number, fields: CodeFields): void {
  const code = getCode(db, id);
  const name = fields.name === undefined ? code.name : checkCodeName(fields.name);
  if (name !== code.name) refuseSibling(db, code.parentId, name, id);
  const next = {
    name,
    color: checkColor(fields.color ?? code.color),
    description: (fields.description ?? code.description).trim(),
    inclusion: (fields.inclusion ?? code.inclusion).trim(),
    exclusion: (fields.exclusion ?? code.exclusion).trim(),
    codable: fields.codable ?? code.codable,
    exampleSegmentId: fields.exampleSegmentId === undefined ? code.exampleSegmentId : fields.exampleSegmentId,
  };
  // An edit that changes nothing leaves the code (and the undo history) alone.
  if ((Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === code[key])) return;
  stmt(
    db,
    `UPDATE codes SET name = @name, color = @color, description = @description, inclusion = @inclusion, exclusion = @exclusion,
            codable = @codable, example_segment_id = @exampleSegmentId, modified_at = @now WHERE id = @id`,
  ).run({ ...next, codable: next.codable ? 1 : 0, id, now: nowIso() });
}

/** `name`, or "name 2", "name 3", ... : the first that no other code under that parent has. */
export function uniqueName(db: Db, parentId: number | null, name: string, except = 0): string {
  let candidate = name;
  for (let n = 2; siblingNamed(db, parentId, candidate, except) !== undefined; n++) candidate = `${name} ${n}`;
  return candidate;
}

/**
 * Puts a code at `index` among the children of `parentId` (null: the top level), renumbering that list;
 * `name` renames it on the way (an import moving a code where its old name is taken).
 */
export function placeCode(db: Db, id: number, parentId: number | null, index: number, name?: string): void {
  const code = getCode(db, id);
  if (parentId !== null && isInSubtree(db, parentId, id)) {
    throw new DataError('invalid', `"${code.name}" cannot be moved inside itself.`);
  }
  const newName = name === undefined ? code.name : checkCodeName(name);
  if (parentId !== code.parentId || newName !== code.name) refuseSibling(db, parentId, newName, id);
  const order = (
    stmt(db, 'SELECT id FROM codes WHERE ifnull(parent_id, 0) = ? AND id <> ? ORDER BY sort, name COLLATE NOCASE').all(
      parentId ?? 0,
      id,
    ) as {
      id: number;
    }[]
  ).map((r) => r.id);
  order.splice(Math.max(0, Math.min(index, order.length)), 0, id);
  if (parentId !== code.parentId || newName !== code.name) {
    stmt(db, 'UPDATE codes SET parent_id = ?, name = ?, modified_at = ? WHERE id = ?').run(parentId, newName, nowIso(), id);
  }
  const setSort = stmt(db, 'UPDATE codes SET sort = ? WHERE id = ? AND sort <> ?');
  order.forEach((codeId, i) => setSort.run(i + 1, codeId, i + 1));
}

export interface CodeCount {
  coderId: number;
  coder: string;
  segments: number;
  documents: number;
  segmentsWithChildren: number;
  documentsWithChildren: number;
}

/** One code's counts for each coder who applied it or a code below it. */
/** A code's counts per coder (0 is the all-coders row, left out), or only one coder's. */
export function codeCountsByCoder(db: Db, id: number, coderId: number | null = null): CodeCount[] {
  return stmt(
    db,
    `SELECT t.coder_id AS coderId, k.name AS coder, t.segments, t.documents,
            t.segments_with_children AS segmentsWithChildren, t.documents_with_children AS documentsWithChildren
       FROM code_totals t JOIN coders k ON k.id = t.coder_id
      WHERE t.code_id = @id ${coderId === null ? '' : 'AND t.coder_id = @coder'} ORDER BY k.name COLLATE NOCASE`,
  ).all(coderId === null ? { id } : { id, coder: coderId }) as CodeCount[];
}

export interface CodedSegment {
  id: number;
  documentId: number;
  document: string;
  coderId: number;
  coder: string;
  codeId: number;
  start: number;
  end: number;
  text: string;
}

/** Segments carrying the code (or, with children, any code below it), in document order; all coders' or one's. */
export function codeSegments(db: Db, id: number, withChildren: boolean, limit: number, coderId: number | null = null): CodedSegment[] {
  return stmt(
    db,
    `SELECT s.id, s.document_id AS documentId, d.name AS document, s.coder_id AS coderId, k.name AS coder, min(sc.code_id) AS codeId,
            s.start, s.end, substr(d.plain_text, s.start + 1, s.end - s.start) AS text
       FROM code_lineage l
       JOIN segment_codes sc ON sc.code_id = l.code_id
       JOIN segments s ON s.id = sc.segment_id
       JOIN documents d ON d.id = s.document_id
       JOIN coders k ON k.id = s.coder_id
      WHERE l.ancestor_id = @id AND (@children OR l.code_id = @id) ${coderId === null ? '' : 'AND s.coder_id = @coder'}
      GROUP BY s.id
      ORDER BY d.sort, d.name COLLATE NOCASE, s.start, s.end, s.id
      LIMIT @limit`,
  ).all({ id, children: withChildren ? 1 : 0, limit, ...(coderId === null ? {} : { coder: coderId }) }) as CodedSegment[];
}

/**
 * Moves codings from one code to another (all of them, or those of the given segments): a segment that
 * already carries the target keeps one coding. Returns how many moved and how many collapsed.
 */
export function moveCodings(db: Db, fromId: number, toId: number, segmentIds: number[] | null): { moved: number; collapsed: number } {
  const params = { from: fromId, to: toId, all: segmentIds ? 0 : 1, ids: JSON.stringify(segmentIds ?? []) };
  const chosen = 'code_id = @from AND (@all OR segment_id IN (SELECT value FROM json_each(@ids)))';
  const moved = stmt(
    db,
    `INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id)
     SELECT segment_id, @to, document_id, coder_id FROM segment_codes s
      WHERE ${chosen} AND NOT EXISTS (SELECT 1 FROM segment_codes t WHERE t.segment_id = s.segment_id AND t.code_id = @to)`,
  ).run(params).changes;
  const removed = stmt(db, `DELETE FROM segment_codes WHERE ${chosen}`).run(params).changes;
  return { moved, collapsed: removed - moved };
}

export interface UncodeImpact {
  /** Codes that would go (the code and its sub-codes). */
  codes: number;
  /** Codings (segment × code) removed. */
  codings: number;
  /** Distinct passages that lose at least one code. */
  segments: number;
  /** Of those, passages left with no code at all, which are removed with them. */
  segmentsRemoved: number;
  documents: number;
}

/** What removing these codes (with their codings) would uncode. */
export function uncodeImpact(db: Db, codeIds: number[]): UncodeImpact {
  const json = JSON.stringify(codeIds);
  const row = stmt(
    db,
    `WITH gone(id) AS (SELECT DISTINCT value FROM json_each(@codes)),
          hit AS (SELECT segment_id, document_id, count(*) AS n FROM segment_codes WHERE code_id IN (SELECT id FROM gone) GROUP BY segment_id)
     SELECT (SELECT count(*) FROM gone) AS codes, ifnull(sum(n), 0) AS codings, count(*) AS segments,
            count(DISTINCT document_id) AS documents,
            ifnull(sum(n = (SELECT count(*) FROM segment_codes o WHERE o.segment_id = hit.segment_id)), 0) AS segmentsRemoved
       FROM hit`,
  ).get({ codes: json }) as UncodeImpact;
  return row;
}

/** Removes codes (deepest first) with their codings; passages left with no code are removed too. */
export function deleteCodes(db: Db, codeIds: number[]): void {
  const emptied = stmt(
    db,
    `DELETE FROM segments WHERE id IN (SELECT segment_id FROM segment_codes WHERE code_id = @id)
        AND NOT EXISTS (SELECT 1 FROM segment_codes o WHERE o.segment_id = segments.id AND o.code_id <> @id)`,
  );
  const uncode = stmt(db, 'DELETE FROM segment_codes WHERE code_id = ?');
  const remove = stmt(db, 'DELETE FROM codes WHERE id = ?');
  for (const id of codeIds) {
    emptied.run({ id });
    uncode.run(id);
    remove.run(id);
  }
}

export interface Quote {
  text: string;
  document: string;
  coder: string;
}

/** The example quote of every code that has one (or of one code), by code id. */
/** Each code's example quote (or one code's); with a coder, only quotes from that coder's passages (blind coding). */
export function exampleQuotes(db: Db, codeId: number | null = null, coderId: number | null = null): Map<number, Quote> {
  const rows = stmt(
    db,
    `SELECT c.id AS codeId, substr(d.plain_text, s.start + 1, s.end - s.start) AS text, d.name AS document, k.name AS coder
       FROM codes c JOIN segments s ON s.id = c.example_segment_id JOIN documents d ON d.id = s.document_id JOIN coders k ON k.id = s.coder_id
      WHERE (@code IS NULL OR c.id = @code) ${coderId === null ? '' : 'AND s.coder_id = @coder'}`,
  ).all({ code: codeId, ...(coderId === null ? {} : { coder: coderId }) }) as (Quote & { codeId: number })[];
  return new Map(rows.map(({ codeId, ...quote }) => [codeId, quote]));
}

export const findCodeByGuid = (db: Db, guid: string): number | undefined =>
  (stmt(db, 'SELECT id FROM codes WHERE guid = ?').get(guid) as { id: number } | undefined)?.id;

/** A code's children in their order. */
export const childIds = (db: Db, id: number): number[] =>
  (stmt(db, 'SELECT id FROM codes WHERE parent_id = ? ORDER BY sort, name COLLATE NOCASE').all(id) as { id: number }[]).map((r) => r.id);

/** Whether a segment is coded with the code itself (or, with children, with any code below it). */
export function carriesCode(db: Db, segmentId: number, codeId: number, withChildren: boolean): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM segment_codes sc JOIN code_lineage l ON l.code_id = sc.code_id
        WHERE sc.segment_id = @segment AND l.ancestor_id = @code AND (@children OR sc.code_id = @code)`,
    ).get({ segment: segmentId, code: codeId, children: withChildren ? 1 : 0 }) !== undefined
  );
}
