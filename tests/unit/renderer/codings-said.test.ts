import { describe, expect, it } from 'vitest';
import { codingsAtCaretSaid, paragraphsOf } from '../../../renderer/transcript/codings-said';

const codes = new Map([
  [1, { name: 'Duty to cooperate' }],
  [2, { name: 'Local' }],
  [3, { name: 'Lead professional' }],
]);
const coders = [
  { id: 10, name: 'A' },
  { id: 11, name: 'B' },
];
const codings = [
  { start: 2, end: 8, codeIds: [1, 2], coderId: 10 },
  { start: 5, end: 12, codeIds: [3], coderId: 11 },
];

describe('what is said about the codings at the caret', () => {
  it('names every coding covering the caret, its codes and its coder', () => {
    expect(codingsAtCaretSaid(codings, 6, codes, coders)).toBe(
      'Coded with Duty to cooperate, Local, by A; coded with Lead professional, by B',
    );
  });
  it('the end is exclusive, the start inclusive', () => {
    expect(codingsAtCaretSaid(codings, 8, codes, coders)).toBe('Coded with Lead professional, by B');
    expect(codingsAtCaretSaid(codings, 2, codes, coders)).toBe('Coded with Duty to cooperate, Local, by A');
    expect(codingsAtCaretSaid(codings, 12, codes, coders)).toBe('Not coded at the caret');
  });
  it('says the paragraphs a coding spans', () => {
    const paragraphs = [
      { n: 1, start: 0, end: 4 },
      { n: 2, start: 5, end: 9 },
      { n: 3, start: 10, end: 20 },
    ];
    expect(paragraphsOf(codings[0]!, paragraphs)).toBe('¶1–2');
    expect(paragraphsOf({ start: 6, end: 7, codeIds: [], coderId: 10 }, paragraphs)).toBe('¶2');
  });
});
