import { useEffect } from 'react';
import { call } from '../common/api';
import { announce } from '../common/LiveRegion';
import { useQuery } from '../common/use-query';

const inTextField = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('input, textarea, select') !== null;

// What was undone or redone is said: the change may be in a part of the page not in view.
const undoStep = (onError: (error: Error) => void) =>
  call('history.undo', {})
    .then((r) => announce(r.undone ? `Undone: ${r.undone.label}` : 'Nothing to undo'))
    .catch(onError);
const redoStep = (onError: (error: Error) => void) =>
  call('history.redo', {})
    .then((r) => announce(r.redone ? `Redone: ${r.redone.label}` : 'Nothing to redo'))
    .catch(onError);

/** Undo/Redo buttons labelled with what they will do, and Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y anywhere but in text fields. */
export function HistoryButtons({ onError }: { onError(error: Error): void }) {
  const history = useQuery('history.state', {}, ['history-changed', 'project-changed']);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undoStep(onError);
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        redoStep(onError);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onError]);
  const undo = history.data?.undo;
  const redo = history.data?.redo;
  return (
    <div className="history-buttons" role="group" aria-label="History">
      {/* The top bar has no room for a step's name ("Undo Add framewor…"): it is in the name and the tooltip. */}
      <button
        type="button"
        disabled={!undo}
        aria-label={undo ? `Undo ${undo.label}` : 'Undo'}
        title={undo ? `Undo ${undo.label} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => undoStep(onError)}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!redo}
        aria-label={redo ? `Redo ${redo.label}` : 'Redo'}
        title={redo ? `Redo ${redo.label} (Shift+Ctrl+Z)` : 'Nothing to redo'}
        onClick={() => redoStep(onError)}
      >
        Redo
      </button>
    </div>
  );
}
