import { resolve } from 'node:path';
import type { ResultOf } from '../../api/methods';
import { joinDescription } from '../../services/qdc';
import { call, chosen, CliError, onlyFile, print, writeExport, type Command } from '../command';
import { callWithProgress } from '../progress';

type Node = ResultOf<'codebook.tree'>[number];

/** The `codebook --json` contract: one object per code, children nested. */
interface CodebookJson {
  guid: string;
  path: string;
  name: string;
  color: string;
  description: string;
  codable: boolean;
  segments: number;
  children: CodebookJson[];
}

const toJson = (node: Node): CodebookJson => ({
  guid: node.guid,
  path: node.path,
  name: node.name,
  color: node.color,
  description: joinDescription(node),
  codable: node.codable,
  segments: node.segments,
  children: node.children.map(toJson),
});

const toText = (node: Node, depth = 0): string[] => [
  `${'  '.repeat(depth)}${node.name}  ${node.codable ? node.segments : `(${node.segmentsWithChildren})`}`,
  ...node.children.flatMap((child) => toText(child, depth + 1)),
];

const FORMATS = ['qdc', 'md', 'docx'] as const;

export const codebookCommands: Record<string, Command> = {
  codebook: {
    usage: 'codebook PROJECT [--json]           the code tree with colours, definitions and segment counts',
    async run(session, inv) {
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const tree = await call(session, 'codebook.tree', {});
      print(inv.json, tree.map(toJson), tree.flatMap((node) => toText(node)).join('\n'));
    },
  },
  'codebook-export': {
    usage: 'codebook-export PROJECT --format qdc|md|docx -o FILE [--json]   write the codebook (REFI-QDA, or an appendix)',
    options: { format: { type: 'string' }, output: { type: 'string', short: 'o' } },
    async run(session, inv) {
      const project = onlyFile(inv, 'PROJECT');
      const format = FORMATS.find((f) => f === inv.options.format);
      if (!format) throw new CliError('--format must be qdc, md or docx.', 2);
      if (typeof inv.options.output !== 'string') throw new CliError('-o FILE is required.', 2);
      await call(session, 'project.open', { file: chosen(session, project) });
      const file = resolve(inv.options.output);
      const exported = await call(session, 'codebook.export', { format });
      writeExport(session, file, exported.base64);
      print(inv.json, { file, format, codes: exported.codes }, `Wrote ${exported.codes} codes to ${file}`);
    },
  },
  'codebook-import': {
    usage: 'codebook-import PROJECT FILE.qdc [--json]    merge a REFI-QDA codebook (by GUID, then by name)',
    async run(session, inv) {
      const [project, file, ...extra] = inv.positionals;
      if (!project || !file || extra.length > 0) throw new CliError('expected PROJECT and FILE.qdc.', 2);
      await call(session, 'project.open', { file: chosen(session, project) });
      const report = await callWithProgress(
        session,
        'codebook.import',
        { source: { path: chosen(session, file) } },
        'Reading the codebook',
      );
      print(
        inv.json,
        report,
        [
          `Imported ${report.file}: ${report.added.length} added, ${report.matched.length} matched, ${report.renamed.length} renamed or moved.`,
          ...report.added.map((p) => `  added    ${p}`),
          ...report.renamed.map((r) => `  renamed  ${r.from} → ${r.to}`),
          ...report.notes.map((n) => `  note     ${n}`),
        ].join('\n'),
      );
    },
  },
};
