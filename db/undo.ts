// Undo/redo that survives a restart, after SQLite's "automatic undo/redo with triggers" recipe: triggers
// on the tracked tables write, for every row an undoable step changes, the SQL that reverses it. Undoing
// a step replays its log backwards while the same triggers record the reverse of that: the redo log.
import { DataError } from './errors';
import { nowIso } from './ids';
import type { Db } from './project-file';
import { stmt } from './statements';

/** Tables whose rows undo restores: coding and codebook work, documents renamed, reordered, grouped or deleted, cases, linked recordings. */
export const UNDO_TRACKED_TABLES = [
  'codes',
  'code_sets',
  'code_set_members',
  'frameworks',
  'framework_values',
  'framework_cells',
  'segments',
  'segment_codes',
  'memos',
  'reconciliations',
  'documents',
  'paragraphs',
  'case_documents',
  'document_attribute_values',
  'saved_searches',
  'document_groups',
  'document_group_members',
  'cases',
  'attributes',
  'case_attribute_values',
  'document_media',
] as const;

/**
 * Columns whose undo is not a copy of the old value: a document's text changes only through
 * document_text_edits (schema step 9), whose trigger logs the reverse edit as a delta, so renaming a
 * document or fixing a word never stores the whole transcript again.
 */
export const DELTA_COLUMNS: Readonly<Partial<Record<string, readonly string[]>>> = { documents: ['plain_text', 'char_count'] };

/**
 * Updates the undo triggers leave to a statement that logs itself: a text edit's rigid moves of many rows
 * (segments and paragraphs shifted, paragraphs renumbered) go through views whose triggers log one reverse
 * statement for the whole move, with a marker row naming the move while it runs (schema step 13).
 */
export const SELF_LOGGED_UPDATES: Readonly<Partial<Record<string, string>>> = {
  segments:
    'EXISTS (SELECT 1 FROM segment_shifts t WHERE t.document_id = NEW.document_id AND OLD.start >= t.from_offset ' +
    'AND OLD.start < t.until_offset AND NEW.start = OLD.start + t.delta AND NEW.end = OLD.end + t.delta)',
  paragraphs:
    'EXISTS (SELECT 1 FROM paragraph_shifts t WHERE t.document_id = NEW.document_id AND NEW.speaker IS OLD.speaker ' +
    'AND NEW.time_ms IS OLD.time_ms AND NEW.search_key = OLD.search_key AND NEW.start = OLD.start + t.delta ' +
    'AND NEW.end = OLD.end + t.delta AND NEW.body_start = OLD.body_start + t.delta ' +
    'AND (t.delta = 0 OR (NEW.n = OLD.n AND OLD.n BETWEEN t.from_n AND t.to_n)))',
};

const HISTORY_LIMIT = 500;

