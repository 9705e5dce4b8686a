// Text edits (issue 19): fixing a word, splitting and joining turns and changing a speaker in a 50,000-word
// transcript with 2,000 codings, stored through the API (target 50 ms), and pseudonymising a name across a
// 1M-word project (target 2 s). All through dispatch(), as the app's calls arrive, each one committed undo step.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bulkWrite } from '../../db/bulk';
import { createProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { codeTree, createCode } from '../../db/queries/codes';
import { insertDocument } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { setMeta } from '../../db/queries/meta';
import { insertSegment } from '../../db/queries/segments';
import { dispatch } from '../../electron/api/dispatch';
import { Session } from '../../electron/api/session';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { codePointLength } from '../../shared/offsets';
import { rng, transcript } from '../corpus';
import { fmt, percentile, withCpu, type Row } from '../report';

const EDITS = 40;
/** The name pseudonymised: one word in 500 of the 1M-word project, about 2,000 places. */
const NAME = 'Marcia';

/** A transcript with the name put in place of one word in `every`. */
function withName(words: number, random: () => number, every: number): string {
  return transcript(words, random).replace(/ [a-zé]+/g, (word) => (random() < 1 / every ? ` ${NAME}` : word));
}

function writeProject(file: string, documents: number, words: number, codings: number): number[] {
  const db = createProjectFile(file, 'text edit bench');
  const random = rng(19);
  const ids: number[] = [];
  db.transaction(() => {
    seedDefaultFramework(db);
    setMeta(db, 'current_coder_id', String(ensureCoder(db, 'A').id));
    bulkWrite(db, () => {
      const root = createCode(db, { parentId: null, name: 'Themes', codable: false });
      for (let i = 0; i < 30; i++) createCode(db, { parentId: root, name: `Theme ${i + 1}` });
      const cells = listFrameworks(db)[0]!.cells.map((c) => c.codeId);
      const themes = codeTree(db)
        .find((c) => c.name === 'Themes')!
        .children.map((c) => c.id);
      const coders = [ensureCoder(db, 'A').id, ensureCoder(db, 'B').id];
      for (let d = 0; d < documents; d++) {
        const parsed = parsePlainTranscript(withName(words, random, 500));
        const id = insertDocument(db, { name: `Interview ${d + 1}`, ...parsed, sourceName: null, sourceType: 'bench' });
        ids.push(id);
        const length = codePointLength(parsed.text);
        for (let s = 0; s < codings / documents; s++) {
          const start = Math.floor(random() * (length - 400));
          const codeIds = [cells[Math.floor(random() * cells.length)]!, themes[Math.floor(random() * themes.length)]!];
          insertSegment(db, { documentId: id, coderId: coders[s % 2]!, start, end: start + 50 + Math.floor(random() * 300), codeIds });
        }
      }
    });
  })();
  db.close();
  return ids;
}

function session(dir: string, file: string): Session {
  const s = new Session({ projects: join(dir, 'p'), config: join(dir, 'c') }, { rememberRecent: false });
  s.open(file);
  return s;
}

/** Wall-clock and CPU time of an awaited call (dispatch is async; its work is synchronous inside). */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const used = process.cpuUsage();
  const value = await fn();
  const { user, system } = process.cpuUsage(used);
  return { ms: performance.now() - start, cpuMs: (user + system) / 1000, value };
}

async function call(s: Session, method: string, args: unknown): Promise<unknown> {
  const envelope = await dispatch(s, method, args);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.result;
}

