// Inter-coder agreement on two coders × 100 documents of 10,000 words × 40 codes (9 MGF cells and 31 themes):
// every per code × document coefficient plus the unitizing alphas, by character (the issue's 1 s), and the
// same by paragraph and by document.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createProjectFile, openProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { createCode } from '../../db/queries/codes';
import { insertDocument } from '../../db/queries/documents';
import { listFrameworks } from '../../db/queries/frameworks';
import { insertSegment } from '../../db/queries/segments';
import { computeAgreement } from '../../electron/services/agreement/compute';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { parsePlainTranscript } from '../../electron/services/transcript';
import { rng, transcript } from '../corpus';
import { fmt, median, time, type Row } from '../report';

const DOCUMENTS = 100;
const WORDS = 10_000;
/** Passages per coder, code and document. */
const PASSAGES = 4;

type Unit = 'character' | 'paragraph' | 'document';

/** Coder A codes passages at random; B codes most of the same passages with shifted boundaries, skips some and adds others. */
function build(file: string): { segments: number; characters: number; ms: number } {
  const db = createProjectFile(file, 'agreement bench');
  const random = rng(1960);
  let segments = 0;
  let characters = 0;
  const { ms } = time(() =>
    db.transaction(() => {
      seedDefaultFramework(db);
      const themes = createCode(db, { parentId: null, name: 'Themes', codable: false });
      const codes = [
        ...listFrameworks(db)[0]!.cells.map((c) => c.codeId),
        ...Array.from({ length: 31 }, (_, i) => createCode(db, { parentId: themes, name: `Theme ${i + 1}` })),
      ];
      const [A, B] = [ensureCoder(db, 'A').id, ensureCoder(db, 'B').id];
      for (let d = 0; d < DOCUMENTS; d++) {
        const parsed = parsePlainTranscript(transcript(WORDS, random));
        const length = [...parsed.text].length;
        characters += length;
        const documentId = insertDocument(db, { name: `Interview ${d + 1}`, ...parsed, sourceName: null, sourceType: 'bench' });
        const code = (coderId: number, codeId: number, start: number, end: number) => {
          const [s, e] = [Math.max(0, start), Math.min(length, end)];
          if (e <= s) return;
          insertSegment(db, { documentId, coderId, start: s, end: e, codeIds: [codeId] });
          segments++;
        };
        for (const codeId of codes) {
          for (let p = 0; p < PASSAGES; p++) {
            const start = Math.floor(random() * (length - 1500));
            const end = start + 100 + Math.floor(random() * 1200);
            code(A, codeId, start, end);
            const shift = () => Math.floor((random() - 0.5) * 80);
            if (random() < 0.85) code(B, codeId, start + shift(), end + shift());
            if (random() < 0.15) code(B, codeId, Math.floor(random() * length), Math.floor(random() * length) + 300);
          }
        }
      }
    })(),
  );
  db.close();
  return { segments, characters, ms };
}

export async function run(dir: string): Promise<Row[]> {
  const file = join(dir, 'agreement.trellis');
  const built = build(file);
  const size = `2 coders × ${DOCUMENTS} documents × ${WORDS.toLocaleString('en')} words (${(built.characters / 1e6).toFixed(1)} M code points) × 40 codes, ${built.segments.toLocaleString('en')} segments`;
  const db = openProjectFile(file);
  const rows: Row[] = [{ name: 'build agreement project', size, figure: `${fmt(built.ms)} ms`, target: '—' }];
  // The wall clock counts time other processes take from this one on a shared machine; CPU time does not.
  const run = (unit: Unit) => {
    const cpu = process.cpuUsage();
    const { ms, value } = time(() => computeAgreement(db, { coders: ['A', 'B'], unit }));
    const used = process.cpuUsage(cpu);
    return { ms, cpu: (used.user + used.system) / 1000, value };
  };
  for (const unit of ['character', 'paragraph', 'document'] as const) {
    const first = run(unit);
    const samples = Array.from({ length: 5 }, () => run(unit));
    const wall = samples.map((s) => s.ms);
    const cpu = samples.map((s) => s.cpu);
    const result = first.value;
    rows.push({
      name: `agreement.compute by ${unit}: ${result.rows.length} code × document rows${unit === 'character' ? `, binary uα per row, 3 unitizing alphas for each of ${result.groups.length} groups` : ''}`,
      size,
      figure: `first ${fmt(first.ms)} ms; median ${fmt(median(wall))} ms wall, ${fmt(median(cpu))} ms CPU (load average ${loadavg()[0]!.toFixed(1)})`,
      target: unit === 'character' ? '< 1,000 ms' : '—',
    });
  }
  db.close();
  return rows;
}
