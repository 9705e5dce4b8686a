// The saved searches: each reruns with one click; saving names the search on screen; deleting is undoable.
import { useState } from 'react';
import type { ArgsOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { useQuery } from '../common/use-query';

type Search = ArgsOf<'search.save'>['search'];

interface Props {
  /** The search on screen, to save; null before one has run. */
  current: Search | null;
  onRun: (search: Search) => void;
  onError: (error: Error) => void;
}

export function SavedSearches({ current, onRun, onError }: Props) {
  // Saving and deleting are undo steps: the list follows undo and redo too.
  const saved = useQuery('search.saved', {}, ['history-changed', 'project-changed']);
  const [name, setName] = useState('');
  const act = (work: Promise<unknown>) => work.catch((error: Error) => onError(error));

  return (
    <section className="saved-searches" aria-label="Saved searches">
      <form
        className="saved-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (current && name.trim()) void act(call('search.save', { name, search: current }).then(() => setName('')));
        }}
      >
        <input
          type="text"
          aria-label="Name for this search"
          placeholder="Name this search"
          value={name}
          disabled={!current}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!current || !name.trim()}>
          Save search
        </button>
      </form>
      {saved.data && saved.data.length > 0 && (
        <ul>
          {saved.data.map((s) => (
            <li key={s.id}>
              <button type="button" className="saved-search-run" title={s.search.query} onClick={() => onRun(s.search)}>
                {s.name}
              </button>
              <button
                type="button"
                className="saved-search-delete"
                aria-label={`Delete saved search ${s.name}`}
                onClick={() => void act(call('search.deleteSaved', { id: s.id }))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
