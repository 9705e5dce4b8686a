// The matrix picture, made in a worker (matrix-png.worker.ts), started on the first export and kept for the
// next ones (starting one cost about 50 ms); drawn on the page only where no worker starts.
import { matrixPng } from './matrix-png';
import type { PngReply, PngRequest } from './matrix-png.worker';

let worker: Worker | null = null;
let inPage = typeof Worker === 'undefined';
let last: Promise<unknown> = Promise.resolve();

function inWorker(request: PngRequest): Promise<Blob> {
  worker ??= new Worker(new URL('./matrix-png.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  return new Promise<Blob>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<PngReply>) => ('blob' in e.data ? resolve(e.data.blob) : reject(new Error(e.data.error)));
    // A worker that cannot load (a policy, an old runtime): the page draws it, and every later picture.
    w.onerror = (e) => {
      e.preventDefault();
      w.terminate();
      worker = null;
      inPage = true;
      matrixPng(...request).then(resolve, reject);
    };
    w.postMessage(request);
  });
}

export function exportMatrixPng(...request: PngRequest): Promise<Blob> {
  // One picture at a time: the worker answers its requests in order, one handler at a time.
  const next = last.then(() => (inPage ? matrixPng(...request) : inWorker(request)));
  last = next.catch(() => undefined);
  return next;
}
