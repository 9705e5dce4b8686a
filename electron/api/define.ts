import type { z } from 'zod';
import type { Session } from './session';
import type { ApiEvent } from '../../shared/protocol';

/**
 * query: reads the open project. mutation: runs inside one SQLite transaction, then emits its events.
 * session: opens, creates or closes projects (no transaction of the current project).
 */
export type MethodKind = 'query' | 'mutation' | 'session';

export interface MethodDef<S extends z.ZodType, R, P = undefined> {
  summary: string;
  kind: MethodKind;
  args: S;
  /** Events pushed after the change commits; a function when they depend on the arguments or the result. */
  emits?: readonly ApiEvent[] | ((args: z.output<S>, result: Awaited<R>) => readonly ApiEvent[]);
  /** Makes a mutation one step of the project's undo history, labelled for the Undo menu ("Apply code"). */
  undo?: (args: z.output<S>) => string;
  /**
   * Slow or asynchronous work that writes nothing (reading and parsing a file), done before a mutation's
   * transaction opens; its result is the handler's third argument. Keeps the transaction short and synchronous.
   */
  prepare?: (session: Session, args: z.output<S>) => Promise<P>;
  /** The largest request body the HTTP host accepts for this method; others keep the host's default (1 MiB). */
  maxBodyBytes?: number;
  handler: (session: Session, args: z.output<S>, prepared: P) => R;
}

export const method = <S extends z.ZodType, R, P = undefined>(def: MethodDef<S, R, P>): MethodDef<S, R, P> => def;
