import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import { isHexColor, nextColor } from '../../shared/palette';
import type { Db } from '../project-file';
import { stmt } from '../statements';
import { getMeta } from './meta';

export interface Coder {
  id: number;
  guid: string;
  name: string;
  color: string;
  segments: number;
}

const CODER_SQL = `SELECT c.id, c.guid, c.name, c.color, (SELECT count(*) FROM segments s WHERE s.coder_id = c.id) AS segments
  FROM coders c`;

/** Coders without their counts (which cost a scan of every segment). */
export const coderCatalog = (db: Db): { id: number; name: string; color: string }[] =>
  stmt(db, 'SELECT id, name, color FROM coders ORDER BY name COLLATE NOCASE').all() as { id: number; name: string; color: string }[];

export function listCoders(db: Db): Coder[] {
  return stmt(db, `${CODER_SQL} ORDER BY c.name COLLATE NOCASE`).all() as Coder[];
}

/** One coder: counts only its own segments (listing every coder's count scans all segments). */
/** The coder's id if that coder exists, else null. */
export const getCoderIfAny = (db: Db, id: number): number | null =>
  (stmt(db, 'SELECT id FROM coders WHERE id = ?').get(id) as { id: number } | undefined)?.id ?? null;

export function getCoder(db: Db, id: number): Coder {
  const coder = stmt(db, `${CODER_SQL} WHERE c.id = ?`).get(id) as Coder | undefined;
  if (!coder) throw new DataError('not-found', `There is no coder with id ${id}.`);
  return coder;
}

/** Names match case-insensitively in JavaScript (SQLite's NOCASE folds ASCII only). */
export function findCoder(db: Db, name: string): Coder | undefined {
  const wanted = name.trim().toLowerCase();
  const match = (stmt(db, 'SELECT id, name FROM coders').all() as { id: number; name: string }[]).find(
    (c) => c.name.toLowerCase() === wanted,
  );
  return match && getCoder(db, match.id);
}

/** Returns the coder of that name, creating it (with the next palette colour) on first use. */
export function ensureCoder(db: Db, name: string, color?: string): Coder {
  const trimmed = name.trim();
  if (!trimmed) throw new DataError('invalid', 'A coder needs a name.');
  const existing = findCoder(db, trimmed);
  if (existing) return existing;
  const used = (stmt(db, 'SELECT color FROM coders').all() as { color: string }[]).map((c) => c.color);
  const chosen = color ?? nextColor(used);
  if (!isHexColor(chosen)) throw new DataError('invalid', `"${chosen}" is not a colour like #4E79A7.`);
  stmt(db, 'INSERT INTO coders (guid, name, color, created_at) VALUES (?, ?, ?, ?)').run(newGuid(), trimmed, chosen, nowIso());
  return findCoder(db, trimmed)!;
}

/** The coder this project was last worked on by, if that coder still exists. */
export function currentCoderId(db: Db): number | null {
  const stored = Number(getMeta(db, 'current_coder_id'));
  return stmt(db, 'SELECT 1 FROM coders WHERE id = ?').get(stored) ? stored : null;
}
