import { extname, resolve } from 'node:path';
import type { ArgsOf, ResultOf } from '../../api/methods';
import type { Session } from '../../api/session';
import { themeLevelLabel } from '../../../shared/matrix-rule';
import { call, chosen, CliError, onlyFile, print, writeExport, type Command, type Invocation } from '../command';
import { caseConditions, coderIds as coderIdsNamed, groupIds as groupIdsNamed, same, strings } from '../names';

type Spec = ArgsOf<'matrix.get'>;

/** Turns the names the command line takes (framework, slice value, coders, attribute=value) into a matrix spec. */
async function specFrom(session: Session, inv: Invocation): Promise<Spec> {
  const mode = inv.options.mode ?? 'overlap';
  if (mode !== 'overlap' && mode !== 'same-segment')
    throw new CliError(`--mode must be overlap or same-segment, not "${String(mode)}".`, 2);
  const level = inv.options['theme-level'];
  if (level !== undefined && (typeof level !== 'string' || !/^[1-9]\d{0,1}$/.test(level)))
    throw new CliError(`--theme-level takes a level from 1 (top-level themes) to 99, not "${String(level)}".`, 2);
  const { frameworks, activeId } = await call(session, 'frameworks.list', {});
  const frameworkName = inv.options.framework;
  const framework =
    typeof frameworkName === 'string'
      ? frameworks.find((f) => same(f.name, frameworkName))
      : (frameworks.find((f) => f.id === activeId) ?? frameworks[0]);
  if (!framework)
    throw new CliError(typeof frameworkName === 'string' ? `There is no framework "${frameworkName}".` : 'This project has no framework.');
  const sliceName = inv.options.slice;
  const slice = typeof sliceName === 'string' ? framework.slices.find((s) => same(s.name, sliceName)) : undefined;
  if (typeof sliceName === 'string' && !slice) {
    throw new CliError(
      `${framework.name} has no ${framework.sliceLabel ?? 'slice'} "${sliceName}" (it has: ${framework.slices.map((s) => s.name).join(', ') || 'none'}).`,
    );
  }
  const coderIds = await coderIdsNamed(session, strings(inv.options.coder));
  const caseAttributes = await caseConditions(session, strings(inv.options.where));
  const groupIds = await groupIdsNamed(session, strings(inv.options.group));
  return {
    layout: { kind: 'framework', frameworkId: framework.id, ...(slice ? { sliceId: slice.id } : {}) },
    mode,
    ...(level === undefined ? {} : { themeLevel: Number(level) }),
    filters: {
      ...(coderIds.length ? { coderIds } : {}),
      ...(groupIds.length ? { groupIds } : {}),
      ...(caseAttributes.length ? { caseAttributes } : {}),
    },
  };
}

/** The --json contract: every cell, themes by count then name, codes as paths. */
function contract(matrix: ResultOf<'matrix.get'>) {
  const name = (items: { key: string; name: string }[], key: string) => items.find((i) => i.key === key)!.name;
  const paths = new Map(matrix.themes.map((t) => [t.id, t.path]));
  return {
    framework: matrix.framework,
    rows: matrix.rows.map((r) => r.name),
    columns: matrix.columns.map((c) => c.name),
    cells: matrix.cells.map((c) => ({
      row: name(matrix.rows, c.row),
      column: name(matrix.columns, c.column),
      segments: c.segments,
      documents: c.documents,
      themes: c.themes.map((t) => ({ code: paths.get(t.codeId)!, segments: t.segments })),
    })),
  };
}

function asText(table: ReturnType<typeof contract>, matrix: ResultOf<'matrix.get'>): string {
  return [
    `${matrix.title} — ${matrix.documents} documents in scope${matrix.themeLevel === null ? '' : ` — ${themeLevelLabel(matrix.themeLevel).toLowerCase()}`}`,
    ...table.cells.map(
      (c) =>
        `${c.row} × ${c.column}: ${c.segments} segments, ${c.documents} documents${c.themes.length ? ` — ${c.themes.map((t) => `${t.code} ${t.segments}`).join(', ')}` : ''}`,
    ),
  ].join('\n');
}

export const matrixCommands: Record<string, Command> = {
  matrix: {
    usage:
      'matrix PROJECT [--framework NAME] [--slice VALUE] [--coder NAME]... [--group NAME]... [--where attr=value]... [--mode overlap|same-segment] [--theme-level N] [--output FILE.csv|.xlsx|.docx] [--json]\n' +
      '                                      the framework matrix: segments, documents and co-occurring themes per cell\n' +
      '                                      (--theme-level 1: top-level themes, each counting the codes under it)',
    options: {
      framework: { type: 'string' },
      slice: { type: 'string' },
      coder: { type: 'string', multiple: true },
      where: { type: 'string', multiple: true },
      group: { type: 'string', multiple: true },
      mode: { type: 'string' },
      'theme-level': { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    async run(session, inv) {
      const output = typeof inv.options.output === 'string' ? resolve(inv.options.output) : undefined;
      const format = output ? extname(output).slice(1).toLowerCase() : undefined;
      if (format !== undefined && format !== 'csv' && format !== 'xlsx' && format !== 'docx') {
        throw new CliError(`--output must end in .csv, .xlsx or .docx, not "${output}".`, 2);
      }
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const spec = await specFrom(session, inv);
      const matrix = await call(session, 'matrix.get', spec);
      const table = contract(matrix);
      if (output && format) {
        const file = await call(session, 'matrix.export', { ...spec, format });
        writeExport(session, output, file.base64);
      }
      print(inv.json, table, asText(table, matrix) + (output ? `\nWrote ${output}` : ''));
    },
  },
};
