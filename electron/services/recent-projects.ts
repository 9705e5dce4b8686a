import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RecentProject {
  file: string;
  name: string;
  openedAt: string;
}

const LIMIT = 12;
const fileIn = (configDir: string) => join(configDir, 'recent-projects.json');

/** The recent list is a convenience: a missing or unreadable file just means "none yet". */
export function readRecent(configDir: string): RecentProject[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(fileIn(configDir), 'utf8'));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is RecentProject => typeof r?.file === 'string' && typeof r?.name === 'string' && typeof r?.openedAt === 'string',
    );
  } catch {
    return [];
  }
}

export function rememberRecent(configDir: string, entry: Omit<RecentProject, 'openedAt'>): void {
  const list = [{ ...entry, openedAt: new Date().toISOString() }, ...readRecent(configDir).filter((r) => r.file !== entry.file)];
  mkdirSync(configDir, { recursive: true });
  const tmp = `${fileIn(configDir)}.tmp`;
  writeFileSync(tmp, JSON.stringify(list.slice(0, LIMIT), null, 2));
  renameSync(tmp, fileIn(configDir));
}

export const recentWithStatus = (configDir: string) => readRecent(configDir).map((r) => ({ ...r, exists: existsSync(r.file) }));
