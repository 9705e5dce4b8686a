// A coder copy: the same project (documents, cases, codebook, frameworks, coders, all with their GUIDs)
// in a new file, keeping only the chosen coders' codings, the way a lead researcher hands the interviews
// to a second coder. Merging it back later matches everything by GUID.
import Database from 'better-sqlite3';
import { bulkWrite } from './bulk';
import { newGuid } from './ids';
import { copyProjectFile, type Db } from './project-file';
import { clearUndoHistory } from './queries/merge';

export interface CoderCopy {
  /** Segments kept (those of the kept coders). */
  segments: number;
}

/**
 * Writes the copy to `file` (which must not exist): codings, segment memos and memos of the other coders
 * are left out, and so is the undo history; the copy gets its own project GUID and remembers the original's.
 */
export function writeCoderCopy(db: Db, file: string, keepCoderIds: number[], projectName: string): CoderCopy {
  const original = (db.prepare("SELECT value FROM meta WHERE key = 'project_guid'").get() as { value: string } | undefined)?.value ?? '';
  copyProjectFile(db, file);
  const copy = new Database(file, { fileMustExist: true });
  try {
    // One self-contained file to hand over: no WAL beside it.
    copy.pragma('journal_mode = DELETE');
    copy.pragma('foreign_keys = ON');
    const kept = JSON.stringify(keepCoderIds);
    const segments = copy.transaction(() =>
      bulkWrite(copy, () => {
        copy.prepare('DELETE FROM segments WHERE coder_id NOT IN (SELECT value FROM json_each(?))').run(kept);
        copy.prepare('DELETE FROM memos WHERE coder_id NOT IN (SELECT value FROM json_each(?))').run(kept);
        clearUndoHistory(copy);
        const setMeta = copy.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
        setMeta.run('project_guid', newGuid());
        setMeta.run('project_name', projectName);
        setMeta.run('copied_from', original);
        copy.prepare("DELETE FROM meta WHERE key = 'current_coder_id'").run();
        return (copy.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n;
      }),
    )();
    copy.exec('VACUUM');
    return { segments };
  } finally {
    copy.close();
  }
}
