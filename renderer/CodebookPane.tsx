import { useState } from 'react';
import type { ResultOf } from '../electron/api/methods';
import { useQuery } from './use-query';
import { useStoredState } from './use-stored-state';

type CodeNode = ResultOf<'codebook.tree'>[number];
type Coder = ResultOf<'coders.list'>['coders'][number];

function matches(node: CodeNode, filter: string): boolean {
  return node.name.toLowerCase().includes(filter) || node.children.some((c) => matches(c, filter));
}

function CodeItem({
  node,
  filter,
  collapsed,
  toggle,
}: {
  node: CodeNode;
  filter: string;
  collapsed: string[];
  toggle: (guid: string) => void;
}) {
  if (filter && !matches(node, filter)) return null;
  const open = filter.length > 0 || !collapsed.includes(node.guid);
  const count = node.children.length > 0 ? node.segmentsWithChildren : node.segments;
  return (
    <li role="treeitem" aria-expanded={node.children.length > 0 ? open : undefined} aria-label={`${node.name}, ${count} segments`}>
      <div className={`code-row${node.codable ? '' : ' grouping'}`} title={node.description || undefined}>
        {node.children.length > 0 ? (
          <button
            type="button"
            className="twisty"
            aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}`}
            onClick={() => toggle(node.guid)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty" />
        )}
        <span className="swatch" style={{ backgroundColor: node.color }} aria-hidden="true" />
        <span className="code-name">{node.name}</span>
        <span className="code-count" data-testid="code-count">
          {count}
        </span>
      </div>
      {node.children.length > 0 && open && (
        <ul role="group">
          {node.children.map((child) => (
            <CodeItem key={child.guid} node={child} filter={filter} collapsed={collapsed} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The code tree with colours and segment counts, for all coders or one. */
export function CodebookPane({ coders }: { coders: Coder[] }) {
  const [countCoder, setCountCoder] = useStoredState<number | null>('codebook.countCoder', null);
  const coderId = coders.some((c) => c.id === countCoder) ? countCoder : null;
  const tree = useQuery('codebook.tree', coderId === null ? {} : { coderId }, ['codebook-changed', 'segments-changed']);
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useStoredState<string[]>('codebook.collapsed', []);
  const toggle = (guid: string) => setCollapsed(collapsed.includes(guid) ? collapsed.filter((g) => g !== guid) : [...collapsed, guid]);
  return (
    <aside className="pane codebook-pane" aria-label="Codebook">
      <h2 className="pane-title">Codebook</h2>
      <div className="codebook-tools">
        <input
          type="search"
          aria-label="Filter codes"
          placeholder="Filter codes"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="count-coder">
          Counts
          <select value={coderId ?? ''} onChange={(e) => setCountCoder(e.target.value ? Number(e.target.value) : null)}>
            <option value="">All coders</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                Coder {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="pane-scroll">
        {tree.error && (
          <p className="hint pad" role="alert">
            The codebook could not be loaded: {tree.error.message}
          </p>
        )}
        <ul role="tree" aria-label="Codes" className="code-tree">
          {(tree.data ?? []).map((node) => (
            <CodeItem key={node.guid} node={node} filter={filter.trim().toLowerCase()} collapsed={collapsed} toggle={toggle} />
          ))}
        </ul>
      </div>
    </aside>
  );
}
