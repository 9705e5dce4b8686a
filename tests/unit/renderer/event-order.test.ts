import { describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../../shared/protocol';
import { eventOrder } from '../../../renderer/common/event-order';

describe('eventOrder', () => {
  it('calls the listeners added first before the others, whenever they were added, over one subscription', () => {
    const subscribed: ((event: ApiEvent) => void)[] = [];
    const onEvent = eventOrder((listener) => {
      subscribed.push(listener);
      return () => {};
    });
    const calls: string[] = [];
    onEvent(() => calls.push('documents'), false);
    onEvent(() => calls.push('codebook'), false);
    // The matrix, mounted last (its code loaded on first use), asks to go first.
    const leave = onEvent(() => calls.push('matrix'), true);
    expect(subscribed).toHaveLength(1);
    subscribed[0]!('segments-changed');
    expect(calls).toEqual(['matrix', 'documents', 'codebook']);
    leave();
    calls.length = 0;
    subscribed[0]!('segments-changed');
    expect(calls).toEqual(['documents', 'codebook']);
  });
});
