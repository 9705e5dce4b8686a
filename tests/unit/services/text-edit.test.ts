import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebuildCodeCounts } from '../../../db/code-counts';
import { rebuildCooccurrence } from '../../../db/cooccurrence';
import { documentText } from '../../../db/document-text';
import type { Db } from '../../../db/project-file';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { getDocument, insertDocument } from '../../../db/queries/documents';
import { documentsMatching } from '../../../db/queries/search';
import { insertSegment, listSegments } from '../../../db/queries/segments';
import { recordStep, redoNext, undoLast, UNDO_TRACKED_TABLES } from '../../../db/undo';
import { applyTextChanges, editText } from '../../../electron/services/text-edit';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

const TEXT = [
  'DCS: Café meetings 😀 with Jon about pooled budgets 👍🏽, then Jon left.',
  'Head: Jon agreed; the naïve plan 🇬🇧 worked.',
  'DCS: Budgets again, Jon said.',
].join('\n');

function project(text = TEXT) {
  const { db } = emptyProject();
  // Thousands of small commits: the test checks results, not durability.
  db.pragma('synchronous = OFF');
  const parsed = parsePlainTranscript(text);
  const documentId = insertDocument(db, {
    name: 'Interview 1',
    ...parsed,
    formatting: { headings: [], bold: [[5, 9]], italic: [[20, 40]] },
    sourceName: null,
    sourceType: 'txt',
  });
  const a = ensureCoder(db, 'A').id;
  const b = ensureCoder(db, 'B').id;
  const duty = createCode(db, { parentId: null, name: 'Duty' });
  const money = createCode(db, { parentId: null, name: 'Money' });
  return { db, documentId, a, b, duty, money };
}

const cp = (s: string) => [...s];
const at = (text: string, needle: string, from = 0) => cp(text.slice(0, text.indexOf(needle, from))).length;

/** Every row undo restores, each table's rows as sorted JSON. */
const tracked = (db: Db) =>
  Object.fromEntries(
    UNDO_TRACKED_TABLES.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as object[]).map((r) => JSON.stringify(r)).sort()]),
  );

/** The kept counts, and what counting everything again gives. */
function countsMatchRebuild(db: Db): void {
  const tables = ['code_tallies', 'code_totals', 'cooccurrence', 'cooccurrence_totals'];
  const read = () => tables.map((t) => (db.prepare(`SELECT * FROM ${t}`).all() as object[]).map((r) => JSON.stringify(r)).sort());
  const kept = read();
  db.transaction(() => {
    rebuildCodeCounts(db);
    rebuildCooccurrence(db);
  })();
  expect(read()).toEqual(kept);
}

/** The search index holds exactly each paragraph's speech as the text now reads. */
function indexMatchesText(db: Db, documentId: number): void {
  const doc = getDocument(db, documentId);
  const chars = cp(doc.text);
  const expected = doc.paragraphs.map((p) => [documentId * 2 ** 32 + p.n, chars.slice(p.bodyStart, p.end).join('')]);
  for (const table of ['search_exact', 'search_stemmed']) {
    const rows = db.prepare(`SELECT rowid, text FROM ${table} ORDER BY rowid`).raw().all();
    expect(rows, table).toEqual(expected);
  }
}

const step = <T>(db: Db, coderId: number, change: () => T): T =>
  db.transaction(() => recordStep(db, 'Edit text', coderId, change)).immediate();

