// The desktop's app://trellis/media/ID: the linked recording with byte ranges, everything else to the renderer's files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { Session } from '../../../electron/api/session';
import { withMedia } from '../../../electron/media-protocol';
import { wavBytes } from '../../wav';
import { newSession, ok, tempDir } from '../helpers';

const WAV = wavBytes(0.25);
let session: Session;
let handler: (request: Request) => Promise<Response>;
let id: number;
const passedOn: string[] = [];

beforeEach(async () => {
  session = newSession();
  await ok(dispatch(session, 'project.create', { file: 'Study' }));
  ({ documentId: id } = await ok<{ documentId: number }>(
    dispatch(session, 'documents.import', { source: { name: 'Pasted', text: 'Interviewer: Hello 😀.\nDCS: Hi.' } }),
  ));
  const wav = join(tempDir(), 'interview.wav');
  writeFileSync(wav, WAV);
  session.chosen.add(wav);
  await ok(dispatch(session, 'documents.linkMedia', { id, path: wav }));
  passedOn.length = 0;
  handler = withMedia(session, async (request) => (passedOn.push(request.url), new Response('renderer file')));
});

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('withMedia (the app:// protocol)', () => {
  it('streams the linked recording, whole or by range', async () => {
    const whole = await handler(new Request(`app://trellis/media/${id}`));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('Content-Type')).toBe('audio/wav');
    expect((await bytes(whole)).equals(WAV)).toBe(true);
    const part = await handler(new Request(`app://trellis/media/${id}`, { headers: { Range: 'bytes=44-99' } }));
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe(`bytes 44-99/${WAV.length}`);
    expect((await bytes(part)).equals(WAV.subarray(44, 100))).toBe(true);
  });

  it('answers 404 for a document without a recording, or with no project open', async () => {
    await ok(dispatch(session, 'documents.unlinkMedia', { id }));
    expect((await handler(new Request(`app://trellis/media/${id}`))).status).toBe(404);
    await ok(dispatch(session, 'history.undo', {}));
    expect((await handler(new Request(`app://trellis/media/${id}`))).status).toBe(200);
    session.close();
    expect((await handler(new Request(`app://trellis/media/${id}`))).status).toBe(404);
  });

  it('passes every other URL, another host included, to the renderer files', async () => {
    for (const url of ['app://trellis/index.html', 'app://trellis/media/x.wav', 'app://other/media/1', 'app://trellis/media/1/../../etc']) {
      await handler(new Request(url));
    }
    expect(passedOn).toHaveLength(4);
  });
});
