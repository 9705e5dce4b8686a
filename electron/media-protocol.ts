import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Session } from './api/session';
import { mediaDocumentId, mediaReply } from './api/media-reply';

/**
 * The desktop's counterpart of the browser host's /media/ID: app://trellis/media/ID streams the recording
 * linked to document ID, with byte ranges for seeking. Only our own window loads app://trellis, so no
 * token is needed; any other URL goes to `next` (the renderer's files).
 */
export function withMedia(session: Session, next: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const documentId = url.host === 'trellis' ? mediaDocumentId(url.pathname) : null;
    if (documentId === null) return next(request);
    const reply = await mediaReply(session, documentId, request.headers.get('Range') ?? undefined);
    if (reply.status === 404) return new Response('Not found', { status: 404 });
    const body =
      reply.body && request.method !== 'HEAD'
        ? (Readable.toWeb(
            createReadStream(reply.body.file, { start: reply.body.start, end: reply.body.end }),
          ) as ReadableStream<Uint8Array>)
        : null;
    return new Response(body, { status: reply.status, headers: reply.headers });
  };
}
