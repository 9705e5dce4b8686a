import { useMemo, useRef, useState, type DragEvent, type FormEvent } from 'react';
import type { ArgsOf, ResultOf } from '../../../electron/api/methods';
import type { EncodingName } from '../../../shared/encodings';
import { call } from '../../common/api';
import { Dialog } from '../../common/Dialog';
import { announce } from '../../common/LiveRegion';
import { CaseOptions, type CaseChoice } from './CaseOptions';
import { FileTable, type Read } from './FileTable';
import { itemFromText, itemsFromFiles, type ImportItem } from './files';
import { ImportResults, summarise, type Outcome } from './ImportResults';
import { SpeakerEditor, type SpeakerEdits, type SpeakerRow } from './SpeakerEditor';

type Preview = ResultOf<'import.preview'>;
type Stage = 'choose' | 'reading' | 'review' | 'importing' | 'done';

const EXTENSIONS = '.txt,.text,.md,.markdown,.docx,.odt,.vtt,.srt';
interface Props {
  mode: 'files' | 'paste';
  onClose: () => void;
  onOpen: (documentId: number) => void;
}

function Progress({ verb, done, total, current }: { verb: string; done: number; total: number; current: string }) {
  return (
    <div className="import-progress">
      <label htmlFor="import-progress">
        {verb} {Math.min(done + 1, total)} of {total}
        {current && <span className="progress-file">: {current}</span>}
      </label>
      <progress id="import-progress" max={total} value={done} />
    </div>
  );
}

/**
 * Import in steps: choose files (or paste text), read them (nothing is written), confirm the speakers and
 * the cases, then import file by file — each file one call and one transaction — with progress, a way to
 * stop between files, and a result per file.
 */
