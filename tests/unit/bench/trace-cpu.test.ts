import { describe, expect, it } from 'vitest';
import { cpuParts } from '../../../bench/trace-cpu';

const ORIGIN = 'http://127.0.0.1:4000';
const meta = (pid: number, tid: number, kind: 'process_name' | 'thread_name', name: string) => ({
  name: kind,
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
/** A complete event: start and wall duration in µs, CPU (thread) duration in µs. */
const task = (pid: number, tid: number, name: string, ts: number, dur: number, tdur: number) => ({
  name,
  ph: 'X',
  pid,
  tid,
  ts,
  dur,
  tdur,
});

describe('cpuParts', () => {
  it('splits the page main thread by kind of work, from each event’s own CPU less its children’s', () => {
    const events = [
      meta(1, 1, 'process_name', 'Browser'),
      meta(1, 1, 'thread_name', 'CrBrowserMain'),
      meta(2, 20, 'process_name', 'Renderer'),
      meta(2, 20, 'thread_name', 'CrRendererMain'),
      meta(3, 30, 'process_name', 'WebUI Top Renderer'),
      { name: 'navigationStart', ph: 'R', pid: 2, tid: 20, ts: 0, args: { data: { documentLoaderURL: `${ORIGIN}/?token=x` } } },
      // A task of 10 ms CPU that evaluates a module (6 ms, 4 of them compiling a function lazily).
      task(2, 20, 'RunTask', 0, 50_000, 10_000),
      task(2, 20, 'v8.evaluateModule', 1_000, 30_000, 6_000),
      task(2, 20, 'V8.CompileLazy', 2_000, 10_000, 4_000),
      // Then style and layout: 3 ms, of which layout 1 ms.
      task(2, 20, 'UpdateLayoutTree', 60_000, 5_000, 2_000),
      task(2, 20, 'Layout', 65_000, 2_000, 1_000),
      // A worker of the page's renderer compiling a streamed script.
      task(2, 21, 'v8.parseOnBackground', 0, 8_000, 7_000),
      task(1, 1, 'RunTask', 0, 9_000, 5_000),
      task(3, 30, 'RunTask', 0, 90_000, 20_000),
    ];
    // Expected, by hand: RunTask's own 10 − 6 = 4 ms is "other"; evaluateModule 6 − 4 = 2 ms script; the
    // lazy compile 4 ms; style+layout 2 + 1 = 3 ms.
    expect(cpuParts(events, ORIGIN)).toEqual({
      'page main thread: other': 4,
      'page main thread: script': 2,
      'page main thread: compile': 4,
      'page main thread: style+layout': 3,
      'page renderer: other threads': 7,
      'Browser main thread': 5,
      'WebUI Top Renderer': 20,
    });
  });
});
