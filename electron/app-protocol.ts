import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from './hosts/csp';
import { contentType, staticFile } from './hosts/static-files';

/**
 * Serves the built renderer at app://trellis/… (instead of file://, which would grant the page the
 * whole file system's origin), with the same CSP as the browser host.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'trellis' ? await staticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
