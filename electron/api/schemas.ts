import { MAX_NAME_LENGTH } from '../../shared/limits';
import { z } from 'zod';
import { MAX_IMPORT_BYTES } from '../../shared/protocol';
import { ENCODING_NAMES } from '../../shared/encodings';

// Shared argument pieces. Objects are strict: unknown keys are an error, not silently ignored.
export const none = z.strictObject({});
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/**
 * A path on this machine. Marked, so that tests/unit/security can list every method that takes one; a
 * handler accepts it only through electron/api/file-access.ts (a path the person chose).
 */
export const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'must not contain NUL characters')
  .meta({ localPath: true });
/** A code-point offset into a document's text. */
export const offset = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

/** Segments with their text (default true); false leaves each `text` empty, for a view that has the text and needs only places. */
export const withText = z.boolean().optional();

export const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
/** A description, definition or other prose a person writes. */
export const longText = z.string().max(20_000);
/** A memo's body. */
export const memo = z.string().max(100_000);

// Uploads travel as base64 inside JSON: a file at the size limit needs 4/3 of it, plus room for the rest.
export const UPLOAD_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;

export const uploadName = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine((n) => !n.includes('\u0000'), 'must not contain NUL characters');
/**
 * Base64 text of at most `max` characters, checked by its alphabet, padding and length. Not z.base64(),
 * which also decodes the whole text with atob to check it: 0.6 s for a 40 MB project file, decoded
 * again (Buffer.from) by the handler that uses it.
 */
export const base64Text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[0-9a-zA-Z+/]*={0,2}$/, 'must be base64')
    .refine((s) => s.length % 4 === 0, 'must be base64 (its length is a multiple of 4)');

/** A file to read: its contents (what the browser sends), or a path the person chose. */
export const fileSource = z.union([
  z.strictObject({ path: filePath }),
  z.strictObject({ name: uploadName, data: base64Text(UPLOAD_BODY_BYTES) }),
]);

/** A transcript to read: a file as above, or pasted text. */
export const transcriptSource = z.union([
  ...fileSource.options,
  z.strictObject({ name: uploadName, text: z.string().max(MAX_IMPORT_BYTES) }),
]);

/** How to find speakers in a transcript: a pattern, and names given to the speakers found. */
export const speakerOptions = {
  speakerPattern: z.string().min(1).max(500).optional(),
  speakers: z
    .record(z.string().min(1).max(200), z.union([name, z.null()]))
    .refine((s) => Object.keys(s).length <= 2000, 'too many speakers')
    .optional(),
};

/** The encoding to read a text file in, instead of the one detected (Word and OpenDocument files ignore it). */
export const encoding = z.enum(ENCODING_NAMES).optional();

/** A job's id, chosen by the caller when it starts long work, to ask `jobs.progress` and `jobs.cancel` about it. */
export const jobId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
