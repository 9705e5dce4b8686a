// Draws and encodes the matrix picture off the page's thread: the page stays responsive, and the encoding
// is not left to the main thread's idle time (6.8 s for the demo's matrix while the page was busy).
import { matrixPng } from './matrix-png';

export type PngRequest = Parameters<typeof matrixPng>;
export type PngReply = { blob: Blob } | { error: string };

self.onmessage = async (e: MessageEvent<PngRequest>) => {
  let reply: PngReply;
  try {
    reply = { blob: await matrixPng(...e.data) };
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  self.postMessage(reply);
};