export function ImportDialog({ mode, onClose, onOpen }: Props) {
  const [stage, setStage] = useState<Stage>('choose');
  const [items, setItems] = useState<ImportItem[]>([]);
  const [reads, setReads] = useState<Record<string, Read>>({});
  const [progress, setProgress] = useState({ done: 0, total: 0, current: '' });
  const [pattern, setPattern] = useState('');
  const [edits, setEdits] = useState<SpeakerEdits>({});
  const [cases, setCases] = useState<CaseChoice>({ mode: 'each', name: '', attributes: [] });
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  // Encodings the person chose, by file; the others are read in the one detected.
  const [encodings, setEncodings] = useState<Record<string, EncodingName>>({});
  const [pasteName, setPasteName] = useState('Pasted text');
  const [pasteText, setPasteText] = useState('');
  const [dragging, setDragging] = useState(false);
  const stop = useRef(false);
  const busy = stage === 'reading' || stage === 'importing';

  const preview = async (item: ImportItem, speakerPattern: string, encoding: EncodingName | undefined): Promise<Read> => {
    try {
      if (item.problem) throw new Error(item.problem);
      return await call('import.preview', {
        source: await item.read(),
        ...(speakerPattern ? { speakerPattern } : {}),
        ...(encoding ? { encoding } : {}),
      });
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  const chooseEncoding = async (item: ImportItem, encoding: EncodingName) => {
    setEncodings((all) => ({ ...all, [item.key]: encoding }));
    const found = await preview(item, pattern, encoding);
    setReads((all) => ({ ...all, [item.key]: found }));
  };

  const read = async (chosen: ImportItem[], speakerPattern: string) => {
    if (chosen.length === 0) return;
    stop.current = false;
    setItems(chosen);
    setPattern(speakerPattern);
    setStage('reading');
    const found: Record<string, Read> = {};
    for (const [i, item] of chosen.entries()) {
      if (stop.current) break;
      setProgress({ done: i, total: chosen.length, current: item.name });
      found[item.key] = await preview(item, speakerPattern, encodings[item.key]);
    }
    setReads(found);
    setStage(stop.current ? 'choose' : 'review');
  };

  const speakerRows = useMemo(() => {
    const rows = new Map<string, SpeakerRow>();
    for (const r of Object.values(reads)) {
      if ('error' in r) continue;
      for (const s of r.speakers) {
        const row = rows.get(s.label) ?? { label: s.label, turns: 0, detected: false, rules: [] };
        const rules = row.rules.includes(s.rule) ? row.rules : [...row.rules, s.rule];
        rows.set(s.label, { ...row, turns: row.turns + s.turns, detected: row.detected || s.speaker !== null, rules });
      }
    }
    return [...rows.values()];
  }, [reads]);
  const editOf = (row: SpeakerRow) => edits[row.label] ?? { name: row.label, on: row.detected };
  const speakers = Object.fromEntries(speakerRows.map((row) => [row.label, editOf(row).on ? editOf(row).name.trim() || row.label : null]));
  const nameOf = (label: string | null) => (label === null ? null : label in speakers ? speakers[label] : label);

  const readable = items.filter((item) => reads[item.key] && !('error' in reads[item.key]!));
  const caseArgs: Partial<ArgsOf<'documents.import'>> =
    cases.mode === 'none'
      ? { case: null }
      : {
          ...(cases.mode === 'one' ? { case: cases.name.trim() } : {}),
          attributes: cases.attributes.filter((a) => a.name.trim() && a.value.trim()),
        };
  const caseMissing = cases.mode === 'one' && !cases.name.trim();

  const importAll = async () => {
    stop.current = false;
    setStage('importing');
    const results: Record<string, Outcome> = {};
    for (const [i, item] of items.entries()) {
      setProgress({ done: i, total: items.length, current: item.name });
      const found = reads[item.key];
      if (!found || 'error' in found) results[item.key] = { status: 'failed', detail: found?.error ?? 'It was not read.', notes: [] };
      else if (stop.current) results[item.key] = { status: 'stopped', detail: 'The import was stopped before this file.', notes: [] };
      else {
        try {
          const result = await call('documents.import', {
            source: await item.read(),
            speakers,
            ...(pattern ? { speakerPattern: pattern } : {}),
            ...(encodings[item.key] ? { encoding: encodings[item.key] } : {}),
            ...caseArgs,
          });
          results[item.key] = { status: result.status, detail: result.document, documentId: result.documentId, notes: result.notes };
        } catch (error) {
          results[item.key] = { status: 'failed', detail: (error as Error).message, notes: [] };
        }
      }
      setOutcomes({ ...results });
    }
    setProgress({ done: items.length, total: items.length, current: '' });
    setStage('done');
    announce(`Import finished: ${summarise(Object.values(results))}`);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void read(itemsFromFiles(e.dataTransfer.files), pattern);
  };
  const submitPaste = (e: FormEvent) => {
    e.preventDefault();
    void read([itemFromText(pasteName.trim() || 'Pasted text', pasteText)], pattern);
  };

  const sample = readable.map((item) => reads[item.key] as Preview)[0];
  const resultRows = items
    .filter((item) => outcomes[item.key])
    .map((item) => ({ key: item.key, name: item.name, outcome: outcomes[item.key]! }));

  const footer =
    stage === 'review' ? (
      <>
        <span className="hint">{caseMissing ? 'Name the case, or choose another option.' : ''}</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={readable.length === 0 || caseMissing} onClick={() => void importAll()}>
          {mode === 'paste' ? 'Import as new document' : `Import ${readable.length} ${readable.length === 1 ? 'file' : 'files'}`}
        </button>
      </>
    ) : busy ? (
      <button type="button" onClick={() => (stop.current = true)}>
        {stage === 'reading' ? 'Cancel' : 'Stop after this file'}
      </button>
    ) : stage === 'done' ? (
      <button type="button" className="primary" autoFocus onClick={onClose}>
        Close
      </button>
    ) : null;

  return (
    <Dialog title={mode === 'paste' ? 'Paste as new document' : 'Import transcripts'} onClose={onClose} busy={busy} wide footer={footer}>
      {stage === 'choose' && mode === 'files' && (
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop transcripts here, or choose them.</p>
          <div className="row">
            <label className="file-button">
              Choose files…
              <input type="file" multiple accept={EXTENSIONS} onChange={(e) => void read(itemsFromFiles(e.target.files ?? []), pattern)} />
            </label>
            <label className="file-button">
              Choose a folder…
              <input type="file" {...{ webkitdirectory: '' }} onChange={(e) => void read(itemsFromFiles(e.target.files ?? []), pattern)} />
            </label>
          </div>
          <p className="hint">Word (.docx), OpenDocument (.odt), text (.txt), Markdown (.md), captions (.vtt, .srt); up to 50 MB each.</p>
        </div>
      )}
      {stage === 'choose' && mode === 'paste' && (
        <form className="paste-form" onSubmit={submitPaste}>
          <label htmlFor="paste-name">Document name</label>
          <input id="paste-name" value={pasteName} onChange={(e) => setPasteName(e.target.value)} />
          <label htmlFor="paste-text">Text</label>
          <textarea
            id="paste-text"
            rows={14}
            value={pasteText}
            autoFocus
            placeholder="Paste the transcript here (Ctrl+V)"
            onChange={(e) => setPasteText(e.target.value)}
          />
          <div className="row end">
            <button type="submit" className="primary" disabled={!pasteText.trim()}>
              Continue
            </button>
          </div>
        </form>
      )}
      {stage === 'reading' && <Progress verb="Reading" {...progress} />}
      {stage === 'review' && (
        <>
          <FileTable items={items} reads={reads} onEncoding={(item, encoding) => void chooseEncoding(item, encoding)} />
          <SpeakerEditor
            key={pattern}
            rows={speakerRows}
            edits={edits}
            onEdit={(label, edit) => setEdits({ ...edits, [label]: edit })}
            pattern={pattern}
            onDetect={(next) => void read(items, next)}
            busy={busy}
          />
          {sample && (
            <section className="import-section" aria-labelledby="sample-title">
              <h3 id="sample-title">Beginning of “{sample.name}”</h3>
              <ol className="sample">
                {sample.sample.map((p, i) => (
                  <li key={i}>
                    <span className="sample-speaker">{nameOf(p.speaker) ?? '—'}</span>
                    <span className="sample-text">{p.text}</span>
                  </li>
                ))}
              </ol>
            </section>
          )}
          <CaseOptions value={cases} onChange={setCases} />
        </>
      )}
      {(stage === 'importing' || stage === 'done') && (
        <>
          {stage === 'importing' ? (
            <Progress verb="Importing" {...progress} />
          ) : (
            <p className="import-summary" role="status">
              {summarise(Object.values(outcomes))}
            </p>
          )}
          <ImportResults
            rows={resultRows}
            onOpen={(id) => {
              onOpen(id);
              onClose();
            }}
          />
        </>
      )}
    </Dialog>
  );
}
