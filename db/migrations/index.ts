import { sql as initial } from './001-initial';
import { sql as undoHistory } from './002-undo-history';
import { sql as codebookDetails } from './003-codebook-details';
import { sql as cooccurrence } from './004-cooccurrence';
import { sql as searchIndex } from './005-search-index';
import { sql as reconciliation } from './006-reconciliation';
import { sql as documentUndo } from './007-document-undo';
import { sql as savedSearches } from './008-saved-searches';
import { sql as textEdits } from './009-text-edits';
import { sql as documentGroups } from './010-document-groups';
import { sql as documentMedia } from './011-document-media';
import { sql as searchKeys } from './012-search-keys';
import { sql as selfLoggedMoves } from './013-self-logged-moves';

/**
 * One schema step; a project's PRAGMA user_version is the number of the last step applied. Steps are
 * numbered 1, 2, 3, …
 *
 * A step that has landed never changes: an old project upgraded next year must get exactly what it got
 * the day the step shipped. So each step's SQL is written out literally in its own file, calling nothing
 * from the current code (db/undo.ts, db/code-counts.ts, db/cooccurrence.ts describe today's schema, and
 * the schema tests hold a new project to them); a later step that changes a table, a trigger or the
 * undo triggers' columns writes out its own SQL in turn. Each step has an upgrade test in
 * tests/unit/db/migrations, and the checksum test there fails if a landed step's text is edited.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'undo history', sql: undoHistory },
  { version: 3, name: 'codebook details and kept code counts', sql: codebookDetails },
  { version: 4, name: 'co-occurrence counts', sql: cooccurrence },
  { version: 5, name: 'search index', sql: searchIndex },
  { version: 6, name: 'reconciliation log', sql: reconciliation },
  { version: 7, name: 'documents in the undo history', sql: documentUndo },
  { version: 8, name: 'saved searches', sql: savedSearches },
  { version: 9, name: 'text edits as deltas', sql: textEdits },
  { version: 10, name: 'document groups, cases in the undo history', sql: documentGroups },
  { version: 11, name: 'linked recordings', sql: documentMedia },
  { version: 12, name: 'search keys kept when turns are renumbered', sql: searchKeys },
  { version: 13, name: 'text edits’ moves undone as one statement each', sql: selfLoggedMoves },
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)!.version;
