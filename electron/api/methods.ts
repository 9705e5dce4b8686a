import { agreementMethods } from './handlers/agreement';
import { codebookMethods } from './handlers/codebook';
import { excerptMethods } from './handlers/excerpts';
import { frameworkMethods } from './handlers/frameworks';
import { historyMethods } from './handlers/history';
import { importMethods } from './handlers/import';
import { matrixMethods } from './handlers/matrix';
import { mergeMethods } from './handlers/merge';
import { projectMethods } from './handlers/project';
import { searchMethods } from './handlers/search';
import { qdpxMethods } from './handlers/qdpx';
import { segmentMethods } from './handlers/segments';
import { workspaceMethods } from './handlers/workspace';

type Tables = Record<string, unknown>[];
type Merged<T extends Tables> = T extends [infer H, ...infer R extends Tables] ? H & Merged<R> : unknown;

/** Joins the handler files' tables, refusing a method name defined twice (a spread would let the last one win). */
export function joinMethodTables<T extends Tables>(...tables: T): Merged<T> {
  const joined: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [name, def] of Object.entries(table)) {
      if (Object.hasOwn(joined, name)) throw new Error(`The API method "${name}" is defined twice.`);
      joined[name] = def;
    }
  }
  return joined as Merged<T>;
}

/** The one table of API methods that IPC, the browser host and the CLI all dispatch into. */
export const methods = joinMethodTables(
  projectMethods,
  workspaceMethods,
  historyMethods,
  segmentMethods,
  importMethods,
  codebookMethods,
  frameworkMethods,
  matrixMethods,
  agreementMethods,
  mergeMethods,
  searchMethods,
  qdpxMethods,
  excerptMethods,
);

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ArgsOf<M extends MethodName> = import('zod').input<Methods[M]['args']>;
export type ResultOf<M extends MethodName> = Awaited<ReturnType<Methods[M]['handler']>>;
