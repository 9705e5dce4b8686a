// Excerpts for the write-up on 100,000 segments over 1,000 documents: the view's first page (the issue's
// 50 ms) and 10,000 cited excerpts written as DOCX (5 s) and XLSX (3 s), query included.
import { join } from 'node:path';
import { createProjectFile, type Db } from '../../db/project-file';
import { listAttributes } from '../../db/queries/cases';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { exportExcerpts, type ExcerptFormat } from '../../electron/services/excerpt-export';
import { describeSelection, excerptSelection, selectExcerpts } from '../../electron/services/excerpts';
import { DEFAULT_CITATION_TEMPLATE } from '../../shared/citation';
import { fillCorpus } from '../corpus';
import { fmt, medianOf, type Row } from '../report';

const SIZE = '100,000 segments, 1,000 docs';

function listRows(db: Db): Row[] {
  const cases: [string, unknown][] = [
    ['first 200, no filter', {}],
    ['first 200 of the 30 themes (sub-codes of Themes), grouped by code', { codeIds: [13], groupBy: 'code' }],
    ['first 200 of one cell with its themes co-occurring', { cellCodeId: 2, codeIds: [13] }],
  ];
  return cases.map(([name, selection]) => ({
    name: `excerpts.list: ${name}`,
    size: SIZE,
    figure: `${fmt(medianOf(() => selectExcerpts(db, excerptSelection.parse(selection), { limit: 200, offset: 0 }), 15))} ms (median)`,
    target: name === 'first 200, no filter' ? '< 50 ms' : '—',
  }));
}

/** The documents of the first 100 interviews hold 10,000 segments (fillCorpus deals them out in turn). */
async function exportRow(db: Db, format: ExcerptFormat, target: string): Promise<Row> {
  const selection = excerptSelection.parse({ documentIds: Array.from({ length: 100 }, (_, i) => i + 1), groupBy: 'code' });
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { total, excerpts } = selectExcerpts(db, selection, { limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  const file = await exportExcerpts(
    {
      ...describeSelection(db, selection, total),
      excerpts,
      attributes: listAttributes(db).map((a) => a.name),
      template: DEFAULT_CITATION_TEMPLATE,
      toc: true,
      pageNumbers: true,
      maxLength: null,
    },
    format,
  );
  const ms = performance.now() - start;
  // CPU time too: on a machine shared with other work the wall-clock figure says more about the neighbours.
  const used = process.cpuUsage(cpu);
  return {
    name: `excerpts.export: ${format.toUpperCase()} (query, citations and file)`,
    size: `${total.toLocaleString('en')} excerpts, ${(file.data.length / 1e6).toFixed(1)} MB`,
    figure: `${fmt(ms)} ms (CPU ${fmt((used.user + used.system) / 1000)} ms)`,
    target,
  };
}

export async function run(dir: string): Promise<Row[]> {
  const db = createProjectFile(join(dir, 'excerpts.trellis'), 'excerpts bench');
  db.transaction(() => {
    seedDefaultFramework(db);
    fillCorpus(db, 1000, 1000, 100_000);
  })();
  const rows = [...listRows(db), await exportRow(db, 'docx', '< 5 s'), await exportRow(db, 'xlsx', '< 3 s')];
  db.close();
  return rows;
}
