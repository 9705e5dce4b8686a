import { basename } from 'node:path';
import type { Db } from '../../db/project-file';
import { openProjectFile } from '../../db/project-file';
import { getMeta } from '../../db/queries/meta';
import type { AppDirs } from '../services/app-dirs';
import { Jobs } from '../services/jobs/registry';
import { rememberRecent } from '../services/recent-projects';
import { ApiError } from './errors';
import { ChosenPaths } from './file-access';
import type { ApiEvent } from '../../shared/protocol';

export type Listener = (event: ApiEvent) => void;

/** The project one host (a window, the browser host, a CLI run) is working on, and its event subscribers. */
/** What a change by another program may have touched: everything a view shows. */
const OTHERS_CHANGE = ['documents-changed', 'coders-changed', 'codebook-changed', 'segments-changed', 'history-changed'] as const;

export class Session {
  private current: { file: string; db: Db } | null = null;
  private checkpointTimer: NodeJS.Timeout | undefined;
  private othersTimer: NodeJS.Timeout | undefined;
  private seen: { db: Db; version: number } | undefined;
  private readonly listeners = new Set<Listener>();
  /** Paths the person chose: only the host's own dialogs and arguments add to it, never an API call. */
  readonly chosen = new ChosenPaths();
  /**
   * A file dialog the host shows in its own process (the desktop's open dialog), adding the file picked to
   * `chosen`; null when cancelled. Hosts without one (the browser, the CLI) leave it unset.
   */
  askForFile?: (request: { title: string; filter: { name: string; extensions: string[] } }) => Promise<string | null>;
  /** Long work running in worker threads, with its progress (jobs.progress, jobs.cancel). */
  readonly jobs = new Jobs();

  constructor(
    readonly dirs: AppDirs,
    /** The command line opens files without adding them to the app's recent list. */
    private readonly options: { rememberRecent: boolean } = { rememberRecent: true },
  ) {}

  get isOpen(): boolean {
    return this.current !== null;
  }

  get file(): string {
    return this.require().file;
  }

  /** The open project's file, or undefined when none is open (for messages that name it). */
  get openFile(): string | undefined {
    return this.current?.file;
  }

  get db(): Db {
    return this.require().db;
  }

  private require(): { file: string; db: Db } {
    if (!this.current) throw new ApiError('no-project', 'No project is open.');
    return this.current;
  }

  /** Opens a project; one this process cannot write opens read-only (`readOnly` forces that, for tests). */
  open(file: string, readOnly?: boolean): void {
    this.attach(file, openProjectFile(file, file, readOnly));
  }

  /** Makes an already opened connection the current project, closing the previous one. */
  attach(file: string, db: Db): void {
    this.close();
    this.current = { file, db };
    if (this.options.rememberRecent) {
      rememberRecent(this.dirs.config, { file, name: getMeta(db, 'project_name') ?? basename(file) });
    }
  }

  close(): void {
    clearTimeout(this.checkpointTimer);
    this.current?.db.close();
    this.current = null;
  }

  /** After a committed change: fold the WAL back into the file once writing pauses for a moment. */
  afterChange(): void {
    clearTimeout(this.checkpointTimer);
    const db = this.current?.db;
    if (!db) return;
    this.checkpointTimer = setTimeout(() => {
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    }, 1500);
    this.checkpointTimer.unref();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.othersTimer ??= setInterval(() => this.noticeOthers(), 500);
    this.othersTimer.unref();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.othersTimer);
        this.othersTimer = undefined;
      }
    };
  }

  /**
   * Another program (the CLI, a second window, another host) committed to this project: tell every view.
   * SQLite's data_version changes only for other connections' commits, so our own writes cost nothing here.
   */
  noticeOthers(): void {
    const db = this.current?.db;
    if (!db?.open) return;
    const version = db.pragma('data_version', { simple: true }) as number;
    const changed = this.seen?.db === db && this.seen.version !== version;
    this.seen = { db, version };
    if (changed) for (const event of OTHERS_CHANGE) this.emit(event);
  }

  emit(event: ApiEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
