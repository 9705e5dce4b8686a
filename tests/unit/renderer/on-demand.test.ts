import { describe, expect, it } from 'vitest';
import { onDemand } from '../../../renderer/common/on-demand';

/** A module load answered by hand. */
function deferredLoad<M>() {
  let calls = 0;
  let answer!: (module: M) => void;
  let fail!: (error: unknown) => void;
  const load = () => {
    calls++;
    return new Promise<M>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
  };
  return { load, calls: () => calls, answer: (m: M) => answer(m), fail: (e: unknown) => fail(e) };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('onDemand', () => {
  it('fetches nothing until asked, then once however often it is asked', async () => {
    const module = deferredLoad<{ View: string }>();
    const view = onDemand(module.load);
    expect(module.calls()).toBe(0);
    view.preload();
    view.preload();
    expect(module.calls()).toBe(1);
    expect(view.current()).toBeUndefined();
    module.answer({ View: 'the view' });
    await settled();
    expect(view.current()).toEqual({ View: 'the view' });
    view.preload();
    expect(module.calls()).toBe(1);
  });

  it('tells its subscribers when the module arrives, and no longer after they leave', async () => {
    const module = deferredLoad<string>();
    const view = onDemand(module.load);
    const seen: (string | Error | undefined)[] = [];
    const kept = view.subscribe(() => seen.push(view.current()));
    let left = 0;
    view.subscribe(() => left++)();
    view.preload();
    module.answer('module');
    await settled();
    expect(seen).toEqual(['module']);
    expect(left).toBe(0);
    kept();
  });

  it('turns a failed fetch into an Error the view can show', async () => {
    const module = deferredLoad<string>();
    const view = onDemand(module.load);
    view.preload();
    module.fail('chunk missing');
    await settled();
    expect(view.current()).toBeInstanceOf(Error);
    expect((view.current() as Error).message).toBe('chunk missing');
  });
});
