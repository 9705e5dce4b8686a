import { z } from 'zod';
import { ProjectFileError } from '../../db/errors';
import { recordStep } from '../../db/undo';
import { currentCoderId, ensureCoder, getCoderIfAny } from '../../db/queries/coders';
import { ApiError, toFailure } from './errors';
import type { MethodDef } from './define';
import { methods } from './methods';
import { brokenTextAt } from './well-formed';
import type { Envelope } from '../../shared/protocol';
import type { Session } from './session';

const table = methods as unknown as Record<string, MethodDef<z.ZodType, unknown, unknown>>;

/** Whose step a change is: the coder the call names (`coder` or `coderId`, as the CLI and imports do), else the current coder. */
function stepCoder(session: Session, args: unknown): number | null {
  const { coder, coderId } = (args ?? {}) as { coder?: unknown; coderId?: unknown };
  if (typeof coder === 'string') return ensureCoder(session.db, coder).id;
  // An unknown id is the handler's to refuse (not-found); the step then records no coder.
  if (typeof coderId === 'number') return getCoderIfAny(session.db, coderId);
  return currentCoderId(session.db);
}

/**
 * The single entry point of every transport: looks the method up, validates the arguments against its
 * schema, runs it (a mutation inside one transaction) and emits its events once the change is committed.
 */
export async function dispatch(session: Session, name: unknown, args: unknown): Promise<Envelope> {
  try {
    if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
      throw new ApiError('unknown-method', `There is no API method "${String(name).slice(0, 80)}".`);
    }
    const def = table[name]!;
    const broken = brokenTextAt(args);
    if (broken) {
      throw new ApiError(
        'invalid-args',
        `Invalid arguments for ${name}: the text in ${broken} has a broken character (an unpaired UTF-16 surrogate).`,
      );
    }
    const parsed = def.args.safeParse(args === undefined ? {} : args);
    if (!parsed.success) {
      throw new ApiError('invalid-args', `Invalid arguments for ${name}: ${z.prettifyError(parsed.error)}`);
    }
    const { undo } = def;
    if (def.kind === 'mutation' && session.db.readonly) {
      throw new ProjectFileError(
        'io',
        session.openFile!,
        `"${session.openFile}" is open read-only (Trellis may not write to it), so nothing can be changed. Copy it to a folder you can write to, or allow writing to it, and open it again.`,
      );
    }
    const prepared = def.prepare ? await def.prepare(session, parsed.data) : undefined;
    const run = () => def.handler(session, parsed.data, prepared);
    const result =
      def.kind !== 'mutation'
        ? await run()
        : // IMMEDIATE: take the write lock first, waiting out another writer (busy_timeout) instead of failing on upgrade.
          session.db
            .transaction(() => (undo ? recordStep(session.db, undo(parsed.data), stepCoder(session, parsed.data), run) : run()))
            .immediate();
    if (def.kind === 'mutation') session.afterChange();
    const events = typeof def.emits === 'function' ? def.emits(parsed.data, result) : (def.emits ?? []);
    for (const event of events) session.emit(event);
    if (undo) session.emit('history-changed');
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: toFailure(error, session.openFile) };
  }
}

export const methodNames = (): string[] => Object.keys(table);

/** The body limit a method declares for the HTTP host, if it needs more than the default. */
export const methodBodyLimit = (name: string): number | undefined => (Object.hasOwn(table, name) ? table[name]!.maxBodyBytes : undefined);
