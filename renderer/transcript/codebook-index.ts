import type { ResultOf } from '../../electron/api/methods';

type CodeNode = ResultOf<'codebook.tree'>[number];

export interface CodeInfo {
  id: number;
  name: string;
  path: string;
  color: string;
  description: string;
  codable: boolean;
}

/** The code tree flattened by id, for painting and for the coding popover's search. */
export function indexCodes(tree: CodeNode[] | undefined): Map<number, CodeInfo> {
  const index = new Map<number, CodeInfo>();
  const visit = (node: CodeNode) => {
    index.set(node.id, {
      id: node.id,
      name: node.name,
      path: node.path,
      color: node.color,
      description: node.description,
      codable: node.codable,
    });
    node.children.forEach(visit);
  };
  tree?.forEach(visit);
  return index;
}
