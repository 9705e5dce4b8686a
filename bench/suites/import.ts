// Importing transcripts (issue 3): 100 plain-text and 100 Word transcripts of 10,000 words each, timed
// through the API as the CLI calls it, each batch in a fresh process whose peak memory is reported.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { rng, transcript } from '../corpus';
import { fmt, type Row } from '../report';

const FILES = 100;
const WORDS = 10_000;

function importFolder(dir: string, name: string): { ms: number; statuses: Record<string, number>; peakRssMb: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join('bench', 'import-worker.ts'), join(dir, `${name}.trellis`), join(dir, name), join(dir, 'home')],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** A Word file as a word processor writes a transcript: one paragraph per turn, the label in bold. */
function docx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => {
    const colon = line.indexOf(': ');
    return new Paragraph({ children: [new TextRun({ text: line.slice(0, colon + 1), bold: true }), new TextRun(line.slice(colon + 1))] });
  });
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

export async function run(dir: string): Promise<Row[]> {
  const random = rng(3);
  mkdirSync(join(dir, 'txt'));
  mkdirSync(join(dir, 'docx'));
  for (let i = 1; i <= FILES; i++) {
    writeFileSync(join(dir, 'txt', `Interview ${i}.txt`), transcript(WORDS, random));
    writeFileSync(join(dir, 'docx', `Interview ${i}.docx`), await docx(transcript(WORDS, random)));
  }
  const rows: Row[] = [];
  for (const [name, target] of [
    ['txt', 5_000],
    ['docx', 15_000],
  ] as const) {
    const result = importFolder(dir, name);
    const imported = result.statuses.imported ?? 0;
    if (imported !== FILES)
      throw new Error(`import bench: expected ${FILES} ${name} files imported, got ${JSON.stringify(result.statuses)}`);
    rows.push(
      {
        name: `import ${name.toUpperCase()} transcripts (one transaction each)`,
        size: `${FILES} × ${WORDS.toLocaleString('en')} words`,
        figure: `${fmt(result.ms)} ms`,
        target: `< ${target / 1000} s (issue 3)`,
      },
      {
        name: `peak memory of the ${name.toUpperCase()} importing process`,
        size: `${FILES} × ${WORDS.toLocaleString('en')} words`,
        figure: `${fmt(result.peakRssMb)} MB`,
        target: '< 500 MB (issue 3)',
      },
    );
  }
  return rows;
}
