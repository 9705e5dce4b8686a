// The project file and the foundation's queries on a 1,000-document, 100,000-segment project.
import { join } from 'node:path';
import { createProjectFile, openProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { codeTree } from '../../db/queries/codes';
import { listDocuments } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { projectCounts } from '../../db/queries/info';
import { insertDocument } from '../../db/queries/documents';
import { codePointLength } from '../../shared/offsets';
import { dispatch } from '../../electron/api/dispatch';
import { Session } from '../../electron/api/session';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { fillCorpus, rng, transcript } from '../corpus';
import { fmt, percentile, time, withCpu, type Row } from '../report';

export async function run(dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  // 1. Demo project: written on first start.
  {
    const session = new Session({ projects: join(dir, 'p'), config: join(dir, 'c') }, { rememberRecent: false });
    const start = performance.now();
    await dispatch(session, 'project.createDemo', {});
    rows.push({
      name: 'write the demo project (first start)',
      size: '10 interviews, 306 segments',
      figure: `${fmt(performance.now() - start)} ms`,
      target: '—',
    });
    session.close();
  }

  // 2. A large project: 1,000 documents, 100,000 segments.
  const file = join(dir, 'large.trellis');
  {
    const db = createProjectFile(file, 'large');
    const built = time(() =>
      db.transaction(() => {
        seedDefaultFramework(db);
        fillCorpus(db, 1000, 1000, 100_000);
      })(),
    );
    rows.push({
      name: 'build synthetic project (bulk path)',
      size: '1,000 docs × 1,000 words, 100,000 segments',
      figure: withCpu(built),
      target: '< 5 s',
    });
    db.close();
  }
  {
    const opened = time(() => openProjectFile(file));
    const db = opened.value;
    rows.push({ name: 'open project (integrity_check)', size: '100,000 segments', figure: `${fmt(opened.ms)} ms`, target: '—' });
    rows.push({
      name: 'project info counts',
      size: '100,000 segments',
      figure: `${fmt(time(() => projectCounts(db)).ms)} ms`,
      target: '—',
    });
    rows.push({ name: 'documents list', size: '1,000 documents', figure: `${fmt(time(() => listDocuments(db)).ms)} ms`, target: '—' });
    rows.push({
      name: 'codebook tree with counts',
      size: '100,000 segments',
      figure: `${fmt(time(() => codeTree(db)).ms)} ms`,
      target: '—',
    });
    db.close();
  }
  {
    // Storing one segment through the API (validation, transaction, undo step, the stored segment read
    // back), half of the calls into a 50,000-word transcript.
    const session = new Session({ projects: join(dir, 'p'), config: join(dir, 'c') }, { rememberRecent: false });
    session.open(file);
    const random = rng(7);
    const coderId = ensureCoder(session.db, 'A').id;
    const cell = listFrameworks(session.db)[0]!.cells[4]!.codeId;
    const long = parsePlainTranscript(transcript(50_000, random));
    const longId = session.db.transaction(() =>
      insertDocument(session.db, { name: 'Long interview', ...long, sourceName: null, sourceType: 'bench' }),
    )();
    const longLength = codePointLength(long.text);
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const documentId = i % 2 ? longId : 1 + Math.floor(random() * 1000);
      const start = Math.floor(random() * (i % 2 ? longLength - 100 : 4000));
      const t = performance.now();
      const envelope = await dispatch(session, 'segments.create', { documentId, coderId, start, end: start + 80, codeIds: [cell] });
      samples.push(performance.now() - t);
      if (!envelope.ok) throw new Error(envelope.error.message);
    }
    rows.push({
      name: 'store one segment: the segments.create API call',
      size: '2,000 calls on 100,000 segments (half into a 50,000-word transcript)',
      figure: `p50 ${fmt(percentile(samples, 50))} ms, p99 ${fmt(percentile(samples, 99))} ms`,
      target: 'p50 < 2 ms, p99 < 10 ms (issue 4)',
    });
    session.close();
  }
  return rows;
}
