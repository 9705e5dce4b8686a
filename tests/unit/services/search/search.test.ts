// search.run and search.autocode through the API on a small project whose texts have emoji before the
// hits, so code-point offsets differ from UTF-16 ones. Expected hits are read off the texts below.
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureAttribute, ensureCase, linkCaseDocument, setCaseAttribute } from '../../../../db/queries/cases';
import { ensureCoder } from '../../../../db/queries/coders';
import { createCode } from '../../../../db/queries/codes';
import { insertDocument } from '../../../../db/queries/documents';
import { insertSegment } from '../../../../db/queries/segments';
import { dispatch } from '../../../../electron/api/dispatch';
import type { ArgsOf, ResultOf } from '../../../../electron/api/methods';
import type { Session } from '../../../../electron/api/session';
import { findHits } from '../../../../electron/services/search/run';
import { parsePlainTranscript } from '../../../../electron/services/transcript';
import { newSession, ok } from '../../helpers';

const NORTH = [
  'DCS: 😀 The inspections were hard. Dr. Smith led them, e.g. the Ofsted visit in May.',
  'Head: We inspected nothing; the pooled budget 👍🏽 came later.',
  'DCS: Inspection is constant. Pooled budgets help.',
].join('\n');
const SOUTH = ['DCS: An inspector came.', 'Head: The budget was pooled with health 😀 in the end.'].join('\n');

let session: Session;
let ids: { north: number; south: number; theme: number; other: number; coder: number };

beforeEach(async () => {
  session = newSession();
  await ok(dispatch(session, 'project.create', { file: 'search' }));
  const db = session.db;
  db.transaction(() => {
    const add = (name: string, text: string) =>
      insertDocument(db, { name, ...parsePlainTranscript(text), sourceName: null, sourceType: 'txt' });
    const north = add('North', NORTH);
    const south = add('South', SOUTH);
    const region = ensureAttribute(db, 'Region', 'text');
    for (const [doc, value] of [
      [north, 'Rural'],
      [south, 'Urban'],
    ] as const) {
      const caseId = ensureCase(db, value === 'Rural' ? 'Shire' : 'City');
      linkCaseDocument(db, caseId, doc);
      setCaseAttribute(db, caseId, region, value);
    }
    const theme = createCode(db, { name: 'Inspection', parentId: null });
    const other = createCode(db, { name: 'Money', parentId: null });
    const coder = ensureCoder(db, 'A').id;
    ids = { north, south, theme, other, coder };
  })();
});

const run = (args: ArgsOf<'search.run'>) => ok<ResultOf<'search.run'>>(dispatch(session, 'search.run', args));
const count = (args: ArgsOf<'search.count'>) => ok<ResultOf<'search.count'>>(dispatch(session, 'search.count', args));
const matches = async (args: ArgsOf<'search.run'>) => (await run(args)).hits.map((h) => `${h.document}:${h.match}`);
const textOf = (doc: string) => [...(doc === 'North' ? NORTH : SOUTH)];

