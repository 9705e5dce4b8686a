import type { Db } from '../project-file';
import * as initial from './001-initial';
import * as undoHistory from './002-undo-history';
import * as codebookDetails from './003-codebook-details';
import * as cooccurrence from './004-cooccurrence';

/** One schema step; a project's PRAGMA user_version is the number of the last step applied. Steps are numbered 1, 2, 3, … */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

const fromSql = (sql: string) => (db: Db) => db.exec(sql);

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: fromSql(initial.sql) },
  { version: 2, name: 'undo history', up: undoHistory.up },
  { version: 3, name: 'codebook details and kept code counts', up: codebookDetails.up },
  { version: 4, name: 'co-occurrence counts', up: cooccurrence.up },
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;
