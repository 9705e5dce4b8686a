import { call, chosen, CliError, onlyFile, print, type Command } from '../command';
import { describeSegments, documentId, integer, text } from './segments';

/** `trellis edit-text` and `trellis pseudonymise`: transcript text changed with its codings kept, each one undo step of the coder. */
export const textCommands: Record<string, Command> = {
  'edit-text': {
    usage:
      'edit-text PROJECT --doc NAME --start N --end N --replace TEXT --coder NAME [--json]\n' +
      '                                      replace code points [start, end) of a transcript; codings follow the text',
    options: {
      doc: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      replace: { type: 'string' },
      coder: { type: 'string' },
    },
    async run(session, inv) {
      const { doc, start, end, replace, coder } = inv.options;
      if (!text(doc)) throw new CliError('--doc NAME is required.', 2);
      if (text(replace) === undefined) throw new CliError('--replace TEXT is required (an empty text deletes).', 2);
      if (!text(coder)) throw new CliError('--coder NAME is required: the edit is one step of that coder’s undo history.', 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const result = await call(session, 'documents.editText', {
        documentId: await documentId(session, text(doc)!),
        start: integer(start, 'start'),
        end: integer(end, 'end'),
        text: text(replace)!,
        coder: text(coder),
      });
      const [segments, removed] = await Promise.all([
        describeSegments(session, result.segments),
        describeSegments(session, result.removed),
      ]);
      print(
        inv.json,
        { document: result.document, characters: result.characters, segments, removed },
        `Edited ${result.document} (${result.characters} characters); ${segments.length} segments kept` +
          (removed.length ? `, ${removed.length} removed: ${removed.map((s) => `${s.start}–${s.end} ${s.text}`).join('; ')}` : ''),
      );
    },
  },
  pseudonymise: {
    usage:
      'pseudonymise PROJECT --find TEXT --replace TEXT [--docs NAME,…] [--case-sensitive] [--part-words] --coder NAME [--json]\n' +
      '                                      replace a name wherever it occurs (whole words, any case), codings kept',
    options: {
      find: { type: 'string' },
      replace: { type: 'string' },
      docs: { type: 'string' },
      'case-sensitive': { type: 'boolean' },
      'part-words': { type: 'boolean' },
      coder: { type: 'string' },
    },
    async run(session, inv) {
      const { find, replace, docs, coder } = inv.options;
      if (!text(find)) throw new CliError('--find TEXT is required.', 2);
      if (text(replace) === undefined) throw new CliError('--replace TEXT is required.', 2);
      if (!text(coder)) throw new CliError('--coder NAME is required: the change is one step of that coder’s undo history.', 2);
      await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
      const names = (text(docs) ?? '')
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean);
      const documentIds = names.length ? await Promise.all(names.map((n) => documentId(session, n))) : undefined;
      const result = await call(session, 'documents.pseudonymise', {
        find: text(find)!,
        replace: text(replace)!,
        ...(documentIds ? { documentIds } : {}),
        caseSensitive: inv.options['case-sensitive'] === true,
        wholeWord: inv.options['part-words'] !== true,
        coder: text(coder),
      });
      const removed = await describeSegments(session, result.removed);
      print(
        inv.json,
        { replaced: result.replaced, documents: result.documents.map((d) => ({ document: d.document, replaced: d.replaced })), removed },
        result.replaced === 0
          ? `"${text(find)}" does not occur.`
          : `Replaced ${result.replaced} × "${text(find)}" in ${result.documents.map((d) => `${d.document} (${d.replaced})`).join(', ')}`,
      );
    },
  },
};
