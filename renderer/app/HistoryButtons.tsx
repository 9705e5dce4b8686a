import { useEffect } from 'react';
import { call } from '../common/api';
import { useQuery } from '../common/use-query';

const inTextField = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('input, textarea, select') !== null;

/** Undo/Redo buttons labelled with what they will do, and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y anywhere but in text fields. */
export function HistoryButtons({ onError }: { onError(error: Error): void }) {
  const history = useQuery('history.state', {}, ['history-changed', 'project-changed']);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        call('history.undo', {}).catch(onError);
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        call('history.redo', {}).catch(onError);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onError]);
  const undo = history.data?.undo;
  const redo = history.data?.redo;
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button type="button" disabled={!undo} title="Ctrl+Z" onClick={() => call('history.undo', {}).catch(onError)}>
        {undo ? `Undo ${undo.label}` : 'Undo'}
      </button>
      <button type="button" disabled={!redo} title="Shift+Ctrl+Z" onClick={() => call('history.redo', {}).catch(onError)}>
        {redo ? `Redo ${redo.label}` : 'Redo'}
      </button>
    </div>
  );
}
