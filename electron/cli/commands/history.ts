import { call, chosen, CliError, onlyFile, print, type Command } from '../command';

/** `trellis undo` and `trellis redo`: one step of the named coder's history, never another coder's. */
function historyCommand(direction: 'undo' | 'redo'): Command {
  return {
    usage: `${direction} PROJECT --coder NAME [--json]   ${direction} that coder's ${direction === 'undo' ? 'latest change' : 'change undone last'}`,
    options: { coder: { type: 'string' } },
    async run(session, inv) {
      const coder = inv.options.coder;
      if (typeof coder !== 'string') throw new CliError('--coder NAME is required: undo and redo act on one coder’s own changes.', 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const result =
        direction === 'undo'
          ? (await call(session, 'history.undo', { coder })).undone
          : (await call(session, 'history.redo', { coder })).redone;
      if (!result) throw new CliError(`${coder} has nothing to ${direction}.`);
      print(inv.json, { step: result.step, label: result.label }, `${direction === 'undo' ? 'Undid' : 'Redid'} "${result.label}"`);
    },
  };
}

export const historyCommands: Record<string, Command> = { undo: historyCommand('undo'), redo: historyCommand('redo') };
