// The wire contract shared by every host and the renderer. No Node, Electron or DOM imports here.

export type ErrorCode =
  | 'unknown-method'
  | 'invalid-args'
  | 'no-project'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'missing'
  | 'exists'
  | 'not-a-project'
  | 'corrupt'
  | 'newer-version'
  | 'io'
  | 'busy'
  | 'forbidden'
  | 'cancelled'
  | 'internal';

export interface ApiFailure {
  code: ErrorCode;
  message: string;
}

/** Every call answers with an envelope, so typed errors survive IPC and HTTP alike. */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ApiFailure };

/** Pushed to subscribers after a committed change. */
export const API_EVENTS = [
  'project-changed',
  'coders-changed',
  'documents-changed',
  'codebook-changed',
  'segments-changed',
  'history-changed',
  'memos-changed',
] as const;
export type ApiEvent = (typeof API_EVENTS)[number];

export const isApiEvent = (value: unknown): value is ApiEvent => (API_EVENTS as readonly unknown[]).includes(value);

/** Electron IPC channels: calls go to the main process, events come back. */
export const IPC_API_CHANNEL = 'trellis:api';
export const IPC_EVENT_CHANNEL = 'trellis:event';

/** The largest file Trellis imports (a transcript or a case sheet): 50 MiB. Larger files are refused with a message. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The largest project file Trellis merges from bytes (a coder's copy): 256 MiB, kept under V8's string limit once in base64. */
export const MAX_PROJECT_BYTES = 256 * 1024 * 1024;

/** A project file's media type, for saving a coder copy. */
export const PROJECT_MIME_TYPE = 'application/vnd.trellis.project+sqlite3';
