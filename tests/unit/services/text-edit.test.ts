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
import { joinTurns, setSpeaker, splitTurn } from '../../../electron/services/turns';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';
import { expectSearchIndexExact } from '../search-index-check';

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
    formatting: { headings: [{ n: 3, level: 2 }], bold: [[5, 9]], italic: [[20, 40]] },
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

const QUERIES = ['jon', 'budget', 'budgets', 'naïve', '"jon agreed"', 'ca*', 'then OR worked', 'hello OR fine', 'a', 'w1*', 'part OR more'];

/** The search index equals one built afresh from the text (the document is the project's only one). */
const indexMatchesText = (db: Db, documentId: number): void => {
  expect(db.prepare('SELECT DISTINCT document_id FROM paragraphs').pluck().all()).toEqual([documentId]);
  expectSearchIndexExact(db, QUERIES);
};

const step = <T>(db: Db, coderId: number, change: () => T): T =>
  db.transaction(() => recordStep(db, 'Edit text', coderId, change)).immediate();

/** A coding of exactly `words` (their first place in TEXT). */
const codeWords = (db: Db, documentId: number, coderId: number, words: string, codeIds: number[]) =>
  insertSegment(db, { documentId, coderId, start: at(TEXT, words), end: at(TEXT, words) + cp(words).length, codeIds });
