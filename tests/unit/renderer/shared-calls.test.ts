import { describe, expect, it } from 'vitest';
import { sharedCalls } from '../../../renderer/common/shared-calls';

/** A fake API: each call is recorded and waits until answered by hand. */
function fakeApi() {
  const calls: { method: string; args: unknown; answer: (value: unknown) => void; fail: (error: Error) => void }[] = [];
  const call = (method: string, args: unknown) =>
    new Promise((answer, fail) => {
      calls.push({ method, args, answer, fail });
    });
  return { calls, ask: sharedCalls(call) };
}

describe('sharedCalls', () => {
  it('lets first loads of the same method and arguments share one call while it is in flight', async () => {
    const { calls, ask } = fakeApi();
    const a = ask('coders.list', '{}', true);
    const b = ask('coders.list', '{}', true);
    const other = ask('documents.get', '{"id":1}', true);
    expect(calls.map((c) => [c.method, c.args])).toEqual([
      ['coders.list', {}],
      ['documents.get', { id: 1 }],
    ]);
    calls[0]!.answer(['A']);
    expect(await a).toEqual(['A']);
    expect(await b).toBe(await a);
    // Once answered, the next first load asks again: nothing is cached, only shared in flight.
    void ask('coders.list', '{}', true);
    expect(calls).toHaveLength(3);
    calls[1]!.answer('doc');
    expect(await other).toBe('doc');
  });

  it('starts a reload afresh, and later first loads share the fresh call, not the older one', async () => {
    const { calls, ask } = fakeApi();
    const old = ask('codebook.tree', '{}', true);
    const fresh = ask('codebook.tree', '{}', false);
    const joiner = ask('codebook.tree', '{}', true);
    expect(calls).toHaveLength(2);
    calls[1]!.answer('after the change');
    calls[0]!.answer('before the change');
    expect(await joiner).toBe('after the change');
    expect(await fresh).toBe('after the change');
    expect(await old).toBe('before the change');
  });

  it('lets reloads asked together (one event, several views) share one call, and asks again for a later one', async () => {
    const { calls, ask } = fakeApi();
    const before = ask('codebook.tree', '{}', true);
    const first = ask('codebook.tree', '{}', false);
    const second = ask('codebook.tree', '{}', false);
    const other = ask('documents.list', '{}', false);
    // The first load predates the event: neither reload joins it; the second reload joins the first.
    expect(calls.map((c) => c.method)).toEqual(['codebook.tree', 'codebook.tree', 'documents.list']);
    calls[1]!.answer('after the change');
    expect(await second).toBe(await first);
    expect(await first).toBe('after the change');
    // A reload in a later task (another event) asks afresh, though the earlier call were still in flight.
    const later = ask('documents.list', '{}', false);
    expect(calls).toHaveLength(4);
    calls[3]!.answer('later');
    calls[2]!.answer('earlier');
    expect(await later).toBe('later');
    expect(await other).toBe('earlier');
    calls[0]!.answer('before the change');
    expect(await before).toBe('before the change');
  });

  it('forgets a failed call, so that the next load asks again', async () => {
    const { calls, ask } = fakeApi();
    const failed = ask('app.status', '{}', true);
    calls[0]!.fail(new Error('host gone'));
    await expect(failed).rejects.toThrow('host gone');
    void ask('app.status', '{}', true);
    expect(calls).toHaveLength(2);
  });
});
