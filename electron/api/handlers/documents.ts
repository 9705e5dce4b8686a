// Documents: listing, reading, importing, renaming, reordering and deleting them.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import {
  deleteDocument,
  documentImpact,
  documentOutlines,
  getDocument,
  listDocuments,
  moveDocument,
  renameDocument,
} from '../../../db/queries/documents';
import { commitImport } from '../../services/import/commit';
import { pseudonymise, pseudonymisePreview } from '../../services/pseudonymise';
import { editText } from '../../services/text-edit';
import { checkUploadSize, naming, sourceFile } from '../../services/import/read';
import { runInWorker } from '../../services/jobs/run-in-worker';
import { formatClock } from '../../services/timecode';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { encoding, id, jobId, name, offset, speakerOptions, transcriptSource, UPLOAD_BODY_BYTES } from '../schemas';

const importArgs = z.strictObject({
  source: transcriptSource,
  /** The document's name; default: the file's name without extension. Made unique with " (2)", " (3)", … */
  name: name.optional(),
  /** The case to put it in (created if new); default: a case named after the document; null: none. */
  case: z.union([name, z.null()]).optional(),
  /** Values of case attributes, set on that case. */
  attributes: z
    .array(
      z.strictObject({
        name,
        type: z.enum(['text', 'number', 'date', 'choice']),
        value: z.string().trim().min(1).max(1000),
      }),
    )
    .max(200)
    .optional(),
  ...speakerOptions,
  encoding,
  job: jobId.optional(),
});

/** Text typed into a transcript: one paragraph's worth at most, no line break (checked by the service). */
const replacement = z.string().max(10_000);

const pseudonymArgs = {
  find: z.string().min(1).max(500),
  replace: z.string().max(500),
  /** Only these documents; default: all. */
  documentIds: z.array(id).max(100_000).optional(),
  /** Default false: "jon" finds "Jon". */
  caseSensitive: z.boolean().optional(),
  /** Default true: "Jon" does not find "Jonathan". */
  wholeWord: z.boolean().optional(),
};

/** Whose undo step an edit is: a coder name (created on first use), as the CLI gives it; default: the current coder. */
const coder = { coder: name.optional() };

const TEXT_EVENTS = ['documents-changed', 'segments-changed', 'codebook-changed'] as const;

export const documentMethods = {
  'documents.list': method({
    summary:
      "All documents with their sizes, segment counts and cases; with coderId, only that coder's segments are counted (blind coding).",
    kind: 'query',
    args: z.strictObject({ coderId: id.optional() }),
    handler: (session, args) => listDocuments(session.db, args.coderId ?? null),
  }),
  'documents.get': method({
    summary: "One document's canonical text and its paragraphs (offsets in code points).",
    kind: 'query',
    args: z.strictObject({ id }),
    handler: (session, args) => getDocument(session.db, args.id),
  }),
  'documents.import': method({
    summary:
      'Imports one transcript (.txt, .docx, .odt, .md, .vtt, .srt or pasted text) as a new document in its own transaction; text the project already has is reported as a duplicate.',
    kind: 'mutation',
    args: importArgs,
    emits: ['documents-changed'],
    maxBodyBytes: UPLOAD_BODY_BYTES,
    // Read and parsed in a worker; the write stays one transaction on this thread.
    prepare: async (session, { source, job, ...options }) => {
      requireChosenSource(session, source);
      await naming(sourceFile(source), async () => checkUploadSize(source));
      return session.jobs.run(job, (control) => runInWorker('transcript.read', { source, options }, control, { file: sourceFile(source) }));
    },
    handler: (session, args, file) => commitImport(session.db, args, file),
  }),
  'documents.describe': method({
    summary:
      "Documents (or the one named) with their case, the case's attributes and their paragraphs, as `trellis documents` prints them.",
    kind: 'query',
    args: z.strictObject({ name: name.optional() }),
    handler: (session, args) => {
      const outlines = documentOutlines(session.db, args.name);
      if (args.name !== undefined && outlines.length === 0) throw new DataError('not-found', `There is no document named "${args.name}".`);
      return outlines.map((d) => ({
        name: d.name,
        case: d.case,
        attributes: Object.fromEntries(
          d.attributes.map((a) => [a.name, a.type === 'number' ? Number(a.value) : a.type === 'boolean' ? a.value === 'true' : a.value]),
        ),
        characters: d.characters,
        paragraphs: d.paragraphs.map((p) => ({
          n: p.n,
          start: p.start,
          end: p.end,
          speaker: p.speaker,
          time: p.timeMs === null ? null : formatClock(p.timeMs),
        })),
      }));
    },
  }),
  'documents.rename': method({
    summary: 'Renames a document (names are unique in the project, case-insensitively).',
    kind: 'mutation',
    args: z.strictObject({ id, name }),
    emits: ['documents-changed'],
    undo: () => 'Rename document',
    handler: (session, args) => renameDocument(session.db, args.id, args.name),
  }),
  'documents.move': method({
    summary: "Puts a document at a position (0-based) in the project's document order.",
    kind: 'mutation',
    args: z.strictObject({ id, index: z.number().int().min(0).max(1_000_000) }),
    emits: ['documents-changed'],
    undo: () => 'Reorder documents',
    handler: (session, args) => {
      moveDocument(session.db, args.id, args.index);
      return listDocuments(session.db).map((d) => d.id);
    },
  }),
  'documents.deletePreview': method({
    summary: 'What deleting a document would take with it: its segments, their codings and its memos.',
    kind: 'query',
    args: z.strictObject({ id }),
    handler: (session, args) => documentImpact(session.db, args.id),
  }),
  'documents.delete': method({
    summary: 'Deletes a document with its paragraphs, segments, codings and memos; undoable.',
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: ['documents-changed', 'segments-changed', 'codebook-changed', 'memos-changed'],
    undo: () => 'Delete document',
    handler: (session, args) => deleteDocument(session.db, args.id),
  }),
  'documents.editText': method({
    summary:
      "Replaces code points [start, end) of a document's text; every segment, paragraph and formatting run follows (a segment whose text is all deleted is removed and listed). One undo step.",
    kind: 'mutation',
    args: z.strictObject({ documentId: id, start: offset, end: offset, text: replacement, ...coder }),
    emits: TEXT_EVENTS,
    undo: () => 'Edit text',
    handler: (session, { documentId, start, end, text }) => editText(session.db, documentId, { start, end, text }),
  }),
  'documents.pseudonymisePreview': method({
    summary: 'Every place a name occurs in the documents, with the words around it: what documents.pseudonymise would replace.',
    kind: 'query',
    args: z.strictObject({ ...pseudonymArgs, replace: pseudonymArgs.replace.optional() }),
    handler: (session, { replace, ...args }) => pseudonymisePreview(session.db, { ...args, replace: replace ?? '' }),
  }),
  'documents.pseudonymise': method({
    summary: 'Replaces a name everywhere it occurs in the documents, codings kept; one undo step across all of them.',
    kind: 'mutation',
    args: z.strictObject({ ...pseudonymArgs, ...coder }),
    emits: TEXT_EVENTS,
    undo: (args) => `Pseudonymise "${args.find}"`,
    handler: (session, { coder: _, ...args }) => pseudonymise(session.db, args),
  }),
};