/** A's coding wholly inside turn 2's label "Head: ", and B's across the end of turn 1 into turn 2's speech. */
function labelCodings(db: Db, documentId: number, a: number, b: number, duty: number, money: number) {
  const inLabel = codeWords(db, documentId, a, 'Head', [duty]);
  const across = insertSegment(db, {
    documentId,
    coderId: b,
    start: at(TEXT, 'Jon left'),
    end: at(TEXT, 'Jon agreed') + 3,
    codeIds: [duty, money],
  });
  return { inLabel, across };
}
describe('editing a transcript', () => {
  it('fixes a word inside a coded passage: the coding keeps its text, later codings and turns move, undo and redo are exact', () => {
    const { db, documentId, a, b, duty, money } = project();
    const passage = 'meetings 😀 with Jon about pooled budgets';
    const s1 = codeWords(db, documentId, a, passage, [duty]);
    const later = 'Jon agreed';
    const s2 = codeWords(db, documentId, a, later, [money]);
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

    const byId = new Map(result.segments!.map((s) => [s.id, s]));
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
    const gone = codeWords(db, documentId, a, '😀', [duty, money]);
    const shrunk = insertSegment(db, { documentId, coderId: a, start: at(TEXT, 'meetings'), end: at(TEXT, ' with'), codeIds: [money] });
    const before = tracked(db);
    const start = at(TEXT, ' 😀');
    const result = step(db, a, () => editText(db, documentId, { start, end: start + 2, text: '' }));
    expect(result.removed.map((s) => [s.id, s.text, s.codeIds])).toEqual([[gone, '😀', [duty, money]]]);
    expect(result.segments!.map((s) => [s.id, s.text])).toEqual([[shrunk, 'meetings']]);
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

/** Each turn's text, speech, speaker and time, in order. */
const turnsOf = (db: Db, documentId: number) => {
  const doc = getDocument(db, documentId);
  const chars = cp(doc.text);
  return doc.paragraphs.map((p) => ({
    n: p.n,
    text: chars.slice(p.start, p.end).join(''),
    speech: chars.slice(p.bodyStart, p.end).join(''),
    speaker: p.speaker,
    timeMs: p.timeMs,
  }));
};

/** A step's result, then undo to exactly before it and redo to exactly after it, the counts and index right each time. */
function undoRedoExact(db: Db, documentId: number, a: number, before: ReturnType<typeof tracked>): void {
  const after = tracked(db);
  const text = documentText(db, documentId).text;
  for (const [state, go] of [
    [before, () => undoLast(db, a)],
    [after, () => redoNext(db, a)],
  ] as const) {
    db.transaction(go)();
    expect(tracked(db)).toEqual(state);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);
  }
  expect(documentText(db, documentId).text).toBe(text);
}

describe('splitting, joining and relabelling turns', () => {
  const passage = 'pooled budgets 👍🏽, then Jon';

  it('splits a coded turn at a space: the new turn is labelled as the others, codings keep their words, later turns and headings move', () => {
    const { db, documentId, a, b, duty, money } = project();
    const across = codeWords(db, documentId, a, passage, [duty]);
    const after = codeWords(db, documentId, b, 'Jon left', [money]);
    const before = tracked(db);
    // The caret after "👍🏽,": the space there becomes the line break and the new turn's label.
    const result = step(db, a, () => splitTurn(db, documentId, at(TEXT, ' then'), 'Ana 😀'));
    expect(result.turn).toBe(2);
    expect(turnsOf(db, documentId)).toEqual([
      {
        n: 1,
        text: 'DCS: Café meetings 😀 with Jon about pooled budgets 👍🏽,',
        speech: 'Café meetings 😀 with Jon about pooled budgets 👍🏽,',
        speaker: 'DCS',
        timeMs: null,
      },
      { n: 2, text: 'Ana 😀: then Jon left.', speech: 'then Jon left.', speaker: 'Ana 😀', timeMs: null },
      {
        n: 3,
        text: 'Head: Jon agreed; the naïve plan 🇬🇧 worked.',
        speech: 'Jon agreed; the naïve plan 🇬🇧 worked.',
        speaker: 'Head',
        timeMs: null,
      },
      { n: 4, text: 'DCS: Budgets again, Jon said.', speech: 'Budgets again, Jon said.', speaker: 'DCS', timeMs: null },
    ]);
    const byId = new Map(result.segments!.map((s) => [s.id, s.text]));
    expect(byId.get(across)).toBe('pooled budgets 👍🏽,\nAna 😀: then Jon');
    expect(byId.get(after)).toBe('Jon left');
    expect(result.removed).toEqual([]);
    expect(getDocument(db, documentId).formatting!.headings).toEqual([{ n: 4, level: 2 }]);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);
    undoRedoExact(db, documentId, a, before);
  });

  it('splits inside a word with the same speaker by default, and refuses a split with no words on one side', () => {
    const { db, documentId, a } = project();
    step(db, a, () => splitTurn(db, documentId, at(TEXT, 'gets 👍🏽')));
    expect(turnsOf(db, documentId)[1]!.text).toBe('DCS: gets 👍🏽, then Jon left.');
    const again = cp(getDocument(db, documentId).text);
    expect(() => step(db, a, () => splitTurn(db, documentId, cp('DCS: ').length))).toThrow(/words on both sides/);
    expect(() => step(db, a, () => splitTurn(db, documentId, again.length))).toThrow(/words on both sides/);
    expect(() => step(db, a, () => splitTurn(db, documentId, again.length + 1))).toThrow(/not inside/);
  });

  it('joins a turn with the next: the label goes (a coding inside it too, listed), one across it shrinks, undo brings back both', () => {
    const { db, documentId, a, b, duty, money } = project();
    db.prepare('UPDATE paragraphs SET time_ms = ? WHERE n = ?').run(1000 * (1 + 2), 2);
    const { inLabel, across } = labelCodings(db, documentId, a, b, duty, money);
    const before = tracked(db);
    const result = step(db, a, () => joinTurns(db, documentId, 1));
    expect(turnsOf(db, documentId).map((t) => [t.n, t.text, t.speaker])).toEqual([
      [1, 'DCS: Café meetings 😀 with Jon about pooled budgets 👍🏽, then Jon left. Jon agreed; the naïve plan 🇬🇧 worked.', 'DCS'],
      [2, 'DCS: Budgets again, Jon said.', 'DCS'],
    ]);
    expect(result.removed.map((s) => [s.id, s.text])).toEqual([[inLabel, 'Head']]);
    expect(result.segments!.map((s) => [s.id, s.text])).toEqual([[across, 'Jon left. Jon']]);
    expect(getDocument(db, documentId).formatting!.headings).toEqual([{ n: 2, level: 2 }]);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);
    undoRedoExact(db, documentId, a, before);
    expect(() => step(db, a, () => joinTurns(db, documentId, 2))).toThrow(/last turn/);
  });

  it('changes a speaker in the label, keeping the codings on the speech, and writes a label for a turn without one', () => {
    const { db, documentId, a, duty } = project(`${TEXT}\nand a line that continues it 😀.`);
    const speech = codeWords(db, documentId, a, 'Jon agreed', [duty]);
    const before = tracked(db);
    const result = step(db, a, () => setSpeaker(db, documentId, 2, 'Jon 👍🏽'));
    expect(turnsOf(db, documentId)[1]).toEqual({
      n: 2,
      text: 'Jon 👍🏽: Jon agreed; the naïve plan 🇬🇧 worked.',
      speech: 'Jon agreed; the naïve plan 🇬🇧 worked.',
      speaker: 'Jon 👍🏽',
      timeMs: null,
    });
    expect(result.segments!.map((s) => [s.id, s.text])).toEqual([[speech, 'Jon agreed']]);
    countsMatchRebuild(db);
    undoRedoExact(db, documentId, a, before);
    // The last line has no label (it continues DCS's turn): it gets one, written as the others.
    step(db, a, () => setSpeaker(db, documentId, 4, 'Head'));
    expect(turnsOf(db, documentId)[3]).toEqual({
      n: 4,
      text: 'Head: and a line that continues it 😀.',
      speech: 'and a line that continues it 😀.',
      speaker: 'Head',
      timeMs: null,
    });
    indexMatchesText(db, documentId);
    expect(() => step(db, a, () => setSpeaker(db, documentId, 4, 'Head'))).toThrow(/already/);
  });
});

describe('removing a speaker, and the paragraphs that continue a turn', () => {
  it('removes a turn’s label with its speaker: a coding inside the label goes (listed), one across it shrinks, undo and redo are exact', () => {
    const { db, documentId, a, b, duty, money } = project();
    const { inLabel, across } = labelCodings(db, documentId, a, b, duty, money);
    const before = tracked(db);
    const result = step(db, a, () => setSpeaker(db, documentId, 2, null));
    expect(turnsOf(db, documentId)[1]).toEqual({
      n: 2,
      text: 'Jon agreed; the naïve plan 🇬🇧 worked.',
      speech: 'Jon agreed; the naïve plan 🇬🇧 worked.',
      speaker: null,
      timeMs: null,
    });
    expect(result.removed.map((s) => [s.id, s.text])).toEqual([[inLabel, 'Head']]);
    expect(result.segments!.map((s) => [s.id, s.text])).toEqual([[across, 'Jon left.\nJon']]);
    expect(result.characters).toBe(cp(TEXT).length - cp('Head: ').length);
    indexMatchesText(db, documentId);
    countsMatchRebuild(db);
    undoRedoExact(db, documentId, a, before);
    expect(() => step(db, a, () => setSpeaker(db, documentId, 2, null))).toThrow(/no speaker already/);
    // A turn with no label and no speaker gets both.
    step(db, a, () => setSpeaker(db, documentId, 2, 'Head'));
    expect(turnsOf(db, documentId)[1]!.text).toBe('Head: Jon agreed; the naïve plan 🇬🇧 worked.');
  });

  it('gives the unlabelled paragraphs that continue a turn its new speaker, or none, in the same undo step', () => {
    const text = ['DCS: First part 😀.', 'and it goes on.', 'and on 👍🏽.', 'Head: Reply.', 'and more.'].join('\n');
    const { db, documentId, a } = project(text);
    const speakers = () => turnsOf(db, documentId).map((t) => t.speaker);
    // The import gives a paragraph without a label the speaker of the label above it.
    expect(speakers()).toEqual(['DCS', 'DCS', 'DCS', 'Head', 'Head']);
    const before = tracked(db);

    step(db, a, () => setSpeaker(db, documentId, 1, 'Ana 😀'));
    expect(turnsOf(db, documentId).map((t) => [t.text, t.speaker])).toEqual([
      ['Ana 😀: First part 😀.', 'Ana 😀'],
      ['and it goes on.', 'Ana 😀'],
      ['and on 👍🏽.', 'Ana 😀'],
      ['Head: Reply.', 'Head'],
      ['and more.', 'Head'],
    ]);
    undoRedoExact(db, documentId, a, before);

    // A continuation relabelled starts a turn of its own: it gets a label, and the paragraph after it follows.
    step(db, a, () => setSpeaker(db, documentId, 2, 'Bo'));
    expect(turnsOf(db, documentId).map((t) => [t.text, t.speaker])).toEqual([
      ['Ana 😀: First part 😀.', 'Ana 😀'],
      ['Bo: and it goes on.', 'Bo'],
      ['and on 👍🏽.', 'Bo'],
      ['Head: Reply.', 'Head'],
      ['and more.', 'Head'],
    ]);
    const relabelled = tracked(db);
    step(db, a, () => setSpeaker(db, documentId, 4, null));
    expect(speakers()).toEqual(['Ana 😀', 'Bo', 'Bo', null, null]);
    expect(turnsOf(db, documentId)[3]!.text).toBe('Reply.');
    indexMatchesText(db, documentId);
    undoRedoExact(db, documentId, a, relabelled);
    countsMatchRebuild(db);
  });
});

describe('search keys', () => {
  it('stay with their turns when later turns are numbered again; a turn split until no key is free between its neighbours spreads them, and undo and redo are exact', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}${i % 5 === 0 ? ' 😀' : ''}`).join(' ');
    const { db, documentId, a } = project(`DCS: ${words}\nHead: naïve jon`);
    const keyOf = (n: number) => db.prepare('SELECT search_key FROM paragraphs WHERE document_id = ? AND n = ?').pluck().get(documentId, n);
    const headKey = keyOf(2);
    const before = tracked(db);
    // Each split cuts the newest turn after its first word: its key goes halfway to Head's, so the free
    // keys between them halve each time (2^32 / 3 apart at first: about 30 splits).
    let spreadAt = 0;
    for (let i = 1; i <= 36; i++) {
      const doc = getDocument(db, documentId);
      const turn = doc.paragraphs[i - 1]!;
      const speech = cp(doc.text).slice(turn.bodyStart, turn.end).join('');
      step(db, a, () => splitTurn(db, documentId, turn.bodyStart + cp(speech.slice(0, speech.indexOf(' '))).length + 1));
      if (spreadAt === 0 && keyOf(i + 2) !== headKey) spreadAt = i;
    }
    expect(spreadAt).toBeGreaterThan(25);
    expect(turnsOf(db, documentId).at(-1)).toMatchObject({ n: 38, speech: 'naïve jon', speaker: 'Head' });
    indexMatchesText(db, documentId);
    const after = tracked(db);
    for (let i = 0; i < 36; i++) db.transaction(() => undoLast(db, a))();
    expect(tracked(db)).toEqual(before);
    indexMatchesText(db, documentId);
    for (let i = 0; i < 36; i++) db.transaction(() => redoNext(db, a))();
    expect(tracked(db)).toEqual(after);
    indexMatchesText(db, documentId);
  });
});

describe('the label a turn gets', () => {
  it('is written as the document writes its labels, a clock time left out of a new turn and kept in a relabelled one', () => {
    const bracketed = project('[Jon] Hello there 😀 you.\n[Ana] Fine thanks.');
    step(bracketed.db, bracketed.a, () => splitTurn(bracketed.db, bracketed.documentId, cp('[Jon] Hello there').length, 'Ana'));
    step(bracketed.db, bracketed.a, () => setSpeaker(bracketed.db, bracketed.documentId, 3, 'Bo 👍🏽'));
    expect(turnsOf(bracketed.db, bracketed.documentId).map((t) => [t.text, t.speech, t.speaker])).toEqual([
      ['[Jon] Hello there', 'Hello there', 'Jon'],
      ['[Ana] 😀 you.', '😀 you.', 'Ana'],
      ['[Bo 👍🏽] Fine thanks.', 'Fine thanks.', 'Bo 👍🏽'],
    ]);

    const timed = project('Jon (00:00:01): Hello there 😀 you.\nAna (00:00:05): Fine thanks.');
    step(timed.db, timed.a, () => splitTurn(timed.db, timed.documentId, cp('Jon (00:00:01): Hello there').length));
    step(timed.db, timed.a, () => setSpeaker(timed.db, timed.documentId, 1, 'Bo'));
    expect(turnsOf(timed.db, timed.documentId).map((t) => [t.text, t.speaker, t.timeMs])).toEqual([
      ['Bo (00:00:01): Hello there', 'Bo', 1000],
      ['Jon: 😀 you.', 'Jon', null],
      ['Ana (00:00:05): Fine thanks.', 'Ana', 5000],
    ]);
    indexMatchesText(timed.db, timed.documentId);
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

describe('random edits, splits, joins and speakers', () => {
  it('keep every segment, turn and label where an independent model says, and undoing them all restores the project exactly', () => {
    const pieces = ['a', 'é', '😀', '👍🏽', ' ', 'Jo', 'n', '🇬🇧', '𝒳'];
    const speakers = ['DCS', 'Head', 'Ana 😀', undefined];
    const op = fc.record({
      kind: fc.constantFrom('edit', 'edit', 'split', 'split', 'join', 'speaker'),
      line: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      from: fc.double({ min: 0, max: 1, noNaN: true }),
      span: fc.double({ min: 0, max: 1, noNaN: true }),
      text: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join('')),
      speaker: fc.constantFrom(...speakers),
    });
    const done = { edit: 0, split: 0, join: 0, speaker: 0 };
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 120, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(60), fc.boolean()), { minLength: 12, maxLength: 12 }),
        (plan, seeds) => {
          const { db, documentId, a, b, duty, money } = project();
          const length = cp(TEXT).length;
          const model: Model = { chars: cp(TEXT).map((ch, id) => ({ ch, id })), segments: new Map(), next: length };
          // Each turn's speaker and label; the speech is the rest of its line.
          const turns = TEXT.split('\n').map((line) => ({
            speaker: line.slice(0, line.indexOf(':')),
            label: line.slice(0, line.indexOf(': ') + 2),
          }));
          for (const [offset, size, first] of seeds) {
            const start = offset % (length - 1);
            const end = Math.min(length, start + 1 + size);
            const id = insertSegment(db, { documentId, coderId: first ? a : b, start, end, codeIds: first ? [duty] : [duty, money] });
            model.segments.set(id, new Set(model.chars.slice(start, end).map((c) => c.id)));
          }
          const original = tracked(db);
          let steps = 0;
          for (const e of plan) {
            const lines = model.chars
              .map((c) => c.ch)
              .join('')
              .split('\n');
            const k = Math.floor(e.line * lines.length);
            const lineStart = cp(lines.slice(0, k).join('\n')).length + (k > 0 ? 1 : 0);
            const lineEnd = lineStart + cp(lines[k]!).length;
            const bodyStart = lineStart + cp(turns[k]!.label).length;
            const where = bodyStart + Math.floor(e.from * (lineEnd - bodyStart));
            const ch = (i: number) => model.chars[i]?.ch;
            if (e.kind === 'split') {
              let start = where;
              let end = where;
              while (start > bodyStart && ch(start - 1) === ' ') start--;
              while (end < lineEnd && ch(end) === ' ') end++;
              if (start <= bodyStart || end >= lineEnd) continue;
              const speaker = e.speaker ?? turns[k]!.speaker;
              step(db, a, () => splitTurn(db, documentId, where, e.speaker));
              modelEdit(model, start, end, `\n${speaker}: `);
              turns.splice(k + 1, 0, { speaker, label: `${speaker}: ` });
            } else if (e.kind === 'join') {
              if (k + 1 >= lines.length) continue;
              step(db, a, () => joinTurns(db, documentId, k + 1));
              modelEdit(model, lineEnd, lineEnd + 1 + cp(turns[k + 1]!.label).length, '');
              modelEdit(model, lineEnd, lineEnd, ' ');
              turns.splice(k + 1, 1);
            } else if (e.kind === 'speaker') {
              const speaker = e.speaker ?? 'Jo 𝒳';
              if (speaker === turns[k]!.speaker) continue;
              step(db, a, () => setSpeaker(db, documentId, k + 1, speaker));
              modelEdit(model, lineStart, lineStart + cp(turns[k]!.speaker).length, speaker);
              turns[k] = { speaker, label: `${speaker}: ` };
            } else {
              // A word edit inside the speech, the labels left as they are; a few characters, so turns keep words to split.
              const end = where + Math.floor(e.span * Math.min(8, lineEnd - where));
              const same =
                model.chars
                  .slice(where, end)
                  .map((c) => c.ch)
                  .join('') === e.text;
              const replacement = same ? `${e.text}é` : e.text;
              step(db, a, () => applyTextChanges(db, documentId, [{ start: where, end, text: replacement }]));
              modelEdit(model, where, end, replacement);
            }
            steps++;
            done[e.kind]++;
            const segments = listSegments(db, { documentId });
            expect(new Map(segments.map((s) => [s.id, s.text]))).toEqual(
              new Map([...model.segments].map(([id, members]) => [id, modelText(model, members)])),
            );
            const text = model.chars.map((c) => c.ch).join('');
            expect(documentText(db, documentId).text).toBe(text);
            expect(turnsOf(db, documentId).map((t) => [t.text, t.speaker, t.text.slice(0, t.text.length - t.speech.length)])).toEqual(
              text.split('\n').map((line, i) => [line, turns[i]!.speaker, turns[i]!.label]),
            );
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
      { numRuns: 12 },
    );
    // Splits that would leave no words on one side are skipped, as are joins of the last turn.
    for (const count of Object.values(done)) expect(count).toBeGreaterThan(50);
  }, 300_000);
});
