import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/hosts/csp';

const INDEX = '<!doctype html><title>Trellis</title>';
const SCRIPT = 'console.log("x");';
const SECRET = 'TOP SECRET';

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'trellis-appproto-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), INDEX);
  writeFileSync(join(renderer, 'assets', 'x.js'), SCRIPT);
  // Files next to (not inside) the renderer folder, which must never be served.
  writeFileSync(join(root, 'secret'), SECRET);
  mkdirSync(join(root, 'renderer-private'));
  writeFileSync(join(root, 'renderer-private', 'secret'), SECRET);
  handler = appProtocolHandler(renderer);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string) => handler(new Request(url));

async function expectNotFound(url: string) {
  const response = await get(url);
  expect(response.status, url).toBe(404);
  expect(await response.text(), url).not.toContain(SECRET);
}

describe('appProtocolHandler', () => {
  it('serves index.html at app://trellis/ as text/html with the CSP', async () => {
    const response = await get('app://trellis/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves app://trellis/index.html the same way', async () => {
    const response = await get('app://trellis/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(INDEX);
  });

  it('serves assets with their type and the CSP', async () => {
    const response = await get('app://trellis/assets/x.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe(SCRIPT);
  });

  it('refuses path traversal out of the renderer folder', async () => {
    await expectNotFound('app://trellis/../secret');
    await expectNotFound('app://trellis/%2e%2e/secret');
    await expectNotFound('app://trellis/assets/../../secret');
    // Encoded slashes survive URL parsing and are only decoded by the handler.
    await expectNotFound('app://trellis/..%2fsecret');
    await expectNotFound('app://trellis/%2e%2e%2fsecret');
    await expectNotFound('app://trellis/assets%2f..%2f..%2fsecret');
    await expectNotFound(`app://trellis/${encodeURIComponent(join(root, 'secret'))}`);
    // A sibling folder whose name starts with the renderer folder's name.
    await expectNotFound('app://trellis/..%2frenderer-private%2fsecret');
  });

  it('returns 404 for a missing file', async () => {
    await expectNotFound('app://trellis/missing.html');
    await expectNotFound('app://trellis/assets/');
  });

  it('returns 404 for a malformed percent-encoding instead of failing', async () => {
    await expectNotFound('app://trellis/%E0%A4%A');
  });

  it('returns 404 for any host other than trellis', async () => {
    await expectNotFound('app://other/index.html');
    await expectNotFound('app://trellis.evil/index.html');
    await expectNotFound('app://trellisx/');
  });
});
