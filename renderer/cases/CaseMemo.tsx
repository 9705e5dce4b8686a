import { call } from '../common/api';
import { SavedText } from '../common/SavedFields';
import { useQuery } from '../common/use-query';
import type { Case } from './CaseTable';

/** The selected case's memo, saved (an undoable step) when the field is left. */
export function CaseMemo({ caseItem, onError }: { caseItem: Case; onError(error: Error): void }) {
  const target = { kind: 'case', id: caseItem.id } as const;
  const memo = useQuery('memos.get', { target }, ['memos-changed', 'history-changed']);
  const shown = memo.data?.target;
  const stored = shown?.kind === 'case' && shown.id === caseItem.id ? memo.data!.body : undefined;
  return (
    <section className="case-memo" aria-label={`Memo on case ${caseItem.name}`}>
      <h3>Memo · {caseItem.name}</h3>
      {stored === undefined ? (
        // The same height as the field it stands for: the dialog must not move under a click that selects a case.
        <textarea aria-label="Memo" rows={3} disabled placeholder="Loading…" />
      ) : (
        <SavedText
          label="Memo"
          rows={3}
          value={stored}
          placeholder="What stands out about this case, how it compares, what to follow up…"
          onSave={(body) => void call('memos.set', { target, body }).catch(onError)}
        />
      )}
    </section>
  );
}
