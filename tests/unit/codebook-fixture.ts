// A small coded project reached through the API, for the codebook, framework and exchange tests.
import { expect } from 'vitest';
import { rebuildCodeCounts } from '../../db/code-counts';
import type { Db } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { findCodeByPath } from '../../db/queries/codes';
import { insertDocument } from '../../db/queries/documents';
import { insertSegment, listSegments } from '../../db/queries/segments';
import { UNDO_TRACKED_TABLES } from '../../db/undo';
import { dispatch } from '../../electron/api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../../electron/api/methods';
import type { ApiFailure } from '../../shared/protocol';
import type { Session } from '../../electron/api/session';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { newSession, ok } from './helpers';

export const TEXT_1 = 'Interviewer: How did the duty work?\nDCS: Café meetings 😀 first, then naïve pooled budgets – and the board.';
export const TEXT_2 = 'Interviewer: And schools?\nDCS: Schools joined the partnership late; inspection pushed them.';

export interface Fixture {
  session: Session;
  db: Db;
  docs: [number, number];
  coders: { a: number; b: number };
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  fail<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ApiFailure>;
  code(path: string): number;
  segment(documentId: number, coderId: number, start: number, end: number, codes: number[]): number;
}

/** A project created as the app creates one (with the MGF), two interviews and two coders. */
export async function fixture(): Promise<Fixture> {
  const session = newSession();
  await ok(dispatch(session, 'project.create', { file: 'Study' }));
  const db = session.db;
  const add = (name: string, text: string) =>
    insertDocument(db, { name, ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' });
  return {
    session,
    db,
    docs: [add('Interview 1', TEXT_1), add('Interview 2', TEXT_2)],
    coders: { a: ensureCoder(db, 'A').id, b: ensureCoder(db, 'B').id },
    call: (method, args) => ok(dispatch(session, method, args)),
    async fail(method, args) {
      const envelope = await dispatch(session, method, args);
      if (envelope.ok) throw new Error(`${method} should have failed`);
      return envelope.error;
    },
    code: (path) => findCodeByPath(db, path) ?? expect.fail(`no code ${path}`),
    segment: (documentId, coderId, start, end, codeIds) => insertSegment(db, { documentId, coderId, start, end, codeIds }),
  };
}

/** Everything undo restores, and the kept counts. */
export const snapshot = (db: Db): string =>
  JSON.stringify(
    [...UNDO_TRACKED_TABLES, 'code_lineage', 'code_tallies', 'code_totals'].map((t) =>
      db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ),
  );

/** The kept counts agree with counting everything again from scratch. */
export function expectCountsKept(db: Db): void {
  const kept = snapshot(db);
  db.transaction(() => rebuildCodeCounts(db))();
  expect(snapshot(db)).toBe(kept);
}

/** Segment texts by id: they must never change when codes are reorganised. */
export const segmentTexts = (db: Db): Record<number, string> => Object.fromEntries(listSegments(db).map((s) => [s.id, s.text]));