describe('search.run', () => {
  it('finds stemmed words with code-point offsets whose text is exactly the match', async () => {
    const result = await run({ query: 'inspection' });
    expect(result.hits.map((h) => h.match)).toEqual(['inspections', 'inspected', 'Inspection']);
    for (const h of result.hits) expect(textOf(h.document).slice(h.start, h.end).join('')).toBe(h.match);
    // "DCS: 😀 The " is 11 code points (12 UTF-16 units).
    expect(result.hits[0]).toMatchObject({ document: 'North', paragraph: 1, speaker: 'DCS', start: 11, end: 22 });
    expect(await count({ query: 'inspection' })).toEqual({ total: 3, groups: [{ documentId: ids.north, document: 'North', hits: 3 }] });
    expect(result.hits[0]!.before + result.hits[0]!.match + result.hits[0]!.after).toContain('😀 The inspections were hard.');
  });

  it('matches words as written with noStem', async () => {
    expect(await matches({ query: 'inspection', noStem: true })).toEqual(['North:Inspection']);
  });

  it('reads phrases, prefixes, NEAR and boolean queries', async () => {
    expect(await matches({ query: '"pooled budget"' })).toEqual(['North:pooled budget', 'North:Pooled budgets']);
    expect(await matches({ query: 'inspect*', noStem: true })).toEqual([
      'North:inspections',
      'North:inspected',
      'North:Inspection',
      'South:inspector',
    ]);
    expect(await matches({ query: 'NEAR(budget health, 4)' })).toEqual(['South:budget', 'South:health']);
    expect(await matches({ query: 'budget NOT health' })).toEqual(['North:budget', 'North:budgets']);
    expect(await matches({ query: 'ofsted OR inspector' })).toEqual(['North:Ofsted', 'South:inspector']);
  });

  it('never finds a speaker label', async () => {
    expect((await count({ query: 'DCS OR Head' })).total).toBe(0);
  });

  it('says what is wrong with a query it cannot read', async () => {
    const message = async (query: string) => {
      const e = await dispatch(session, 'search.run', { query });
      return e.ok ? 'no error' : e.error.message;
    };
    expect(await message('budget AND (')).toMatch(/^The search "budget AND \(" cannot be read: syntax error near ""/);
    expect(await message('"pooled budget')).toMatch(/a double quote is not closed/);
    expect(await message('note: budget')).toMatch(/"note:" reads as a column filter; put the words in double quotes/);
  });

  it('limits hits to documents, cases, speakers, coded and uncoded text', async () => {
    expect(await matches({ query: 'budget*', scope: { documents: ['South'] } })).toEqual(['South:budget']);
    expect(await matches({ query: 'budget*', scope: { cases: { attribute: 'region', value: 'urban' } } })).toEqual(['South:budget']);
    expect(await matches({ query: 'inspect*', scope: { speakers: ['Head'] } })).toEqual(['North:inspected']);
    // Code "The inspections were hard." (11–37) with Inspection and the "pooled budget" (50–63 of paragraph 2) with Money.
    const p2 = NORTH.indexOf('\n') + 1 - 1; // paragraph 2 starts after one emoji of two UTF-16 units: code point = unit - 1
    session.db.transaction(() => {
      insertSegment(session.db, { documentId: ids.north, coderId: ids.coder, start: 7, end: 33, codeIds: [ids.theme] });
      const pooled = [...NORTH].join('').indexOf('pooled budget');
      const start = [...NORTH.slice(0, pooled)].length;
      insertSegment(session.db, { documentId: ids.north, coderId: ids.coder, start, end: start + 13, codeIds: [ids.other] });
      expect(start).toBeGreaterThan(p2);
    })();
    expect(await matches({ query: 'inspection', scope: { codedWith: ['Inspection'] } })).toEqual(['North:inspections']);
    expect(await matches({ query: 'inspection', scope: { codedWith: [ids.other] } })).toEqual([]);
    expect(await matches({ query: 'budget*', scope: { uncoded: true } })).toEqual(['North:budgets', 'South:budget']);
    // Blind coding: with codedBy only those coders' codings count. Both passages above are A's; B coded nothing,
    // so for B no hit is coded with Inspection and every hit is uncoded; for A the answers are those above.
    const b = session.db.transaction(() => ensureCoder(session.db, 'B').id)();
    expect(await matches({ query: 'inspection', scope: { codedWith: ['Inspection'], codedBy: [b] } })).toEqual([]);
    const every = await matches({ query: 'budget*' });
    expect(every).toContain('North:budget');
    expect(await matches({ query: 'budget*', scope: { uncoded: true, codedBy: [b] } })).toEqual(every);
    expect(await matches({ query: 'inspection', scope: { codedWith: ['Inspection'], codedBy: [ids.coder, b] } })).toEqual([
      'North:inspections',
    ]);
    expect(await matches({ query: 'budget*', scope: { uncoded: true, codedBy: [ids.coder] } })).toEqual(['North:budgets', 'South:budget']);
  });

  it('pages the hits, says whether more follow, and counts all of them by document', async () => {
    // The four hits of "inspect*" as written (the test above): three in North, one in South.
    const pages = await Promise.all([0, 1, 2, 3].map((offset) => run({ query: 'inspect*', noStem: true, offset, limit: 1 })));
    expect(pages.map((p) => [p.hits.map((h) => h.match), p.more])).toEqual([
      [['inspections'], true],
      [['inspected'], true],
      [['Inspection'], true],
      [['inspector'], false],
    ]);
    expect((await run({ query: 'inspect*', noStem: true, offset: 1, limit: 3 })).more).toBe(false);
    expect((await run({ query: 'inspect*', noStem: true, offset: 4 })).hits).toEqual([]);
    const { total, groups } = await count({ query: 'inspect*', noStem: true });
    expect(total).toBe(4);
    expect(groups.map((g) => [g.document, g.hits])).toEqual([
      ['North', 3],
      ['South', 1],
    ]);
  });
});

