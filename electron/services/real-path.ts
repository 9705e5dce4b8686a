import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';

/**
 * A path as the file system sees it: symlinks resolved, so a link cannot lead a chosen name elsewhere.
 * A file not created yet is its real parent folder plus its name.
 */
export function canonicalPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync.native(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : resolve(canonicalPath(parent), basename(full));
  }
}

/** True when `path` is `folder` or inside it (both canonical). */
export const isWithin = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};
