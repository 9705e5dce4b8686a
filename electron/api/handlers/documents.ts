// Documents: listing, reading, importing a transcript, and the document memo.
import { z } from 'zod';
import { DataError } from '../../../db/errors';
import { currentCoderId } from '../../../db/queries/coders';
import { documentOutlines, getDocument, listDocuments } from '../../../db/queries/documents';
import { getDocumentMemo, setDocumentMemo } from '../../../db/queries/memos';
import { commitImport } from '../../services/import/commit';
import { checkUploadSize, naming, sourceFile } from '../../services/import/read';
import { runInWorker } from '../../services/jobs/run-in-worker';
import { formatClock } from '../../services/timecode';
import { method } from '../define';
import { requireChosenSource } from '../file-access';
import { encoding, id, jobId, memo, name, none, speakerOptions, transcriptSource, UPLOAD_BODY_BYTES } from '../schemas';

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

export const documentMethods = {
  'documents.list': method({
    summary: 'All documents with their sizes, segment counts and cases.',
    kind: 'query',
    args: none,
    handler: (session) => listDocuments(session.db),
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
  'documents.memo': method({
    summary: "A document's memo.",
    kind: 'query',
    args: z.strictObject({ documentId: id }),
    handler: (session, args) => ({ documentId: args.documentId, body: getDocumentMemo(session.db, args.documentId) }),
  }),
  'documents.setMemo': method({
    summary: "Writes a document's memo.",
    kind: 'mutation',
    args: z.strictObject({ documentId: id, body: memo }),
    emits: ['documents-changed'],
    undo: () => 'Edit document memo',
    handler: (session, args) => {
      setDocumentMemo(session.db, args.documentId, args.body, currentCoderId(session.db));
      return { documentId: args.documentId, body: args.body };
    },
  }),
};
