import { useState } from 'react';
import { call } from '../common/api';
import type { Act } from './types';
import { places, type CodeNode } from './code-tree-model';
import { PassageText } from '../common/PassageText';
import { blindFilter, useCoderView } from '../common/coder-visibility';
import { useQuery } from '../common/use-query';
import { useReveal } from '../common/use-reveal';

type Panel = 'merge' | 'split' | 'delete' | null;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Codes listed for choosing a target, indented by depth. */
function CodeOptions({ tree, allow }: { tree: CodeNode[]; allow: (node: CodeNode) => boolean }) {
  return (
    <>
      {[...places(tree).values()].map(({ node, depth }) => (
        <option key={node.id} value={node.id} disabled={!allow(node)}>
          {'\u2003'.repeat(depth)}
          {node.name}
        </option>
      ))}
    </>
  );
}

function Merge({ code, tree, act, done }: { code: CodeNode; tree: CodeNode[]; act: Act; done: () => void }) {
  const [targetId, setTargetId] = useState<number | null>(null);
  const below = new Set<number>();
  const mark = (node: CodeNode) => (below.add(node.id), node.children.forEach(mark));
  mark(code);
  const target = targetId === null ? undefined : places(tree).get(targetId)?.node;
  const ref = useReveal<HTMLDivElement>();
  return (
    <div className="action-panel" role="group" aria-label={`Merge ${code.name}`} ref={ref}>
      <label className="field">
        <span>Merge “{code.name}” into</span>
        <select value={targetId ?? ''} onChange={(e) => setTargetId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">Choose a code…</option>
          {/* Framework cells and layers are positions, not themes: a theme merged into one would vanish from every theme count. */}
          <CodeOptions tree={tree} allow={(n) => !below.has(n.id) && n.framework === null && (n.codable || code.segments === 0)} />
        </select>
      </label>
      {target && (
        <p className="hint">
          {plural(code.segments, 'passage')} move to “{target.name}”; a passage already coded with both keeps one coding; the texts stay as
          they are.
          {code.children.length > 0 && ` ${plural(code.children.length, 'sub-code')} move under “${target.name}”.`} “{code.name}” is then
          removed.
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={!target}
        onClick={() => target && void act(call('codes.merge', { sourceId: code.id, targetId: target.id })).then(done)}
      >
        Merge
      </button>
    </div>
  );
}

function Split({ code, tree, act, done }: { code: CodeNode; tree: CodeNode[]; act: Act; done: () => void }) {
  // While blind, only the blind coder's passages are offered (others' are not shown, so not moved).
  const { blind } = useCoderView();
  const passages = useQuery('codes.segments', { id: code.id, limit: 1000, ...blindFilter(blind) }, [
    'segments-changed',
    'codebook-changed',
  ]);
  const [chosen, setChosen] = useState<number[]>([]);
  const [name, setName] = useState('');
  const [targetId, setTargetId] = useState<number | null>(null);
  const target = targetId === null ? (name.trim() ? { name: name.trim() } : null) : { codeId: targetId };
  const toggle = (id: number) => setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  const ref = useReveal<HTMLDivElement>();
  return (
    <div className="action-panel" role="group" aria-label={`Split ${code.name}`} ref={ref}>
      <p className="hint">Tick the passages to move out of “{code.name}”.</p>
      <ul className="passage-list" aria-label="Passages to move">
        {(passages.data ?? []).map((p) => (
          <li key={p.id}>
            <label className="passage">
              <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} />
              <PassageText passage={p} />
            </label>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>Move them to</span>
        <select value={targetId ?? ''} onChange={(e) => setTargetId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">A new code…</option>
          <CodeOptions tree={tree} allow={(n) => n.codable && n.id !== code.id} />
        </select>
      </label>
      {targetId === null && (
        <label className="field">
          <span>New code’s name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      <button
        type="button"
        className="primary"
        disabled={chosen.length === 0 || !target}
        onClick={() => target && void act(call('codes.split', { id: code.id, segmentIds: chosen, target })).then(done)}
      >
        Move {plural(chosen.length, 'passage')}
      </button>
    </div>
  );
}

function Delete({ code, act, done }: { code: CodeNode; act: Act; done: () => void }) {
  const preview = useQuery('codes.deletePreview', { id: code.id }, ['segments-changed', 'codebook-changed']);
  const p = preview.data;
  const ref = useReveal<HTMLDivElement>();
  return (
    <div className="action-panel danger" role="group" aria-label={`Delete ${code.name}`} ref={ref}>
      {p ? (
        <p role="status">
          Deleting “{code.name}”{p.codes > 1 && ` and its ${plural(p.codes - 1, 'sub-code')}`} uncodes {plural(p.segments, 'passage')} in{' '}
          {plural(p.documents, 'document')} ({plural(p.codings, 'coding')}).
          {p.segmentsRemoved > 0 && ` ${plural(p.segmentsRemoved, 'passage')} would have no code left and are removed too.`} Undo brings
          everything back.
        </p>
      ) : (
        <p className="hint">Counting…</p>
      )}
      <button
        type="button"
        className="danger-button"
        disabled={!p}
        onClick={() => void act(call('codes.delete', { id: code.id })).then(done)}
      >
        Delete {p && p.codes > 1 ? `${p.codes} codes` : 'code'}
      </button>
    </div>
  );
}

/** Merge into another code, split passages off, or delete (after saying what it uncodes). */
export function CodeActions({
  code,
  tree,
  act,
  panel,
  onPanel,
}: {
  code: CodeNode;
  tree: CodeNode[];
  act: Act;
  panel: Panel;
  onPanel: (panel: Panel) => void;
}) {
  const fixed = code.framework !== null;
  const button = (which: NonNullable<Panel>, label: string, disabled = false) => (
    <button type="button" aria-expanded={panel === which} disabled={disabled} onClick={() => onPanel(panel === which ? null : which)}>
      {label}
    </button>
  );
  const done = () => onPanel(null);
  return (
    <section className="code-actions" aria-label="Reorganise">
      <div className="row">
        {button('merge', 'Merge into…', fixed)}
        {button('split', 'Split…', code.segments === 0)}
        {button('delete', 'Delete…', fixed)}
      </div>
      {panel === 'merge' && !fixed && <Merge key={code.id} code={code} tree={tree} act={act} done={done} />}
      {panel === 'split' && <Split key={code.id} code={code} tree={tree} act={act} done={done} />}
      {panel === 'delete' && !fixed && <Delete key={code.id} code={code} act={act} done={done} />}
    </section>
  );
}

export type { Panel as CodeActionPanel };
