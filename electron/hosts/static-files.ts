import { createHash } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const contentType = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';

/** Vite names each built asset after its content (`assets/index-BQgm3k6q.js`): such a URL never changes meaning. */
const HASHED_ASSET = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|css)$/;

/**
 * How a browser may keep a static file: a content-hashed asset for a year without asking again (a new build
 * has new names), anything else (index.html, which names the assets) only after asking, with an ETag of its
 * content so that an unchanged file is answered 304 without its body. Kept files also keep V8's code cache,
 * which Chromium stores beside the HTTP cache entry: later loads do not compile the scripts again.
 */
export function cachingHeaders(pathname: string, body: Buffer): { 'Cache-Control': string; ETag: string } {
  return {
    'Cache-Control': HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
  };
}

/**
 * The file a URL path names inside the built renderer, or null when the path is malformed or would
 * leave that folder (encoded "..", encoded slashes, a symbolic link pointing out). Shared by the app://
 * protocol and the HTTP host.
 */
export async function staticFile(rendererDir: string, pathname: string): Promise<string | null> {
  const file = lexicalFile(rendererDir, pathname);
  if (!file) return null;
  try {
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(file)]);
    return real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

function lexicalFile(rendererDir: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return null;
  }
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  return file.startsWith(root + sep) ? file : null;
}
