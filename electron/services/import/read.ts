// One file (a path the main process reads, bytes a browser uploaded, or pasted text) to a canonical
// transcript. Nothing here writes to the project: a file that fails fails before any transaction opens.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { DataError } from '../../../db/errors';
import { MAX_IMPORT_BYTES } from '../../../shared/protocol';
import { buildTranscript, speakerMatcher, splitLines, type Block, type ParsedTranscript, type SpeakerOptions } from '../transcript';
import { captionBlocks } from './captions';
import { decodeText } from './decode';
import { docxBlocks } from './docx';
import type { EncodingName } from '../../../shared/encodings';
import { PatternTooSlow } from '../bounded-regex';
import { FileProblem } from './file-problem';
import { markdownBlocks } from './markdown';
import { odtBlocks } from './odt';

export type ImportFormat = 'txt' | 'md' | 'vtt' | 'srt' | 'docx' | 'odt' | 'paste';

export const TRANSCRIPT_EXTENSIONS: Record<string, Exclude<ImportFormat, 'paste'>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.vtt': 'vtt',
  '.srt': 'srt',
  '.docx': 'docx',
  '.odt': 'odt',
};

/** A file on this machine, a file's bytes (base64) sent by the browser, or pasted text. */
export type ImportSource = { path: string } | { name: string; data: string } | { name: string; text: string };

export interface ImportedFile {
  /** The path or name the file came as. */
  file: string;
  /** The file's name without folder and extension: the default document (and case) name. */
  baseName: string;
  format: ImportFormat;
  /** The encoding a text file was read in (null for Word, OpenDocument and pasted text). */
  encoding: EncodingName | null;
  transcript: ParsedTranscript;
  notes: string[];
}

/** The last part of a path written with either kind of slash (uploads name files by their relative path). */
export const fileNameOf = (file: string): string => file.split(/[\\/]/).pop() ?? file;

// Rounded up, so that a file just over the limit never reads as the limit itself.
const sizeText = (bytes: number) => `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;

function checkSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new FileProblem(
      `is ${sizeText(bytes)}; Trellis imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB (split it into smaller files)`,
    );
  }
}

function readPath(path: string): Buffer {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new FileProblem('is a folder, not a file');
    size = stat.size;
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblem(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`);
  }
  checkSize(size);
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblem(code === 'EACCES' ? 'cannot be read: permission denied' : `cannot be read (${code ?? (error as Error).message})`);
  }
}

/** The bytes of a path or an upload (size checked); null for pasted text. */
export function sourceBytes(source: ImportSource): Uint8Array | null {
  if ('path' in source) return readPath(source.path);
  if ('text' in source) return null;
  const bytes = Buffer.from(source.data, 'base64');
  checkSize(bytes.length);
  return bytes;
}

/**
 * Refuses an upload over the size limit from its base64 length alone, before its bytes are decoded or
 * handed to a worker (copying 67 MB of text to a thread only to refuse it took seconds).
 */
export function checkUploadSize(source: ImportSource): void {
  if (!('data' in source)) return;
  const padding = source.data.endsWith('==') ? 2 : source.data.endsWith('=') ? 1 : 0;
  checkSize(Math.floor((source.data.length * 3) / 4) - padding);
}

export const sourceFile = (source: ImportSource): string => ('path' in source ? source.path : source.name);

/** Runs `read` and turns what is wrong with the file into a message that starts with its name. */
export async function naming<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof FileProblem) throw new DataError('invalid', `"${fileNameOf(file)}" ${error.message}.`);
    if (error instanceof PatternTooSlow)
      throw new DataError('invalid', `On "${fileNameOf(file)}", ${error.message[0]!.toLowerCase()}${error.message.slice(1)}`);
    if (error instanceof DataError) throw error;
    throw new DataError('invalid', `"${fileNameOf(file)}" could not be read: ${(error as Error).message}.`);
  }
}

function formatOf(source: ImportSource): Exclude<ImportFormat, 'paste'> {
  const ext = extname(fileNameOf(sourceFile(source))).toLowerCase();
  const format = TRANSCRIPT_EXTENSIONS[ext];
  if (!format) {
    throw new FileProblem(
      `is not a kind of file Trellis imports (${ext || 'no extension'}); use ${Object.keys(TRANSCRIPT_EXTENSIONS).join(', ')}`,
    );
  }
  return format;
}

export interface ReadOptions extends SpeakerOptions {
  /** The encoding to read a text file in, instead of the one detected. */
  encoding?: EncodingName;
}

async function blocksOf(source: ImportSource, options: ReadOptions) {
  const matcher = speakerMatcher(options.speakerPattern);
  if ('text' in source) {
    if (source.text.trim() === '') throw new FileProblem('is empty');
    return {
      format: 'paste' as const,
      matcher,
      encoding: null,
      notes: [],
      blocks: splitLines(source.text).map((text): Block => ({ text })),
    };
  }
  const bytes = sourceBytes(source)!;
  const format = formatOf(source);
  if (format === 'docx') return { format, matcher, encoding: null, ...(await docxBlocks(bytes)) };
  if (format === 'odt') return { format, matcher, encoding: null, ...odtBlocks(bytes) };
  const { text, encoding, notes } = decodeText(bytes, options.encoding);
  matcher.prime?.(splitLines(text));
  if (format === 'vtt' || format === 'srt') {
    const captions = captionBlocks(text, format, matcher);
    return { format, matcher, encoding, notes: [...notes, ...captions.notes], blocks: captions.blocks };
  }
  const blocks = format === 'md' ? markdownBlocks(text, matcher) : splitLines(text).map((line): Block => ({ text: line }));
  return { format, matcher, encoding, notes, blocks };
}

/** Reads and parses one transcript; throws a DataError whose message names the file and the problem. */
export function readTranscript(source: ImportSource, options: ReadOptions = {}): Promise<ImportedFile> {
  const file = sourceFile(source);
  return naming(file, async () => {
    const { format, matcher, encoding, notes, blocks } = await blocksOf(source, options);
    const transcript = buildTranscript(blocks, matcher, options);
    if (transcript.paragraphs.length === 0) throw new FileProblem('has no text to import');
    // Pasted text is named by the user, not by a file: a dot in "Dr. Smith" is no extension.
    const name = fileNameOf(file);
    const baseName = format === 'paste' ? name : name.slice(0, name.length - extname(name).length) || name;
    return { file, baseName, format, encoding, transcript, notes };
  });
}

/** The files under the given paths: folders are walked (hidden entries skipped), files pass as given. */
export function expandPaths(paths: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return paths.flatMap((p) => {
    try {
      return statSync(p).isDirectory() ? walk(p) : [p];
    } catch {
      return [p];
    }
  });
}
