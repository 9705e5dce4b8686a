import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { ResultOf } from '../../api/methods';
import type { Session } from '../../api/session';
import { call, chosen, CliError, onlyFile, print, type Command, type Invocation } from '../command';
import { strings } from '../names';

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

type Disagreement = ResultOf<'agreement.disagreements'>['disagreements'][number];

const DECISIONS = ['A', 'B', 'both', 'neither'] as const;

/** --coders A,B: exactly two names. */
function twoCoders(inv: Invocation): [string, string] {
  const coders = list(inv, 'coders');
  if (coders?.length !== 2) throw new CliError('--coders takes exactly two names, separated by a comma (A,B).', 2);
  return coders as [string, string];
}

const DISAGREEMENT_UNITS = { char: 'character', character: 'character', paragraph: 'paragraph' } as const;

/** --unit char|paragraph (character by default; "character" as `agreement` spells it is taken too). */
function disagreementUnit(inv: Invocation): 'character' | 'paragraph' {
  const unit = inv.options.unit ?? 'char';
  if (typeof unit !== 'string' || !Object.hasOwn(DISAGREEMENT_UNITS, unit))
    throw new CliError(`--unit must be char or paragraph, not "${String(unit)}".`, 2);
  return DISAGREEMENT_UNITS[unit as keyof typeof DISAGREEMENT_UNITS];
}

/** The disagreements of two coders by --unit, over the --code and --doc given (each repeatable). */
async function disagreementsOf(session: Session, inv: Invocation, coders: [string, string]) {
  const codes = strings(inv.options.code);
  const documents = strings(inv.options.doc);
  return call(session, 'agreement.disagreements', {
    coders,
    unit: disagreementUnit(inv),
    ...(codes.length ? { codes } : {}),
    ...(documents.length ? { documents } : {}),
  });
}

/** A disagreement as the command line shows it: names, not ids. */
const described = ({ document, code, side, start, end, text, decision }: Disagreement) => ({
  document,
  code,
  side,
  start,
  end,
  text,
  decision,
});

const integer = (value: unknown, option: string): number => {
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new CliError(`--${option} must be a whole number.`, 2);
  return Number(value);
};

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
  disagreements: {
    usage:
      'disagreements PROJECT --coders A,B [--unit char|paragraph] [--code PATH]... [--doc NAME]... [--json]\n' +
      '                                      where two coders differ: each stretch (char, the default) or speaker turn (paragraph)\n' +
      '                                      only A or only B coded, with any decision taken',
    options: {
      coders: { type: 'string' },
      unit: { type: 'string' },
      code: { type: 'string', multiple: true },
      doc: { type: 'string', multiple: true },
    },
    async run(session, inv) {
      const coders = twoCoders(inv);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const result = await disagreementsOf(session, inv, coders);
      const list = result.disagreements.map(described);
      print(
        inv.json,
        { unit: result.unit, coders: result.coders, disagreements: list },
        [
          `${list.length} disagreements between ${result.coders.join(' and ')}${result.unit === 'paragraph' ? ' by speaker turn' : ''}`,
          ...list.map(
            (d) =>
              `${d.document} ${d.start}–${d.end} ${d.code}: only ${result.coders[d.side === 'A' ? 0 : 1]} ` +
              `${JSON.stringify(d.text)}${d.decision ? ` (decided: ${d.decision.decision})` : ''}`,
          ),
        ].join('\n'),
      );
    },
  },
  reconcile: {
    usage:
      'reconcile PROJECT --coders A,B --doc NAME --code PATH --start N --end N --accept A|B|both|neither [--unit char|paragraph]\n' +
      '                [--note TEXT] [--json]\n' +
      '                                      settles one disagreement (as `disagreements` lists it) into the coder Consensus, and logs the decision',
    options: {
      coders: { type: 'string' },
      unit: { type: 'string' },
      doc: { type: 'string' },
      code: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      accept: { type: 'string' },
      note: { type: 'string' },
    },
    async run(session, inv) {
      const coders = twoCoders(inv);
      const { doc, code, accept, note } = inv.options;
      if (typeof doc !== 'string' || typeof code !== 'string') throw new CliError('--doc NAME and --code PATH are required.', 2);
      const start = integer(inv.options.start, 'start');
      const end = integer(inv.options.end, 'end');
      if (!DECISIONS.includes(accept as (typeof DECISIONS)[number]))
        throw new CliError(`--accept must be A, B, both or neither, not "${String(accept ?? '')}".`, 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      // The span must be one the two coders disagree on: that gives its side and the ids the API takes.
      const found = (await disagreementsOf(session, inv, coders)).disagreements.find((d) => d.start === start && d.end === end);
      if (!found)
        throw new CliError(
          `${coders.join(' and ')} do not disagree on ${start}–${end} of "${doc}" for ${code}; \`trellis disagreements\` lists where they do.`,
        );
      const decided = await call(session, 'agreement.reconcile', {
        coders,
        documentId: found.documentId,
        codeId: found.codeId,
        start,
        end,
        side: found.side,
        decision: accept as (typeof DECISIONS)[number],
        ...(typeof note === 'string' ? { note } : {}),
      });
      const result = {
        ...described(found),
        decision: accept,
        note: typeof note === 'string' ? note : '',
        consensusSegment: decided.segmentId,
      };
      print(
        inv.json,
        result,
        `${found.document} ${start}–${end} ${found.code} (only ${coders[found.side === 'A' ? 0 : 1]}): accepted ${accept}; ` +
          (decided.segmentId === null ? 'left uncoded for Consensus' : 'coded for Consensus'),
      );
    },
  },
};
