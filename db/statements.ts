import type Database from 'better-sqlite3';

type Db = Database.Database;

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepares each SQL text once per connection; hot paths (storing a segment) run many times. */
export function stmt(db: Db, sql: string): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let prepared = byText.get(sql);
  if (!prepared) byText.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
