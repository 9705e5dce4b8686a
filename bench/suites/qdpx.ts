// REFI-QDA project exchange (issue 17): the 1M-word, 100,000-segment project to .qdpx and back into an
// empty project, each through the API as the app calls it.
import { join } from 'node:path';
import { createProjectFile } from '../../db/project-file';
import { dispatch } from '../../electron/api/dispatch';
import { Session } from '../../electron/api/session';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { fillCorpus } from '../corpus';
import { withCpu, type Row } from '../report';

/**
 * CPU time of this process, user + system. Export and the import's read run in a worker thread of this
 * process, so they count here too.
 */
const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;

export async function run(dir: string): Promise<Row[]> {
  const file = join(dir, 'large.trellis');
  const db = createProjectFile(file, 'large');
  db.transaction(() => {
    seedDefaultFramework(db);
    fillCorpus(db, 1000, 1000, 100_000);
  })();
  db.close();

  const session = new Session({ projects: join(dir, 'p'), config: join(dir, 'c') }, { rememberRecent: false });
  session.open(file);
  let start = performance.now();
  let cpu = process.cpuUsage();
  const exported = await dispatch(session, 'qdpx.export', {});
  const exportMs = performance.now() - start;
  const exportCpu = process.cpuUsage(cpu);
  if (!exported.ok) throw new Error(exported.error.message);
  const { base64, fileName } = exported.result as { base64: string; fileName: string };

  await dispatch(session, 'project.create', { file: 'imported', name: 'Imported' });
  start = performance.now();
  cpu = process.cpuUsage();
  const imported = await dispatch(session, 'qdpx.import', { source: { name: fileName, data: base64 } });
  const importMs = performance.now() - start;
  const importCpu = process.cpuUsage(cpu);
  if (!imported.ok) throw new Error(imported.error.message);
  const report = imported.result as { selections: number; sources: number };
  if (report.sources !== 1000 || report.selections !== 100_000)
    throw new Error(`imported ${report.sources} sources and ${report.selections} selections, not 1,000 and 100,000`);
  session.close();
  return [
    {
      name: 'export the project as .qdpx (XML, texts, ZIP)',
      size: '1,000 docs × 1,000 words, 100,000 segments',
      figure: withCpu({ ms: exportMs, cpuMs: cpuMs(exportCpu) }),
      target: '< 5 s',
    },
    {
      name: 'import that .qdpx into an empty project (read, check, one transaction)',
      size: '1,000 sources, 100,000 selections',
      figure: withCpu({ ms: importMs, cpuMs: cpuMs(importCpu) }),
      target: '< 10 s',
    },
  ];
}
