import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { ArgsOf, ResultOf } from '../../api/methods';
import type { Session } from '../../api/session';
import { excerptRecords } from '../../services/excerpt-export';
import { call, chosen, CliError, onlyFile, print, type Command } from '../command';
import { callWithProgress } from '../progress';
import { caseConditions, coderIds, groupIds, same, strings } from '../names';

type Selection = Omit<ArgsOf<'excerpts.list'>, 'limit' | 'offset'>;
type Excerpt = ResultOf<'excerpts.list'>['excerpts'][number];

const FORMATS = ['docx', 'md', 'html', 'csv', 'xlsx'] as const;
const GROUPINGS = ['code', 'cell', 'document', 'case'] as const;
const PAGE = 500;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** A code by how the CLI names it: a path, "MGF:System/Operational" or "MGF:National". */
function codeNamed(refs: { id: number; ref: string }[], ref: string): number {
  const found = refs.find((r) => same(r.ref, ref.trim()));
  if (!found) throw new CliError(`There is no code "${ref}".`);
  return found.id;
}

async function selectionFrom(session: Session, options: Record<string, unknown>): Promise<Selection> {
  const groupBy = text(options['group-by']);
  if (groupBy !== undefined && !isOneOf(GROUPINGS, groupBy))
    throw new CliError(`--group-by must be code, cell, document or case, not "${groupBy}".`, 2);
  const refs = await call(session, 'codebook.refs', {});
  const codes = (text(options.codes) ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const coders = await coderIds(session, strings(options.coder as string[] | undefined));
  const conditions = await caseConditions(session, strings(options.where as string[] | undefined));
  const groups = await groupIds(session, strings(options.group as string[] | undefined));
  const cell = text(options.cell);
  const slice = text(options.slice);
  return {
    // A code stands for itself and its sub-codes; a passage with any of them is listed.
    codeIds: codes.map((c) => codeNamed(refs, c)),
    subcodes: true,
    match: 'any',
    ...(cell ? { cellCodeId: codeNamed(refs, cell) } : {}),
    ...(slice ? { sliceCodeId: codeNamed(refs, slice) } : {}),
    ...(coders.length ? { coderIds: coders } : {}),
    ...(groups.length ? { groupIds: groups } : {}),
    ...(conditions.length ? { caseAttributes: conditions } : {}),
    groupBy: groupBy ?? 'none',
  };
}

/** Every excerpt of the selection, page by page, in the export's order. */
async function allExcerpts(session: Session, selection: Selection): Promise<Excerpt[]> {
  const excerpts: Excerpt[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await call(session, 'excerpts.list', { ...selection, limit: PAGE, offset });
    excerpts.push(...page.excerpts);
    if (offset + PAGE >= page.entries) return excerpts;
  }
}

/** The --json contract: the CSV's records, with number attributes as JSON numbers. */
async function contract(session: Session, excerpts: Excerpt[], template: string) {
  const { attributes } = await call(session, 'cases.list', {});
  const numeric = new Set(attributes.filter((a) => a.type === 'number').map((a) => a.name));
  return excerptRecords({ excerpts, template, maxLength: null }).map((r) => ({
    ...r,
    attributes: Object.fromEntries(Object.entries(r.attributes).map(([k, v]) => [k, numeric.has(k) ? Number(v) : v])),
  }));
}

export const excerptCommands: Record<string, Command> = {
  excerpts: {
    usage:
      'excerpts PROJECT [--codes PATH,...] [--cell FRAMEWORK:ROW/COLUMN] [--slice FRAMEWORK:VALUE] [--coder NAME]... [--group NAME]... [--where attr=value]...\n' +
      '                 [--group-by code|cell|document|case] [--citation TEMPLATE] [--format docx|md|html|csv|xlsx -o FILE] [--json]\n' +
      '                                      coded excerpts with citations, printed or written as a file',
    options: {
      codes: { type: 'string' },
      cell: { type: 'string' },
      slice: { type: 'string' },
      coder: { type: 'string', multiple: true },
      where: { type: 'string', multiple: true },
      group: { type: 'string', multiple: true },
      'group-by': { type: 'string' },
      citation: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    async run(session, inv) {
      const output = text(inv.options.output) && resolve(text(inv.options.output)!);
      const format = text(inv.options.format) ?? (output ? extname(output).slice(1).toLowerCase() : undefined);
      if (format !== undefined && !isOneOf(FORMATS, format))
        throw new CliError(`--format must be docx, md, html, csv or xlsx, not "${format}".`, 2);
      if (format !== undefined && !output) throw new CliError('--format needs -o FILE to write to.', 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const selection = await selectionFrom(session, inv.options);
      const template = text(inv.options.citation) ?? (await call(session, 'excerpts.citationTemplate', {})).template;
      const excerpts = await allExcerpts(session, selection);
      const records = await contract(session, excerpts, template);
      if (output && format) {
        const file = await callWithProgress(
          session,
          'excerpts.export',
          { ...selection, format, citationTemplate: template },
          'Exporting excerpts',
        );
        try {
          writeFileSync(output, Buffer.from(file.base64, 'base64'));
        } catch (error) {
          throw new CliError(
            `Could not write ${output}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}.`,
          );
        }
      }
      print(
        inv.json,
        records,
        [
          ...records.map((r) => `${r.citation}\n  ${r.text.replace(/\n/g, '\n  ')}`),
          `${records.length} ${records.length === 1 ? 'excerpt' : 'excerpts'}${output ? `; wrote ${output}` : ''}`,
        ].join('\n'),
      );
    },
  },
};
