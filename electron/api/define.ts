import type { z } from 'zod';
import type { Session } from './session';
import type { ApiEvent } from './protocol';

/**
 * query: reads the open project. mutation: runs inside one SQLite transaction, then emits its events.
 * session: opens, creates or closes projects (no transaction of the current project).
 */
export type MethodKind = 'query' | 'mutation' | 'session';

export interface MethodDef<S extends z.ZodType, R> {
  summary: string;
  kind: MethodKind;
  args: S;
  /** Events pushed after the change commits; a function when they depend on the arguments. */
  emits?: readonly ApiEvent[] | ((args: z.output<S>) => readonly ApiEvent[]);
  /** Makes a mutation one step of the project's undo history, labelled for the Undo menu ("Apply code"). */
  undo?: (args: z.output<S>) => string;
  handler: (session: Session, args: z.output<S>) => R;
}

export const method = <S extends z.ZodType, R>(def: MethodDef<S, R>): MethodDef<S, R> => def;
