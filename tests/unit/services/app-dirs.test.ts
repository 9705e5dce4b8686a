import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDirs } from '../../../electron/services/app-dirs';
import { readRecent, recentWithStatus, rememberRecent } from '../../../electron/services/recent-projects';
import { tempDir } from '../helpers';

describe('app folders', () => {
  it('puts everything under TRELLIS_HOME when set', () => {
    expect(appDirs({ TRELLIS_HOME: '/x' }, 'linux')).toEqual({ projects: '/x/projects', config: '/x/config' });
  });

  it('uses the platform settings folder otherwise', () => {
    expect(appDirs({ XDG_CONFIG_HOME: '/cfg' }, 'linux').config).toBe('/cfg/trellis');
    expect(appDirs({ APPDATA: 'C:\\Roaming' }, 'win32').config).toBe(join('C:\\Roaming', 'Trellis'));
    expect(appDirs({}, 'darwin').config).toMatch(/Library\/Application Support\/Trellis$/);
  });
});

describe('recent projects', () => {
  it('keeps the newest first, without duplicates, and marks missing files', () => {
    const config = tempDir();
    const existing = join(config, 'a.trellis');
    writeFileSync(existing, '');
    rememberRecent(config, { file: existing, name: 'A' });
    rememberRecent(config, { file: '/gone/b.trellis', name: 'B' });
    rememberRecent(config, { file: existing, name: 'A renamed' });
    expect(recentWithStatus(config).map((r) => [r.name, r.exists])).toEqual([
      ['A renamed', true],
      ['B', false],
    ]);
  });

  it('treats an unreadable list as empty', () => {
    const config = tempDir();
    writeFileSync(join(config, 'recent-projects.json'), '{not json');
    expect(readRecent(config)).toEqual([]);
    writeFileSync(join(config, 'recent-projects.json'), '[{"file": 3}]');
    expect(readRecent(config)).toEqual([]);
  });
});
