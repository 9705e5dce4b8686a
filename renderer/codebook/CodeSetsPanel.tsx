import { useState, type FormEvent } from 'react';
import type { ResultOf } from '../../electron/api/methods';
import { call } from '../common/api';
import type { Act } from './types';
import { places, type CodeNode } from './code-tree-model';
import { SavedInput, SavedText } from '../common/SavedFields';

type CodeSet = ResultOf<'codeSets.list'>[number];

function SetCard({ set, tree, act }: { set: CodeSet; tree: CodeNode[]; act: Act }) {
  const map = places(tree);
  const update = (fields: { name?: string; description?: string; codeIds?: number[] }) =>
    void act(call('codeSets.update', { id: set.id, ...fields }));
  return (
    <li className="set-card" aria-label={`Code set ${set.name}`}>
      <div className="row">
        <SavedInput label="Set name" value={set.name} onSave={(name) => update({ name })} />
        <button type="button" onClick={() => void act(call('codeSets.delete', { id: set.id }))}>
          Delete set
        </button>
      </div>
      <SavedText
        label={`Description of ${set.name}`}
        rows={2}
        placeholder="What the set gathers"
        value={set.description}
        onSave={(description) => update({ description })}
      />
      <ul className="set-chips" aria-label={`Codes in ${set.name}`}>
        {set.codeIds.map((id) => {
          const node = map.get(id)?.node;
          return node ? (
            <li key={id} className="set-chip">
              <span className="swatch" style={{ backgroundColor: node.color }} aria-hidden="true" />
              {node.path}
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove ${node.name} from ${set.name}`}
                onClick={() => update({ codeIds: set.codeIds.filter((c) => c !== id) })}
              >
                ×
              </button>
            </li>
          ) : null;
        })}
      </ul>
      <select
        aria-label={`Add a code to ${set.name}`}
        value=""
        onChange={(e) => e.target.value && update({ codeIds: [...set.codeIds, Number(e.target.value)] })}
      >
        <option value="">Add a code…</option>
        {[...map.values()].map(({ node, depth }) => (
          <option key={node.id} value={node.id} disabled={set.codeIds.includes(node.id)}>
            {'\u2003'.repeat(depth)}
            {node.name}
          </option>
        ))}
      </select>
    </li>
  );
}

/** Named collections of codes across the tree (REFI-QDA "Sets"). */
export function CodeSetsPanel({ sets, tree, act }: { sets: CodeSet[]; tree: CodeNode[]; act: Act }) {
  const [name, setName] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim()) void act(call('codeSets.create', { name: name.trim() })).then((created) => created && setName(''));
  };
  return (
    <div className="pane-scroll pad sets-panel">
      <form className="row" onSubmit={add}>
        <input aria-label="New set name" placeholder="New set name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Add set
        </button>
      </form>
      {sets.length === 0 && (
        <p className="hint">Sets gather codes from anywhere in the tree, e.g. “Early help” for CAF, TAC and lead professional.</p>
      )}
      <ul className="set-list">
        {sets.map((s) => (
          <SetCard key={s.id} set={s} tree={tree} act={act} />
        ))}
      </ul>
    </div>
  );
}