describe('search.run with a regex', () => {
  it('matches JavaScript patterns with the Unicode flag, by code points', async () => {
    const result = await run({ query: '\\p{Extended_Pictographic}\\S*', regex: true });
    expect(result.hits.map((h) => [h.document, h.match])).toEqual([
      ['North', '😀'],
      ['North', '👍🏽'],
      ['South', '😀'],
    ]);
    for (const h of result.hits) expect(textOf(h.document).slice(h.start, h.end).join('')).toBe(h.match);
    expect(await matches({ query: 'pool(ed)? budgets?', regex: true, ignoreCase: true })).toEqual([
      'North:pooled budget',
      'North:Pooled budgets',
    ]);
  });

  it('refuses a pattern it cannot read, naming the problem', async () => {
    const e = await dispatch(session, 'search.run', { query: 'budget(', regex: true });
    expect(e.ok ? '' : e.error.message).toBe('The regular expression cannot be read: /budget(/gu: Unterminated group.');
  });

  it('stops a catastrophic pattern after the time limit while the main thread keeps running', async () => {
    session.db.transaction(() =>
      insertDocument(session.db, { name: 'Long', ...parsePlainTranscript(`${'a'.repeat(40)}!`), sourceName: null, sourceType: 'txt' }),
    )();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const started = Date.now();
    await expect(findHits(session.db, { query: '^(a+)+$', regex: true }, 300)).rejects.toThrow(/ran longer than 0.3 s and was stopped/);
    clearInterval(timer);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(ticks).toBeGreaterThan(5);
    // The stopped worker is not the one kept for the next search: regex searches go on answering, and alike.
    const first = await findHits(session.db, { query: 'bud\\w+', regex: true });
    const again = await findHits(session.db, { query: 'bud\\w+', regex: true });
    expect(first.length).toBeGreaterThan(0);
    expect(again).toEqual(first);
  });
});

