import { dispatch } from '../../api/dispatch';
import type { ResultOf } from '../../api/methods';
import type { EncodingName } from '../../../shared/encodings';
import { call, chosen, CliError, onlyFile, print, type Command } from '../command';
import { clearStatus, statusLine } from '../progress';
import { basename } from 'node:path';

/** One line of `trellis import --json`: a contract, see README. */
interface ImportRow {
  file: string;
  status: 'imported' | 'duplicate' | 'failed';
  document: string | null;
  error: string | null;
}

export const importCommands: Record<string, Command> = {
  import: {
    usage:
      'import PROJECT FILE|FOLDER... [--case-attributes SHEET] [--speaker-pattern REGEX] [--encoding NAME] [--json]\n' +
      '                                      import transcripts, each file in its own transaction',
    options: { 'case-attributes': { type: 'string' }, 'speaker-pattern': { type: 'string' }, encoding: { type: 'string' } },
    async run(session, inv) {
      const [project, ...inputs] = inv.positionals;
      if (!project || inputs.length === 0) throw new CliError('expected a PROJECT and at least one FILE or FOLDER.', 2);
      const sheet = inv.options['case-attributes'];
      const pattern = inv.options['speaker-pattern'];
      const encoding = inv.options.encoding;
      await call(session, 'project.open', { file: chosen(session, project) });
      // The sheet first: a bad sheet stops the run before any document is written.
      if (typeof sheet === 'string') await call(session, 'cases.importAttributes', { source: { path: chosen(session, sheet) } });
      const { files } = await call(session, 'import.scan', { paths: inputs.map((f) => chosen(session, f)) });
      const rows: ImportRow[] = [];
      const notes: string[] = [];
      for (const [index, file] of files.entries()) {
        statusLine(`Importing ${index + 1} of ${files.length}: ${basename(file)}`);
        const envelope = await dispatch(session, 'documents.import', {
          source: { path: file },
          ...(typeof pattern === 'string' ? { speakerPattern: pattern } : {}),
          // Checked by the API method, which lists the names it accepts.
          ...(typeof encoding === 'string' ? { encoding: encoding as EncodingName } : {}),
        });
        if (envelope.ok) {
          const result = envelope.result as ResultOf<'documents.import'>;
          rows.push({ file, status: result.status, document: result.document, error: null });
          notes.push(...result.notes.map((n) => `  ${n}`));
        } else rows.push({ file, status: 'failed', document: null, error: envelope.error.message });
      }
      clearStatus();
      print(
        inv.json,
        rows,
        rows
          .map((r) => (r.status === 'failed' ? `failed     ${r.error}` : `${r.status.padEnd(10)} ${r.document}  ← ${r.file}`))
          .concat(notes)
          .join('\n'),
      );
      const failed = rows.filter((r) => r.status === 'failed').length;
      if (failed > 0) throw new CliError(`${failed} of ${rows.length} files could not be imported.`);
    },
  },
  documents: {
    usage: 'documents PROJECT [--doc NAME] [--json]   documents with case, attributes and paragraphs (code-point offsets)',
    options: { doc: { type: 'string' } },
    async run(session, inv) {
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const doc = inv.options.doc;
      const documents = await call(session, 'documents.describe', typeof doc === 'string' ? { name: doc } : {});
      print(
        inv.json,
        documents,
        documents
          .map((d) => {
            const speakers = [...new Set(d.paragraphs.map((p) => p.speaker).filter((s) => s !== null))];
            return `${d.name} — ${d.case ?? 'no case'}: ${d.characters} characters, ${d.paragraphs.length} paragraphs${speakers.length ? `; speakers ${speakers.join(', ')}` : ''}`;
          })
          .join('\n') || 'No documents.',
      );
    },
  },
  'link-media': {
    usage:
      'link-media PROJECT --doc NAME [FILE] [--json]  link a recording (MP3, M4A, WAV, OGG) to a document by its path, never copied; without FILE, unlink it',
    options: { doc: { type: 'string' } },
    async run(session, inv) {
      const [project, file, ...extra] = inv.positionals;
      if (!project || extra.length > 0) throw new CliError('expected PROJECT and at most one FILE.', 2);
      const doc = inv.options.doc;
      if (typeof doc !== 'string') throw new CliError('--doc NAME is required.', 2);
      await call(session, 'project.open', { file: chosen(session, project) });
      const [found] = await call(session, 'documents.describe', { name: doc });
      const id = (await call(session, 'documents.list', {})).find((d) => d.name === found!.name)!.id;
      if (file === undefined) {
        const { unlinked } = await call(session, 'documents.unlinkMedia', { id });
        return print(
          inv.json,
          { document: found!.name, recording: null, unlinked },
          unlinked ? `${found!.name}: recording unlinked.` : `${found!.name} had no recording.`,
        );
      }
      const link = (await call(session, 'documents.linkMedia', { id, path: chosen(session, file) }))!;
      print(inv.json, { document: found!.name, recording: link.path, size: link.size }, `${found!.name}: linked to ${link.path}`);
    },
  },
};
