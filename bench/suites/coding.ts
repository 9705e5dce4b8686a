// One coding through the HTTP API, as the page and the CLI send it, near the start and near the end of a
// 10,000- and a 200,000-word transcript, beside the do-nothing call (app.status) measured in the same
// rounds: the limit a coding can approach. Issue 15: within 2× of it, flat in length and position.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { insertDocument } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { setMeta } from '../../db/queries/meta';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { codePointLength } from '../../shared/offsets';
import { startWebHost } from '../../tests/e2e/host';
import { dispatch } from '../../electron/api/dispatch';
import { Session } from '../../electron/api/session';
import type { Envelope } from '../../shared/protocol';
import { rng, transcript } from '../corpus';
import { fmt, median, percentile, ratio, type Row } from '../report';

const ROUNDS = 300;
const WARM_UP = 20;

interface Place {
  label: string;
  documentId: number;
  start: (round: number) => number;
}

function writeProject(file: string): { places: Place[]; cell: number } {
  const db = createProjectFile(file, 'coding bench');
  const random = rng(5);
  const places: Place[] = [];
  db.transaction(() => {
    seedDefaultFramework(db);
    setMeta(db, 'current_coder_id', String(ensureCoder(db, 'A').id));
    for (const words of [10_000, 200_000]) {
      const parsed = parsePlainTranscript(transcript(words, random));
      const documentId = insertDocument(db, { name: `${words} words`, ...parsed, sourceName: null, sourceType: 'bench' });
      const length = codePointLength(parsed.text);
      const size = words.toLocaleString('en');
      // A different passage each round, so no two codings are the same.
      places.push(
        { label: `near the start of a ${size}-word transcript`, documentId, start: (round) => 2000 + round * 3 },
        { label: `near the end of a ${size}-word transcript`, documentId, start: (round) => length - 10_000 + round * 3 },
      );
    }
  })();
  const cell = listFrameworks(db)[0]!.cells[4]!.codeId;
  db.close();
  return { places, cell };
}

/**
 * The same calls in this process, straight to dispatch(), as CPU time per call over a batch: on a machine
 * shared with other work the wall clock says more about the neighbours, CPU time about the call.
 */
async function cpuRows(dir: string, file: string, places: Place[], cell: number): Promise<Row[]> {
  const session = new Session({ projects: join(dir, 'p'), config: join(dir, 'c') }, { rememberRecent: false });
  session.open(file);
  const batch = async (call: (round: number) => Promise<Envelope>) => {
    for (let round = 0; round < WARM_UP; round++) await call(ROUNDS + 1000 + round);
    const cpu = process.cpuUsage();
    for (let round = 0; round < ROUNDS; round++) {
      const envelope = await call(ROUNDS + 2000 + round);
      if (!envelope.ok) throw new Error(envelope.error.message);
    }
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000 / ROUNDS;
  };
  try {
    const rows: Row[] = [];
    let flat = 0;
    for (const place of places) {
      const ms = await batch((round) => {
        const start = place.start(round) - 1500;
        return dispatch(session, 'segments.create', { documentId: place.documentId, start, end: start + 80, codeIds: [cell] });
      });
      flat ||= ms;
      rows.push({
        name: `one coding in process (dispatch of segments.create), ${place.label}`,
        size: `${ROUNDS} calls`,
        figure: `${fmt(ms)} ms CPU per call: ${ratio(ms, flat)} the first row's`,
        target: 'flat: 1× the first row',
      });
    }
    return rows;
  } finally {
    session.close();
  }
}

export async function run(dir: string): Promise<Row[]> {
  const file = join(dir, 'coding.trellis');
  const { places, cell } = writeProject(file);
  const rows = await httpRows(file, places, cell);
  return [...rows, ...(await cpuRows(dir, file, places, cell))];
}

async function httpRows(file: string, places: Place[], cell: number): Promise<Row[]> {
  const host = await startWebHost(['--project', file]);
  try {
    const timed = async (method: string, args: unknown) => {
      const t = performance.now();
      await host.call(method, args);
      return performance.now() - t;
    };
    const code = (place: Place, round: number) => {
      const start = place.start(round);
      return timed('segments.create', { documentId: place.documentId, start, end: start + 80, codeIds: [cell] });
    };
    // The first coding in each document, before any warm-up: what someone opening it pays once.
    const first: number[] = [];
    for (const place of places) first.push(await code(place, 0));
    const nothing: number[] = [];
    const coding: number[][] = places.map(() => []);
    // Rounds interleave the calls, so a neighbour's burst of work weighs on all of them alike.
    for (let round = 1; round <= WARM_UP + ROUNDS; round++) {
      const noop = await timed('app.status', {});
      const times: number[] = [];
      for (const place of places) times.push(await code(place, round));
      if (round <= WARM_UP) continue;
      nothing.push(noop);
      times.forEach((t, i) => coding[i]!.push(t));
    }
    const limit = median(nothing);
    const load = `load average ${loadavg()[0]!.toFixed(1)}`;
    return [
      {
        name: 'the limit: a do-nothing API call over HTTP (app.status)',
        size: `${ROUNDS} calls, interleaved with the codings below`,
        figure: `p50 ${fmt(limit)} ms, p99 ${fmt(percentile(nothing, 99))} ms (${load})`,
        target: '—',
      },
      ...places.map((place, i) => ({
        name: `one coding over HTTP (segments.create), ${place.label}`,
        size: `${ROUNDS} calls; the first call in this document ${fmt(first[i]!)} ms`,
        figure: `p50 ${fmt(median(coding[i]!))} ms, p99 ${fmt(percentile(coding[i]!, 99))} ms: ${ratio(median(coding[i]!), limit)} the limit (${load})`,
        target: '≤ 2× the limit, flat (issue 15)',
      })),
    ];
  } finally {
    await host.stop();
  }
}
