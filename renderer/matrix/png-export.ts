// The matrix picture, made in a worker (matrix-png.worker.ts); drawn on the page only where no worker starts.
import { matrixPng } from './matrix-png';
import type { PngReply, PngRequest } from './matrix-png.worker';

export function exportMatrixPng(...request: PngRequest): Promise<Blob> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./matrix-png.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return matrixPng(...request);
  }
  return new Promise<Blob>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<PngReply>) => ('blob' in e.data ? resolve(e.data.blob) : reject(new Error(e.data.error)));
    // A worker that cannot load (a policy, an old runtime): the page draws it.
    worker.onerror = (e) => {
      e.preventDefault();
      matrixPng(...request).then(resolve, reject);
    };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
