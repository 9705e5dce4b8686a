// Imports every file of a folder into a new project the way the CLI does (one API call, one transaction
// per file), in a process of its own so that its peak memory is the importer's alone. Prints JSON.
import { dispatch } from '../electron/api/dispatch';
import { Session } from '../electron/api/session';
import { join } from 'node:path';

const [project, folder, home] = process.argv.slice(2) as [string, string, string];
const session = new Session({ projects: join(home, 'projects'), config: join(home, 'config') }, { rememberRecent: false });
// Its arguments are chosen as the CLI's are: the project to create and the folder to read.
session.chosen.add(project);
session.chosen.add(folder);
await dispatch(session, 'project.create', { file: project });
const start = performance.now();
const scan = await dispatch(session, 'import.scan', { paths: [folder] });
if (!scan.ok) throw new Error(scan.error.message);
const statuses: Record<string, number> = {};
for (const path of (scan.result as { files: string[] }).files) {
  const envelope = await dispatch(session, 'documents.import', { source: { path } });
  const status = envelope.ok ? (envelope.result as { status: string }).status : 'failed';
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (!envelope.ok) console.error(envelope.error.message);
}
const ms = performance.now() - start;
session.close();
console.log(JSON.stringify({ ms, statuses, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
