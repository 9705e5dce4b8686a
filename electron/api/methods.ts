import { agreementMethods } from './handlers/agreement';
import { codebookMethods } from './handlers/codebook';
import { frameworkMethods } from './handlers/frameworks';
import { historyMethods } from './handlers/history';
import { importMethods } from './handlers/import';
import { matrixMethods } from './handlers/matrix';
import { projectMethods } from './handlers/project';
import { segmentMethods } from './handlers/segments';
import { workspaceMethods } from './handlers/workspace';

/** The one table of API methods that IPC, the browser host and the CLI all dispatch into. */
export const methods = {
  ...projectMethods,
  ...workspaceMethods,
  ...historyMethods,
  ...segmentMethods,
  ...importMethods,
  ...codebookMethods,
  ...frameworkMethods,
  ...matrixMethods,
  ...agreementMethods,
};

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ArgsOf<M extends MethodName> = import('zod').input<Methods[M]['args']>;
export type ResultOf<M extends MethodName> = Awaited<ReturnType<Methods[M]['handler']>>;
