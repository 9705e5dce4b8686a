import type { Db } from '../project-file';
import * as initial from './001-initial';
import * as undoHistory from './002-undo-history';

/** One schema step; a project's PRAGMA user_version is the number of steps applied. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

const fromSql = (sql: string) => (db: Db) => db.exec(sql);

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: fromSql(initial.sql) },
  { version: 2, name: 'undo history', up: undoHistory.up },
];

export const LATEST_SCHEMA_VERSION = migrations.length;
