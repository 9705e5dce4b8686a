// Search on the 1M-word project (issue 16): a word and a phrase query's first page (20 ms), the hit counts
// per document the panel fetches after it, a regex over all text (300 ms), rebuilding the index for 1M
// words (5 s) and auto-coding 1,000 hits (1 s).
import { join } from 'node:path';
import { createProjectFile, type Db } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { applyPlan, autocodeSpec, findPassages, planAutocode } from '../../electron/services/search/autocode';
import { countHits, runSearch } from '../../electron/services/search/run';
import { fillCorpus } from '../corpus';
import { fmt, percentile, type Row } from '../report';

const SIZE = '1,000 docs × 1,000 words, 10,000 segments';

/** Wall-clock and CPU medians: on a machine shared with other work the CPU figure says more. */
async function median(fn: () => unknown, runs = 9): Promise<string> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await fn();
    wall.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  const mid = (xs: number[]) =>
    fmt(
      percentile(
        xs.sort((a, b) => a - b),
        50,
      ),
    );
  return `${mid(wall)} ms (median; CPU ${mid(cpu)} ms)`;
}

/** Wall-clock and CPU time of one run. */
function once(fn: () => unknown): string {
  const start = performance.now();
  const used = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(used);
  return `${fmt(performance.now() - start)} ms (CPU ${fmt((user + system) / 1000)} ms)`;
}

/** The index rebuilt from every paragraph, as schema step 12 fills it for an existing project (rows under the search keys). */
function rebuildIndex(db: Db): void {
  db.transaction(() => {
    db.exec(`DELETE FROM search_stemmed; DELETE FROM search_exact;`);
    db.exec(`INSERT INTO search_stemmed (rowid, text)
             SELECT p.search_key, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
               FROM paragraphs p JOIN documents d ON d.id = p.document_id;
             INSERT INTO search_exact (rowid, text) SELECT rowid, text FROM search_stemmed;`);
  })();
}

export async function run(dir: string): Promise<Row[]> {
  const db = createProjectFile(join(dir, 'search.trellis'), 'search');
  db.transaction(() => {
    seedDefaultFramework(db);
    fillCorpus(db, 1000, 1000, 10_000);
  })();
  const rows: Row[] = [];
  // A long regex time limit: the figure is what counts here, not the limit a slow pattern meets.
  const page =
    (query: string, regex = false) =>
    () =>
      runSearch(db, { query, regex, limit: 100 }, 60_000);
  // "budget" is one of the corpus's 32 words: about 31,000 hits, in every document.
  rows.push({
    name: 'search.run: first 100 hits of a common word',
    size: SIZE,
    figure: await median(page('budget')),
    target: '< 20 ms',
  });
  rows.push({
    name: 'search.run: first 100 hits of a phrase',
    size: SIZE,
    figure: await median(page('"pooled budget"')),
    target: '< 20 ms',
  });
  rows.push({
    name: 'search.count: hits per document of a common word',
    size: SIZE,
    figure: await median(() => countHits(db, { query: 'budget' }), 3),
    target: '—',
  });
  rows.push({
    name: 'search.run: first 100 hits of a regex over all text',
    size: SIZE,
    figure: await median(page('pool\\w+ budget', true), 3),
    target: '< 300 ms',
  });
  rows.push({
    name: 'search index rebuilt from every paragraph (both tables)',
    size: '1,000,000 words',
    figure: once(() => rebuildIndex(db)),
    target: '< 5 s',
  });

  const coder = ensureCoder(db, 'Bench').id;
  const spec = autocodeSpec.parse({
    search: { query: 'budget', scope: { documents: Array.from({ length: 40 }, (_, i) => `Interview ${i + 1}`) } },
    expand: 'sentence',
    codeRefs: ['Themes/Theme 1'],
    coder: 'Bench',
  });
  const start = performance.now();
  const used = process.cpuUsage();
  const found = (await findPassages(db, spec)).slice(0, 1000);
  const made = db.transaction(() => applyPlan(db, planAutocode(db, spec, found, coder).plan, coder))();
  const { user, system } = process.cpuUsage(used);
  rows.push({
    name: 'search.autocode: 1,000 hits, sentence level',
    size: `${made.length} segments`,
    figure: `${fmt(performance.now() - start)} ms (CPU ${fmt((user + system) / 1000)} ms)`,
    target: '< 1 s',
  });
  db.close();
  return rows;
}
