import { resolve } from 'node:path';
import { call, chosen, CliError, onlyFile, print, writeExport, type Command } from '../command';
import { callWithProgress } from '../progress';

export const qdpxCommands: Record<string, Command> = {
  'qdpx-export': {
    usage: 'qdpx-export PROJECT -o FILE.qdpx [--json]   write the whole project as a REFI-QDA project; prints what has no place in it',
    options: { output: { type: 'string', short: 'o' } },
    async run(session, inv) {
      const project = onlyFile(inv, 'PROJECT');
      if (typeof inv.options.output !== 'string') throw new CliError('-o FILE.qdpx is required.', 2);
      await call(session, 'project.open', { file: chosen(session, project) });
      const file = resolve(inv.options.output);
      const exported = await callWithProgress(session, 'qdpx.export', {}, 'Writing the .qdpx');
      writeExport(session, file, exported.base64);
      const r = exported.report;
      print(
        inv.json,
        { file, ...r },
        [
          `Wrote ${file}: ${r.sources} sources, ${r.codes} codes, ${r.users} users, ${r.cases} cases, ${r.selections} selections, ${r.codings} codings, ${r.notes} notes.`,
          ...r.notCarried.map((n) => `  not carried  ${n}`),
        ].join('\n'),
      );
    },
  },
  'qdpx-import': {
    usage:
      'qdpx-import PROJECT|--new FILE.trellis FILE.qdpx [--json]   add a REFI-QDA project (to a new project with --new); prints the report',
    options: { new: { type: 'string' } },
    async run(session, inv) {
      const fresh = typeof inv.options.new === 'string' ? inv.options.new : undefined;
      const [first, second, ...extra] = inv.positionals;
      const [project, archive] = fresh ? [undefined, first] : [first, second];
      if (!archive || extra.length > 0 || (fresh ? second : !project))
        throw new CliError('expected PROJECT (or --new FILE.trellis) and FILE.qdpx.', 2);
      if (fresh) await call(session, 'project.create', { file: chosen(session, fresh) });
      else await call(session, 'project.open', { file: chosen(session, project!) });
      const r = await callWithProgress(session, 'qdpx.import', { source: { path: chosen(session, archive) } }, 'Reading the .qdpx');
      print(
        inv.json,
        r,
        [
          `Imported ${r.file}: ${r.sources} sources, ${r.codes} codes, ${r.users} users, ${r.cases} cases, ${r.selections} selections, ${r.codings} codings.`,
          ...r.skippedSources.map((s) => `  skipped    ${s.kind} source "${s.name}" (${s.selections} selections)`),
          ...r.corrected.map((c) => `  corrected  ${c}`),
          ...r.rejected.map((c) => `  rejected   ${c}`),
          ...r.notes.map((n) => `  note       ${n}`),
        ].join('\n'),
      );
    },
  },
};
