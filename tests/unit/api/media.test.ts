// Linked recordings and turn times through the API: linking only chosen, playable files, each change one
// undo step, and the desktop's dialog standing in for a path.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { Session } from '../../../electron/api/session';
import { wavBytes } from '../../wav';
import { newSession, ok, tempDir } from '../helpers';

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
Jane: Thanks for joining 😀.

00:00:04.500 --> 00:00:07.000
Director: We set it up in 2006.
`;

interface Paragraph {
  n: number;
  timeMs: number | null;
}

async function timedDocument(): Promise<{ session: Session; id: number; wav: string }> {
  const session = newSession();
  await ok(dispatch(session, 'project.create', { file: 'Study' }));
  await ok(dispatch(session, 'coders.use', { name: 'A' }));
  const { documentId } = await ok<{ documentId: number }>(
    dispatch(session, 'documents.import', { source: { name: 'board.vtt', data: Buffer.from(VTT).toString('base64') } }),
  );
  const wav = join(tempDir(), 'board 😀.wav');
  writeFileSync(wav, wavBytes(2));
  return { session, id: documentId, wav };
}

const media = (session: Session, id: number) =>
  ok<{ path: string; state: string; mimeType: string; fileName: string } | null>(dispatch(session, 'documents.media', { id }));
const times = async (session: Session, id: number) =>
  (await ok<{ paragraphs: Paragraph[] }>(dispatch(session, 'documents.get', { id }))).paragraphs.map((p) => p.timeMs);

describe('documents.linkMedia / unlinkMedia', () => {
  it('links a chosen WAV by path, reports it, and undo and redo unlink and relink it', async () => {
    const { session, id, wav } = await timedDocument();
    expect(await media(session, id)).toBeNull();
    session.chosen.add(wav);
    await ok(dispatch(session, 'documents.linkMedia', { id, path: wav }));
    expect(await media(session, id)).toMatchObject({
      path: wav,
      fileName: 'board 😀.wav',
      mimeType: 'audio/wav',
      state: 'ok',
      size: wavBytes(2).length,
    });
    expect(await ok(dispatch(session, 'history.state', {}))).toMatchObject({ undo: { label: 'Link recording' } });

    await ok(dispatch(session, 'history.undo', {}));
    expect(await media(session, id)).toBeNull();
    await ok(dispatch(session, 'history.redo', {}));
    expect(await media(session, id)).toMatchObject({ path: wav });

    expect(await ok(dispatch(session, 'documents.unlinkMedia', { id }))).toEqual({ unlinked: true });
    expect(await media(session, id)).toBeNull();
    await ok(dispatch(session, 'history.undo', {}));
    expect(await media(session, id)).toMatchObject({ path: wav, state: 'ok' });
  });

  it('relinking replaces the link, and undo gives the previous file back', async () => {
    const { session, id, wav } = await timedDocument();
    const other = join(tempDir(), 'second.wav');
    writeFileSync(other, wavBytes(1));
    session.chosen.add(wav);
    session.chosen.add(other);
    await ok(dispatch(session, 'documents.linkMedia', { id, path: wav }));
    await ok(dispatch(session, 'documents.linkMedia', { id, path: other }));
    expect(await media(session, id)).toMatchObject({ path: other });
    await ok(dispatch(session, 'history.undo', {}));
    expect(await media(session, id)).toMatchObject({ path: wav });
  });

  it('notices a linked file that moved or changed', async () => {
    const { session, id, wav } = await timedDocument();
    session.chosen.add(wav);
    await ok(dispatch(session, 'documents.linkMedia', { id, path: wav }));
    utimesSync(wav, new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(await media(session, id)).toMatchObject({ state: 'changed' });
    rmSync(wav);
    expect(await media(session, id)).toMatchObject({ state: 'missing' });
  });

  it('refuses a path not chosen, another kind of file, and a renamed non-recording, changing nothing', async () => {
    const { session, id, wav } = await timedDocument();
    expect(await dispatch(session, 'documents.linkMedia', { id, path: wav })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const dir = tempDir();
    session.chosen.add(dir);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'fake.mp3'), 'hello, not audio');
    expect(await dispatch(session, 'documents.linkMedia', { id, path: join(dir, 'notes.txt') })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('MP3, M4A, WAV or OGG') },
    });
    expect(await dispatch(session, 'documents.linkMedia', { id, path: join(dir, 'fake.mp3') })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('not a MP3 recording') },
    });
    expect(await dispatch(session, 'documents.linkMedia', { id, path: join(dir, 'missing.wav') })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await media(session, id)).toBeNull();
    // The import is no undo step, and no refused link became one.
    expect(await ok(dispatch(session, 'history.state', {}))).toEqual({ undo: null, redo: null });
  });

  it('without a path asks the host: the desktop dialog picks the file (cancel changes nothing); the browser has none', async () => {
    const { session, id, wav } = await timedDocument();
    expect(await dispatch(session, 'documents.linkMedia', { id })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('trellis link-media') },
    });
    let answer: string | null = null;
    session.askForFile = async ({ filter }) => {
      expect(filter.extensions).toEqual(['mp3', 'm4a', 'wav', 'ogg']);
      if (answer) session.chosen.add(answer);
      return answer;
    };
    expect(await ok(dispatch(session, 'documents.linkMedia', { id }))).toBeNull();
    expect(await media(session, id)).toBeNull();
    answer = wav;
    await ok(dispatch(session, 'documents.linkMedia', { id }));
    expect(await media(session, id)).toMatchObject({ path: wav });
  });

  it('goes with its document when the document is deleted, and comes back with it on undo', async () => {
    const { session, id, wav } = await timedDocument();
    session.chosen.add(wav);
    await ok(dispatch(session, 'documents.linkMedia', { id, path: wav }));
    await ok(dispatch(session, 'documents.delete', { id }));
    expect(session.db.prepare('SELECT count(*) AS n FROM document_media').get()).toEqual({ n: 0 });
    await ok(dispatch(session, 'history.undo', {}));
    expect(await media(session, id)).toMatchObject({ path: wav });
  });
});

describe('documents.setTime', () => {
  it("sets and clears a turn's time, each one undo step", async () => {
    const { session, id } = await timedDocument();
    // The VTT's cues start at 1 s and 4.5 s.
    expect(await times(session, id)).toEqual([1000, 4500]);
    await ok(dispatch(session, 'documents.setTime', { id, n: 2, timeMs: 4200 }));
    expect(await times(session, id)).toEqual([1000, 4200]);
    expect(await ok(dispatch(session, 'history.state', {}))).toMatchObject({ undo: { label: 'Set turn time' } });
    await ok(dispatch(session, 'documents.setTime', { id, n: 1, timeMs: null }));
    expect(await times(session, id)).toEqual([null, 4200]);
    await ok(dispatch(session, 'history.undo', {}));
    await ok(dispatch(session, 'history.undo', {}));
    expect(await times(session, id)).toEqual([1000, 4500]);
  });

  it('undoing or redoing a documents step tells the documents views (documents-changed); a coding step does not (no refetch of the text)', async () => {
    const { session, id } = await timedDocument();
    await ok(dispatch(session, 'documents.setTime', { id, n: 2, timeMs: 4200 }));
    const seen: string[] = [];
    session.subscribe((e) => seen.push(e));
    await ok(dispatch(session, 'history.undo', {}));
    expect(seen).toContain('documents-changed');
    seen.length = 0;
    await ok(dispatch(session, 'history.redo', {}));
    expect(seen).toContain('documents-changed');
    const code = await ok<{ id: number }>(dispatch(session, 'codes.create', { parentId: null, name: 'Board' }));
    await ok(dispatch(session, 'segments.create', { documentId: id, start: 0, end: 4, codeIds: [code.id] }));
    seen.length = 0;
    await ok(dispatch(session, 'history.undo', {}));
    expect(seen).toEqual(['segments-changed', 'codebook-changed', 'history-changed']);
  });

  it('undoing a text edit, a document group or a case value tells the documents views too', async () => {
    const { session, id } = await timedDocument();
    const seen: string[] = [];
    session.subscribe((e) => seen.push(e));
    const undoSays = async () => {
      seen.length = 0;
      await ok(dispatch(session, 'history.undo', {}));
      return seen;
    };
    await ok(dispatch(session, 'documents.editText', { documentId: id, start: 0, end: 0, text: 'So 😀 ' }));
    expect(await undoSays()).toContain('documents-changed');
    await ok(dispatch(session, 'documentGroups.create', { name: 'Shires', documentIds: [id] }));
    expect(await undoSays()).toContain('documents-changed');
    const made = await ok<{ id: number }>(dispatch(session, 'cases.create', { name: 'DCS 1' }));
    expect(made.id).toBeGreaterThan(0);
    expect(await undoSays()).toContain('documents-changed');
  });

  it('refuses a paragraph the document does not have', async () => {
    const { session, id } = await timedDocument();
    expect(await dispatch(session, 'documents.setTime', { id, n: 3, timeMs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(session, 'documents.setTime', { id, n: 1, timeMs: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
  });
});
