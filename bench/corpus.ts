// Synthetic corpora at the sizes the issues name: interview-like turns with varied words.
import { bulkWrite } from '../db/bulk';
import { createProjectFile, type Db } from '../db/project-file';
import { ensureCase, linkCaseDocument } from '../db/queries/cases';
import { ensureCoder } from '../db/queries/coders';
import { codeTree, createCode } from '../db/queries/codes';
import { insertDocument, listDocuments } from '../db/queries/documents';
import { listFrameworks } from '../db/queries/frameworks';
import { setMeta } from '../db/queries/meta';
import { insertSegments, type NewSegment } from '../db/queries/segments';
import { seedDefaultFramework } from '../electron/services/default-framework';
import { parsePlainTranscript } from '../electron/services/transcript';
import { codePointLength } from '../shared/offsets';

const WORDS =
  'the board partnership duty cooperate schools health children services plan commissioning budget pooled assessment framework team lead professional information sharing inspection outcomes leadership resistance change locality early intervention family practitioner café naïve'.split(
    ' ',
  );

/** Deterministic pseudo-random numbers, so every run measures the same corpus. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function transcript(words: number, random: () => number): string {
  const lines: string[] = [];
  let written = 0;
  for (let turn = 0; written < words; turn++) {
    const length = 20 + Math.floor(random() * 120);
    const body = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    lines.push(`${turn % 2 === 0 ? 'Interviewer' : 'DCS'}: ${body}.`);
    written += length;
  }
  return lines.join('\n');
}

/**
 * documents × wordsPerDocument of text, with segmentCount segments from two coders over MGF cells and 30
 * themes. Written through the bulk path (call inside a transaction): counts are rebuilt once at the end.
 */
export function fillCorpus(db: Db, documents: number, wordsPerDocument: number, segmentCount: number): void {
  bulkWrite(
    db,
    () => {
      const random = rng(42);
      const themesRoot = createCode(db, { parentId: null, name: 'Themes', codable: false });
      for (let i = 0; i < 30; i++) createCode(db, { parentId: themesRoot, name: `Theme ${i + 1}` });
      for (let d = 0; d < documents; d++) {
        const parsed = parsePlainTranscript(transcript(wordsPerDocument, random));
        const id = insertDocument(db, { name: `Interview ${d + 1}`, ...parsed, sourceName: null, sourceType: 'bench' });
        linkCaseDocument(db, ensureCase(db, `Case ${d + 1}`), id);
      }
      writeCodings(db, ['A', 'B'], segmentCount, random);
    },
    'all',
    segmentCount,
  );
}

/** More codings by other coders on a corpus's documents (a second coder's work), through the bulk path. */
export function addCodings(db: Db, coderNames: string[], segmentCount: number, seed: number): void {
  bulkWrite(db, () => writeCodings(db, coderNames, segmentCount, rng(seed)), 'all', segmentCount);
}

/**
 * Segments spread over every document in turn, each with one MGF cell and one theme, coders taking turns;
 * stored document by document through insertSegments, as an import does.
 */
function writeCodings(db: Db, coderNames: string[], segmentCount: number, random: () => number): void {
  const [mgf] = listFrameworks(db);
  const themes = codeTree(db)
    .find((c) => c.name === 'Themes')!
    .children.map((c) => c.id);
  const coders = coderNames.map((name) => ensureCoder(db, name).id);
  const docs = listDocuments(db).sort((a, b) => a.id - b.id);
  const byDocument = docs.map(() => [] as Omit<NewSegment, 'documentId'>[]);
  for (let s = 0; s < segmentCount; s++) {
    const doc = docs[s % docs.length]!;
    const start = Math.floor(random() * (doc.characters - 400));
    const cell = mgf!.cells[Math.floor(random() * mgf!.cells.length)]!.codeId;
    const theme = themes[Math.floor(random() * themes.length)]!;
    byDocument[s % docs.length]!.push({
      coderId: coders[s % coders.length]!,
      start,
      end: start + 50 + Math.floor(random() * 300),
      codeIds: [cell, theme],
    });
  }
  docs.forEach((doc, i) => insertSegments(db, doc.id, byDocument[i]!));
}

/**
 * A project file for the viewer benches: a short interview, then one transcript per entry with `codings`
 * segments from coders A and B (each over an MGF cell and one of 30 themes). Returns each transcript's text.
 */
export function writeCodedTranscripts(
  file: string,
  seed: number,
  transcripts: { name: string; words: number; codings: number }[],
): Map<string, string> {
  const db = createProjectFile(file, 'viewer bench');
  const random = rng(seed);
  const texts = new Map<string, string>();
  db.transaction(() => {
    seedDefaultFramework(db);
    const cells = listFrameworks(db)[0]!.cells.map((c) => c.codeId);
    const root = createCode(db, { parentId: null, name: 'Themes', codable: false });
    const themes = Array.from({ length: 30 }, (_, i) => createCode(db, { parentId: root, name: `Theme ${i + 1}` }));
    const coders = [ensureCoder(db, 'A').id, ensureCoder(db, 'B').id];
    setMeta(db, 'current_coder_id', String(coders[0]));
    insertDocument(db, {
      name: 'A short interview',
      ...parsePlainTranscript(transcript(500, random)),
      sourceName: null,
      sourceType: 'bench',
    });
    for (const { name, words, codings } of transcripts) {
      const parsed = parsePlainTranscript(transcript(words, random));
      texts.set(name, parsed.text);
      const documentId = insertDocument(db, { name, ...parsed, sourceName: null, sourceType: 'bench' });
      const length = codePointLength(parsed.text);
      const segments = Array.from({ length: codings }, (_, i) => {
        const start = Math.floor(random() * (length - 600));
        const codeIds = [cells[Math.floor(random() * cells.length)]!, themes[Math.floor(random() * themes.length)]!];
        return { coderId: coders[i % 2]!, start, end: start + 40 + Math.floor(random() * 500), codeIds };
      });
      insertSegments(db, documentId, segments);
    }
  })();
  db.close();
  return texts;
}
