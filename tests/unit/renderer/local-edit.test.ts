// The text fix the viewer shows before it is stored (renderer/transcript/local-edit.ts) must be what the
// server stores: the expected values here are the server's own, from editText on a real project, so the
// refetch after a fix finds nothing to change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { getDocument, insertDocument } from '../../../db/queries/documents';
import { insertSegment, listSegments } from '../../../db/queries/segments';
import { editText } from '../../../electron/services/text-edit';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { documentAfterEdit, segmentsAfterEdit } from '../../../renderer/transcript/local-edit';
import { paragraphEdit, spanAfterEdits, type ParagraphEdit } from '../../../renderer/transcript/paragraph-edit';
import { emptyProject } from '../helpers';

const TEXT = [
  'DCS: Café meetings 😀 with Jon about pooled budgets 👍🏽, then Jon left.',
  'Head: Jon agreed; the naïve plan 🇬🇧 worked.',
  'DCS: Budgets again, Jon said.',
].join('\n');

const cp = (s: string) => [...s];
const at = (needle: string) => cp(TEXT.slice(0, TEXT.indexOf(needle))).length;

function project() {
  const { db } = emptyProject();
  db.pragma('synchronous = OFF');
  const documentId = insertDocument(db, {
    name: 'Interview 1',
    ...parsePlainTranscript(TEXT),
    formatting: { headings: [{ n: 3, level: 2 }], bold: [[5, 9]], italic: [[20, 40]] },
    sourceName: null,
    sourceType: 'txt',
  });
  const coder = ensureCoder(db, 'A').id;
  const code = createCode(db, { parentId: null, name: 'Duty' });
  return { db, documentId, coder, code };
}

/** What the view holds of a document and its codings (segments.list withText: false leaves text out). */
const shown = (p: ReturnType<typeof project>) => ({
  doc: getDocument(p.db, p.documentId),
  segments: listSegments(p.db, { documentId: p.documentId, withText: false }),
});

const byId = <S extends { id: number }>(list: S[]) => [...list].sort((a, b) => a.id - b.id);

describe('a text fix shown before it is stored', () => {
  it('is the document and the codings the server stores: emoji around it, a coding over it, one wholly deleted', () => {
    const p = project();
    const code = (from: string, to: string) =>
      insertSegment(p.db, { documentId: p.documentId, coderId: p.coder, start: at(from), end: at(to), codeIds: [p.code] });
    const over = code('meetings', ', then');
    const inside = code('Jon about', ' about');
    const after = code('naïve', ' plan');
    const before = shown(p);
    // "with Jon " (after 😀, a surrogate pair) is deleted: the coding inside it goes, the one over it keeps the rest.
    const change = { start: at('with Jon'), end: at('about'), text: '' };

    const local = { doc: documentAfterEdit(before.doc, change), segments: segmentsAfterEdit(before.segments, change) };
    // As the app asks (useLocalFix): the removed segments only.
    const result = editText(p.db, p.documentId, change, { withText: false, withSegments: false });
    const stored = shown(p);

    expect(local.doc.text).toBe(stored.doc.text);
    expect(local.doc.text).toContain('meetings 😀 about');
    expect(local.doc).toEqual({ ...stored.doc, contentHash: before.doc.contentHash, segments: before.doc.segments });
    expect(local.segments).toEqual(stored.segments);
    expect(local.segments.map((s) => s.id)).toEqual([over, after]);
    expect(result.removed.map((s) => s.id)).toEqual([inside]);
    // The turns before the fix are the very objects shown: nothing to redraw there.
    expect(local.doc.paragraphs[0]).not.toBe(before.doc.paragraphs[0]);
    const untouched = documentAfterEdit(before.doc, { start: at('naïve'), end: at(' plan'), text: 'x' });
    expect(untouched.paragraphs[0]).toBe(before.doc.paragraphs[0]);
    p.db.close();
  });

  it('agrees with the server over random fixes inside a paragraph (formatting, turns and codings)', () => {
    const pieces = ['a', 'é', '😀', '👍🏽', ' ', 'Jo', '🇬🇧', '𝒳'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            line: fc.nat(2),
            from: fc.double({ min: 0, max: 1, noNaN: true }),
            span: fc.double({ min: 0, max: 1, noNaN: true }),
            text: fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((x) => x.join('')),
          }),
          { minLength: 20, maxLength: 20 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.nat(30)), { minLength: 8, maxLength: 8 }),
        (plan, seeds) => {
          const p = project();
          const length = cp(TEXT).length;
          for (const [offset, size] of seeds) {
            const start = offset % (length - 1);
            insertSegment(p.db, {
              documentId: p.documentId,
              coderId: p.coder,
              start,
              end: Math.min(length, start + 1 + size),
              codeIds: [p.code],
            });
          }
          let view = shown(p);
          for (const e of plan) {
            const para = view.doc.paragraphs[e.line]!;
            const start = para.start + Math.floor(e.from * (para.end - para.start));
            const end = start + Math.floor(e.span * (para.end - start));
            const same = cp(view.doc.text).slice(start, end).join('') === e.text;
            const change = { start, end, text: same ? `${e.text}é` : e.text };
            const local = { doc: documentAfterEdit(view.doc, change), segments: segmentsAfterEdit(view.segments, change) };
            if (start >= para.bodyStart) expectKnownEdit(view.doc, local.doc, change);
            editText(p.db, p.documentId, change);
            const stored = shown(p);
            expect({ ...local.doc, contentHash: '', segments: 0 }).toEqual({ ...stored.doc, contentHash: '', segments: 0 });
            // The same codings at the same places (the order of codings that end up alike may differ: the view keys them by id).
            expect(byId(local.segments)).toEqual(byId(stored.segments));
            view = stored;
          }
          p.db.close();
        },
      ),
      { numRuns: 6 },
    );
  });

  it('hands the view the edit it made, as it was typed, where comparing the texts would find a shorter one', () => {
    const p = project();
    const { doc } = shown(p);
    // "meetings" → "meetingsX": the texts differ only by an inserted "X", the fix replaced the whole word.
    const change = { start: at('meetings'), end: at(' 😀 with'), text: 'meetingsX' };
    const local = documentAfterEdit(doc, change);
    expect(paragraphEdit(doc, local)).toEqual({
      index: 0,
      line: local.text.split('\n')[0],
      start: change.start,
      end: change.end,
      length: 9,
    });
    // Equal copies (a reload of the same text) are not the objects noted: compared, they give the shorter edit.
    expect(paragraphEdit({ ...doc }, { ...local })).toMatchObject({ index: 0, start: change.end, end: change.end, length: 1 });
    // A reload of the text the fix was made on still finds the noted edit.
    expect(paragraphEdit({ ...doc }, local)).toMatchObject({ start: change.start, length: 9 });
    // A fix in a speaker's label is not noted: the turn changes, and the view mounts the text again.
    expect(paragraphEdit(doc, documentAfterEdit(doc, { start: 0, end: 3, text: 'Director' }))).toBeNull();
    p.db.close();
  });
});