describe('search.autocode', () => {
  const autocode = (args: ArgsOf<'search.autocode'>) => ok<ResultOf<'search.autocode'>>(dispatch(session, 'search.autocode', args));
  const text = (s: { documentId: number; start: number; end: number }) =>
    textOf(s.documentId === ids.north ? 'North' : 'South')
      .slice(s.start, s.end)
      .join('');

  it('codes the sentence of each hit, reading through "Dr." and "e.g.", as one undo step', async () => {
    const spec: ArgsOf<'search.autocode'> = {
      search: { query: 'ofsted OR smith OR inspections', noStem: true },
      expand: 'sentence',
      codeRefs: ['Inspection'],
      coder: 'A',
    };
    const preview = await ok<ResultOf<'search.autocodePreview'>>(dispatch(session, 'search.autocodePreview', spec));
    // Three hits, two sentences: "Dr. Smith … e.g. the Ofsted visit in May." holds two of them.
    expect(preview).toEqual({ passages: 3, segments: 2, skipped: 0 });
    const { segments } = await autocode(spec);
    expect(segments.map(text)).toEqual(['😀 The inspections were hard.', 'Dr. Smith led them, e.g. the Ofsted visit in May.']);
    expect(segments.every((s) => s.codeIds.join() === String(ids.theme) && s.coderId === ids.coder)).toBe(true);

    // Again: everything is coded already.
    expect(await autocode(spec)).toEqual({ segments: [], skipped: 2 });

    const undone = await ok<{ undone: { label: string } }>(dispatch(session, 'history.undo', { coder: 'A' }));
    expect(undone.undone.label).toBe('Auto-code search hits');
    expect(await ok(dispatch(session, 'segments.list', {}))).toEqual([]);
    // The index is untouched by coding and its undo.
    expect((await count({ query: 'inspection' })).total).toBe(3);
  });

  it('grows hits to the word, the paragraph and the turn, never over a speaker label', async () => {
    const first = async (expand: 'word' | 'paragraph' | 'turn') =>
      text(
        (
          await autocode({
            search: { query: 'budg', regex: true, scope: { documents: ['South'] } },
            expand,
            codeIds: [ids.other],
            coder: expand,
          })
        ).segments[0]!,
      );
    expect(await first('word')).toBe('budget');
    expect(await first('paragraph')).toBe('The budget was pooled with health 😀 in the end.');
    expect(await first('turn')).toBe('The budget was pooled with health 😀 in the end.');
  });

  it('codes every turn of a speaker, and only the chosen hits when told', async () => {
    const turns = await autocode({ speaker: 'DCS', expand: 'turn', codeIds: [ids.theme], coder: 'A' });
    expect(turns.segments.map(text)).toEqual([
      '😀 The inspections were hard. Dr. Smith led them, e.g. the Ofsted visit in May.',
      'Inspection is constant. Pooled budgets help.',
      'An inspector came.',
    ]);
    const hits = (await run({ query: 'budget*' })).hits;
    const chosen = await autocode({
      search: { query: 'budget*' },
      hits: [{ documentId: hits[2]!.documentId, start: hits[2]!.start, end: hits[2]!.end }],
      expand: 'hit',
      codeIds: [ids.other],
      coder: 'A',
    });
    expect(chosen.segments.map(text)).toEqual(['budget']);
    expect(chosen.segments[0]!.documentId).toBe(ids.south);
  });
});

describe('saved searches', () => {
  it('are saved, listed by name, replaced by name, rerun as stored and deleted, each an undo step', async () => {
    const search = { query: 'inspect*', noStem: true, scope: { documents: ['North'], speakers: ['DCS'] } };
    const { id } = await ok<{ id: number }>(dispatch(session, 'search.save', { name: 'Inspections 😀', search }));
    await ok(dispatch(session, 'search.save', { name: 'Budgets', search: { query: 'budg', regex: true } }));
    const saved = () => ok<ResultOf<'search.saved'>>(dispatch(session, 'search.saved', {}));
    expect((await saved()).map((s) => s.name)).toEqual(['Budgets', 'Inspections 😀']);
    // Rerun from the list: the stored search finds what it found when saved (North's two DCS paragraphs).
    const stored = (await saved()).find((s) => s.id === id)!.search;
    expect(await matches(stored)).toEqual(['North:inspections', 'North:Inspection']);
    // The same name in other case replaces the search.
    await ok(dispatch(session, 'search.save', { name: 'budgets', search: { query: 'health' } }));
    expect((await saved()).map((s) => [s.name, s.search.query])).toEqual([
      ['budgets', 'health'],
      ['Inspections 😀', 'inspect*'],
    ]);
    await ok(dispatch(session, 'search.deleteSaved', { id }));
    expect((await saved()).map((s) => s.name)).toEqual(['budgets']);
    const undone = await ok<{ undone: { label: string } }>(dispatch(session, 'history.undo', {}));
    expect(undone.undone.label).toBe('Delete saved search');
    expect((await saved()).map((s) => s.name)).toEqual(['budgets', 'Inspections 😀']);
    const missing = await dispatch(session, 'search.deleteSaved', { id: 999 });
    expect(missing.ok ? 'deleted' : missing.error.code).toBe('not-found');
  });
});
