import * as initial from './001-initial';

/** Ordered schema steps; a project's PRAGMA user_version is the number of steps applied. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial.sql }];

export const LATEST_SCHEMA_VERSION = migrations.length;
