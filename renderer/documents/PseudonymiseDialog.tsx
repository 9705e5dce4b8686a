import { useState } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { announce } from '../common/LiveRegion';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';

type Preview = ResultOf<'documents.pseudonymisePreview'>;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Replaces a name in every document: the hits are listed first, then replaced in one undoable step. */
export function PseudonymiseDialog({ onClose }: { onClose(): void }) {
  const [find, setFind] = useState('');
  const [replace, setReplace] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(true);
  const [preview, setPreview] = useState<{ for: string; hits: Preview['hits'] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = { find, replace, caseSensitive, wholeWord };
  const key = JSON.stringify(options);
  const current = preview?.for === key ? preview.hits : null;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const showHits = () =>
    run(async () => {
      const { hits } = await call('documents.pseudonymisePreview', options);
      setPreview({ for: key, hits });
      announce(`${plural(hits.length, 'place')} found.`);
    });
  const apply = () =>
    run(async () => {
      const result = await call('documents.pseudonymise', options);
      announce(
        `Replaced ${result.replaced} × “${find}” in ${result.documents.length} document${result.documents.length === 1 ? '' : 's'}.`,
      );
      onClose();
    });

  return (
    <Dialog
      title="Pseudonymise"
      wide
      onClose={onClose}
      busy={busy}
      footer={
        <DialogActions
          action={current ? `Replace all (${current.length})` : 'Replace all'}
          busy={busy}
          disabled={!current || current.length === 0}
          onAction={() => void apply()}
          onCancel={onClose}
        />
      }
    >
      <form
        className="pseudonymise"
        onSubmit={(e) => {
          e.preventDefault();
          if (find.trim()) void showHits();
        }}
      >
        <div className="pseudonymise-fields">
          <label>
            Find
            <input autoFocus value={find} onChange={(e) => setFind(e.target.value)} />
          </label>
          <label>
            Replace with
            <input value={replace} onChange={(e) => setReplace(e.target.value)} />
          </label>
          <button type="submit" disabled={busy || !find.trim()}>
            Show places
          </button>
        </div>
        <div className="pseudonymise-options">
          <label className="toggle">
            <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole words
          </label>
          <label className="toggle">
            <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} /> Match case
          </label>
        </div>
        <p className="hint">Codings on the replaced words keep them. One undo step puts every document back.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {current && (
        <section aria-label="Places found">
          <h3 className="pseudonymise-count">
            {current.length === 0
              ? 'Not found'
              : `${plural(current.length, 'place')} in ${plural(new Set(current.map((h) => h.documentId)).size, 'document')}`}
          </h3>
          {/* Scrolls when long: focusable, so the keyboard can scroll it. */}
          <ul className="pseudonymise-hits" tabIndex={0} aria-label="Places, each with its replacement">
            {current.map((h) => (
              <li key={`${h.documentId}:${h.start}`}>
                <span className="pseudonymise-document">{h.document}</span> …{h.before}
                <del>{h.text}</del>
                <ins>{replace}</ins>
                {h.after}…
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
