import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { dropMove, keyMove, matchesFilter, places, visibleCodes, type CodeNode, type Measure, type Move } from './code-tree-model';

export type NewCodeAt = { parentId: number | null };
export type FocusRequest = { id: number; parentId?: number | null; index?: number };

interface Props {
  tree: CodeNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  measure: Measure;
  filter: string;
  collapsed: ReadonlySet<string>;
  onToggle: (guid: string, open?: boolean) => void;
  renamingId: number | null;
  onRenaming: (id: number | null) => void;
  creating: NewCodeAt | null;
  onCreating: (at: NewCodeAt | null) => void;
  onRename: (id: number, name: string) => void;
  onCreate: (parentId: number | null, name: string) => void;
  onMove: (move: Move) => void;
  onDelete: (id: number) => void;
  /** A code to put keyboard focus on once it is shown (created, renamed), or shown at its new place (moved). */
  focusRequest: FocusRequest | null;
  onFocused: () => void;
}

type Where = 'before' | 'after' | 'inside';
const DRAG_TYPE = 'application/x-trellis-code';

/** A one-line name editor: Enter keeps, Escape drops, leaving the field keeps. */
function NameField({ initial, label, onDone }: { initial: string; label: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name?.trim() ? name.trim() : null);
  };
  return (
    <input
      className="name-field"
      aria-label={label}
      autoFocus
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        if (e.key === 'Escape') finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}

/** Where in a row the pointer is: its top quarter drops before, its bottom quarter after, the middle inside. */
function dropZone(e: DragEvent<HTMLElement>, canContain: boolean): Where {
  const rect = e.currentTarget.getBoundingClientRect();
  const y = (e.clientY - rect.top) / rect.height;
  if (!canContain) return y < 0.5 ? 'before' : 'after';
  return y < 0.25 ? 'before' : y > 0.75 ? 'after' : 'inside';
}

/**
 * The code tree: arrows move through it, Right/Left open and close, F2 renames, N adds a code inside (Shift+N
 * beside), Delete deletes, Alt+arrows move a code; codes can be dragged before, after or into others.
 */
