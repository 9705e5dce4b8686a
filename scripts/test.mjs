// `npm test`: every unit test (Vitest), then every end-to-end test (Playwright in Debian's Chromium)
// against a fresh renderer build. Both always run; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { summarize } from './test-summary.mjs';

rmSync('.test-output/unit.json', { force: true });
rmSync('.test-output/e2e.json', { force: true });
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' }).status;
run(['vitest', 'run']);
if (run(['node', 'scripts/build.mjs', '--renderer']) === 0) run(['playwright', 'test']);
const { passed, failed } = summarize();
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
