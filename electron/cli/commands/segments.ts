import type { ResultOf } from '../../api/methods';
import type { Session } from '../../api/session';
import { call, chosen, CliError, onlyFile, print, type Command } from '../command';

type Segment = ResultOf<'segments.list'>[number];

/** The CLI's segment shape: names instead of ids, framework codes as "MGF:System/Constitutive". */
export async function describeSegments(session: Session, segments: Segment[]) {
  const [documents, coders, labels] = await Promise.all([
    call(session, 'documents.list', {}),
    call(session, 'coders.list', {}),
    call(session, 'codebook.refs', {}),
  ]);
  const docName = new Map(documents.map((d) => [d.id, d.name]));
  const coderName = new Map(coders.coders.map((c) => [c.id, c.name]));
  const label = new Map(labels.map((l) => [l.id, l.ref]));
  return segments.map((s) => ({
    id: s.id,
    document: docName.get(s.documentId)!,
    start: s.start,
    end: s.end,
    text: s.text,
    coder: coderName.get(s.coderId)!,
    codes: s.codeIds.map((c) => label.get(c)!),
    memo: s.memo,
  }));
}

export async function documentId(session: Session, name: string): Promise<number> {
  const found = (await call(session, 'documents.list', {})).find((d) => d.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) throw new CliError(`There is no document named "${name}".`);
  return found.id;
}

export const integer = (value: unknown, option: string): number => {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new CliError(`--${option} must be a whole number.`, 2);
  return n;
};

export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const segmentCommands: Record<string, Command> = {
  code: {
    usage:
      'code PROJECT --doc NAME --start N --end N [--codes "PATH,PATH"] [--cell FRAMEWORK:ROW/COLUMN] [--slice FRAMEWORK:VALUE] --coder NAME [--memo TEXT] [--json]\n' +
      '                                      code a passage (offsets in code points, end exclusive); missing coders and theme codes are created',
    options: {
      doc: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      codes: { type: 'string' },
      cell: { type: 'string', multiple: true },
      slice: { type: 'string', multiple: true },
      coder: { type: 'string' },
      memo: { type: 'string' },
    },
    async run(session, inv) {
      const { doc, start, end, codes, cell, slice, coder, memo } = inv.options;
      if (!text(doc)) throw new CliError('--doc NAME is required.', 2);
      if (!text(coder)) throw new CliError('--coder NAME is required.', 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const paths = (text(codes) ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const refs = [...paths, ...((cell as string[] | undefined) ?? []), ...((slice as string[] | undefined) ?? [])];
      if (refs.length === 0) throw new CliError('Give at least one code: --codes, --cell or --slice.', 2);
      const segment = await call(session, 'segments.create', {
        documentId: await documentId(session, text(doc)!),
        start: integer(start, 'start'),
        end: integer(end, 'end'),
        codeRefs: refs,
        createMissing: true,
        coder: text(coder),
        ...(text(memo) !== undefined ? { memo: text(memo) } : {}),
      });
      const [described] = await describeSegments(session, [segment]);
      print(inv.json, described, `Coded ${described!.document} ${described!.start}–${described!.end} as ${described!.codes.join(', ')}`);
    },
  },
  segments: {
    usage: 'segments PROJECT [--doc NAME] [--coder NAME] [--json]   list coded segments with their exact text',
    options: { doc: { type: 'string' }, coder: { type: 'string' } },
    async run(session, inv) {
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const coderName = text(inv.options.coder);
      const coder = coderName
        ? (await call(session, 'coders.list', {})).coders.find((c) => c.name.toLowerCase() === coderName.toLowerCase())
        : undefined;
      if (coderName && !coder) throw new CliError(`There is no coder named "${coderName}".`);
      const doc = text(inv.options.doc);
      const segments = await call(session, 'segments.list', {
        ...(doc ? { documentId: await documentId(session, doc) } : {}),
        ...(coder ? { coderId: coder.id } : {}),
      });
      const described = await describeSegments(session, segments);
      print(
        inv.json,
        described,
        described.map((s) => `${s.document} ${s.start}–${s.end} [${s.coder}] ${s.codes.join(', ')}: ${s.text}`).join('\n'),
      );
    },
  },
};