interface Column {
  name: string;
  pk: number;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQL that (re)creates the recording triggers of one table from its current columns. A schema step that
 * adds a tracked table or changes one's columns freezes this text into its own file; the schema tests hold
 * a project's triggers to it.
 */
export function undoTriggersSql(db: Db, table: string): string {
  const columns = db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as Column[];
  const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const where = (row: 'NEW' | 'OLD') =>
    keys.map((k) => `'${quoteIdent(k.name)} = ' || quote(${row}.${quoteIdent(k.name)})`).join(" || ' AND ' || ");
  const names = columns.map((c) => quoteIdent(c.name)).join(', ');
  const values = columns.map((c) => `quote(OLD.${quoteIdent(c.name)})`).join(" || ', ' || ");
  const delta = DELTA_COLUMNS[table] ?? [];
  const copied = columns.filter((c) => !delta.includes(c.name));
  const sets = copied.map((c) => `'${quoteIdent(c.name)} = ' || quote(OLD.${quoteIdent(c.name)})`).join(" || ', ' || ");
  // With delta columns, an update logs only when another column changes.
  const updateOf = delta.length > 0 ? ` OF ${copied.map((c) => quoteIdent(c.name)).join(', ')}` : '';
  const selfLogged = SELF_LOGGED_UPDATES[table];
  const log = (event: string, sql: string) => `
DROP TRIGGER IF EXISTS undo_${table}_${event};
CREATE TRIGGER undo_${table}_${event} AFTER ${event.toUpperCase()}${event === 'update' ? updateOf : ''} ON ${quoteIdent(table)}
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL${event === 'update' && selfLogged ? ` AND NOT ${selfLogged}` : ''}
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), ${sql}); END;`;
  return [
    log('insert', `'DELETE FROM ${quoteIdent(table)} WHERE ' || ${where('NEW')}`),
    log('update', `'UPDATE ${quoteIdent(table)} SET ' || ${sets} || ' WHERE ' || ${where('NEW')}`),
    log('delete', `'INSERT INTO ${quoteIdent(table)} (${names}) VALUES (' || ${values} || ')'`),
  ].join('\n');
}

const recording = (db: Db, stepId: number | null) => stmt(db, 'UPDATE undo_recording SET step_id = ?').run(stepId);

/**
 * Runs `change` as one undoable step labelled for the Undo menu. Must be called inside the mutation's
 * transaction. A new step discards whatever could have been redone.
 */
export function recordStep<T>(db: Db, label: string, coderId: number | null, change: () => T): T {
  // Only this coder's redo stack: another coder's undone work stays theirs to redo.
  stmt(db, "DELETE FROM undo_steps WHERE state = 'undone' AND coder_id IS ?").run(coderId);
  const stepId = Number(
    stmt(db, "INSERT INTO undo_steps (label, coder_id, created_at, state) VALUES (?, ?, ?, 'done')").run(label, coderId, nowIso())
      .lastInsertRowid,
  );
  recording(db, stepId);
  try {
    return change();
  } finally {
    recording(db, null);
    stmt(db, 'DELETE FROM undo_steps WHERE id <= ? - ?').run(stepId, HISTORY_LIMIT);
    // A step that changed nothing is no step.
    if (!stmt(db, 'SELECT 1 FROM undo_log WHERE step_id = ?').get(stepId)) stmt(db, 'DELETE FROM undo_steps WHERE id = ?').run(stepId);
  }
}

export interface HistoryState {
  undo: { id: number; label: string } | null;
  redo: { id: number; label: string } | null;
}

/**
 * What Undo and Redo would do next for one coder: each coder undoes only their own steps, never another
 * coder's (two people, or two programs, can share a project). Steps made with no coder chosen form their own history.
 */
export function historyState(db: Db, coderId: number | null): HistoryState {
  const pick = (state: 'done' | 'undone', order: 'DESC' | 'ASC') =>
    (stmt(db, `SELECT id, label FROM undo_steps WHERE state = ? AND coder_id IS ? ORDER BY id ${order} LIMIT 1`).get(state, coderId) as
      { id: number; label: string } | undefined) ?? null;
  return { undo: pick('done', 'DESC'), redo: pick('undone', 'ASC') };
}

/** Replays a step's log backwards, recording the reverse as its new log, and flips its state. */
/** The table a logged statement writes (`UPDATE "codes" …`, `INSERT INTO document_text_edits …`). */
const tableOf = (statement: string) => /^(?:UPDATE|INSERT INTO|DELETE FROM) "?(\w+)"?/.exec(statement)?.[1] ?? '';

function replay(db: Db, step: { id: number; label: string }, to: 'done' | 'undone'): Step {
  const statements = stmt(db, 'SELECT statement FROM undo_log WHERE step_id = ? ORDER BY seq DESC').all(step.id) as { statement: string }[];
  stmt(db, 'DELETE FROM undo_log WHERE step_id = ?').run(step.id);
  // Rows come back parent-last or child-first depending on direction; check keys once at commit.
  db.pragma('defer_foreign_keys = ON');
  recording(db, step.id);
  const refuse = (why: string) => new DataError('conflict', `"${step.label}" cannot be ${to === 'undone' ? 'undone' : 'redone'}: ${why}.`);
  try {
    for (const { statement } of statements) db.exec(statement);
    // Deferred keys would only fail at COMMIT; check now to refuse with a clear message instead.
    for (const table of UNDO_TRACKED_TABLES) {
      const broken = db.pragma(`foreign_key_check(${table})`) as { parent: string }[];
      if (broken.length > 0) throw refuse(`it refers to ${broken[0]!.parent} that no longer exist`);
    }
  } catch (error) {
    throw error instanceof DataError ? error : refuse((error as Error).message);
  } finally {
    recording(db, null);
  }
  stmt(db, 'UPDATE undo_steps SET state = ? WHERE id = ?').run(to, step.id);
  return { step: step.id, label: step.label, tables: [...new Set(statements.map((s) => tableOf(s.statement)))].sort() };
}

export interface Step {
  step: number;
  label: string;
  /** The tables the step wrote (so a caller can tell which views changed). */
  tables: string[];
}

/** Undoes the coder's latest step; returns it, or null when there is nothing to undo. Call inside a transaction. */
export function undoLast(db: Db, coderId: number | null): Step | null {
  const { undo } = historyState(db, coderId);
  return undo ? replay(db, undo, 'undone') : null;
}

/** Redoes the coder's earliest undone step; returns it, or null. Call inside a transaction. */
export function redoNext(db: Db, coderId: number | null): Step | null {
  const { redo } = historyState(db, coderId);
  return redo ? replay(db, redo, 'done') : null;
}
