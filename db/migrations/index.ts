import type { Db } from '../project-file';
import * as initial from './001-initial';
import * as undoHistory from './002-undo-history';
import * as cooccurrence from './005-cooccurrence';

/** One schema step; a project's PRAGMA user_version is the version of the last step applied. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

const fromSql = (sql: string) => (db: Db) => db.exec(sql);

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: fromSql(initial.sql) },
  { version: 2, name: 'undo history', up: undoHistory.up },
  { version: 5, name: 'co-occurrence counts', up: cooccurrence.up },
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;
