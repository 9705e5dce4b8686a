export interface Outcome {
  status: 'imported' | 'duplicate' | 'failed' | 'stopped';
  /** The document's name, the duplicate's original, or why the file failed. */
  detail: string;
  documentId?: number;
  notes: string[];
}

const LABELS: Record<Outcome['status'], string> = {
  imported: 'Imported',
  duplicate: 'Duplicate',
  failed: 'Failed',
  stopped: 'Not imported',
};

export function summarise(outcomes: Outcome[]): string {
  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  return [
    `${count('imported')} imported`,
    `${count('duplicate')} ${count('duplicate') === 1 ? 'duplicate' : 'duplicates'}`,
    `${count('failed')} failed`,
    ...(count('stopped') ? [`${count('stopped')} not imported (stopped)`] : []),
  ].join(' · ');
}

/** What happened to each file: imported (with a way to open it), skipped as a duplicate, or failed with the reason. */
export function ImportResults({
  rows,
  onOpen,
}: {
  rows: { key: string; name: string; outcome: Outcome }[];
  onOpen: (documentId: number) => void;
}) {
  return (
    <ul className="import-results" aria-label="Import results">
      {rows.map(({ key, name, outcome }) => (
        <li key={key} className={`import-result ${outcome.status}`}>
          <span className="result-status">{LABELS[outcome.status]}</span>
          <span className="result-file">{name}</span>
          <span className="result-detail">
            {outcome.status === 'imported'
              ? `as “${outcome.detail}”`
              : outcome.status === 'duplicate'
                ? `same text as “${outcome.detail}”`
                : outcome.detail}
            {outcome.notes.map((note) => (
              <span key={note} className="result-note">
                {note}
              </span>
            ))}
          </span>
          {outcome.status !== 'failed' && outcome.status !== 'stopped' && outcome.documentId !== undefined && (
            <button type="button" onClick={() => onOpen(outcome.documentId!)} aria-label={`Open ${outcome.detail}`}>
              Open
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
