// Saved searches (schema step 7): a name and the search as search.run takes it, stored as JSON.
import { DataError } from '../errors';
import { nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

export interface SavedSearch {
  id: number;
  name: string;
  /** The stored JSON, parsed; the API layer checks it against the search schema. */
  search: unknown;
  savedAt: string;
}

/** Every saved search, by name. */
export function listSavedSearches(db: Db): SavedSearch[] {
  const rows = stmt(db, 'SELECT id, name, search, saved_at AS savedAt FROM saved_searches ORDER BY name COLLATE NOCASE').all() as (Omit<
    SavedSearch,
    'search'
  > & { search: string })[];
  return rows.map((r) => ({ ...r, search: JSON.parse(r.search) as unknown }));
}

/** Saves a search under a name; a search saved under that name already (any case) is replaced. */
export function saveSearch(db: Db, name: string, search: unknown): number {
  const json = JSON.stringify(search);
  const existing = stmt(db, 'SELECT id FROM saved_searches WHERE name = ?').pluck().get(name) as number | undefined;
  if (existing !== undefined) {
    stmt(db, 'UPDATE saved_searches SET name = ?, search = ?, saved_at = ? WHERE id = ?').run(name, json, nowIso(), existing);
    return existing;
  }
  return Number(stmt(db, 'INSERT INTO saved_searches (name, search, saved_at) VALUES (?, ?, ?)').run(name, json, nowIso()).lastInsertRowid);
}

export function deleteSavedSearch(db: Db, id: number): void {
  if (stmt(db, 'DELETE FROM saved_searches WHERE id = ?').run(id).changes === 0) {
    throw new DataError('not-found', `There is no saved search with id ${id}.`);
  }
}
