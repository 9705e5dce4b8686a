// Reads the Vitest and Playwright JSON reports and prints "tests: N passed, M failed".
// A report that is missing (its runner crashed) counts as one failure, so the line never overstates.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

export function summarize(dir = '.test-output') {
  let passed = 0;
  let failed = 0;
  const unit = read(`${dir}/unit.json`);
  if (unit) {
    passed += unit.numPassedTests;
    failed += unit.numFailedTests + (unit.numTotalTestSuites > 0 && unit.success === false && unit.numFailedTests === 0 ? 1 : 0);
  } else failed += 1;
  const e2e = read(`${dir}/e2e.json`);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected + (e2e.errors?.length && !e2e.stats.unexpected ? 1 : 0);
  } else failed += 1;
  return { passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = summarize();
  console.log(`tests: ${passed} passed, ${failed} failed`);
}
