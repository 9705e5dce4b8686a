// Documents: listing, reading, importing, renaming, reordering and deleting them; their linked recordings and turn times.
import { basename } from 'node:path';
import { z } from 'zod';
import type { Session } from '../session';
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
import { getMediaLink, removeMediaLink, setMediaLink, setParagraphTime } from '../../../db/queries/media';
import { ApiError } from '../errors';
import { inspectRecording, mediaType, recordingState } from '../../services/media';
import { commitImport } from '../../services/import/commit';
import { pseudonymise, pseudonymisePreview } from '../../services/pseudonymise';
import { editText } from '../../services/text-edit';
import { joinTurns, setSpeaker, splitTurn } from '../../services/turns';
import { checkUploadSize, naming, sourceFile } from '../../services/import/read';
import { runInWorker } from '../../services/jobs/run-in-worker';
import { formatClock } from '../../services/timecode';
import { method } from '../define';
import { requireChosen, requireChosenSource } from '../file-access';
import { encoding, filePath, id, jobId, name, offset, speakerOptions, transcriptSource, UPLOAD_BODY_BYTES, withText } from '../schemas';

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

/** A turn, by its paragraph number. */
const turn = z.number().int().min(1).max(100_000_000);

/** Whose undo step an edit is: a coder name (created on first use), as the CLI gives it; default: the current coder. */
const coder = { coder: name.optional() };

const TEXT_EVENTS = ['documents-changed', 'segments-changed', 'codebook-changed'] as const;

/** What the link dialog offers; the same four formats electron/services/media.ts accepts. */
const RECORDING_FILTER = { name: 'Recordings (MP3, M4A, WAV, OGG)', extensions: ['mp3', 'm4a', 'wav', 'ogg'] };

/** The recording to link: a path the person chose, or one they pick now in the host's own dialog (null: cancelled). */
async function recordingToLink(session: Session, path: string | undefined) {
  if (path !== undefined) return inspectRecording(requireChosen(session, path));
  if (!session.askForFile) {
    throw new ApiError(
      'invalid',
      'The browser cannot tell Trellis where a file is: link a recording in the desktop app, or with `trellis link-media PROJECT --doc NAME FILE`.',
    );
  }
  const picked = await session.askForFile({ title: 'Link a recording', filter: RECORDING_FILTER });
  return picked === null ? null : inspectRecording(requireChosen(session, picked));
}

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
      "Replaces code points [start, end) of a document's text; every segment, paragraph and formatting run follows (a segment whose text is all deleted is removed and listed). The answer lists the document's segments after the edit: withText: false leaves their text out, withSegments: false lists only those removed. One undo step.",
    kind: 'mutation',
    args: z.strictObject({
      documentId: id,
      start: offset,
      end: offset,
      text: replacement,
      withText,
      withSegments: z.boolean().optional(),
      ...coder,
    }),
    emits: TEXT_EVENTS,
    undo: () => 'Edit text',
    handler: (session, { documentId, start, end, text, withText, withSegments }) =>
      editText(session.db, documentId, { start, end, text }, { withText, withSegments }),
  }),
  'documents.splitTurn': method({
    summary:
      "Splits the turn holding code point `at` into two there, the new turn labelled for `speaker` (default: the same speaker) as the document's labels are written; later turns are numbered one up, codings keep their words. One undo step.",
    kind: 'mutation',
    args: z.strictObject({ documentId: id, at: offset, speaker: name.optional(), ...coder }),
    emits: TEXT_EVENTS,
    undo: () => 'Split turn',
    handler: (session, { documentId, at, speaker }) => splitTurn(session.db, documentId, at, speaker),
  }),
  'documents.joinTurns': method({
    summary:
      "Joins turn n with the next: the second's label is removed (a coding wholly inside it is removed and listed), the first's speaker and time stay. One undo step.",
    kind: 'mutation',
    args: z.strictObject({ documentId: id, n: turn, ...coder }),
    emits: TEXT_EVENTS,
    undo: () => 'Join turns',
    handler: (session, { documentId, n }) => joinTurns(session.db, documentId, n),
  }),
  'documents.setSpeaker': method({
    summary:
      "Changes turn n's speaker: the name in its label and the paragraph's speaker, or with `speaker: null` removes the label and the speaker; the unlabelled paragraphs that continue the turn follow it. Codings keep their words. One undo step.",
    kind: 'mutation',
    args: z.strictObject({ documentId: id, n: turn, speaker: name.nullable(), ...coder }),
    emits: TEXT_EVENTS,
    undo: () => 'Change speaker',
    handler: (session, { documentId, n, speaker }) => setSpeaker(session.db, documentId, n, speaker),
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
  'documents.media': method({
    summary:
      "A document's linked recording (null when none): its file, type and whether the file there is still the one linked ('ok', 'changed' or 'missing').",
    kind: 'query',
    args: z.strictObject({ id }),
    handler: async (session, args) => {
      const link = getMediaLink(session.db, args.id);
      if (!link) return null;
      return { ...link, fileName: basename(link.path), mimeType: mediaType(link.path)!, state: await recordingState(link) };
    },
  }),
  'documents.linkMedia': method({
    summary:
      'Links a recording (MP3, M4A, WAV or OGG) to a document by path, never copying it: a path the person chose, or, without one, a file picked in the desktop dialog (null when cancelled).',
    kind: 'mutation',
    args: z.strictObject({ id, path: filePath.optional() }),
    emits: ['documents-changed'],
    undo: () => 'Link recording',
    prepare: (session, args) => recordingToLink(session, args.path),
    handler: (session, args, file) => (file === null ? null : setMediaLink(session.db, args.id, file)),
  }),
  'documents.unlinkMedia': method({
    summary: "Unlinks a document's recording (the file is left alone); false when it had none.",
    kind: 'mutation',
    args: z.strictObject({ id }),
    emits: ['documents-changed'],
    undo: () => 'Unlink recording',
    handler: (session, args) => ({ unlinked: removeMediaLink(session.db, args.id) }),
  }),
  'documents.setTime': method({
    summary: "Sets (or clears, with null) the time in the recording at which a paragraph's turn starts, in milliseconds.",
    kind: 'mutation',
    args: z.strictObject({
      id,
      n: turn,
      timeMs: z.union([
        z
          .number()
          .int()
          .min(0)
          .max(1_000 * 60 * 60 * 1_000),
        z.null(),
      ]),
    }),
    emits: ['documents-changed'],
    undo: () => 'Set turn time',
    handler: (session, args) => {
      setParagraphTime(session.db, args.id, args.n, args.timeMs);
      return { n: args.n, timeMs: args.timeMs };
    },
  }),
};
