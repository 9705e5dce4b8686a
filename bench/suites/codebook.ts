// The codebook on a 1,000-document, 100,000-segment project: the tree the pane reloads after every coding,
// a merge of a 10,000-segment code, and REFI-QDA codebook export/import at 500 codes.
import { join } from 'node:path';
import { createProjectFile } from '../../db/project-file';
import { ensureCoder } from '../../db/queries/coders';
import { codeTree, createCode, findCodeByPath } from '../../db/queries/codes';
import { insertSegment } from '../../db/queries/segments';
import { recordStep } from '../../db/undo';
import { projectQdc } from '../../electron/services/codebook-export';
import { mergeCodebook } from '../../electron/services/codebook-import';
import { mergeCodes } from '../../electron/services/codebook';
import { readQdc, writeQdc } from '../../electron/services/qdc';
import { seedDefaultFramework } from '../../electron/services/default-framework';
import { fillCorpus, rng } from '../corpus';
import { fmt, medianOf, time, type Row } from '../report';

export async function run(dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  const db = createProjectFile(join(dir, 'large.trellis'), 'large');
  db.transaction(() => {
    seedDefaultFramework(db);
    fillCorpus(db, 1000, 1000, 100_000);
  })();
  const coder = ensureCoder(db, 'A').id;
  rows.push({
    name: 'codebook tree with counts (all coders)',
    size: '100,000 segments, 43 codes',
    figure: `median ${fmt(medianOf(() => codeTree(db), 20, false))} ms`,
    target: '< 50 ms (the pane reloads after each coding)',
  });
  rows.push({
    name: 'codebook tree with counts (one coder)',
    size: '100,000 segments',
    figure: `median ${fmt(medianOf(() => codeTree(db, coder), 20, false))} ms`,
    target: '< 50 ms',
  });

  // A code with 10,000 passages merged into another, as one undoable step (the API's way).
  const themes = findCodeByPath(db, 'Themes')!;
  const big = createCode(db, { parentId: themes, name: 'Big' });
  const target = findCodeByPath(db, 'Themes/Theme 1')!;
  const random = rng(3);
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      const start = Math.floor(random() * 4000);
      insertSegment(db, { documentId: 1 + (i % 1000), coderId: coder, start, end: start + 60, codeIds: [big] });
    }
  })();
  const merge = time(() => db.transaction(() => recordStep(db, 'Merge codes', coder, () => mergeCodes(db, big, target)))());
  rows.push({
    name: 'merge a code into another (undoable)',
    size: '10,000 segments moved, 110,000 in all',
    figure: `${fmt(merge.ms)} ms`,
    target: '—',
  });

  // A 500-code codebook in three levels: export to .qdc, import into an empty project, import again.
  const book = createProjectFile(join(dir, 'book.trellis'), 'book');
  book.transaction(() => {
    for (let g = 0; g < 20; g++) {
      const group = createCode(book, { parentId: null, name: `Group ${g + 1}`, codable: false });
      for (let c = 0; c < 20; c++) {
        const code = createCode(book, { parentId: group, name: `Code ${g + 1}.${c + 1}`, description: `Definition of code ${c + 1}.` });
        if (c % 5 === 0) createCode(book, { parentId: code, name: 'Detail', description: 'A finer distinction.' });
      }
    }
  })();
  const exported = time(() => writeQdc(projectQdc(book)));
  rows.push({ name: 'codebook export (.qdc)', size: '500 codes', figure: `${fmt(exported.ms)} ms`, target: '—' });
  const fresh = createProjectFile(join(dir, 'fresh.trellis'), 'fresh');
  const importOnce = () => fresh.transaction(() => mergeCodebook(fresh, readQdc(exported.value, 'bench.qdc'), 'bench.qdc'))();
  const imported = time(importOnce);
  rows.push({
    name: 'codebook import (.qdc) into an empty project',
    size: `${imported.value.added.length} codes added`,
    figure: `${fmt(imported.ms)} ms`,
    target: '—',
  });
  const again = time(importOnce);
  rows.push({
    name: 'codebook import again (all matched by GUID)',
    size: `${again.value.matched.length} codes`,
    figure: `${fmt(again.ms)} ms`,
    target: '—',
  });
  book.close();
  fresh.close();
  db.close();
  return rows;
}