type Version = ReturnType<typeof documentAfterEdit<ReturnType<typeof getDocument>>>;

/** The edit noted for a fix inside a turn's speech is the fix: its line and code points, and the turn a comparison finds. */
function expectKnownEdit(before: Version, after: Version, change: { start: number; end: number; text: string }) {
  const noted = paragraphEdit(before, after) as ParagraphEdit;
  expect(noted).toMatchObject({ start: change.start, end: change.end, length: cp(change.text).length });
  expect(noted.line).toBe(after.text.split('\n')[noted.index]);
  expect(cp(after.text).slice(0, noted.start)).toEqual(cp(before.text).slice(0, noted.start));
  expect(cp(after.text).slice(noted.start + noted.length)).toEqual(cp(before.text).slice(noted.end));
  const compared = paragraphEdit({ ...before }, { ...after });
  if (compared) expect(compared).toMatchObject({ index: noted.index, line: noted.line });
}

describe('marks drawn before edits in place (search hits, a jump target)', () => {
  // Offsets by hand: "ab😀 cd😀 ef", "😀" one code point. Edit 1 replaces "cd" (4–6) by "XYZ" (+1); edit 2
  // deletes "ef" (9–11 after edit 1). A hit on "ef" (8–10 before both) is gone; one on "cd" covers "XYZ"; one
  // on the first "😀" (2–3) stays; one on the second (6–7) moves by one.
  const edits = [
    { index: 0, line: '', start: 4, end: 6, length: 3 },
    { index: 0, line: '', start: 9, end: 11, length: 0 },
  ];
  it('move with the text, cover replaced words and vanish with deleted ones', () => {
    expect(spanAfterEdits({ start: 2, end: 3 }, edits)).toEqual({ start: 2, end: 3 });
    expect(spanAfterEdits({ start: 4, end: 6 }, edits)).toEqual({ start: 4, end: 7 });
    expect(spanAfterEdits({ start: 6, end: 7 }, edits)).toEqual({ start: 7, end: 8 });
    expect(spanAfterEdits({ start: 8, end: 10 }, edits)).toBeNull();
  });
});
