import type { ResultOf } from '../../electron/api/methods';
import { showsCoder, toggleCoder, type Visibility } from '../common/coder-visibility';

type Case = ResultOf<'cases.list'>['cases'][number];
type Coder = ResultOf<'coders.list'>['coders'][number];

interface Props {
  document: ResultOf<'documents.get'>;
  cases: Case[];
  coders: Coder[];
  currentCoderId: number | null;
  shown: number;
  total: number;
  visibility: Visibility;
  onVisibility(visibility: Visibility): void;
  snap: boolean;
  onSnap(snap: boolean): void;
  memoOpen: boolean;
  onMemoOpen(open: boolean): void;
  editing: boolean;
  onEditing(editing: boolean): void;
  /** Opens the Fix text dialog on the selection or the caret. */
  onFixText(): void;
  /** The turn at the caret: split there, joined with the next, given another speaker. */
  onSplitTurn(): void;
  onJoinTurns(): void;
  onChangeSpeaker(): void;
  hasRecording: boolean;
  onLinkRecording(): void;
}

/** The document's name, case and size, and the view's settings: whose codings show, word snapping, the memo, its recording. */
export function TranscriptHeader({
  document,
  cases,
  coders,
  currentCoderId,
  shown,
  total,
  visibility,
  onVisibility,
  snap,
  onSnap,
  memoOpen,
  onMemoOpen,
  editing,
  onEditing,
  onFixText,
  onSplitTurn,
  onJoinTurns,
  onChangeSpeaker,
  hasRecording,
  onLinkRecording,
}: Props) {
  const docCases = cases.filter((c) => document.caseIds.includes(c.id));
  const coderIds = coders.map((c) => c.id);
  const editActions: [label: string, title: string, action: () => void][] = [
    ['Fix text…', 'Replace the selected words, or insert at the caret (Enter or F2 in the text)', onFixText],
    ['Split turn here', 'Split the turn at the caret into two (Alt+Enter in the text)', onSplitTurn],
    ['Join with next turn', 'Join the turn at the caret with the next one (Alt+J in the text)', onJoinTurns],
    ['Change speaker…', 'Give the turn at the caret another speaker (Alt+W in the text)', onChangeSpeaker],
  ];
  return (
    <header className="transcript-header">
      <div className="transcript-title">
        <h2>{document.name}</h2>
        <p className="transcript-meta">
          {docCases.map((c) => [c.name, ...Object.values(c.attributes).slice(0, 2)].join(' · ')).join('; ')}
          {docCases.length > 0 && ' — '}
          {document.paragraphs.length} turns · {document.characters.toLocaleString()} characters · {shown} of {total} codings shown
        </p>
      </div>
      <div className="transcript-tools">
        <div className="coder-filter" role="group" aria-label="Show codings of">
          <span>Show</span>
          {coders.map((c) => (
            <button
              key={c.id}
              type="button"
              className="chip"
              aria-pressed={showsCoder(visibility, currentCoderId, c.id)}
              onClick={() => onVisibility(toggleCoder(visibility, coderIds, currentCoderId, c.id))}
            >
              <span className="swatch" style={{ backgroundColor: c.color }} />
              {c.name}
            </button>
          ))}
          <button
            type="button"
            className="link-button"
            aria-pressed={visibility.mode === 'mine'}
            onClick={() => onVisibility({ mode: visibility.mode === 'mine' ? 'all' : 'mine', chosen: [] })}
          >
            {visibility.mode === 'mine' ? 'Show all coders' : 'Only mine'}
          </button>
        </div>
        <label className="toggle">
          <input type="checkbox" checked={snap} onChange={(e) => onSnap(e.target.checked)} /> Snap to words
        </label>
        <button type="button" aria-expanded={memoOpen} onClick={() => onMemoOpen(!memoOpen)}>
          Document memo
        </button>
        {/* The desktop asks for the file in its own dialog; the browser cannot name a path and says how instead. */}
        <button type="button" onClick={onLinkRecording}>
          {hasRecording ? 'Relink recording…' : 'Link recording…'}
        </button>
        <button type="button" aria-pressed={editing} title="Correct the transcript's words (Alt+E)" onClick={() => onEditing(!editing)}>
          Edit text
        </button>
      </div>
      {editing && (
        <div className="edit-tools" role="group" aria-label="Edit the text">
          {editActions.map(([label, title, action]) => (
            // Pressing a button must not take the selection or the caret away: it is what the action works on.
            <button key={label} type="button" title={title} onMouseDown={(e) => e.preventDefault()} onClick={action}>
              {label}
            </button>
          ))}
        </div>
      )}
    </header>
  );
}
