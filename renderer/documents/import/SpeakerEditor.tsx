import { useState, type FormEvent } from 'react';
import { speakerPatternProblem } from '../../../shared/speaker-pattern';
import type { SpeakerRule } from '../../../electron/services/transcript';
import { TableHead } from './TableHead';

/** A label found in the chosen files, with its turns over all of them, whether any file took it for a speaker, and the rules that decided. */
export interface SpeakerRow {
  label: string;
  turns: number;
  detected: boolean;
  rules: SpeakerRule[];
}

/** What each rule found, as the dialog says it (see SpeakerRule). */
export const RULE_TEXT: Record<SpeakerRule, string> = {
  voice: 'a voice tag in the captions',
  recurring: 'starts two or more paragraphs',
  name: 'a name, seen once',
  heading: 'not a speaker: alone on its line once, a heading or lead-in',
  long: 'not a speaker: more than three words, seen once',
  phrase: 'not a speaker: a phrase in lower case, seen once',
  rare: 'not a speaker: seen once where hardly any paragraph has a label',
  chosen: 'as you chose',
};

/** "2 start two or more paragraphs · 1 a phrase in lower case, seen once": how many labels each rule decided. */
function ruleSummary(rows: SpeakerRow[]): string {
  const counts = new Map<SpeakerRule, number>();
  for (const row of rows) for (const rule of row.rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${n} ${RULE_TEXT[rule]}`).join(' · ');
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
        <>
          <p className="hint rule-summary">Labels by rule: {ruleSummary(rows)}.</p>
          <table className="import-table speaker-table">
            <TableHead columns={['Speaker', 'Label in the text', { numeric: 'Turns' }, 'Found as', 'Name']} />
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
                    <td className="rule">{row.rules.map((r) => RULE_TEXT[r]).join('; ')}</td>
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
        </>
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
