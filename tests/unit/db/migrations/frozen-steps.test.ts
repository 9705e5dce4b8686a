// The rule of db/migrations/index.ts, checked: landed steps never change, today's definitions of derived
// tables and undo triggers are exactly what the steps left in a project, and the undo triggers restore
// every column of every tracked table.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CODE_COUNTS_SCHEMA } from '../../../../db/code-counts';
import { COOCCURRENCE_SCHEMA } from '../../../../db/cooccurrence';
import { sha256 } from '../../../../db/ids';
import { migrations } from '../../../../db/migrations';
import type { Db } from '../../../../db/project-file';
import { DELTA_COLUMNS, undoTriggersSql, UNDO_TRACKED_TABLES } from '../../../../db/undo';
import { emptyProject } from '../../helpers';

/**
 * sha256 of each step's SQL as frozen when this rule was introduced (the text the steps ran before; a
 * new project's sqlite_master was compared before and after and is identical). A step that lands adds
 * its sum here; a changed sum means a landed step was edited: restore it and write a new step instead.
 */
const LANDED: Record<number, string> = {
  1: '6aa8037d8d0a4cb6bf6dbd028cfaf57a36519248d3c44180f6eb8ac0c61589ab',
  2: '5107accc7e81f8f137e365a3d29b97bfe542d7586dcdaf96b263080f7acf79ad',
  3: '82a97dcb04b806358f7c031b0bcccbc4832da3c845abef79a386657767e2445e',
  4: '8b62f1aa29bc3c94d0856ffc2ef801fc60eff87577fa8608fe42bd6ea4441792',
  5: '79507edeffb61614cf65c20290b343f159591d40b83e74a3e403b67e770b106f',
  6: '85138c898d4c3006576a98a4e4fdcbd9572e29d5b07746bf16d9cc5b6399d889',
  7: '5df356e551cd61c575069a5181865017dba620eab604de531370eb801edd87e5',
  8: '28e066ad27696d6192d54a8580b2894eb1d2227786bc7a7adf259422d07a3c38',
  9: '5f5a7886429c73cd547cb409deca0a15b307c12a55c31a924e6acad4fac5f5b9',
  10: 'b53b763eb3e9126c52c24218a5fed3bf1bad601cb5480fd6dcac486d38b2e3b5',
  11: '7f13e6df4484cb89e55b5c59f013fa1e1afc369c4c96a7b98dcbe19fb324c463',
  12: '7439f02ea9463731733d50fc9a91988403dd55bd75f5b5ba93bf14fcafb76e44',
  13: 'c0661fe7a99e2819173df7e382cd5ab5ae4f4699400b2cda333df923dd30353a',
};

/** A database at the latest schema, in memory. */
function latest(): Db {
  const db = new Database(':memory:');
  for (const step of migrations) db.exec(step.sql);
  return db;
}

const objectsCreatedBy = (sql: string) =>
  [...sql.matchAll(/CREATE (?:UNIQUE )?(TABLE|INDEX|TRIGGER) (\w+)/g)].map(([, type, name]) => ({ type: type!, name: name! }));

/** `table.column` for each column of a tracked table that its undo triggers would not restore. */
function columnsUndoMisses(db: Db): string[] {
  const triggerSql = (table: string, event: string) =>
    (
      db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")
        .get(event === 'text' ? 'document_text_edit' : `undo_${table}_${event}`) as { sql: string } | undefined
    )?.sql ?? '';
  return UNDO_TRACKED_TABLES.flatMap((table) => {
    const [inserted, updated, deleted] = ['insert', 'update', 'delete'].map((event) => triggerSql(table, event));
    const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(table) as { name: string; pk: number }[];
    // A delta column is restored by the reverse edits document_text_edit logs, not by the update trigger.
    const delta = DELTA_COLUMNS[table] ?? [];
    const textEdit = delta.length > 0 ? triggerSql(table, 'text') : '';
    return columns
      .filter(
        ({ name, pk }) =>
          (delta.includes(name) ? !/UPDATE documents\s+SET plain_text/.test(textEdit) : !updated!.includes(`quote(OLD."${name}")`)) ||
          !deleted!.includes(`quote(OLD."${name}")`) ||
          (pk > 0 && !inserted!.includes(`quote(NEW."${name}")`)),
      )
      .map(({ name }) => `${table}.${name}`);
  });
}

describe('schema steps', () => {
  it('are numbered 1, 2, 3, … and none that landed has changed', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(Object.fromEntries(migrations.map((m) => [m.version, sha256(m.sql)]))).toEqual(LANDED);
  });

  it.each([
    ['db/code-counts.ts', CODE_COUNTS_SCHEMA],
    ['db/cooccurrence.ts', COOCCURRENCE_SCHEMA],
  ])('left exactly the tables, indexes and triggers %s defines today', (_, definition) => {
    const db = latest();
    const objects = objectsCreatedBy(definition);
    expect(objects.length).toBeGreaterThan(5);
    const stored = () =>
      objects.map(({ name }) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name = ?').get(name));
    const byTheSteps = stored();
    expect(byTheSteps.every(Boolean)).toBe(true);
    for (const type of ['TRIGGER', 'INDEX', 'TABLE']) {
      for (const o of objects.filter((o) => o.type === type)) db.exec(`DROP ${type} ${o.name}`);
    }
    db.exec(definition);
    expect(stored()).toEqual(byTheSteps);
  });

  it('left exactly the undo triggers db/undo.ts generates from the columns today', () => {
    const db = latest();
    const triggers = () =>
      db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'undo_*' ORDER BY name").all();
    const byTheSteps = triggers();
    expect(byTheSteps).toHaveLength(UNDO_TRACKED_TABLES.length * 3);
    for (const table of UNDO_TRACKED_TABLES) db.exec(undoTriggersSql(db, table));
    expect(triggers()).toEqual(byTheSteps);
  });
});

describe('the undo triggers of a new project', () => {
  it('restore every current column of every tracked table', () => {
    expect(columnsUndoMisses(emptyProject().db)).toEqual([]);
  });

  it('are caught missing a column added without new triggers', () => {
    const db = latest();
    db.exec("ALTER TABLE segments ADD COLUMN colour TEXT NOT NULL DEFAULT ''; DROP TRIGGER undo_memos_update;");
    expect(columnsUndoMisses(db).filter((c) => !c.startsWith('memos.'))).toEqual(['segments.colour']);
    // Without its update trigger, no column of memos is restored.
    const memoColumns = (db.prepare("SELECT name FROM pragma_table_info('memos')").all() as { name: string }[]).map(
      (c) => `memos.${c.name}`,
    );
    expect(columnsUndoMisses(db).filter((c) => c.startsWith('memos.'))).toEqual(memoColumns);
  });
});
