import { describe, expect, it } from 'vitest';
import { showsCoder, toggleCoder, type Visibility } from '../../../renderer/common/coder-visibility';

const CODERS = [1, 2, 3];
const ME = 2;
const shown = (v: Visibility) => CODERS.filter((id) => showsCoder(v, ME, id));

describe('coder visibility', () => {
  it('shows every coder, only the current one, or the chosen ones', () => {
    expect(shown({ mode: 'all', chosen: [] })).toEqual([1, 2, 3]);
    expect(shown({ mode: 'mine', chosen: [] })).toEqual([ME]);
    expect(shown({ mode: 'chosen', chosen: [3, 1] })).toEqual([1, 3]);
    expect(CODERS.filter((id) => showsCoder({ mode: 'mine', chosen: [] }, null, id))).toEqual([]);
  });

  it('toggles one coder starting from what is shown, and calls every coder chosen "all"', () => {
    const withoutOne = toggleCoder({ mode: 'all', chosen: [] }, CODERS, ME, 1);
    expect(withoutOne).toEqual({ mode: 'chosen', chosen: [2, 3] });
    expect(toggleCoder(withoutOne, CODERS, ME, 1)).toEqual({ mode: 'all', chosen: [2, 3, 1] });
    // From "only mine", pressing another coder adds that coder to mine.
    expect(toggleCoder({ mode: 'mine', chosen: [] }, CODERS, ME, 3)).toEqual({ mode: 'chosen', chosen: [ME, 3] });
    expect(shown(toggleCoder({ mode: 'mine', chosen: [] }, CODERS, ME, ME))).toEqual([]);
  });
});
