import type { TextEditResult } from '../../services/text-edit';
import type { Session } from '../../api/session';
import { call, chosen, CliError, onlyFile, print, type Command, type Invocation } from '../command';
import { describeSegments, documentId, integer, text } from './segments';

/** --coder is required: the change is one step of that coder's undo history. */
function coderOf(inv: Invocation): string {
  const coder = text(inv.options.coder);
  if (!coder) throw new CliError('--coder NAME is required: the change is one step of that coder’s undo history.', 2);
  return coder;
}

/** Opens PROJECT and finds --doc NAME. */
async function openDocument(session: Session, inv: Invocation): Promise<number> {
  const doc = text(inv.options.doc);
  if (!doc) throw new CliError('--doc NAME is required.', 2);
  await call(session, 'project.open', { file: chosen(session, onlyFile(inv, 'PROJECT')) });
  return documentId(session, doc);
}

/** What an edit of a transcript prints: the document, its length and its segments after it, the removed ones apart. */
async function printEdit(session: Session, inv: Invocation, result: TextEditResult, done: string): Promise<void> {
  const [segments, removed] = await Promise.all([
    describeSegments(session, result.segments ?? []),
    describeSegments(session, result.removed),
  ]);
  print(
    inv.json,
    { document: result.document, characters: result.characters, segments, removed },
    `${done} ${result.document} (${result.characters} characters); ${segments.length} segments kept` +
      (removed.length ? `, ${removed.length} removed: ${removed.map((s) => `${s.start}–${s.end} ${s.text}`).join('; ')}` : ''),
  );
}

const turnOptions = { doc: { type: 'string' }, turn: { type: 'string' }, coder: { type: 'string' } } as const;
const speakerOption = { speaker: { type: 'string' } } as const;

/**
 * `trellis edit-text`, `split-turn`, `join-turns`, `set-speaker` and `pseudonymise`: transcript text changed
 * with its codings kept, each one undo step of the coder.
 */
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
      const { start, end, replace } = inv.options;
      if (text(replace) === undefined) throw new CliError('--replace TEXT is required (an empty text deletes).', 2);
      const coder = coderOf(inv);
      const result = await call(session, 'documents.editText', {
        documentId: await openDocument(session, inv),
        start: integer(start, 'start'),
        end: integer(end, 'end'),
        text: text(replace)!,
        coder,
      });
      await printEdit(session, inv, result, 'Edited');
    },
  },
  'split-turn': {
    usage:
      'split-turn PROJECT --doc NAME --at N [--speaker S] --coder NAME [--json]\n' +
      "                                      split the turn holding code point N there; the new turn is S's (default: the same speaker)",
    options: { doc: turnOptions.doc, at: { type: 'string' }, ...speakerOption, coder: turnOptions.coder },
    async run(session, inv) {
      const coder = coderOf(inv);
      const speaker = text(inv.options.speaker);
      const result = await call(session, 'documents.splitTurn', {
        documentId: await openDocument(session, inv),
        at: integer(inv.options.at, 'at'),
        ...(speaker === undefined ? {} : { speaker }),
        coder,
      });
      await printEdit(session, inv, result, `Split turn ${result.turn - 1} of`);
    },
  },
  'join-turns': {
    usage:
      'join-turns PROJECT --doc NAME --turn N --coder NAME [--json]\n' +
      '                                      join turn N with the next (its label removed; the first speaker and time kept)',
    options: turnOptions,
    async run(session, inv) {
      const coder = coderOf(inv);
      const n = integer(inv.options.turn, 'turn');
      const result = await call(session, 'documents.joinTurns', { documentId: await openDocument(session, inv), n, coder });
      await printEdit(session, inv, result, `Joined turns ${n} and ${n + 1} of`);
    },
  },
  'set-speaker': {
    usage:
      'set-speaker PROJECT --doc NAME --turn N (--speaker S | --none) --coder NAME [--json]\n' +
      "                                      make turn N speaker S's (its label and speaker), or nobody's (--none: label removed)",
    options: { ...turnOptions, ...speakerOption, none: { type: 'boolean' } },
    async run(session, inv) {
      const named = text(inv.options.speaker);
      const none = inv.options.none === true;
      if (!named === !none) throw new CliError('Either --speaker S or --none is required.', 2);
      const speaker = none ? null : named!;
      const coder = coderOf(inv);
      const n = integer(inv.options.turn, 'turn');
      const result = await call(session, 'documents.setSpeaker', { documentId: await openDocument(session, inv), n, speaker, coder });
      await printEdit(session, inv, result, speaker === null ? `Turn ${n} has no speaker in` : `Turn ${n} is ${speaker}'s in`);
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
      const { find, replace, docs } = inv.options;
      if (!text(find)) throw new CliError('--find TEXT is required.', 2);
      if (text(replace) === undefined) throw new CliError('--replace TEXT is required.', 2);
      const coder = coderOf(inv);
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
        coder,
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