export function CodeTree(props: Props) {
  const { tree, selectedId, onSelect, measure, filter, collapsed, onToggle, creating, focusRequest, onFocused } = props;
  const map = useMemo(() => places(tree), [tree]);
  const visible = useMemo(() => visibleCodes(tree, collapsed, filter), [tree, collapsed, filter]);
  const [drop, setDrop] = useState<{ id: number; where: Where } | null>(null);
  const dragged = useRef<number | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const focusId = selectedId !== null && visible.some((n) => n.id === selectedId) ? selectedId : (visible[0]?.id ?? null);

  // Keyboard focus follows the selection while the tree has it.
  useEffect(() => {
    if (focusId === null || !treeRef.current?.contains(document.activeElement)) return;
    const item = document.getElementById(`code-${focusId}`);
    if (item && document.activeElement !== item && !(document.activeElement instanceof HTMLInputElement)) item.focus();
  }, [focusId, visible]);

  useEffect(() => {
    if (!focusRequest) return;
    const at = map.get(focusRequest.id);
    const arrived =
      at && (focusRequest.index === undefined || (at.index === focusRequest.index && (at.parent?.id ?? null) === focusRequest.parentId));
    if (!arrived) return;
    document.getElementById(`code-${focusRequest.id}`)?.focus();
    onFocused();
  }, [focusRequest, onFocused, map]);

  const inFramework = (node: CodeNode) => node.framework !== null;
  const canContain = (node: CodeNode) => !inFramework(node);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || focusId === null) return;
    const at = visible.findIndex((n) => n.id === focusId);
    const node = visible[at]!;
    const open = node.children.length > 0 && (filter !== '' || !collapsed.has(node.guid));
    const go = (target: CodeNode | undefined) => target && onSelect(target.id);
    const move = (key: 'up' | 'down' | 'in' | 'out') => {
      const m = keyMove(map, node.id, key);
      if (m) props.onMove(m);
    };
    if (e.altKey && e.key === 'ArrowUp') move('up');
    else if (e.altKey && e.key === 'ArrowDown') move('down');
    else if (e.altKey && e.key === 'ArrowRight') move('in');
    else if (e.altKey && e.key === 'ArrowLeft') move('out');
    else if (e.key === 'ArrowDown') go(visible[at + 1]);
    else if (e.key === 'ArrowUp') go(visible[at - 1]);
    else if (e.key === 'Home') go(visible[0]);
    else if (e.key === 'End') go(visible.at(-1));
    else if (e.key === 'ArrowRight') {
      if (node.children.length > 0 && !open) onToggle(node.guid, true);
      else if (open) go(node.children.find((c) => matchesFilter(c, filter)));
    } else if (e.key === 'ArrowLeft') {
      if (open) onToggle(node.guid, false);
      else go(map.get(node.id)?.parent ?? undefined);
    } else if (e.key === 'F2' || e.key === 'Enter') props.onRenaming(node.id);
    else if (e.key === 'Delete') props.onDelete(node.id);
    else if (e.key.toLowerCase() === 'n' && !e.ctrlKey && !e.metaKey) {
      const parent = map.get(node.id)?.parent ?? null;
      props.onCreating({ parentId: e.shiftKey || !canContain(node) ? (parent && canContain(parent) ? parent.id : null) : node.id });
    } else return;
    e.preventDefault();
  };

  const newCodeRow = (parentId: number | null) =>
    creating && creating.parentId === parentId ? (
      <li className="new-code" role="none">
        <NameField
          initial=""
          label="New code name"
          onDone={(name) => {
            props.onCreating(null);
            // Keys typed before the new code arrives go to the tree, not to the page.
            treeRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
            if (name) props.onCreate(parentId, name);
          }}
        />
      </li>
    ) : null;

  const item = (node: CodeNode, depth: number) => {
    if (!matchesFilter(node, filter)) return null;
    const open = filter !== '' || !collapsed.has(node.guid) || creating?.parentId === node.id;
    const count = node[measure];
    const unit = measure.startsWith('documents') ? 'documents' : 'segments';
    const dropping = drop?.id === node.id ? drop.where : null;
    // Framework cells and slice values keep their place; a framework stays at the top level.
    const draggable = node.framework === null || node.framework.role === 'root';
    const showsChildren = (open && node.children.length > 0) || creating?.parentId === node.id;
    // The row is the treeitem and owns its group beside it (not inside it): its name then matches what it shows,
    // the code's name and count, not the names of every code under it.
    return (
      <li key={node.guid} role="none">
        <div
          id={`code-${node.id}`}
          role="treeitem"
          aria-level={depth + 1}
          aria-selected={node.id === selectedId}
          aria-expanded={node.children.length > 0 ? open : undefined}
          aria-owns={showsChildren ? `code-${node.id}-children` : undefined}
          aria-label={`${node.name}, ${count} ${unit}`}
          tabIndex={node.id === focusId ? 0 : -1}
          onFocus={(e) => e.target === e.currentTarget && node.id !== selectedId && onSelect(node.id)}
          className={`code-row${node.codable ? '' : ' grouping'}${node.id === selectedId ? ' selected' : ''}${dropping ? ` drop-${dropping}` : ''}`}
          title={node.description || undefined}
          draggable={draggable && props.renamingId !== node.id}
          onClick={() => onSelect(node.id)}
          onDoubleClick={() => !inFramework(node) && props.onRenaming(node.id)}
          onDragStart={(e) => {
            dragged.current = node.id;
            e.dataTransfer.setData(DRAG_TYPE, String(node.id));
            e.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(e) => {
            if (dragged.current === null) return;
            const where = dropZone(e, canContain(node));
            // Only where the code can go is a drop target (the pointer says so).
            if (!dropMove(map, dragged.current, node.id, where)) return;
            e.preventDefault();
            if (drop?.id !== node.id || drop.where !== where) setDrop({ id: node.id, where });
          }}
          onDragLeave={() => setDrop((d) => (d?.id === node.id ? null : d))}
          onDrop={(e) => {
            e.preventDefault();
            const from = Number(e.dataTransfer.getData(DRAG_TYPE)) || dragged.current;
            const m = from ? dropMove(map, from, node.id, dropZone(e, canContain(node))) : null;
            setDrop(null);
            if (m) props.onMove(m);
          }}
          onDragEnd={() => {
            dragged.current = null;
            setDrop(null);
          }}
        >
          {node.children.length > 0 ? (
            <button
              type="button"
              className="twisty"
              tabIndex={-1}
              aria-label={`${open ? 'Collapse' : 'Expand'} ${node.name}`}
              onClick={(e) => {
                e.stopPropagation();
                onToggle(node.guid);
              }}
            >
              {open ? '▾' : '▸'}
            </button>
          ) : (
            <span className="twisty" />
          )}
          <span className="swatch" style={{ backgroundColor: node.color }} aria-hidden="true" />
          {props.renamingId === node.id ? (
            <NameField
              initial={node.name}
              label={`Rename ${node.name}`}
              onDone={(name) => {
                props.onRenaming(null);
                document.getElementById(`code-${node.id}`)?.focus();
                if (name && name !== node.name) props.onRename(node.id, name);
              }}
            />
          ) : (
            <span className="code-name">{node.name}</span>
          )}
          {/* A space between name and count, so that the text read out is "name count", not "namecount". */}{' '}
          <span className="code-count" data-testid="code-count">
            {count}
          </span>
        </div>
        {showsChildren ? (
          <ul role="group" id={`code-${node.id}-children`}>
            {node.children.map((child) => item(child, depth + 1))}
            {newCodeRow(node.id)}
          </ul>
        ) : null}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label="Codes" className="code-tree" ref={treeRef} onKeyDown={onKeyDown}>
      {tree.map((node) => item(node, 0))}
      {newCodeRow(null)}
    </ul>
  );
}