describe('editing a transcript', () => {
  it('fixes a word inside a coded passage: the coding keeps its text, later codings and turns move, undo and redo are exact', () => {
    const { db, documentId, a, b, duty, money } = project();
    const passage = 'meetings 😀 with Jon about pooled budgets';
    const s1 = insertSegment(db, {
      documentId,
      coderId: a,
      start: at(TEXT, passage),
      end: at(TEXT, passage) + cp(passage).length,
      codeIds: [duty],
    });
    const later = 'Jon agreed';
    const s2 = insertSegment(db, {
      documentId,
      coderId: a,
      start: at(TEXT, later),
      end: at(TEXT, later) + cp(later).length,
      codeIds: [money],
    });
    const s3 = insertSegment(db, {
      documentId,
      coderId: b,
      start: at(TEXT, 'pooled'),
      end: at(TEXT, 'Jon agreed'),
      codeIds: [duty, money],
    });
    const before = tracked(db);
    const jon = at(TEXT, 'Jon');

    const result = step(db, a, () => editText(db, documentId, { start: jon, end: jon + 3, text: 'Jonathan 😀' }));

    const byId = new Map(result.segments.map((s) => [s.id, s]));
    expect(byId.get(s1)!.text).toBe('meetings 😀 with Jonathan 😀 about pooled budgets');
    expect(byId.get(s2)!.text).toBe('Jon agreed');
    expect(byId.get(s3)!.text).toBe(TEXT.slice(TEXT.indexOf('pooled'), TEXT.indexOf('Jon agreed')));
    expect(result.removed).toEqual([]);
    expect(result.characters).toBe(cp(TEXT).length + cp('Jonathan 😀').length - 3);
    const doc = getDocument(db, documentId);
    expect(doc.text).toBe(TEXT.replace('Jon', 'Jonathan 😀'));
    // Turn 2 starts after the longer turn 1; its speaker label and speech start moved with it.
    const lines = doc.text.split('\n');
    expect(doc.paragraphs.map((p) => cp(doc.text).slice(p.start, p.end).join(''))).toEqual(lines);
    expect(doc.paragraphs.map((p) => cp(doc.text).slice(p.bodyStart, p.end).join(''))).toEqual(
      lines.map((l) => l.slice(l.indexOf(': ') + 2)),
    );
    // Bold "Café" (before the edit) stays; the italic run crossing "Jon" takes the replacement in.
    expect(doc.formatting!.bold).toEqual([[5, 9]]);
    expect(doc.formatting!.italic).toEqual([[20, 40 + cp('Jonathan 😀').length - 3]]);
    expect(documentsMatching(db, 'Jonathan', false, null).map((d) => d.name)).toEqual(['Interview 1']);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);
    const after = tracked(db);

    db.transaction(() => undoLast(db, a))();
    expect(tracked(db)).toEqual(before);
    expect(documentText(db, documentId).text).toBe(TEXT);
    expect(documentsMatching(db, 'Jonathan', false, null)).toEqual([]);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);

    db.transaction(() => redoNext(db, a))();
    expect(tracked(db)).toEqual(after);
    expect(documentText(db, documentId).text).toBe(doc.text);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);
  });

  it('removes and lists a coding whose text is all deleted, shrinks one partly deleted, and undo brings both back', () => {
    const { db, documentId, a, duty, money } = project();
    const gone = insertSegment(db, { documentId, coderId: a, start: at(TEXT, '😀'), end: at(TEXT, '😀') + 1, codeIds: [duty, money] });
    const shrunk = insertSegment(db, { documentId, coderId: a, start: at(TEXT, 'meetings'), end: at(TEXT, ' with'), codeIds: [money] });
    const before = tracked(db);
    const start = at(TEXT, ' 😀');
    const result = step(db, a, () => editText(db, documentId, { start, end: start + 2, text: '' }));
    expect(result.removed.map((s) => [s.id, s.text, s.codeIds])).toEqual([[gone, '😀', [duty, money]]]);
    expect(result.segments.map((s) => [s.id, s.text])).toEqual([[shrunk, 'meetings']]);
    countsMatchRebuild(db);
    indexMatchesText(db, documentId);
    db.transaction(() => undoLast(db, a))();
    expect(tracked(db)).toEqual(before);
    countsMatchRebuild(db);
    indexMatchesText(db, documentId);
  });

  it('stores the edit as a delta: the undo log holds the removed word, not the transcript', () => {
    const long = Array.from({ length: 400 }, (_, i) => `DCS: turn ${i} about budgets 😀 and Jon.`).join('\n');
    const { db, documentId, a } = project(long);
    const jon = at(long, 'Jon');
    step(db, a, () => editText(db, documentId, { start: jon, end: jon + 3, text: 'Tom' }));
    const log = db.prepare('SELECT statement FROM undo_log').pluck().all() as string[];
    expect(log.some((s) => s.includes('"Jon"'))).toBe(true);
    // The whole text is ~16,000 characters; the log is the delta, two index marks and a few small rows.
    expect(log.join('').length).toBeLessThan(2000);
  });

  it('refuses a range outside the text, overlapping changes, no change, and an edit that adds or removes a line break', () => {
    const { db, documentId } = project();
    const length = cp(TEXT).length;
    const tryEdit = (changes: { start: number; end: number; text: string }[]) =>
      db.transaction(() => applyTextChanges(db, documentId, changes)).immediate();
    expect(() => tryEdit([{ start: length, end: length + 1, text: 'x' }])).toThrow(/not inside/);
    expect(() =>
      tryEdit([
        { start: 5, end: 9, text: 'x' },
        { start: 8, end: 10, text: 'y' },
      ]),
    ).toThrow(/overlaps/);
    expect(() => tryEdit([{ start: 5, end: 9, text: 'Café' }])).toThrow(/already/);
    const newline = at(TEXT, '\n');
    expect(() => tryEdit([{ start: newline, end: newline + 1, text: ' ' }])).toThrow(/one paragraph/);
    expect(() => tryEdit([{ start: 5, end: 5, text: 'a\nb' }])).toThrow(/one paragraph/);
    expect(documentText(db, documentId).text).toBe(TEXT);
  });
});

