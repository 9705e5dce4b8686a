import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/protocol';
import { Session } from '../../../electron/api/session';
import { CONTENT_SECURITY_POLICY } from '../../../electron/hosts/csp';
import { startHttpHost, type HttpHost } from '../../../electron/hosts/http';
import { methodBodyLimit } from '../../../electron/api/dispatch';
import { MAX_IMPORT_BYTES } from '../../../shared/protocol';

const INDEX = '<!doctype html><title>Trellis</title>';
const SECRET = '{"name":"secret-package"}';

let root: string;
let staticDir: string;
let session: Session;
let host: HttpHost;
const extraHosts: HttpHost[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'trellis-http-'));
  staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(staticDir, 'assets', 'index-BQgm3k6q.js'), 'console.log(2);');
  // Next to the static folder, so a traversal that escaped it would find something to serve.
  writeFileSync(join(root, 'package.json'), SECRET);
  mkdirSync(join(root, 'static-private'));
  writeFileSync(join(root, 'static-private', 'package.json'), SECRET);
  // Links inside the served folder that point out of it: never followed.
  symlinkSync(join(root, 'package.json'), join(staticDir, 'linked.json'));
  symlinkSync(join(root, 'static-private'), join(staticDir, 'assets', 'private'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

let workDir: string;
beforeEach(async () => {
  workDir = mkdtempSync(join(root, 'work-'));
  session = new Session({ projects: join(workDir, 'projects'), config: join(workDir, 'config') }, { rememberRecent: false });
  host = await startHttpHost({ session, staticDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  await Promise.all(extraHosts.splice(0).map((h) => h.close()));
  session.close();
});

const base = () => `http://127.0.0.1:${host.port}`;

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** node:http lets us send any Host header and an un-normalised path, which fetch does not. */
function raw(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  port?: number;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: options.port ?? host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Streams a body of `size` bytes. The host answers 413 without reading the rest and drops the connection;
 * when unread bytes are still in flight the drop can overtake the answer, so "dropped" also means refused.
 */
function streamBody(path: string, size: number): Promise<number | 'dropped'> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': host.token },
      },
      (res) => {
        resolve(res.statusCode!);
        res.resume();
      },
    );
    req.on('error', () => resolve('dropped'));
    req.on('close', () => resolve('dropped'));
    const chunk = Buffer.alloc(1024 * 1024, 'A');
    let sent = 0;
    const pump = () => {
      while (sent < size && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

async function api(method: string, args: unknown = {}, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base()}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': host.token, ...headers },
    body: JSON.stringify(args),
  });
}

async function call<T = unknown>(method: string, args: unknown = {}): Promise<Envelope<T>> {
  const response = await api(method, args);
  expect(response.status).toBe(200);
  return (await response.json()) as Envelope<T>;
}

async function openDemo(): Promise<string> {
  const file = join(workDir, 'projects', 'demo.trellis');
  const envelope = await call('project.createDemo', { file });
  expect(envelope.ok).toBe(true);
  return file;
}

interface Counts {
  documents: number;
  coders: number;
  codes: number;
  segments: number;
}
async function counts(): Promise<Counts> {
  const envelope = await call<Counts>('project.info');
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.result;
}

describe('binding and static files', () => {
  it('listens on 127.0.0.1 and hands out the token in its URL', () => {
    expect(host.url.startsWith('http://127.0.0.1:')).toBe(true);
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(24);
  });

  it('uses a fresh random token per launch unless one is given', async () => {
    const other = await startHttpHost({ session, staticDir, port: 0 });
    extraHosts.push(other);
    expect(other.token).not.toBe(host.token);
    const fixed = await startHttpHost({ session, staticDir, port: 0, token: 'fixed-token' });
    extraHosts.push(fixed);
    expect(fixed.token).toBe('fixed-token');
  });

  it('serves index.html at / with the CSP and nosniff, without a token', async () => {
    const response = await fetch(`${base()}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves assets with their type', async () => {
    const response = await fetch(`${base()}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('lets a content-hashed asset be kept a year, and answers an unchanged file 304 by its ETag', async () => {
    const hashed = await fetch(`${base()}/assets/index-BQgm3k6q.js`);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // index.html names the assets of the current build: kept, but asked for again each time.
    const page = await raw({ path: '/' });
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = page.headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(await raw({ path: '/assets/app.js' })).toMatchObject({ headers: { 'cache-control': 'no-cache' } });
    const again = await raw({ path: '/', headers: { 'If-None-Match': `"other", ${etag}` } });
    expect(again).toMatchObject({ status: 304, body: '', headers: { etag } });
    expect(again.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    // Another file's tag is no match: the body comes.
    const other = await raw({ path: '/', headers: { 'If-None-Match': (await raw({ path: '/assets/app.js' })).headers.etag! } });
    expect(other).toMatchObject({ status: 200, body: INDEX });
  });

  it('answers 404 for missing files and refuses path traversal', async () => {
    for (const path of [
      '/missing.html',
      '/%E0%A4%A',
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/../../package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets%2f..%2f..%2fpackage.json',
      '/..%2fstatic-private%2fpackage.json',
      `/${encodeURIComponent(join(root, 'package.json'))}`,
      '/linked.json',
      '/assets/private/package.json',
    ]) {
      const response = await raw({ path });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('secret-package');
    }
    const viaFetch = await fetch(`${base()}/%2e%2e/package.json`);
    expect(viaFetch.status).toBe(404);
  });

  it('accepts only GET for static files', async () => {
    expect((await fetch(`${base()}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('token', () => {
  it('is required for the API', async () => {
    const noToken = await fetch(`${base()}/api/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'http' } });

    const wrong = await api('app.status', {}, { 'X-Trellis-Token': 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
    const short = await api('app.status', {}, { 'X-Trellis-Token': host.token.slice(0, -1) });
    expect(short.status).toBe(401);
    const wrongQuery = await fetch(`${base()}/api/app.status?token=nope`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(wrongQuery.status).toBe(401);
    // The right token in the query string is refused too: only the event stream may carry it there.
    const rightQuery = await fetch(`${base()}/api/app.status?token=${host.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(rightQuery.status).toBe(401);
    expect((await rightQuery.json()).error.message).toMatch(/restarted/);

    const right = await api('app.status');
    expect(right.status).toBe(200);
    expect(right.headers.get('cache-control')).toBe('no-store');
    expect(await right.json()).toMatchObject({ ok: true, result: { project: null } });
  });

  it('is checked before anything runs', async () => {
    const file = join(workDir, 'sneaky.trellis');
    const response = await api('project.createDemo', { file }, { 'X-Trellis-Token': 'wrong' });
    expect(response.status).toBe(401);
    expect(existsSync(file)).toBe(false);
  });
});

describe('Host and Origin checks', () => {
  const status = (headers: Record<string, string>) =>
    raw({
      method: 'POST',
      path: '/api/app.status',
      headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': host.token, ...headers },
      body: '{}',
    });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    for (const value of [
      `evil.example:${host.port}`,
      'evil.example',
      `127.0.0.1:${host.port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${host.port}`,
    ]) {
      expect((await status({ Host: value })).status, value).toBe(403);
      expect((await raw({ path: '/', headers: { Host: value } })).status, `static ${value}`).toBe(403);
    }
  });

  it('accepts 127.0.0.1:PORT and localhost:PORT', async () => {
    expect((await status({ Host: `127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await status({ Host: `localhost:${host.port}` })).status).toBe(200);
    expect((await raw({ path: '/', headers: { Host: `localhost:${host.port}` } })).body).toBe(INDEX);
  });

  it('refuses foreign origins, even with the token', async () => {
    await openDemo();
    const before = await counts();
    for (const origin of ['http://evil.example', 'null', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 1}`]) {
      const response = await raw({
        method: 'POST',
        path: '/api/coders.use',
        headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': host.token, Origin: origin },
        body: JSON.stringify({ name: 'Mallory' }),
      });
      expect(response.status, origin).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('allows its own origin', async () => {
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      const response = await status({ Origin: origin });
      expect(response.status, origin).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ ok: true });
    }
  });
});

describe('request validation', () => {
  it('answers 413 for a body over maxBodyBytes', async () => {
    const small = await startHttpHost({ session, staticDir, port: 0, maxBodyBytes: 1000 });
    extraHosts.push(small);
    const response = await fetch(`http://127.0.0.1:${small.port}/api/coders.use`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': small.token },
      body: JSON.stringify({ name: 'x'.repeat(5000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'http' } });
    // A body under the limit still works on the same host.
    const ok = await fetch(`http://127.0.0.1:${small.port}/api/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': small.token },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('lets a method declare a larger body limit (file imports) while every other method keeps 1 MiB', async () => {
    await openDemo();
    const text = 'Interviewer: a question?\nDCS: '.concat('an answer that goes on. '.repeat(70_000));
    const data = Buffer.from(text).toString('base64');
    expect(data.length).toBeGreaterThan(2 * 1024 * 1024);
    const imported = await call<{ status: string; document: string }>('documents.import', { source: { name: 'Long answer.txt', data } });
    expect(imported).toMatchObject({ ok: true, result: { status: 'imported', document: 'Long answer' } });

    expect([413, 'dropped']).toContain(await streamBody('/api/coders.use', 2 * 1024 * 1024));

    const before = await counts();
    expect(methodBodyLimit('documents.import')).toBeGreaterThan((MAX_IMPORT_BYTES * 4) / 3);
    expect([413, 'dropped']).toContain(await streamBody('/api/documents.import', methodBodyLimit('documents.import')! + 1024 * 1024));
    expect(await counts()).toEqual(before);
  });

  it('answers 400 for invalid JSON', async () => {
    const response = await fetch(`${base()}/api/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': host.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('answers 415 for a non-JSON content type', async () => {
    const response = await fetch(`${base()}/api/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Trellis-Token': host.token },
      body: '{}',
    });
    expect(response.status).toBe(415);
    const noType = await raw({ method: 'POST', path: '/api/app.status', headers: { 'X-Trellis-Token': host.token }, body: '{}' });
    expect(noType.status).toBe(415);
    // A prefix is not enough: these are other types that merely start like JSON's.
    for (const type of ['application/jsonp', 'application/json-seq', 'application/json5; charset=utf-8']) {
      const near = await api('app.status', {}, { 'Content-Type': type });
      expect(near.status, type).toBe(415);
    }
  });

  it('answers 405 for GET on an API method', async () => {
    const response = await fetch(`${base()}/api/x`, { headers: { 'X-Trellis-Token': host.token } });
    expect(response.status).toBe(405);
    const app = await fetch(`${base()}/api/app.status`, { headers: { 'X-Trellis-Token': host.token } });
    expect(app.status).toBe(405);
  });

  it('treats an empty body as no arguments', async () => {
    const response = await fetch(`${base()}/api/app.status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Trellis-Token': host.token },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});

describe('API', () => {
  it('reaches the shared handlers: createDemo then info', async () => {
    const file = join(workDir, 'projects', 'demo.trellis');
    const created = await call<{ file: string }>('project.createDemo', { file });
    expect(created.ok).toBe(true);
    if (created.ok) expect(created.result.file).toBe(file);
    expect(existsSync(file)).toBe(true);
    expect(session.isOpen).toBe(true);
    expect((await counts()).documents).toBe(10);
  });

  it('answers unknown methods with unknown-method', async () => {
    for (const name of ['no.such.method', 'constructor', '__proto__', 'toString']) {
      expect(await call(name), name).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('answers invalid arguments with invalid-args and changes nothing', async () => {
    await openDemo();
    const before = await counts();
    expect(await call('coders.use', { name: '' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call('coders.use', { name: 'New', extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call('coders.use', ['New'])).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call('project.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const other = join(workDir, 'other.trellis');
    expect(await call('project.createDemo', { file: other, name: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(existsSync(other)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('reads and opens no path the page names: a page sends file contents, and projects come from the projects folder', async () => {
    await openDemo();
    const before = await counts();
    // A project the page was not given (here: a copy of the open one outside the projects folder).
    const outside = join(workDir, 'outside.trellis');
    session.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(workDir, 'projects', 'demo.trellis'), outside);
    const calls: [string, unknown][] = [
      ['documents.import', { source: { path: '/etc/passwd' } }],
      ['import.preview', { source: { path: '/etc/hostname' } }],
      ['import.scan', { paths: ['/etc'] }],
      ['codebook.import', { source: { path: outside } }],
      ['project.open', { file: outside }],
    ];
    for (const [method, args] of calls) {
      expect(await call(method, args), method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await counts()).toEqual(before);
    expect(session.file).toBe(join(workDir, 'projects', 'demo.trellis'));
  });

  it('says in Server-Timing how long each call took in the host, a refused one too', async () => {
    await openDemo();
    for (const [method, args] of [
      ['project.info', {}],
      ['coders.use', { name: 'New' }],
      ['coders.use', { name: '' }],
    ] as const) {
      const header = (await api(method, args)).headers.get('server-timing');
      expect(header, method).toMatch(/^dispatch;dur=\d+\.\d$/);
      expect(Number(header!.split('=')[1])).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports no-project when nothing is open', async () => {
    expect(await call('project.info')).toMatchObject({ ok: false, error: { code: 'no-project' } });
  });
});

describe('server-sent events', () => {
  function openEvents(query: string): Promise<{ res: IncomingMessage; text: () => string; close: () => void }> {
    return new Promise((resolve, reject) => {
      let text = '';
      const req = request({ host: '127.0.0.1', port: host.port, path: `/api/events${query}` }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        resolve({ res, text: () => text, close: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('pushes committed changes to subscribers and unsubscribes when they leave', async () => {
    await openDemo();
    const unsubscribed = vi.fn();
    const subscribe = session.subscribe.bind(session);
    vi.spyOn(session, 'subscribe').mockImplementation((listener) => {
      const off = subscribe(listener);
      return () => {
        unsubscribed();
        return off();
      };
    });

    const events = await openEvents(`?token=${encodeURIComponent(host.token)}`);
    expect(events.res.statusCode).toBe(200);
    expect(events.res.headers['content-type']).toBe('text/event-stream');
    await vi.waitFor(() => expect(events.text()).toContain(': connected'));
    expect(session.subscribe).toHaveBeenCalledTimes(1);

    expect(await call('coders.use', { name: 'C' })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(events.text()).toContain('event: api\ndata: "coders-changed"\n\n'));

    events.close();
    await vi.waitFor(() => expect(unsubscribed).toHaveBeenCalledTimes(1));
  });

  it('refuses a subscription without the right token', async () => {
    const subscribe = vi.spyOn(session, 'subscribe');
    const none = await raw({ path: '/api/events' });
    expect(none.status).toBe(401);
    const wrong = await raw({ path: '/api/events?token=wrong' });
    expect(wrong.status).toBe(401);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('refuses a subscription from a foreign origin', async () => {
    const response = await raw({ path: `/api/events?token=${encodeURIComponent(host.token)}`, headers: { Origin: 'http://evil.example' } });
    expect(response.status).toBe(403);
  });
});
