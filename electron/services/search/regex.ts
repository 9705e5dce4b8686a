// Regex search off the main thread: a pattern that backtracks catastrophically is stopped after a time
// limit (the worker is terminated) while the app goes on answering.
import { Worker } from 'node:worker_threads';
import { DataError } from '../../../db/errors';

/** [paragraph index, start, end] in code points of that paragraph's text. */
export type RegexMatch = [number, number, number];

export const REGEX_TIME_LIMIT_MS = 2000;
export const MAX_REGEX_MATCHES = 100_000;

// Plain JavaScript, run with eval so that it needs no file of its own beside the bundle. It answers one
// search per message, so that a worker can be kept for the next search.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ pattern, flags, texts, max }) => {
  const re = new RegExp(pattern, flags);
  const found = [];
  for (let i = 0; i < texts.length && found.length < max; i++) {
    const text = texts[i];
    re.lastIndex = 0;
    let unit = 0, point = 0, m;
    while ((m = re.exec(text)) !== null && found.length < max) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      for (const ch of text.slice(unit, m.index)) point++;
      const start = point;
      for (const ch of m[0]) point++;
      unit = m.index + m[0].length;
      found.push([i, start, point]);
    }
  }
  parentPort.postMessage(found);
});
`;

// One worker kept between searches: starting one cost 70-115 ms of a search's ~300 ms. Unreferenced while
// idle, so it never keeps a process (the CLI, a test) alive; a stopped or failed search's worker is not kept.
let idle: Worker | null = null;

function takeWorker(): Worker {
  const worker = idle ?? new Worker(WORKER_SOURCE, { eval: true });
  idle = null;
  worker.ref();
  return worker;
}

function keep(worker: Worker): void {
  if (idle) void worker.terminate();
  else {
    worker.unref();
    idle = worker;
  }
}

/** The pattern compiled as the search compiles it, or a message saying what is wrong with it. */
export function checkedRegex(pattern: string, ignoreCase: boolean): string {
  const flags = `gu${ignoreCase ? 'i' : ''}`;
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    throw new DataError(
      'invalid',
      `The regular expression cannot be read: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}.`,
    );
  }
  return flags;
}

/** Every non-empty match of `pattern` in each text, by code points; refused after `timeLimitMs`. */
export function regexMatches(
  pattern: string,
  ignoreCase: boolean,
  texts: string[],
  timeLimitMs = REGEX_TIME_LIMIT_MS,
): Promise<RegexMatch[]> {
  const flags = checkedRegex(pattern, ignoreCase);
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new DataError(
          'invalid',
          `The regular expression ran longer than ${timeLimitMs / 1000} s and was stopped; nested repetition such as (a+)+ makes a pattern slow.`,
        ),
      );
    }, timeLimitMs);
    const onError = (error: Error) => {
      clearTimeout(timer);
      void worker.terminate();
      reject(error);
    };
    worker.once('message', (found: RegexMatch[]) => {
      clearTimeout(timer);
      worker.off('error', onError);
      keep(worker);
      resolve(found);
    });
    worker.once('error', onError);
    worker.postMessage({ pattern, flags, texts, max: MAX_REGEX_MATCHES });
  });
}
