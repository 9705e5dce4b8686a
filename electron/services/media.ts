// Recordings linked to documents: which files qualify, whether a linked one is still there, and the byte
// ranges <audio> asks for to seek.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DataError } from '../../db/errors';
import type { MediaLink } from '../../db/queries/media';

const TYPES: Record<string, string> = { '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.wav': 'audio/wav', '.ogg': 'audio/ogg' };

/** The formats' first bytes, so a renamed file of another kind is refused when it is linked. */
function looksLike(extension: string, head: Buffer): boolean {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  switch (extension) {
    case '.wav':
      return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE';
    case '.ogg':
      return ascii(0, 4) === 'OggS';
    case '.m4a':
      return ascii(4, 8) === 'ftyp';
    case '.mp3':
      // An ID3 tag, or straight into an MPEG audio frame (11 sync bits).
      return ascii(0, 3) === 'ID3' || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0);
    default:
      return false;
  }
}

export const mediaType = (path: string): string | undefined => TYPES[extname(path).toLowerCase()];

/** Checks that a chosen path is a recording Trellis can play, and returns what the link keeps of it. */
export async function inspectRecording(path: string): Promise<{ path: string; size: number; mtimeMs: number }> {
  const extension = extname(path).toLowerCase();
  if (!TYPES[extension]) {
    throw new DataError('invalid', `"${path}" is not a recording Trellis can play: choose an MP3, M4A, WAV or OGG file.`);
  }
  let head: Buffer;
  let size: number;
  let mtimeMs: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a file');
    ({ size, mtimeMs } = info);
    const file = await open(path, 'r');
    try {
      head = Buffer.alloc(12);
      await file.read(head, 0, 12, 0);
    } finally {
      await file.close();
    }
  } catch {
    throw new DataError('not-found', `"${path}" could not be read: is it still there?`);
  }
  if (!looksLike(extension, head)) {
    throw new DataError('invalid', `"${path}" is not a ${extension.slice(1).toUpperCase()} recording (its contents say otherwise).`);
  }
  return { path, size, mtimeMs };
}

/** Whether the file at a linked path is still the one linked: there, and the same size and time. */
export async function recordingState(link: MediaLink): Promise<'ok' | 'changed' | 'missing'> {
  try {
    const info = await stat(link.path);
    return info.size === link.size && Math.round(info.mtimeMs) === link.mtimeMs ? 'ok' : 'changed';
  } catch {
    return 'missing';
  }
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against a size; null when unsatisfiable; undefined for none or several ranges (the whole file). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [from, to] = [match[1]!, match[2]!];
  if (from === '') {
    const suffix = Number(to);
    return suffix === 0 || size === 0 ? null : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start >= size || end < start ? null : { start, end };
}
