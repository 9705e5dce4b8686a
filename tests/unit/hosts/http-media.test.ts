// The browser host serving linked recordings: the per-launch token and the Host/Origin checks of every
// request, byte ranges for seeking, and nothing but the file a document is linked to.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { Session } from '../../../electron/api/session';
import { startHttpHost, type HttpHost } from '../../../electron/hosts/http';
import { wavBytes } from '../../wav';
import { ok } from '../helpers';

const WAV = wavBytes(0.5);

let root: string;
let session: Session;
let host: HttpHost;
let linked: number;
let unlinked: number;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'trellis-http-media-'));
  writeFileSync(join(root, 'interview.wav'), WAV);
  writeFileSync(join(root, 'secret.wav'), wavBytes(0.1));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(async () => {
  const work = mkdtempSync(join(root, 'work-'));
  session = new Session({ projects: join(work, 'projects'), config: join(work, 'config') }, { rememberRecent: false });
  await ok(dispatch(session, 'project.create', { file: 'Study' }));
  const imported = async (text: string) =>
    (await ok<{ documentId: number }>(dispatch(session, 'documents.import', { source: { name: 'Pasted', text } }))).documentId;
  linked = await imported('Interviewer: Hello 😀.\nDCS: Hi.');
  unlinked = await imported('Interviewer: Second.\nDCS: Yes.');
  session.chosen.add(join(root, 'interview.wav'));
  await ok(dispatch(session, 'documents.linkMedia', { id: linked, path: join(root, 'interview.wav') }));
  // The renderer's folder is elsewhere: the recordings are reachable only through /media/ID.
  host = await startHttpHost({ session, staticDir: mkdtempSync(join(root, 'static-')), port: 0 });
});
afterEach(async () => {
  await host.close();
  session.close();
});

function get(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method, headers: { Host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const url = (id: number, token = host.token) => `/media/${id}?token=${encodeURIComponent(token)}`;

describe('GET /media/ID on the browser host', () => {
  it('serves the linked recording whole, as audio/wav with the security headers', async () => {
    const response = await get(url(linked));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('audio/wav');
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['content-length']).toBe(String(WAV.length));
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body.equals(WAV)).toBe(true);
  });

  it('answers a Range with 206 and exactly those bytes, open-ended and suffix ranges included', async () => {
    const part = await get(url(linked), { Range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${WAV.length}`);
    expect(part.body.equals(WAV.subarray(100, 200))).toBe(true);
    const tail = await get(url(linked), { Range: `bytes=${WAV.length - 10}-` });
    expect(tail.body.equals(WAV.subarray(WAV.length - 10))).toBe(true);
    const suffix = await get(url(linked), { Range: 'bytes=-44' });
    expect(suffix.headers['content-range']).toBe(`bytes ${WAV.length - 44}-${WAV.length - 1}/${WAV.length}`);
    expect(suffix.body.equals(WAV.subarray(WAV.length - 44))).toBe(true);
    const past = await get(url(linked), { Range: `bytes=${WAV.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${WAV.length}`);
    expect(past.body.length).toBe(0);
  });

  it('refuses a request without the token, or with a wrong one, before anything is read', async () => {
    for (const path of [`/media/${linked}`, url(linked, 'wrong'), url(linked, '')]) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect(response.body.includes(WAV.subarray(0, 44))).toBe(false);
    }
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    expect((await get(url(linked), { Host: 'evil.example:80' })).status).toBe(403);
    expect((await get(url(linked), { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(url(linked), { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('answers 404 for a document without a recording, an unknown one, a path in the URL, and after unlinking', async () => {
    expect((await get(url(unlinked))).status).toBe(404);
    expect((await get(url(9999))).status).toBe(404);
    for (const path of [
      '/media/../secret.wav',
      `/media/${encodeURIComponent(join(root, 'secret.wav'))}`,
      '/media/secret.wav',
      '/media/1.5',
    ]) {
      const response = await get(`${path}?token=${host.token}`);
      expect(response.status, path).toBe(404);
      expect(response.headers['content-type'], path).not.toMatch(/audio/);
    }
    await ok(dispatch(session, 'documents.unlinkMedia', { id: linked }));
    expect((await get(url(linked))).status).toBe(404);
  });

  it('answers 404 once the linked file is gone, and takes only GET and HEAD', async () => {
    expect((await get(url(linked), {}, 'HEAD')).headers['content-length']).toBe(String(WAV.length));
    expect((await get(url(linked), {}, 'POST')).status).toBe(405);
    const moved = join(root, 'moved.wav');
    session.chosen.add(moved);
    writeFileSync(moved, WAV);
    await ok(dispatch(session, 'documents.linkMedia', { id: linked, path: moved }));
    rmSync(moved);
    expect((await get(url(linked))).status).toBe(404);
  });

  it('serves nothing a link written into the project by another program names: another file, or the linked one changed', async () => {
    // Another program (or a project file received from elsewhere) points the link at a file nobody chose.
    const other = join(root, 'secret.wav');
    session.db.prepare('UPDATE document_media SET path = ? WHERE document_id = ?').run(other, linked);
    expect((await get(url(linked))).status).toBe(404);
    // Not even a file of another kind named like a recording, with its size and time copied in.
    const text = join(root, 'notes.wav');
    writeFileSync(text, 'x'.repeat(WAV.length));
    const { size, mtimeMs } = statSync(text);
    session.db
      .prepare('UPDATE document_media SET path = ?, size = ?, mtime_ms = ? WHERE document_id = ?')
      .run(text, size, Math.round(mtimeMs), linked);
    expect((await get(url(linked))).status).toBe(404);
    // The linked file rewritten in place (another size) is no longer the recording that was linked.
    const chosen = join(root, 'interview.wav');
    const { size: was, mtimeMs: at } = statSync(chosen);
    session.db
      .prepare('UPDATE document_media SET path = ?, size = ?, mtime_ms = ? WHERE document_id = ?')
      .run(chosen, was, Math.round(at), linked);
    expect((await get(url(linked))).status).toBe(200);
    writeFileSync(chosen, wavBytes(0.6));
    expect((await get(url(linked))).status).toBe(404);
    writeFileSync(chosen, WAV);
  });
});