/** The model: the text as characters with identities, each segment the set of characters it covers. */
interface Model {
  chars: { ch: string; id: number }[];
  segments: Map<number, Set<number>>;
  next: number;
}

/** Replaces model characters [start, end); inserted characters join a segment that lost any replaced one, or (a pure insertion) that holds both neighbours. */
function modelEdit(m: Model, start: number, end: number, text: string): void {
  const inserted = cp(text).map((ch) => ({ ch, id: m.next++ }));
  const removed = new Set(m.chars.slice(start, end).map((c) => c.id));
  const [left, right] = [m.chars[start - 1]?.id, m.chars[end]?.id];
  for (const members of m.segments.values()) {
    const joins =
      start < end
        ? [...removed].some((id) => members.has(id))
        : left !== undefined && right !== undefined && members.has(left) && members.has(right);
    for (const id of removed) members.delete(id);
    if (joins) for (const c of inserted) members.add(c.id);
  }
  for (const [id, members] of m.segments) if (members.size === 0) m.segments.delete(id);
  m.chars.splice(start, end - start, ...inserted);
}

const modelText = (m: Model, members: Set<number>) =>
  m.chars
    .filter((c) => members.has(c.id))
    .map((c) => c.ch)
    .join('');

describe('random edits', () => {
  it('keep every segment on the text an independent model says, and undoing them all restores the project exactly', () => {
    const pieces = ['a', 'é', '😀', '👍🏽', ' ', 'Jo', 'n', '🇬🇧', '𝒳', ': '];
    const edit = fc.record({
      line: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      span: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join('')),
    });
    let edits = 0;
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 250, maxLength: 250 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.boolean()), { minLength: 12, maxLength: 12 }),
        (plan, seeds) => {
          const { db, documentId, a, b, duty, money } = project();
          const length = cp(TEXT).length;
          const model: Model = { chars: cp(TEXT).map((ch, id) => ({ ch, id })), segments: new Map(), next: length };
          for (const [offset, size, first] of seeds) {
            const start = offset % (length - 1);
            const end = Math.min(length, start + 1 + size);
            const id = insertSegment(db, { documentId, coderId: first ? a : b, start, end, codeIds: first ? [duty] : [duty, money] });
            model.segments.set(id, new Set(model.chars.slice(start, end).map((c) => c.id)));
          }
          const original = tracked(db);
          let steps = 0;
          for (const e of plan) {
            const text = model.chars.map((c) => c.ch).join('');
            const lines = text.split('\n');
            const k = Math.floor(e.line * lines.length);
            const lineStart = cp(lines.slice(0, k).join('\n')).length + (k > 0 ? 1 : 0);
            const lineLength = cp(lines[k]!).length;
            const start = lineStart + Math.floor(e.from * lineLength);
            const end = start + Math.floor(e.span * (lineStart + lineLength - start));
            // A replacement by the same text is refused (nothing changes): make it a change.
            const same =
              model.chars
                .slice(start, end)
                .map((c) => c.ch)
                .join('') === e.text;
            const replacement = same ? `${e.text}é` : e.text;
            step(db, a, () => applyTextChanges(db, documentId, [{ start, end, text: replacement }]));
            modelEdit(model, start, end, replacement);
            steps++;
            edits++;
            const segments = listSegments(db, { documentId });
            expect(new Map(segments.map((s) => [s.id, s.text]))).toEqual(
              new Map([...model.segments].map(([id, members]) => [id, modelText(model, members)])),
            );
            const doc = getDocument(db, documentId);
            expect(doc.text).toBe(model.chars.map((c) => c.ch).join(''));
            expect(doc.paragraphs.map((p) => cp(doc.text).slice(p.start, p.end).join(''))).toEqual(doc.text.split('\n'));
          }
          indexMatchesText(db, documentId);
          countsMatchRebuild(db);
          for (let i = 0; i < steps; i++) db.transaction(() => undoLast(db, a))();
          expect(tracked(db)).toEqual(original);
          expect(documentText(db, documentId).text).toBe(TEXT);
          indexMatchesText(db, documentId);
          countsMatchRebuild(db);
          db.close();
        },
      ),
      { numRuns: 9 },
    );
    expect(edits).toBeGreaterThan(2000);
  }, 300_000);
});
