// Where a page load's CPU goes, from a Chromium trace (CDP Tracing): per process, and on the page's own main
// thread per kind of work. CPU (thread) time, not wall time: on a loaded machine a 260 ms task can hold
// 3 ms of CPU, the rest spent waiting for a core.
import type { BrowserContext, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { documentLoaderURL?: string } };
}

/** CPU ms per part; the page's main thread split by kind, the other threads and processes whole. */
export type CpuParts = Record<string, number>;

const KINDS: [string, RegExp][] = [
  ['compile', /compile|parse(OnBackground|Script|Function)|produce(Module)?Cache|CodeCache|deserializ/i],
  ['script', /^(v8|V8)\.|FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|EventDispatch|MicrotaskCheckpoint/],
  ['style+layout', /UpdateLayoutTree|^Layout$|RecalcStyle|ParseAuthorStyleSheet|StyleInvalidat/],
  ['paint', /Paint|Layerize|^Commit$|UpdateLayer|Composite|Raster/],
];

const CATEGORIES = [
  'toplevel',
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'loading',
  'navigation',
];

/** Runs `load` (a navigation) under a trace and returns the CPU it cost, by part. */
export async function tracedCpu(context: BrowserContext, page: Page, origin: string, load: () => Promise<void>): Promise<CpuParts> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await load();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return cpuParts(events, origin);
}

/** Self CPU of every complete event on one thread, by name (a parent's CPU less its children's). */
function selfCpu(events: TraceEvent[]): Map<string, number> {
  const sorted = events.filter((e) => e.tdur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of sorted) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.tdur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.tdur!);
    stack.push(e);
  }
  return self;
}

export function cpuParts(events: TraceEvent[], origin: string): CpuParts {
  const processes = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args!.name!]));
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args!.name!]));
  const page = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(origin));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    if (list) list.push(e);
    else byThread.set(key, [e]);
  }
  const parts: CpuParts = {};
  const add = (part: string, ms: number) => (parts[part] = (parts[part] ?? 0) + ms);
  for (const [key, list] of byThread) {
    let total = 0;
    const self = selfCpu(list);
    for (const ms of self.values()) total += ms / 1000;
    if (page && key === `${page.pid}:${page.tid}`) {
      for (const [name, us] of self) add(`page main thread: ${KINDS.find(([, test]) => test.test(name))?.[0] ?? 'other'}`, us / 1000);
    } else if (page && Number(key.split(':')[0]) === page.pid) add(`page renderer: other threads`, total);
    else {
      const process = processes.get(Number(key.split(':')[0])) ?? 'unknown';
      // Chromium's own WebUI (its omnibox popup, in a "WebUI Top Renderer") starts and compiles in a fresh profile.
      add(`${process}${threads.get(key) === 'CrBrowserMain' ? ' main thread' : ''}`, total);
    }
  }
  return parts;
}
