import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { getDocument, insertDocument } from '../../../db/queries/documents';
import { insertSegment, listSegments } from '../../../db/queries/segments';
import { recordStep, undoLast } from '../../../db/undo';
import { pseudonymise, pseudonymisePreview } from '../../../electron/services/pseudonymise';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

const ONE = 'DCS: 😀 Jon met JON; Jonathan 👍🏽 too.\nHead: jon.';
const TWO = 'DCS: no one here.';

function project() {
  const { db } = emptyProject();
  const add = (name: string, text: string) =>
    insertDocument(db, { name, ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' });
  return { db, one: add('One', ONE), two: add('Two', TWO) };
}

describe('pseudonymising', () => {
  it('previews every whole-word hit, any case, in code points with the words around it in its paragraph', () => {
    const { db, one } = project();
    const { hits, documents } = pseudonymisePreview(db, { find: 'jon', replace: 'P1' });
    expect(documents).toBe(1);
    // By hand: "DCS: 😀 " is 7 code points; "Jon met " 8 more; "JON; Jonathan 👍🏽 too." ends line 1 at 36; "Head: " 6.
    expect(hits).toEqual([
      { documentId: one, document: 'One', start: 7, end: 10, text: 'Jon', before: 'DCS: 😀 ', after: ' met JON; Jonathan 👍🏽 too.' },
      { documentId: one, document: 'One', start: 15, end: 18, text: 'JON', before: 'DCS: 😀 Jon met ', after: '; Jonathan 👍🏽 too.' },
      { documentId: one, document: 'One', start: 43, end: 46, text: 'jon', before: 'Head: ', after: '.' },
    ]);
    for (const h of hits) expect([...ONE].slice(h.start, h.end).join('')).toBe(h.text);
    expect(pseudonymisePreview(db, { find: 'Jon', replace: 'P1', caseSensitive: true }).hits.map((h) => h.text)).toEqual(['Jon']);
    expect(pseudonymisePreview(db, { find: 'Jon', replace: 'P1', wholeWord: false, caseSensitive: true }).hits.map((h) => h.text)).toEqual([
      'Jon',
      'Jon',
    ]);
  });

  it('applies every hit as one undo step, codings kept', () => {
    const { db, one } = project();
    const coder = ensureCoder(db, 'A').id;
    const code = createCode(db, { parentId: null, name: 'People' });
    const segment = insertSegment(db, { documentId: one, coderId: coder, start: 7, end: 19, codeIds: [code] });
    const result = db.transaction(() =>
      recordStep(db, 'Pseudonymise', coder, () => pseudonymise(db, { find: 'jon', replace: 'Person 1' })),
    )();
    expect(result).toMatchObject({ replaced: 3, documents: [{ documentId: one, replaced: 3 }], removed: [] });
    expect(getDocument(db, one).text).toBe('DCS: 😀 Person 1 met Person 1; Jonathan 👍🏽 too.\nHead: Person 1.');
    expect(listSegments(db, { documentId: one }).map((s) => [s.id, s.text])).toEqual([[segment, 'Person 1 met Person 1;']]);
    db.transaction(() => undoLast(db, coder))();
    expect(getDocument(db, one).text).toBe(ONE);
    expect(listSegments(db, { documentId: one }).map((s) => s.text)).toEqual(['Jon met JON;']);
  });
});
