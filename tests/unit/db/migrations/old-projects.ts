// Project files as an older Trellis wrote them, and the checks every upgrade must pass: the file ends up
// with a new project's schema, keeps every row, and its kept counts and undo triggers work as if the
// project had been created today.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { rebuildCodeCounts } from '../../../../db/code-counts';
import { rebuildCooccurrence } from '../../../../db/cooccurrence';
import { sha256 } from '../../../../db/ids';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../db/migrations';
import { createProjectFile, openProjectFile, TRELLIS_APPLICATION_ID, type Db } from '../../../../db/project-file';
import { spreadKey } from '../../../../db/search-keys';
import { deleteSegment, insertSegment, removeSegmentCodes, updateSegment } from '../../../../db/queries/segments';
import { recordStep, redoNext, undoLast, UNDO_TRACKED_TABLES } from '../../../../db/undo';
import { tempDir } from '../../helpers';
import { expectSearchIndexExact, searchResults } from '../../search-index-check';

/** A Trellis file at `version`: the steps up to it applied one transaction each, as openProjectFile does. */
export function projectAt(version: number): { file: string; db: Db } {
  const file = join(tempDir(), `v${version}.trellis`);
  const db = new Database(file);
  db.pragma(`application_id = ${TRELLIS_APPLICATION_ID}`);
  db.pragma('foreign_keys = ON');
  for (const step of migrations.filter((m) => m.version <= version)) {
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return { file, db };
}

export const TEXT_1 = 'DCS: Café meetings 😀 first, then naïve pooled budgets – and the board 👍🏽 agreed.';
export const TEXT_2 = 'Head: Schools joined the partnership late; inspection pushed them.';

/** Code ids of the seeded codebook. */
export const CODE = { themes: 1, duty: 2, budgets: 3, pooled: 4, mgf: 5, strategicDuty: 6, strategicMoney: 7, early: 8 } as const;

/**
 * Real rows written with the columns of schema step 1 (every later step only adds columns with defaults,
 * but for step 12's search keys):
 * two coders, two interviews with emoji in a case, a code tree, a code set, a framework with two cells and
 * a slice, overlapping and touching segments of two coders with several codes each, and memos.
 */
export function seedRows(db: Db): void {
  const now = '2026-11-01T10:00:00.000Z';
  const texts = [TEXT_1, TEXT_2];
  db.transaction(() => {
    const run = (sql: string, ...rows: unknown[][]) => {
      const statement = db.prepare(sql);
      for (const row of rows) statement.run(...row);
    };
    run(
      "INSERT INTO coders (id, guid, name, color, created_at) VALUES (?, ?, ?, ?, '')",
      [1, 'C1', 'A', '#4E79A7'],
      [2, 'C2', 'B', '#F28E2B'],
    );
    run(
      `INSERT INTO documents (id, guid, name, plain_text, char_count, content_hash, source_type, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, 'txt', ?, ?)`,
      ...texts.map((text, i) => [i + 1, `D${i + 1}`, `Interview ${i + 1}`, text, [...text].length, sha256(text), now, now]),
    );
    // Since step 12 a paragraph has a search key, with no default (here: its document's only paragraph).
    const keyed = db.prepare("SELECT 1 FROM pragma_table_info('paragraphs') WHERE name = 'search_key'").get() !== undefined;
    run(
      `INSERT INTO paragraphs (document_id, n, start, end, body_start, speaker${keyed ? ', search_key' : ''})
       VALUES (?, 1, 0, ?, ?, ?${keyed ? ', ?' : ''})`,
      ...texts.map((text, i) => [
        i + 1,
        [...text].length,
        text.indexOf(':') + 2,
        text.slice(0, text.indexOf(':')),
        ...(keyed ? [spreadKey(i + 1, 1, 1)] : []),
      ]),
    );
    run("INSERT INTO cases (id, guid, name, created_at) VALUES (1, 'K1', 'North', '')", []);
    run('INSERT INTO case_documents (case_id, document_id) VALUES (1, ?)', [1], [2]);
    run(
      "INSERT INTO codes (id, guid, parent_id, name, color, codable, sort, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', '')",
      [CODE.themes, 'G1', null, 'Themes', '#79706E', 0, 0],
      [CODE.duty, 'G2', CODE.themes, 'Duty', '#4E79A7', 1, 0],
      [CODE.budgets, 'G3', CODE.themes, 'Budgets', '#F28E2B', 1, 1],
      [CODE.pooled, 'G4', CODE.budgets, 'Pooled', '#E15759', 1, 0],
      [CODE.mgf, 'G5', null, 'MGF', '#76B7B2', 0, 1],
      [CODE.strategicDuty, 'G6', CODE.mgf, 'Strategic: duty', '#59A14F', 1, 0],
      [CODE.strategicMoney, 'G7', CODE.mgf, 'Strategic: money', '#EDC948', 1, 1],
      [CODE.early, 'G8', CODE.mgf, 'Early', '#B07AA1', 1, 2],
    );
    run("INSERT INTO code_sets (id, guid, name) VALUES (1, 'S1', 'Resources')", []);
    run('INSERT INTO code_set_members (set_id, code_id) VALUES (1, ?)', [CODE.budgets], [CODE.pooled]);
    run(
      `INSERT INTO frameworks (id, guid, name, row_label, column_label, slice_label, root_code_id)
       VALUES (1, 'F1', 'MGF', 'Level', 'Theme', 'Phase', ${CODE.mgf})`,
      [],
    );
    run(
      'INSERT INTO framework_values (id, guid, framework_id, axis, name, sort, code_id) VALUES (?, ?, 1, ?, ?, ?, ?)',
      [1, 'V1', 'row', 'Strategic', 0, null],
      [2, 'V2', 'column', 'Duty', 0, null],
      [3, 'V3', 'column', 'Money', 1, null],
      [4, 'V4', 'slice', 'Early', 0, CODE.early],
    );
    run(
      'INSERT INTO framework_cells (row_value_id, column_value_id, code_id) VALUES (1, ?, ?)',
      [2, CODE.strategicDuty],
      [3, CODE.strategicMoney],
    );
    // [id, document, coder, start, end, codes]: 1 and 2 overlap, 3 touches 2 end-to-start, 4 is B's.
    const segments: [number, number, number, number, number, number[]][] = [
      [1, 1, 1, 0, 21, [CODE.duty, CODE.strategicDuty, CODE.early]],
      [2, 1, 1, 15, 40, [CODE.pooled, CODE.strategicMoney]],
      [3, 1, 1, 40, 60, [CODE.budgets]],
      [4, 1, 2, 5, 30, [CODE.duty, CODE.strategicDuty]],
      [5, 2, 1, 6, 26, [CODE.pooled, CODE.strategicDuty, CODE.early]],
    ];
    const addSegment = db.prepare(
      `INSERT INTO segments (id, guid, document_id, coder_id, start, end, text_hash, memo, created_at, modified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addCode = db.prepare('INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)');
    for (const [id, document, coder, start, end, codes] of segments) {
      const covered = [...texts[document - 1]!].slice(start, end).join('');
      addSegment.run(id, `SG${id}`, document, coder, start, end, sha256(covered), id === 1 ? 'café 😀' : '', now, now);
      for (const code of codes) addCode.run(id, code, document, coder);
    }
    run(
      "INSERT INTO memos (id, guid, title, body, coder_id, document_id, code_id, created_at, modified_at) VALUES (?, ?, ?, ?, 1, ?, ?, '', '')",
      [1, 'M1', 'Free', 'a free memo 😀', null, null],
      [2, 'M2', 'On Duty', 'about the code', null, CODE.duty],
      [3, 'M3', 'On Interview 1', 'about the interview', 1, null],
    );
  })();
}

const tableNames = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const columnNames = (db: Db, table: string): string[] =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);

/** Every row of the tables, each as JSON, sorted; `columns` per table limits to those columns. */
export function rowsOf(db: Db, tables: readonly string[], columns: Record<string, string[]> = {}): Record<string, string[]> {
  return Object.fromEntries(
    tables.map((t) => {
      const list = (columns[t] ?? columnNames(db, t)).map((c) => `"${c}"`).join(', ');
      const rows = db.prepare(`SELECT ${list} FROM "${t}"`).all();
      return [t, rows.map((r) => JSON.stringify(r)).sort()];
    }),
  );
}

/** Every table's rows with its columns at that moment: what an upgrade must keep. */
export function everyRow(db: Db): { rows: Record<string, string[]>; columns: Record<string, string[]> } {
  const tables = tableNames(db);
  const columns = Object.fromEntries(tables.map((t) => [t, columnNames(db, t)]));
  return { rows: rowsOf(db, tables, columns), columns };
}

const schemaOf = (db: Db) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid').all();

const DERIVED = ['code_lineage', 'code_tallies', 'code_totals', 'cooccurrence', 'cooccurrence_totals'] as const;

/** The kept counts equal counting everything again from scratch, and there is something to count. */
export function expectDerivedMatchRebuild(db: Db): void {
  const kept = rowsOf(db, DERIVED);
  db.transaction(() => {
    rebuildCodeCounts(db);
    rebuildCooccurrence(db);
  })();
  expect(rowsOf(db, DERIVED)).toEqual(kept);
  for (const table of DERIVED) expect(kept[table]!.length, table).toBeGreaterThan(0);
  expect(db.prepare('SELECT count(*) AS n FROM cooccurrence WHERE slice_id <> 0').get()).not.toEqual({ n: 0 });
}

/**
 * Coding and codebook work as one undoable step through today's queries: a new overlapping segment, a
 * resize, a code taken off, a segment deleted, a subtree moved, a code's new column and a memo edited.
 * The counts must follow each change, undo must restore every tracked row, and redo must bring the work back.
 */
export function expectCountsAndUndoFollowWork(db: Db): void {
  const tracked = () => rowsOf(db, UNDO_TRACKED_TABLES);
  const before = tracked();
  db.transaction(() =>
    recordStep(db, 'Work after the upgrade', 1, () => {
      insertSegment(db, { documentId: 1, coderId: 1, start: 10, end: 45, codeIds: [CODE.budgets, CODE.strategicMoney, CODE.early] });
      updateSegment(db, 2, { start: 12, memo: 'resized 😀' });
      removeSegmentCodes(db, 1, [CODE.duty]);
      deleteSegment(db, 3);
      db.prepare('UPDATE codes SET parent_id = ?, inclusion = ? WHERE id = ?').run(CODE.duty, 'money talk', CODE.budgets);
      db.prepare('UPDATE memos SET body = ? WHERE id = 1').run('edited');
    }),
  )();
  const after = tracked();
  expect(after).not.toEqual(before);
  expectDerivedMatchRebuild(db);
  expect(db.transaction(() => undoLast(db, 1)?.label ?? null)()).toBe('Work after the upgrade');
  expect(tracked()).toEqual(before);
  expectDerivedMatchRebuild(db);
  db.transaction(() => redoNext(db, 1)?.label ?? null)();
  expect(tracked()).toEqual(after);
  expectDerivedMatchRebuild(db);
}

/** Words of seedRows' interviews (and more) searched for before and after an upgrade. */
export const QUERIES = ['budget', 'budgets', 'café', 'schools', 'the', '"pooled budgets"', 'insp*', 'jon', 'naïve', 'then OR met'];

/**
 * Each query's hits, stemmed and as written, as an index of steps 5 to 11 gives them (document, turn and
 * the speech with its matches marked): its row ids were document_id * 2^32 + n.
 */
export const hitsByTurnNumber = (db: Db, queries: readonly string[]) =>
  queries.flatMap((query) =>
    ['search_stemmed', 'search_exact'].map((table) =>
      db
        .prepare(
          `SELECT d.name, s.rowid & 4294967295 AS n, highlight(${table}, 0, char(1), char(2)) AS text
             FROM ${table} s JOIN documents d ON d.id = s.rowid >> 32
            WHERE ${table} MATCH ? ORDER BY d.sort, d.name COLLATE NOCASE, s.rowid`,
        )
        .raw()
        .all(query),
    ),
  );

/** FTS5's tables of the search index: step 12 builds them again under new row ids, so what they find is compared instead. */
const isSearchIndex = (table: string) => /^search_(stemmed|exact)/.test(table);

/**
 * Opens an older file as the app does and checks the upgrade: a copy of the old file, the latest version,
 * the exact schema of a new project, every old row kept (in the columns it had) but those of the search
 * index and of the tables in `rewritten` (which a step rewrites on purpose, its own test checking how), the
 * same search results, and counts equal to a rebuild.
 */
export function upgrade(file: string, oldVersion: number, rewritten: readonly string[] = []): Db {
  const old = new Database(file, { readonly: true });
  const kept = everyRow(old);
  // Row ids were document_id * 2^32 + n from step 5 to 11, a paragraph's search key since step 12.
  const hits = oldVersion >= 12 ? searchResults(old, QUERIES) : oldVersion >= 5 ? hitsByTurnNumber(old, QUERIES) : null;
  old.close();
  for (const table of Object.keys(kept.rows)) if (isSearchIndex(table) || rewritten.includes(table)) delete kept.rows[table];
  const db = openProjectFile(file);
  expect(existsSync(`${file}.v${oldVersion}.bak`)).toBe(true);
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  const fresh = createProjectFile(join(tempDir(), 'new.trellis'), 'New');
  expect(schemaOf(db)).toEqual(schemaOf(fresh));
  fresh.close();
  expect(rowsOf(db, Object.keys(kept.rows), kept.columns)).toEqual(kept.rows);
  if (hits) expect(searchResults(db, QUERIES)).toEqual(hits);
  expectSearchIndexExact(db, QUERIES);
  expectDerivedMatchRebuild(db);
  return db;
}
