// Two coders: a coder copy of a 50,000-segment project coded with 50,000 more segments, merged back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectFile, openProjectFile } from '../../db/project-file';
import { dispatch } from '../../electron/api/dispatch';
import { Session } from '../../electron/api/session';
import { coderCopyBytes } from '../../electron/services/coder-copy';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { addCodings, fillCorpus } from '../corpus';
import { time, withCpu, type Row } from '../report';

export async function run(dir: string): Promise<Row[]> {
  const file = join(dir, 'lead.trellis');
  const lead = createProjectFile(file, 'Lead');
  const built = time(() =>
    lead.transaction(() => {
      seedDefaultFramework(lead);
      fillCorpus(lead, 500, 1000, 50_000);
    })(),
  );
  const copied = time(() => coderCopyBytes(lead, []));
  lead.close();
  const copyFile = join(dir, 'coder.trellis');
  writeFileSync(copyFile, copied.value.data);
  const coder = openProjectFile(copyFile);
  coder.transaction(() => addCodings(coder, ['C'], 50_000, 7))();
  coder.close();

  const session = new Session({ projects: join(dir, 'p'), config: join(dir, 'c') }, { rememberRecent: false });
  session.open(file);
  const bytes = readFileSync(copyFile).toString('base64');
  const start = performance.now();
  const cpu = process.cpuUsage();
  const merged = await dispatch(session, 'project.merge', { name: 'coder.trellis', bytes });
  const used = process.cpuUsage(cpu);
  const mergedIn = { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
  if (!merged.ok) throw new Error(merged.error.message);
  session.close();
  return [
    { name: 'build a 50,000-segment project (bulk path)', size: '500 docs × 1,000 words', figure: withCpu(built), target: '—' },
    { name: 'copy for a coder (no codings kept)', size: '50,000 segments left out', figure: withCpu(copied), target: '—' },
    {
      name: 'merge a coder file (read, check, pre-merge copy, one transaction)',
      size: '50,000 segments into 50,000',
      figure: withCpu(mergedIn),
      target: '< 5 s',
    },
  ];
}
