import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { ResultOf } from '../../api/methods';
import { call, chosen, CliError, onlyFile, print, type Command, type Invocation } from '../command';

type Agreement = ResultOf<'agreement.compute'>;
type Row = Agreement['overall'];

const UNITS = ['character', 'paragraph', 'document'] as const;
const FORMATS = ['docx', 'csv'] as const;

/** "A,B" → ["A", "B"]; an absent option → undefined. */
function list(inv: Invocation, option: string): string[] | undefined {
  const value = inv.options[option];
  if (value === undefined) return undefined;
  const items = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new CliError(`--${option} needs at least one name.`, 2);
  return items;
}

const figure = (x: number | null | undefined) => (x === undefined ? null : x === null ? 'undefined' : x.toFixed(3));

function rowText(label: string, row: Row): string {
  const parts = [
    `${row.units} units`,
    row.both === undefined ? null : `both ${row.both}, only A ${row.onlyA}, only B ${row.onlyB}, neither ${row.neither}`,
    `agreement ${figure(row.percent)}`,
    row.kappa === undefined ? null : `kappa ${figure(row.kappa)}`,
    `alpha ${figure(row.alpha)}`,
    row.fleiss === undefined ? null : `Fleiss ${figure(row.fleiss)}`,
    row.uAlphaBinary === undefined ? null : `|uα ${figure(row.uAlphaBinary)}`,
  ];
  return `${label}: ${parts.filter(Boolean).join('; ')}${row.reason ? ` (${row.reason})` : ''}`;
}

function asText(a: Agreement): string {
  return [
    `Agreement of ${a.coders.join(', ')} by ${a.unit}`,
    ...a.codes.map((row) => rowText(row.code!, row)),
    rowText('Overall', a.overall),
    ...a.groups.map(
      (g) =>
        `${g.group}: uα ${figure(g.uAlpha)}; |uα ${figure(g.uAlphaBinary)}; cuα (experimental) ${figure(g.cuAlpha)}${g.reason ? ` (${g.reason})` : ''}`,
    ),
  ].join('\n');
}

export const agreementCommands: Record<string, Command> = {
  agreement: {
    usage:
      'agreement PROJECT --coders A,B[,C…] --unit character|paragraph|document [--codes PATH,…] [--docs NAME,…]\n' +
      '                 [--format docx|csv -o FILE] [--json]\n' +
      '                                      inter-coder agreement per code × document, per code, overall and per group of codes',
    options: {
      coders: { type: 'string' },
      unit: { type: 'string' },
      codes: { type: 'string' },
      docs: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    async run(session, inv) {
      const coders = list(inv, 'coders');
      if (!coders) throw new CliError('--coders is required (two or more names, separated by commas).', 2);
      const unit = inv.options.unit;
      if (!UNITS.includes(unit as (typeof UNITS)[number]))
        throw new CliError(`--unit must be character, paragraph or document, not "${String(unit ?? '')}".`, 2);
      const output = typeof inv.options.output === 'string' ? resolve(inv.options.output) : undefined;
      const format = typeof inv.options.format === 'string' ? inv.options.format : output && extname(output).slice(1).toLowerCase();
      if (format !== undefined && !FORMATS.includes(format as (typeof FORMATS)[number]))
        throw new CliError(`--format must be docx or csv, not "${format}".`, 2);
      if (format !== undefined && !output) throw new CliError('--format needs -o FILE to write to.', 2);
      const codes = list(inv, 'codes');
      const documents = list(inv, 'docs');
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const spec = {
        coders,
        unit: unit as (typeof UNITS)[number],
        ...(codes ? { codes } : {}),
        ...(documents ? { documents } : {}),
      };
      const result = await call(session, 'agreement.compute', spec);
      if (output && format) {
        const file = await call(session, 'agreement.export', { ...spec, format: format as (typeof FORMATS)[number] });
        try {
          writeFileSync(output, Buffer.from(file.base64, 'base64'));
        } catch (error) {
          throw new CliError(
            `Could not write ${output}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}.`,
          );
        }
      }
      print(inv.json, result, `${asText(result)}${output ? `\nWrote ${output}` : ''}`);
    },
  },
};
