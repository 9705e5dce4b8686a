import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, methodBodyLimit } from '../api/dispatch';
import type { Session } from '../api/session';
import { mediaDocumentId, mediaReply } from '../api/media-reply';
import { CONTENT_SECURITY_POLICY } from './csp';
import { cachingHeaders, contentType, staticFile } from './static-files';

export interface HttpHostOptions {
  session: Session;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Body limit of API calls (default 1 MiB); a method may declare a larger one (file imports). */
  maxBodyBytes?: number;
}

export interface HttpHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** application/json, optionally with parameters (`; charset=utf-8`); not `application/jsonp` or `application/json-seq`. */
const isJson = (type: string | undefined): boolean => /^application\/json\s*(;|$)/i.test(type ?? '');

/** Said when the token is wrong, which is what a tab left open from an earlier launch sees. */
export const TOKEN_PROBLEM =
  'Missing or wrong token. Trellis was probably restarted: each launch has its own address; open the one it printed (or choose Open in browser again).';

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpProblem(413, `Request body over ${limit} bytes.`));
        req.removeAllListeners('data');
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'application/json; charset=utf-8',
  extra: OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

/**
 * The browser-mode host: the built renderer and the API on 127.0.0.1 only. API calls need the
 * per-launch token; requests whose Host or Origin is not this loopback address are refused, which
 * defeats DNS rebinding and cross-site requests.
 */
export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  let allowedHosts: string[] = [];

  const checkOrigin = (req: IncomingMessage) => {
    if (!allowedHosts.includes(req.headers.host ?? '')) throw new HttpProblem(403, 'Unknown Host header.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) throw new HttpProblem(403, 'Foreign origin.');
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    const file = await staticFile(options.staticDir, pathname);
    if (!file) throw new HttpProblem(404, 'Not found.');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      throw new HttpProblem(404, 'Not found.');
    }
    const caching = cachingHeaders(pathname, body);
    const unchanged = req.headers['if-none-match']?.split(/\s*,\s*/).includes(caching.ETag);
    res.writeHead(unchanged ? 304 : 200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), ...caching });
    res.end(unchanged ? undefined : body);
  };

  const serveEvents = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = options.session.subscribe((event) => res.write(`event: api\ndata: ${JSON.stringify(event)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  };

  /** A document's linked recording, for <audio> (which cannot send the token header: it rides in the URL, as for events). */
  const serveMedia = async (req: IncomingMessage, res: ServerResponse, documentId: number) => {
    const session = options.session;
    const reply = await mediaReply(session, documentId, req.headers.range);
    if (reply.status === 404) throw new HttpProblem(404, 'This document has no linked recording.');
    res.writeHead(reply.status, { ...SECURITY_HEADERS, ...reply.headers });
    if (!reply.body || req.method === 'HEAD') return void res.end();
    const stream = createReadStream(reply.body.file, { start: reply.body.start, end: reply.body.end });
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    void (async () => {
      try {
        checkOrigin(req);
        const url = new URL(req.url ?? '/', 'http://host');
        const mediaOf = mediaDocumentId(url.pathname);
        if (mediaOf !== null) {
          if (!sameToken(url.searchParams.get('token'), token)) throw new HttpProblem(401, TOKEN_PROBLEM);
          if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpProblem(405, 'Use GET.');
          return await serveMedia(req, res, mediaOf);
        }
        if (url.pathname.startsWith('/api/')) {
          // The token rides in a header; only the event stream (EventSource cannot set headers) takes it in the URL.
          const events = url.pathname === '/api/events' && req.method === 'GET';
          const given = req.headers['x-trellis-token'];
          if (!sameToken(events ? url.searchParams.get('token') : typeof given === 'string' ? given : null, token)) {
            throw new HttpProblem(401, TOKEN_PROBLEM);
          }
          if (events) return serveEvents(req, res);
          if (req.method !== 'POST') throw new HttpProblem(405, 'Use POST.');
          if (!isJson(req.headers['content-type'])) throw new HttpProblem(415, 'Send application/json.');
          const method = url.pathname.slice('/api/'.length);
          const text = await readBody(req, methodBodyLimit(method) ?? limit);
          let args: unknown;
          try {
            args = text ? JSON.parse(text) : {};
          } catch {
            throw new HttpProblem(400, 'The body is not valid JSON.');
          }
          const started = performance.now();
          const envelope = await dispatch(options.session, method, args);
          // The call's own time (a mutation's ends with its commit), which the page's resource timing can read
          // beside the network's: the viewer bench tells a stored edit from its answer's arrival by it.
          const timing = { 'Server-Timing': `dispatch;dur=${(performance.now() - started).toFixed(1)}` };
          return send(res, 200, JSON.stringify(envelope), undefined, timing);
        }
        if (req.method !== 'GET') throw new HttpProblem(405, 'Use GET.');
        await serveStatic(req, res, url.pathname);
      } catch (error) {
        const status = error instanceof HttpProblem ? error.status : 500;
        const message = error instanceof HttpProblem ? error.message : 'Internal error.';
        if (res.headersSent) return void res.end();
        // Stop an oversized upload: answer first, then drop the connection rather than read the rest.
        if (status === 413) res.once('finish', () => req.socket.destroy()).setHeader('Connection', 'close');
        send(res, status, JSON.stringify({ ok: false, error: { code: 'http', message } }));
      }
    })();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
