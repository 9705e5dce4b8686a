// Pure helpers over the code tree the API returns: what is visible, where a code sits, and where a drag
// or a keyboard move would put it (as the `codes.move` arguments).
import type { ResultOf } from '../../electron/api/methods';

export type CodeNode = ResultOf<'codebook.tree'>[number];

export interface Place {
  node: CodeNode;
  parent: CodeNode | null;
  siblings: CodeNode[];
  index: number;
  depth: number;
}

/** Every code with its parent and position, in tree order. */
export function places(tree: CodeNode[]): Map<number, Place> {
  const map = new Map<number, Place>();
  const walk = (siblings: CodeNode[], parent: CodeNode | null, depth: number) =>
    siblings.forEach((node, index) => {
      map.set(node.id, { node, parent, siblings, index, depth });
      walk(node.children, node, depth + 1);
    });
  walk(tree, null, 0);
  return map;
}

export function matchesFilter(node: CodeNode, filter: string): boolean {
  return !filter || node.name.toLowerCase().includes(filter) || node.children.some((c) => matchesFilter(c, filter));
}

/** The codes a reader sees, top to bottom: children of collapsed codes are hidden, a filter keeps matches and their ancestors. */
export function visibleCodes(tree: CodeNode[], collapsed: ReadonlySet<string>, filter: string): CodeNode[] {
  const out: CodeNode[] = [];
  const walk = (nodes: CodeNode[]) => {
    for (const node of nodes) {
      if (!matchesFilter(node, filter)) continue;
      out.push(node);
      if (filter || !collapsed.has(node.guid)) walk(node.children);
    }
  };
  walk(tree);
  return out;
}

export interface Move {
  id: number;
  parentId: number | null;
  index: number;
}

/** Whether `id` is `ancestor` or below it. */
function within(map: Map<number, Place>, id: number | null, ancestor: number): boolean {
  for (let at = id; at !== null; at = map.get(at)?.parent?.id ?? null) if (at === ancestor) return true;
  return false;
}

/**
 * Where a code dropped before, after or onto another goes. Null when that is no move, or one the codebook
 * refuses anyway (into itself; into a framework; a framework away from the top level).
 */
export function dropMove(map: Map<number, Place>, dragged: number, target: number, where: 'before' | 'after' | 'inside'): Move | null {
  const to = map.get(target);
  const from = map.get(dragged);
  if (!to || !from || target === dragged) return null;
  const parent = where === 'inside' ? to.node : to.parent;
  const parentId = parent?.id ?? null;
  if (within(map, parentId, dragged) || parent?.framework || (from.node.framework !== null && parentId !== null)) return null;
  if (where === 'inside') return { id: dragged, parentId, index: to.node.children.filter((c) => c.id !== dragged).length };
  // Indexes count the siblings without the dragged code, as the server does.
  const index = to.siblings.filter((s) => s.id !== dragged).findIndex((s) => s.id === target) + (where === 'after' ? 1 : 0);
  if (parentId === (from.parent?.id ?? null) && index === from.index) return null;
  return { id: dragged, parentId, index };
}

/** The keyboard's moves: Alt+Up/Down reorder, Alt+Right goes into the code above, Alt+Left out to its parent's level. */
export function keyMove(map: Map<number, Place>, id: number, key: 'up' | 'down' | 'in' | 'out'): Move | null {
  const at = map.get(id);
  if (!at) return null;
  const parentId = at.parent?.id ?? null;
  if (key === 'up') return at.index > 0 ? { id, parentId, index: at.index - 1 } : null;
  if (key === 'down') return at.index < at.siblings.length - 1 ? { id, parentId, index: at.index + 1 } : null;
  if (key === 'in') {
    const above = at.siblings[at.index - 1];
    return above ? { id, parentId: above.id, index: above.children.length } : null;
  }
  if (!at.parent) return null;
  const grand = map.get(at.parent.id)!;
  return { id, parentId: grand.parent?.id ?? null, index: grand.index + 1 };
}

/** What the tree shows as a code's count, for the chosen measure. */
export type Measure = 'segments' | 'segmentsWithChildren' | 'documents' | 'documentsWithChildren';

export const MEASURES: { value: Measure; label: string }[] = [
  { value: 'segmentsWithChildren', label: 'Passages, with sub-codes' },
  { value: 'segments', label: 'Passages, own only' },
  { value: 'documentsWithChildren', label: 'Documents, with sub-codes' },
  { value: 'documents', label: 'Documents, own only' },
];