export async function run(dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const load = () => `load ${loadavg()[0]!.toFixed(1)}`;

  const single = join(dir, 'single.trellis');
  const [documentId] = writeProject(single, 1, 50_000, 2_000);
  const one = session(dir, single);
  const random = rng(3);
  const wall: number[] = [];
  const cpu: number[] = [];
  // Every segment with its text, as the CLI asks; every segment's place; only those removed, as the app asks
  // (it has the text and moves its codings itself).
  const answers = [
    { withText: true, withSegments: true, name: 'with every segment after it returned, with its text' },
    { withText: false, withSegments: true, name: "with every segment's place returned" },
    { withText: false, withSegments: false, name: 'with the removed segments returned, as the app asks' },
  ];
  for (const { withText, withSegments, name } of answers) {
    wall.length = 0;
    cpu.length = 0;
    for (let i = 0; i < EDITS + 5; i++) {
      // A word somewhere in the transcript made longer: everything after it moves. The corpus has no
      // astral characters, so UTF-16 indexes are code points.
      const { text } = (await call(one, 'documents.get', { id: documentId })) as { text: string };
      const words = [...text.matchAll(/ ([a-z]{4,}) /g)];
      const word = words[Math.floor(random() * words.length)]!;
      const args = {
        documentId,
        start: word.index + 1,
        end: word.index + 1 + word[1]!.length,
        text: `${word[1]}s`,
        withText,
        withSegments,
        coder: 'A',
      };
      const t = await timed(() => call(one, 'documents.editText', args));
      if (i >= 5) {
        wall.push(t.ms);
        cpu.push(t.cpuMs);
      }
    }
    rows.push({
      name: `documents.editText: fix a word (${name})`,
      size: '50,000 words, 2,000 codings',
      figure: `p50 ${fmt(percentile(wall, 50))} ms, p95 ${fmt(percentile(wall, 95))} ms (CPU p50 ${fmt(percentile(cpu, 50))} ms; ${load()})`,
      target: '< 50 ms',
    });
  }
  // Ctrl+Z after a fix, then Ctrl+Shift+Z: the step's log replayed backwards and forwards.
  for (const direction of ['undo', 'redo'] as const) {
    wall.length = 0;
    cpu.length = 0;
    for (let i = 0; i < 10; i++) {
      const t = await timed(() => call(one, `history.${direction}`, { coder: 'A' }));
      wall.push(t.ms);
      cpu.push(t.cpuMs);
    }
    rows.push({
      name: `history.${direction}: a word fix ${direction === 'undo' ? 'undone' : 'redone'}`,
      size: '50,000 words, 2,000 codings',
      figure: `p50 ${fmt(percentile(wall, 50))} ms, p95 ${fmt(percentile(wall, 95))} ms (CPU p50 ${fmt(percentile(cpu, 50))} ms; ${load()})`,
      target: '< 50 ms',
    });
  }
  // Turn edits at random places: each renumbers the turns after it, and re-indexes only the speech it changed.
  const turnEdits: [string, string, () => Promise<object>][] = [
    [
      'documents.splitTurn: split a turn (later turns renumbered, the two halves re-indexed, every segment returned)',
      'documents.splitTurn',
      async () => {
        const { text } = (await call(one, 'documents.get', { id: documentId })) as { text: string };
        const spaces = [...text.matchAll(/[a-z] [a-z]/g)];
        return { documentId, at: spaces[Math.floor(random() * spaces.length)]!.index + 1, speaker: 'Ana' };
      },
    ],
    [
      'documents.joinTurns: join a turn with the next (later turns renumbered, the joined one re-indexed, every segment returned)',
      'documents.joinTurns',
      async () => {
        const { paragraphs } = (await call(one, 'documents.get', { id: documentId })) as { paragraphs: unknown[] };
        return { documentId, n: 1 + Math.floor(random() * (paragraphs.length - 1)) };
      },
    ],
    [
      'documents.setSpeaker: give a turn another speaker (its label rewritten, nothing re-indexed, every segment returned)',
      'documents.setSpeaker',
      async () => {
        const { paragraphs } = (await call(one, 'documents.get', { id: documentId })) as { paragraphs: { speaker: string | null }[] };
        const n = 1 + Math.floor(random() * paragraphs.length);
        return { documentId, n, speaker: paragraphs[n - 1]!.speaker === 'Bo' ? 'Ana' : 'Bo' };
      },
    ],
  ];
  for (const [name, method, args] of turnEdits) {
    wall.length = 0;
    cpu.length = 0;
    for (let i = 0; i < EDITS + 5; i++) {
      const a = await args();
      const t = await timed(() => call(one, method, { ...a, coder: 'A' }));
      if (i >= 5) {
        wall.push(t.ms);
        cpu.push(t.cpuMs);
      }
    }
    rows.push({
      name,
      size: '50,000 words, 2,000 codings',
      figure: `p50 ${fmt(percentile(wall, 50))} ms, p95 ${fmt(percentile(wall, 95))} ms (CPU p50 ${fmt(percentile(cpu, 50))} ms; ${load()})`,
      target: '< 50 ms',
    });
  }
  one.close();

  const big = join(dir, 'big.trellis');
  writeProject(big, 20, 50_000, 20_000);
  const all = session(dir, big);
  const preview = await timed(() => call(all, 'documents.pseudonymisePreview', { find: NAME }));
  rows.push({
    name: `documents.pseudonymisePreview: every place of a name (${(preview.value as { hits: unknown[] }).hits.length.toLocaleString('en')})`,
    size: '20 docs × 50,000 words, 20,000 codings',
    figure: `${withCpu(preview)} (${load()})`,
    target: '—',
  });
  const applied = await timed(() => call(all, 'documents.pseudonymise', { find: NAME, replace: 'Participant 7', coder: 'A' }));
  rows.push({
    name: `documents.pseudonymise: a name replaced in every document (${(applied.value as { replaced: number }).replaced.toLocaleString('en')} places), one undo step`,
    size: '20 docs × 50,000 words, 20,000 codings',
    figure: `${withCpu(applied)} (${load()})`,
    target: '< 2 s',
  });
  all.close();
  return rows;
}
