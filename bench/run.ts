// `npm run bench [-- SUITE...]`: timings on synthetic corpora at the sizes the issues name, as one table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './report';
import * as agreement from './suites/agreement';
import * as codebook from './suites/codebook';
import * as coldStart from './suites/cold-start';
import * as coding from './suites/coding';
import * as excerpts from './suites/excerpts';
import * as imports from './suites/import';
import * as longTranscripts from './suites/long-transcripts';
import * as matrix from './suites/matrix';
import * as matrixPng from './suites/matrix-png';
import * as merge from './suites/merge';
import * as project from './suites/project';
import * as search from './suites/search';
import * as qdpx from './suites/qdpx';
import * as textEdit from './suites/text-edit';
import * as viewer from './suites/viewer';

/** Every suite; each area of the app adds its own. */
const suites: Record<string, { run(dir: string): Promise<Row[]> }> = {
  project,
  coding,
  import: imports,
  viewer,
  'cold-start': coldStart,
  'long-transcripts': longTranscripts,
  codebook,
  matrix,
  'matrix-png': matrixPng,
  agreement,
  merge,
  excerpts,
  search,
  qdpx,
  'text-edit': textEdit,
};

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const rows: Row[] = [];
for (const [name, suite] of Object.entries(suites)) {
  if (chosen.length && !chosen.includes(name)) continue;
  const dir = mkdtempSync(join(tmpdir(), `trellis-bench-${name}-`));
  try {
    rows.push(...(await suite.run(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log('| benchmark | size | figure | target |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.size} | ${r.figure} | ${r.target} |`);
