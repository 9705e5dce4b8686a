import type { Db } from '../project-file';
import { stmt } from '../statements';
import { schemaVersion } from './meta';

export interface ProjectCounts {
  schemaVersion: number;
  documents: number;
  cases: number;
  codes: number;
  coders: number;
  segments: number;
  frameworks: string[];
}

/** The figures `trellis info` prints; the UI shows the same ones. */
export function projectCounts(db: Db): ProjectCounts {
  const count = (table: string) => (stmt(db, `SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    schemaVersion: schemaVersion(db),
    documents: count('documents'),
    cases: count('cases'),
    codes: count('codes'),
    coders: count('coders'),
    segments: count('segments'),
    frameworks: (stmt(db, 'SELECT name FROM frameworks ORDER BY sort, name').all() as { name: string }[]).map((r) => r.name),
  };
}
