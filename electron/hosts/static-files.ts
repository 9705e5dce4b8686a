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
