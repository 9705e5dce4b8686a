import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This module sits two folders below the checkout (electron/services/), and so does the bundled main
// process (dist/electron/), so resources/ is found the same way from source and from a build.
const here = dirname(fileURLToPath(import.meta.url));

export const resourcesDir = (): string => process.env.TRELLIS_RESOURCES ?? resolve(here, '..', '..', 'resources');

export const resourcePath = (...parts: string[]): string => join(resourcesDir(), ...parts);

export function readResourceJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(resourcePath(...parts), 'utf8')) as T;
}
