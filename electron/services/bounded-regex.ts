// A person's own regular expression runs under a time limit: JavaScript's engine backtracks, so a
// pattern with nested repeats like ^(a+)+$ can take longer than the age of the universe on one line.
// Node's vm module interrupts a script (and the regex inside it) when its timeout passes. Starting that
// watchdog costs ~0.2 ms a call, so lines known in advance are matched in one batch (`prime`).
import vm from 'node:vm';
import { DataError } from '../../db/errors';

/** What one pattern may spend on one file in all: far more than any sane pattern needs. */
export const PATTERN_BUDGET_MS = 2000;

/** A pattern that ran out of time; readers of a file put the file's name in front of the message. */
export class PatternTooSlow extends DataError {
  constructor(message: string) {
    super('invalid', message);
  }
}

export interface BoundedRegex {
  /** `re.exec(text)` from the start (the regex is sticky), within the budget left. */
  exec(text: string): RegExpExecArray | null;
  /** Matches many texts in one timed run, so later `exec` calls on them cost nothing. */
  prime(texts: string[]): void;
}

export function boundedRegex(re: RegExp, what: string, budgetMs = PATTERN_BUDGET_MS): BoundedRegex {
  const context = vm.createContext({ re, texts: [] as string[] });
  const script = new vm.Script('texts.map((t) => { re.lastIndex = 0; return re.exec(t); })');
  const results = new Map<string, RegExpExecArray | null>();
  const tooSlow = () =>
    new PatternTooSlow(
      `${what} ran longer than ${budgetMs / 1000} s, so Trellis stopped it. Patterns with nested repeats, such as (a+)+, can run for ever; simplify it, for example ^(\\w+):\\s`,
    );
  let spent = 0;
  const run = (texts: string[]) => {
    if (texts.length === 0) return;
    if (spent >= budgetMs) throw tooSlow();
    const started = performance.now();
    context.texts = texts;
    let found: (RegExpExecArray | null)[];
    try {
      found = script.runInContext(context, { timeout: Math.max(1, Math.ceil(budgetMs - spent)) }) as (RegExpExecArray | null)[];
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw tooSlow();
      throw error;
    } finally {
      spent += performance.now() - started;
      context.texts = [];
    }
    texts.forEach((text, i) => results.set(text, found[i]!));
  };
  return {
    exec(text) {
      if (!results.has(text)) run([text]);
      return results.get(text)!;
    },
    prime(texts) {
      run([...new Set(texts)].filter((t) => !results.has(t)));
    },
  };
}
