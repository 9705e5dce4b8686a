import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// electron-builder flips these fuses in the packaged binary; packaging itself cannot run here, so the
// configuration it reads is what is checked.
const build = JSON.parse(readFileSync('package.json', 'utf8')).build;

describe('packaged build', () => {
  it('switches off the fuses that would widen what the app or a local attacker can do', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      grantFileProtocolExtraPrivileges: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});
