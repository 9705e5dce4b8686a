// Run in a child process by zip.test.ts: reads one archive with the bounded reader and prints the outcome
// and how far the process's peak memory rose above where it stood before the read.
import { readFileSync } from 'node:fs';
import { readBoundedZip, ZIP_LIMITS } from '../../../electron/services/zip';

const [file, limits] = process.argv.slice(2);
const bytes = readFileSync(file!);
const before = process.memoryUsage().rss;
let message = 'read';
try {
  readBoundedZip(bytes, () => true, { ...ZIP_LIMITS, ...(JSON.parse(limits ?? '{}') as object) });
} catch (error) {
  message = (error as Error).message;
}
// maxRSS is the peak resident set, in kilobytes.
const peakRise = process.resourceUsage().maxRSS * 1024 - before;
process.stdout.write(JSON.stringify({ message, peakRise }));
