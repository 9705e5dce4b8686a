// "Copy for a coder…" and "Merge a coder's file…": how a second coder gets the interviews and how their
// work comes back (README, "Two coders").
import { useState, type RefObject } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import type { MergeReport } from '../../electron/services/merge';
import { MAX_PROJECT_BYTES } from '../../shared/protocol';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { download, fromBase64 } from '../common/download';
import { readBase64 } from '../common/read-file';

type Coder = ResultOf<'coders.list'>['coders'][number];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function CopyDialog({ coders, onClose }: { coders: Coder[]; onClose: () => void }) {
  const [keep, setKeep] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved?: string; error?: string }>();
  const save = async () => {
    setBusy(true);
    try {
      const copy = await call('project.copyForCoder', { keepCoderIds: keep });
      download(fromBase64(copy.base64, copy.mimeType), copy.fileName);
      setOutcome({ saved: `Saved “${copy.fileName}” with ${plural(copy.segments, 'coded passage')}.` });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Copy for a coder"
      busy={busy}
      onClose={onClose}
      footer={
        outcome?.saved ? (
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Close
          </button>
        ) : (
          <DialogActions action="Save copy" busy={busy} onAction={() => void save()} onCancel={onClose} />
        )
      }
    >
      <p>
        A new project file with the same documents, cases, codebook and frameworks, for a second coder to code on their own. Merge it back
        later with “Merge a coder’s file…”.
      </p>
      {coders.length > 0 && (
        <fieldset className="coder-copy-keep">
          <legend>Keep the codings of</legend>
          {coders.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={keep.includes(c.id)}
                onChange={(e) => setKeep(e.target.checked ? [...keep, c.id] : keep.filter((id) => id !== c.id))}
              />
              {c.name} <span className="hint">({plural(c.segments, 'passage')})</span>
            </label>
          ))}
          <p className="hint">Leave all unticked for blind coding: the copy then has no codings.</p>
        </fieldset>
      )}
      {outcome?.saved && <p role="status">{outcome.saved}</p>}
      {outcome?.error && (
        <p className="field-error" role="alert">
          {outcome.error}
        </p>
      )}
    </Dialog>
  );
}

function ReportView({ report }: { report: MergeReport }) {
  const { documents, codes, coders, segments } = report;
  const skipped = [
    ...documents.skipped.map((d) => `Document “${d.name}”: ${d.reason}.`),
    ...codes.skipped.map((c) => `Code ${c.path}: ${c.reason}.`),
    ...segments.skipped.map((s) => `${plural(s.segments, 'passage')}: ${s.reason}.`),
    ...report.attributes.skipped.map((a) => `Attribute ${a.name}: ${a.reason}.`),
  ];
  return (
    <div className="merge-report">
      <p role="status">
        “{report.file}”: {plural(segments.added, 'coded passage')} added
        {segments.alreadyThere > 0 && `, ${segments.alreadyThere} already here`}.
      </p>
      <ul>
        <li>
          Documents: {documents.matched.length} matched, {documents.added.length} added, {documents.skipped.length} skipped
        </li>
        <li>
          Codes: {codes.matched.length} matched, {codes.added.length} added{codes.added.length > 0 && ` (${codes.added.join(', ')})`}
        </li>
        <li>
          Coders: {[...coders.matched.map((c) => c.name), ...coders.added.map((name) => `${name} (new)`)].join(', ') || 'none with codings'}
        </li>
        {[...codes.renamed, ...coders.renamed].map((r) => (
          <li key={`${r.from}→${r.to}`}>
            “{r.from}” is called “{r.to}” here
          </li>
        ))}
      </ul>
      {skipped.length > 0 && (
        <>
          <h3>Not merged</h3>
          <ul>
            {skipped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {report.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <p className="hint">
        {report.preMergeCopy
          ? `The project as it was before the merge is saved as ${report.preMergeCopy}. The undo history starts again after a merge.`
          : 'Nothing was new: the project is unchanged.'}
      </p>
    </div>
  );
}

/** "Merge a coder’s file…": the hidden file input the project menu clicks, and the merge report. */
export function MergePicker({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ report?: MergeReport; error?: string }>();
  const merge = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      if (file.size > MAX_PROJECT_BYTES) throw new Error(`“${file.name}” is larger than ${MAX_PROJECT_BYTES / 1024 / 1024} MB.`);
      setOutcome({ report: await call('project.merge', { name: file.name, bytes: await readBase64(file) }) });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        hidden
        aria-label="Merge a coder’s file…"
        accept=".trellis"
        disabled={busy}
        onChange={(e) => {
          void merge(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {busy && (
        <span role="status" className="hint">
          Merging…
        </span>
      )}
      {outcome && (
        <Dialog
          title="Merge a coder’s file"
          onClose={() => setOutcome(undefined)}
          footer={
            <button type="button" className="primary" autoFocus onClick={() => setOutcome(undefined)}>
              Close
            </button>
          }
        >
          {outcome.report ? (
            <ReportView report={outcome.report} />
          ) : (
            <p className="field-error" role="alert">
              {outcome.error}
              {outcome.error?.includes('Nothing was merged') ? '' : ' Nothing was merged.'}
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
