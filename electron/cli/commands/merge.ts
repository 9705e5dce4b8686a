import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { call, chosen, CliError, print, type Command, type Invocation } from '../command';

const strings = (value: Invocation['options'][string]): string[] =>
  value === undefined || typeof value === 'boolean' ? [] : Array.isArray(value) ? value : [value];

const list = (items: string[]) => (items.length ? items.join(', ') : 'none');

export const mergeCommands: Record<string, Command> = {
  'copy-for-coder': {
    usage:
      'copy-for-coder PROJECT -o FILE [--keep-coder NAME]... [--json]\n' +
      "                                      a copy for a second coder: same documents, cases, codebook and frameworks, only the kept coders' codings",
    options: { output: { type: 'string', short: 'o' }, 'keep-coder': { type: 'string', multiple: true } },
    async run(session, inv) {
      const [project, ...extra] = inv.positionals;
      if (!project || extra.length > 0) throw new CliError('expected exactly one PROJECT.', 2);
      if (typeof inv.options.output !== 'string') throw new CliError('-o FILE is required.', 2);
      const output = resolve(inv.options.output);
      if (existsSync(output)) throw new CliError(`"${output}" already exists; choose another name.`);
      await call(session, 'project.open', { file: chosen(session, project) });
      const { coders } = await call(session, 'coders.list', {});
      const kept = strings(inv.options['keep-coder']).map((name) => {
        const coder = coders.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
        if (!coder) throw new CliError(`There is no coder "${name}" (coders: ${list(coders.map((c) => c.name))}).`);
        return coder;
      });
      const copy = await call(session, 'project.copyForCoder', { keepCoderIds: kept.map((c) => c.id) });
      writeFileSync(output, Buffer.from(copy.base64, 'base64'), { flag: 'wx' });
      const result = { file: output, coders: kept.map((c) => c.name), segments: copy.segments };
      print(inv.json, result, `Wrote ${output}: ${copy.segments} segments kept (coders: ${list(result.coders)})`);
    },
  },
  merge: {
    usage:
      'merge TARGET SOURCE [--json]             merge another project file (a coder copy) into TARGET in one transaction; prints the report',
    async run(session, inv) {
      const [target, source, ...extra] = inv.positionals;
      if (!target || !source || extra.length > 0) throw new CliError('expected TARGET and SOURCE.', 2);
      const sourceFile = resolve(source);
      if (!existsSync(sourceFile)) throw new CliError(`"${sourceFile}" does not exist.`);
      await call(session, 'project.open', { file: chosen(session, target) });
      // The API takes the file's bytes, never a path: the command reads the file itself.
      const report = await call(session, 'project.merge', {
        name: basename(sourceFile),
        bytes: readFileSync(sourceFile).toString('base64'),
      });
      print(
        inv.json,
        report,
        [
          `Merged ${report.file}: ${report.segments.added} segments added, ${report.segments.alreadyThere} already there`,
          `Documents: ${report.documents.matched.length} matched, ${report.documents.added.length} added, ${report.documents.skipped.length} skipped`,
          `Codes: ${report.codes.matched.length} matched, ${report.codes.added.length} added, ${report.codes.skipped.length} skipped`,
          `Coders: ${list([...report.coders.matched.map((c) => c.name), ...report.coders.added])}`,
          ...report.documents.skipped.map((d) => `Skipped ${d.name}: ${d.reason}`),
          ...report.segments.skipped.map((s) => `${s.segments} segments skipped: ${s.reason}`),
          ...report.notes,
          report.preMergeCopy ? `The project before the merge: ${report.preMergeCopy}` : 'Nothing new: the project is unchanged.',
        ].join('\n'),
      );
    },
  },
};
