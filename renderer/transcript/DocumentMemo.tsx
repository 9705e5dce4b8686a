import { useState } from 'react';
import { call } from '../common/api';
import { useQuery } from '../common/use-query';

/** The document's memo, saved (as an undoable step) when the field loses focus or on Ctrl+Enter. */
export function DocumentMemo({ documentId, onError }: { documentId: number; onError(error: Error): void }) {
  const memo = useQuery('memos.get', { target: { kind: 'document', id: documentId } }, ['memos-changed', 'history-changed']);
  const target = memo.data?.target;
  const stored = target?.kind === 'document' && target.id === documentId ? memo.data!.body : undefined;
  return stored === undefined ? null : (
    <MemoEditor key={`${documentId}:${stored}`} documentId={documentId} stored={stored} onError={onError} />
  );
}

function MemoEditor({ documentId, stored, onError }: { documentId: number; stored: string; onError(error: Error): void }) {
  const [draft, setDraft] = useState(stored);
  const save = () => {
    if (draft !== stored) call('memos.set', { target: { kind: 'document', id: documentId }, body: draft }).catch(onError);
  };
  return (
    <section className="document-memo" aria-label="Document memo">
      <label className="memo-field">
        Document memo
        <textarea
          rows={4}
          value={draft}
          placeholder="Context of this interview, impressions, things to follow up…"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={save}
          onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && save()}
        />
      </label>
    </section>
  );
}
