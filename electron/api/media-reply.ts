// What a host sends for a request of a document's recording (the browser host's /media/ID, the desktop's
// app://trellis/media/ID): only the file that document is linked to, never a path from the request, and only
// while it is unchanged.
import { getMediaLink } from '../../db/queries/media';
import { inspectRecording, mediaType, parseRange } from '../services/media';
import type { Session } from './session';

/** What a host sends for a media request: a status, headers, and which bytes of which file (none for an error). */
export interface MediaReply {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  body?: { file: string; start: number; end: number };
}

const notFound = (): MediaReply => ({ status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** The reply to a request for a document's recording, with the Range header if the player sent one. */
export async function mediaReply(session: Session, documentId: number, range: string | undefined): Promise<MediaReply> {
  const link = session.isOpen ? getMediaLink(session.db, documentId) : null;
  const type = link && mediaType(link.path);
  if (!link || !type) return notFound();
  // Served only while the file is still the one linked (a recording by its first bytes, the same size and
  // time): a path written into a project file elsewhere never names some other file to read.
  let size: number;
  try {
    const now = await inspectRecording(link.path);
    if (now.size !== link.size || Math.round(now.mtimeMs) !== link.mtimeMs) return notFound();
    size = now.size;
  } catch {
    return notFound();
  }
  const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' };
  const wanted = parseRange(range, size);
  if (wanted === null) return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } };
  if (wanted === undefined) {
    const body = size > 0 ? { file: link.path, start: 0, end: size - 1 } : undefined;
    return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, body };
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(wanted.end - wanted.start + 1),
      'Content-Range': `bytes ${wanted.start}-${wanted.end}/${size}`,
    },
    body: { file: link.path, ...wanted },
  };
}

/** The document a media URL path names (`/media/12`), or null. */
export function mediaDocumentId(pathname: string): number | null {
  const match = /^\/media\/(\d{1,15})$/.exec(pathname);
  return match ? Number(match[1]) : null;
}
