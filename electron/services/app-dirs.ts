import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AppDirs {
  /** Where new projects (and fresh demo copies) are written by default. */
  projects: string;
  /** Settings such as the recent-projects list. */
  config: string;
}

/** TRELLIS_HOME puts everything in one folder (tests, portable use); otherwise the platform's places. */
export function appDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): AppDirs {
  if (env.TRELLIS_HOME) return { projects: join(env.TRELLIS_HOME, 'projects'), config: join(env.TRELLIS_HOME, 'config') };
  const home = homedir();
  const documents = join(home, 'Documents');
  const projects = join(existsSync(documents) ? documents : home, 'Trellis');
  const config =
    platform === 'win32'
      ? join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Trellis')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', 'Trellis')
        : join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'trellis');
  return { projects, config };
}
