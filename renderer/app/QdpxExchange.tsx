// "REFI-QDA…": the whole project out as a .qdpx (saved the way every export is) and a .qdpx in, into the open
// project or a new one, with the report of what came over and what did not (README, "REFI-QDA projects").
// It lives above the workspace (App) because importing into a new project switches projects under it.
import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import { download, fromBase64 } from '../common/download';
import { itemsFromFiles } from '../documents/import/files';

type ExportReport = ResultOf<'qdpx.export'>['report'];
type ImportReport = ResultOf<'qdpx.import'>;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function ItemList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="qdpx-items" aria-label={title}>
      <h4>
        {title} ({items.length})
      </h4>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function ExportReportView({ fileName, report }: { fileName: string; report: ExportReport }) {
  return (
    <div className="qdpx-report">
      <p role="status">
        Saved “{fileName}”: {plural(report.sources, 'source')}, {plural(report.codes, 'code')}, {plural(report.users, 'user')},{' '}
        {plural(report.cases, 'case')}, {plural(report.variables, 'variable')}, {plural(report.selections, 'selection')} with{' '}
        {plural(report.codings, 'coding')}, {plural(report.notes, 'note')}.
      </p>
      <ItemList title="Not carried over" items={report.notCarried} />
    </div>
  );
}

/** Every item of an import not carried over (with its reason), and what was corrected on the way. */
export function importLeftOut(report: ImportReport): string[] {
  return [
    ...report.skippedSources.map(
      (s) =>
        `${s.kind} source “${s.name}”${s.selections ? ` and its ${plural(s.selections, 'selection')}` : ''}: Trellis imports text sources only`,
    ),
    ...report.rejected,
  ];
}

function ImportReportView({ report, into }: { report: ImportReport; into: string }) {
  return (
    <div className="qdpx-report">
      <p role="status">
        Imported “{report.file}” into {into}: {plural(report.sources, 'source')}, {plural(report.codes, 'code')},{' '}
        {plural(report.users, 'user')}, {plural(report.cases, 'case')}, {plural(report.selections, 'selection')} with{' '}
        {plural(report.codings, 'coding')}.
      </p>
      <ItemList title="Not carried over" items={importLeftOut(report)} />
      <ItemList title="Corrected" items={report.corrected} />
      <ItemList title="Notes" items={report.notes} />
    </div>
  );
}

type Outcome =
  | { kind: 'exported'; fileName: string; report: ExportReport }
  | { kind: 'imported'; report: ImportReport; into: string }
  | { kind: 'error'; message: string };

/** The REFI-QDA dialog; with no project open it only imports, into a new project. */
export function QdpxExchange({ projectName, onClose }: { projectName: string | null; onClose: () => void }) {
  const [target, setTarget] = useState<'open' | 'new'>(projectName ? 'open' : 'new');
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async (what: 'export' | 'import', work: () => Promise<Outcome>) => {
    setBusy(what);
    setOutcome(undefined);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ kind: 'error', message: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const exportNow = () =>
    run('export', async () => {
      const file = await call('qdpx.export', {});
      download(fromBase64(file.base64, file.mimeType), file.fileName);
      return { kind: 'exported', fileName: file.fileName, report: file.report };
    });

  const importFile = (files: FileList | null) => {
    const [item] = itemsFromFiles(files ?? []);
    if (!item) return;
    void run('import', async () => {
      if (item.problem) throw new Error(item.problem);
      const source = await item.read();
      if (!('data' in source)) throw new Error(`“${item.name}” could not be read.`);
      let into = `“${projectName}”`;
      if (target === 'new') {
        const name = newName.trim() || item.name.replace(/\.qdpx$/i, '');
        // The API imports into the open project: a new project is created (and opened) first.
        const created = await call('project.create', { file: name, name });
        into = `the new project “${created.name}”`;
        try {
          return { kind: 'imported', into, report: await call('qdpx.import', { source }) };
        } catch (error) {
          throw new Error(`${(error as Error).message} The new project “${created.name}” was created and is empty.`, { cause: error });
        }
      }
      return { kind: 'imported', into, report: await call('qdpx.import', { source }) };
    });
  };

  return (
    <Dialog
      title="REFI-QDA project exchange"
      wide
      busy={busy !== null}
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={onClose} disabled={busy !== null}>
          Close
        </button>
      }
    >
      <p className="hint">
        REFI-QDA (.qdpx) is the exchange format NVivo, ATLAS.ti, MAXQDA and QualCoder read and write: documents, codebook, coders, cases and
        variables, coded passages and memos.
      </p>
      {projectName && (
        <section className="qdpx-section" aria-labelledby="qdpx-export-title">
          <h3 id="qdpx-export-title">Export</h3>
          <p>The whole of “{projectName}” as one .qdpx file. Framework rows and columns travel as ordinary codes.</p>
          <button type="button" onClick={() => void exportNow()} disabled={busy !== null}>
            {busy === 'export' ? 'Exporting…' : 'Export as .qdpx'}
          </button>
        </section>
      )}
      <section className="qdpx-section" aria-labelledby="qdpx-import-title">
        <h3 id="qdpx-import-title">Import</h3>
        <fieldset className="qdpx-target" disabled={busy !== null}>
          <legend>Import into</legend>
          {projectName && (
            <label>
              <input type="radio" name="qdpx-target" checked={target === 'open'} onChange={() => setTarget('open')} />
              this project (“{projectName}”): codes are matched by GUID, then by name
            </label>
          )}
          <label>
            <input type="radio" name="qdpx-target" checked={target === 'new'} onChange={() => setTarget('new')} />a new project
          </label>
          {target === 'new' && (
            <label className="field qdpx-new-name">
              <span>Name of the new project</span>
              <input value={newName} placeholder="the file’s name" onChange={(e) => setNewName(e.target.value)} />
            </label>
          )}
        </fieldset>
        <label className={`file-button${busy ? ' disabled' : ''}`}>
          {busy === 'import' ? 'Importing…' : 'Choose a .qdpx file to import…'}
          <input
            type="file"
            accept=".qdpx"
            aria-label="REFI-QDA project to import (.qdpx)"
            disabled={busy !== null}
            onChange={(e) => {
              importFile(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      </section>
      {busy && (
        // The place for the progress of a large archive: indeterminate until the qdpx methods report a job
        // whose progress (jobs.progress) can give it a value and a maximum.
        <progress className="qdpx-progress" aria-label={busy === 'export' ? 'Exporting the project' : 'Importing the project'} />
      )}
      {outcome?.kind === 'exported' && <ExportReportView fileName={outcome.fileName} report={outcome.report} />}
      {outcome?.kind === 'imported' && <ImportReportView report={outcome.report} into={outcome.into} />}
      {outcome?.kind === 'error' && (
        <p className="field-error" role="alert">
          {outcome.message}
        </p>
      )}
    </Dialog>
  );
}
