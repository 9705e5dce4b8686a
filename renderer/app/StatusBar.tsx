import { useState, type FormEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';

interface Props {
  coders: ResultOf<'coders.list'> | undefined;
  file: string;
  onError: (error: Error) => void;
}

const NEW_CODER = '__new__';

/** Current coder (switchable; a new name creates the coder), save state and the project file. */
export function StatusBar({ coders, file, onError }: Props) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);

  const switchTo = (coderName: string) => {
    setSaving(true);
    call('coders.use', { name: coderName })
      .catch(onError)
      .finally(() => setSaving(false));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    switchTo(name.trim());
    setAdding(false);
    setName('');
  };
  const current = coders?.coders.find((c) => c.id === coders.currentId);

  return (
    <footer className="statusbar">
      <span className="coder-control">
        <span className="swatch" style={{ backgroundColor: current?.color ?? 'transparent' }} aria-hidden="true" />
        {adding ? (
          <form onSubmit={submit} className="row">
            <input
              autoFocus
              aria-label="New coder name"
              value={name}
              placeholder="Coder name"
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
            />
            <button type="submit">Add</button>
          </form>
        ) : (
          <label>
            Coder
            <select
              aria-label="Current coder"
              value={current?.name ?? ''}
              onChange={(e) => (e.target.value === NEW_CODER ? setAdding(true) : switchTo(e.target.value))}
            >
              {!current && <option value="">(choose)</option>}
              {coders?.coders.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))}
              <option value={NEW_CODER}>New coder…</option>
            </select>
          </label>
        )}
      </span>
      <span className="save-state" role="status">
        {saving ? 'Saving…' : 'All changes saved'}
      </span>
      <span className="file-path" title={file}>
        {file}
      </span>
    </footer>
  );
}
