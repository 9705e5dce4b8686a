// Auto-code by speaker: every turn of one speaker gets the chosen codes (to compare what the DCS says
// with what the others say). The count comes from the API's preview, so it is what the apply will do.
import { useState } from 'react';
import { call } from '../common/api';
import { Dialog } from '../common/Dialog';
import { DialogActions } from '../common/DialogActions';
import { useQuery } from '../common/use-query';
import type { Scope } from './SearchScope';

interface Props {
  /** The search panel's documents and cases, if chosen: only turns there are coded. */
  scope: Scope;
  onClose: () => void;
  /** Told how many segments were created, for the panel to say so. */
  onDone: (speaker: string, segments: number) => void;
  onError: (error: Error) => void;
}

export function SpeakerAutocode({ scope, onClose, onDone, onError }: Props) {
  const speakers = useQuery('search.speakers', {}, ['documents-changed']);
  const refs = useQuery('codebook.refs', {}, ['codebook-changed']);
  const [speaker, setSpeaker] = useState('');
  const [codeIds, setCodeIds] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  // Only the scope's documents and cases apply: speakers are what this dialog chooses, codes what it applies.
  const where = {
    ...(scope.documentIds ? { documentIds: scope.documentIds } : {}),
    ...(scope.cases?.value ? { cases: scope.cases } : {}),
  };
  const spec =
    speaker && codeIds.length > 0
      ? { speaker, codeIds, expand: 'turn' as const, ...(Object.keys(where).length ? { scope: where } : {}) }
      : null;
  const preview = useQuery('search.autocodePreview', spec, ['segments-changed']);
  const refOf = (id: number) => refs.data?.find((r) => r.id === id)?.ref ?? `Code ${id}`;

  const apply = async () => {
    if (!spec) return;
    setBusy(true);
    try {
      const done = await call('search.autocode', spec);
      onDone(speaker, done.segments.length);
    } catch (error) {
      onError(error as Error);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Auto-code a speaker's turns"
      onClose={onClose}
      busy={busy}
      footer={
        <DialogActions
          action={`Code ${preview.data && spec ? preview.data.segments : 0} turns`}
          busy={busy}
          disabled={!spec || !preview.data || preview.data.segments === 0}
          onAction={() => void apply()}
          onCancel={onClose}
        />
      }
    >
      <label>
        Speaker{' '}
        <select aria-label="Speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
          <option value="">Choose a speaker…</option>
          {speakers.data?.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Add a code{' '}
        <select aria-label="Add a code" value="" onChange={(e) => e.target.value && setCodeIds([...codeIds, Number(e.target.value)])}>
          <option value="">Choose a code…</option>
          {refs.data
            ?.filter((r) => !codeIds.includes(r.id))
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.ref}
              </option>
            ))}
        </select>
      </label>
      <ul className="filter-chips" aria-label="Codes to apply">
        {codeIds.map((id) => (
          <li key={id} className="filter-chip">
            {refOf(id)}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove code ${refOf(id)}`}
              onClick={() => setCodeIds(codeIds.filter((x) => x !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {Object.keys(where).length > 0 && <p className="hint">Only in the documents and cases chosen under "Search in".</p>}
      {spec && preview.error && <p role="alert">{preview.error.message}</p>}
      {spec && preview.data && (
        <p role="status" className="autocode-count">
          {speaker} has {preview.data.passages} turns: {preview.data.segments} new segments; {preview.data.skipped} turns carry all these
          codes already and are skipped. One Undo undoes it all.
        </p>
      )}
    </Dialog>
  );
}
