import { existsSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectFile } from '../db/project-file';
import { dispatch } from '../electron/api/dispatch';
import { Session } from '../electron/api/session';
import { seedDefaultFramework } from '../electron/services/default-framework';
import { fillCorpus } from './corpus';
const dir = '/tmp/qdpx2prof';
const file = join(dir, 'large.trellis');
if (!existsSync(file)) {
  const db = createProjectFile(file, 'large');
  db.transaction(() => { seedDefaultFramework(db); fillCorpus(db, 1000, 1000, 100_000); })();
  db.close();
}
const mode = process.argv[2];
const session = new Session({ projects: join(dir, process.env.QDPX_FILE ? 'p0' : 'p'), config: join(dir, 'c') }, { rememberRecent: false });
if (mode === 'export') {
  session.open(file);
  const t = performance.now(); const c = process.cpuUsage();
  const r = await dispatch(session, 'qdpx.export', {});
  console.log('export ms', performance.now() - t, 'cpu ms', (process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000);
  if (!r.ok) throw new Error(r.error.message);
  writeFileSync(process.env.QDPX_FILE ?? join(dir, 'large.qdpx'), Buffer.from((r.result as { base64: string }).base64, 'base64'));
} else {
  rmSync(join(dir, process.env.QDPX_FILE ? 'p0' : 'p'), { recursive: true, force: true });
  await dispatch(session, 'project.create', { file: 'imported', name: 'Imported' });
  const data = readFileSync(process.env.QDPX_FILE ?? join(dir, 'large.qdpx')).toString('base64');
  const t = performance.now(); const c = process.cpuUsage();
  const r = await dispatch(session, 'qdpx.import', { source: { name: 'large.qdpx', data } });
  console.log('import ms', performance.now() - t, 'cpu ms', (process.cpuUsage(c).user + process.cpuUsage(c).system) / 1000);
  if (!r.ok) throw new Error(r.error.message);
  const { rejected, corrected, ...rest } = r.result as Record<string, unknown[]>;
  console.log(JSON.stringify(rest).slice(0, 300), rejected.length, corrected.length);
}
session.close();
