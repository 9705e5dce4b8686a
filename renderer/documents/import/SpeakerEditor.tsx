import { useState, type FormEvent } from 'react';
import { speakerPatternProblem } from '../../../shared/speaker-pattern';
import { TableHead } from './TableHead';

/** A label found in the chosen files, with its turns over all of them and whether any file took it for a speaker. */
export interface SpeakerRow {
  label: string;
  turns: number;
  detected: boolean;
}

export type SpeakerEdits = Record<string, { name: string; on: boolean }>;

interface Props {
  rows: SpeakerRow[];
  edits: SpeakerEdits;
  onEdit: (label: string, edit: { name: string; on: boolean }) => void;
  pattern: string;
  /** Reads the files again with this pattern ('' for the built-in labels). */
  onDetect: (pattern: string) => void;
  busy: boolean;
}

/** The detected speakers, to confirm, rename, merge (two labels, one name) or untick; and a custom pattern. */
export function SpeakerEditor({ rows, edits, onEdit, pattern, onDetect, busy }: Props) {
  const [draft, setDraft] = useState(pattern);
  const [problem, setProblem] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = draft.trim() ? speakerPatternProblem(draft.trim()) : null;
    setProblem(problem ?? undefined);
    if (!problem) onDetect(draft.trim());
  };
  return (
    <section className="import-section" aria-labelledby="speakers-title">
      <h3 id="speakers-title">Speakers</h3>
      <p className="hint">
        Labels found at the start of paragraphs. Untick a label that is not a speaker; give two labels the same name to merge them. The text
        keeps the labels as written.
      </p>
      {rows.length === 0 ? (
        <p className="hint">No speaker labels found. If the transcripts mark speakers another way, give a pattern below.</p>
      ) : (
        <table className="import-table speaker-table">
          <TableHead columns={['Speaker', 'Label in the text', { numeric: 'Turns' }, 'Name']} />
          <tbody>
            {rows.map((row) => {
              const edit = edits[row.label] ?? { name: row.label, on: row.detected };
              return (
                <tr key={row.label}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${row.label} is a speaker`}
                      checked={edit.on}
                      onChange={(e) => onEdit(row.label, { ...edit, on: e.target.checked })}
                    />
                  </td>
                  <td>
                    <code className="label-text">{row.label}</code>
                  </td>
                  <td className="number">{row.turns}</td>
                  <td>
                    <input
                      aria-label={`Name for ${row.label}`}
                      value={edit.name}
                      disabled={!edit.on}
                      onChange={(e) => onEdit(row.label, { ...edit, name: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="pattern-form" onSubmit={submit}>
        <label htmlFor="speaker-pattern">Custom speaker pattern</label>
        <div className="row">
          <input
            id="speaker-pattern"
            value={draft}
            spellCheck={false}
            placeholder="for example  ^(Speaker \d+)\s+\d+:\d\d\s"
            aria-describedby="speaker-pattern-help"
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Detect again
          </button>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <p className="hint" id="speaker-pattern-help">
          A regular expression matched at the start of each paragraph; its first group (or a group named <code>speaker</code>) is the name,
          a group named <code>time</code> a time. Empty: the usual labels (Interviewer:, INT:, Q:, [Name], Name (00:01:23):, …).
        </p>
      </form>
    </section>
  );
}
