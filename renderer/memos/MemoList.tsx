import { useState } from 'react';
import type { ArgsOf, ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import { useCoderView } from '../common/coder-visibility';
import { Dialog } from '../common/Dialog';
import { SavedText } from '../common/SavedFields';
import { useQuery } from '../common/use-query';
import { MemoExport } from './MemoExport';

type Memo = ResultOf<'memos.list'>[number];
type Kind = Memo['kind'];
type Coder = ResultOf<'coders.list'>['coders'][number];

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'project', label: 'Project' },
  { kind: 'document', label: 'Documents' },
  { kind: 'case', label: 'Cases' },
  { kind: 'code', label: 'Codes' },
  { kind: 'coding', label: 'Codings' },
];
const KIND_LABEL: Record<Kind, string> = { project: 'Project', document: 'Document', case: 'Case', code: 'Code', coding: 'Coding' };
const CHANGES = ['memos-changed', 'segments-changed', 'documents-changed', 'codebook-changed', 'history-changed'] as const;

export interface MemoTargetOpen {
  document(id: number): void;
  code(id: number): void;
}

/** Every memo in the project, newest first: search, filter by kind and author, open the memo's object. */
export function MemoList({
  coders,
  open,
  onClose,
  onError,
}: {
  coders: Coder[];
  open: MemoTargetOpen;
  onClose(): void;
  onError(e: Error): void;
}) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<Kind | ''>('');
  const [authorId, setAuthorId] = useState<number | ''>('');
  const { blind } = useCoderView();
  const args: ArgsOf<'memos.list'> = {
    ...(text.trim() ? { text } : {}),
    ...(kind ? { kinds: [kind] } : {}),
    ...(authorId !== '' ? { authorId } : {}),
    // While blind, other coders' codings (and so their coding memos) are not shown.
    ...(blind ? { codingsBy: blind.id } : {}),
  };
  const memos = useQuery('memos.list', args, CHANGES);
  const project = useQuery('memos.get', { target: { kind: 'project' } }, ['memos-changed', 'history-changed']);
  const openMemo = (m: Memo) => {
    if (m.kind === 'code') open.code(m.objectId!);
    else if (m.documentId !== null) open.document(m.documentId);
    onClose();
  };
  const opens = (m: Memo) => m.kind === 'code' || m.documentId !== null;
  return (
    <Dialog title="Memos" wide onClose={onClose}>
      <section className="project-memo" aria-label="Project memo">
        <label className="field">
          <span>Project memo</span>
          {project.data && (
            <SavedText
              label="Project memo"
              value={project.data.body}
              rows={3}
              placeholder="Research questions, decisions about the coding frame, what to follow up…"
              onSave={(body) => void call('memos.set', { target: { kind: 'project' }, body }).catch(onError)}
            />
          )}
        </label>
      </section>
      <div className="memo-filters" role="search" aria-label="Find memos">
        <label>
          <span>Find</span>
          <input type="search" value={text} placeholder="Words in a memo or its object" onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          <span>Kind</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
            <option value="">All kinds</option>
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Author</span>
          <select value={authorId} onChange={(e) => setAuthorId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">Anyone</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <MemoExport filter={{ ...(kind ? { kinds: [kind] } : {}), ...(authorId !== '' ? { authorId } : {}) }} onError={onError} />
      <p className="hint" aria-live="polite">
        {memos.data ? `${memos.data.length} ${memos.data.length === 1 ? 'memo' : 'memos'}` : 'Reading memos…'}
      </p>
      <ul className="memo-list" aria-label="Memos found">
        {memos.data?.map((m) => (
          <li key={`${m.kind}-${m.objectId ?? 0}`} className="memo-entry">
            <div className="memo-meta">
              <span className="memo-kind">{KIND_LABEL[m.kind]}</span>
              <strong>{m.objectName}</strong>
              <span className="hint">
                {m.author ?? 'Unknown author'} · <time dateTime={m.modifiedAt}>{new Date(m.modifiedAt).toLocaleString()}</time>
              </span>
              {opens(m) && (
                <button
                  type="button"
                  className="small"
                  aria-label={`Open ${KIND_LABEL[m.kind].toLowerCase()} ${m.objectName}`}
                  onClick={() => openMemo(m)}
                >
                  Open
                </button>
              )}
            </div>
            <p className="memo-body">{m.body}</p>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
