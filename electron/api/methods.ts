import { agreementMethods } from './handlers/agreement';
import { appMethods } from './handlers/app';
import { caseMethods } from './handlers/cases';
import { codeSetMethods } from './handlers/code-sets';
import { codebookMethods } from './handlers/codebook';
import { coderMethods } from './handlers/coders';
import { codeMethods } from './handlers/codes';
import { documentGroupMethods } from './handlers/document-groups';
import { documentMethods } from './handlers/documents';
import { excerptMethods } from './handlers/excerpts';
import { frameworkMethods } from './handlers/frameworks';
import { historyMethods } from './handlers/history';
import { importMethods } from './handlers/import';
import { jobMethods } from './handlers/jobs';
import { matrixMethods } from './handlers/matrix';
import { memoMethods } from './handlers/memos';
import { projectMethods } from './handlers/project';
import { projectsMethods } from './handlers/projects';
import { qdpxMethods } from './handlers/qdpx';
import { searchMethods } from './handlers/search';
import { segmentMethods } from './handlers/segments';
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
  appMethods,
  projectsMethods,
  projectMethods,
  documentMethods,
  documentGroupMethods,
  caseMethods,
  importMethods,
  coderMethods,
  historyMethods,
  segmentMethods,
  memoMethods,
  codebookMethods,
  codeMethods,
  codeSetMethods,
  frameworkMethods,
  matrixMethods,
  agreementMethods,
  searchMethods,
  qdpxMethods,
  excerptMethods,
  jobMethods,
);

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ArgsOf<M extends MethodName> = import('zod').input<Methods[M]['args']>;
export type ResultOf<M extends MethodName> = Awaited<ReturnType<Methods[M]['handler']>>;
