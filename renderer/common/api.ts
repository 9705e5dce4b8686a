// The renderer's only door to the backend: window.trellis (desktop, via the preload bridge) or the
// loopback HTTP host (browser mode). Both carry the same envelopes and events.
import type { ArgsOf, MethodName, ResultOf } from '../../electron/api/methods';
import { isApiEvent, type ApiEvent, type ApiFailure, type Envelope } from '../../shared/protocol';

export interface Bridge {
  call(method: string, args: unknown): Promise<Envelope>;
  subscribe(listener: (event: ApiEvent) => void): () => void;
}

declare global {
  interface Window {
    trellis?: Bridge;
  }
}

export class ApiCallError extends Error {
  readonly code: ApiFailure['code'] | 'http';
  constructor(failure: { code: ApiFailure['code'] | 'http'; message: string }) {
    super(failure.message);
    this.code = failure.code;
  }
}

function openEvents(token: string, onEvent: (event: ApiEvent) => void): EventSource {
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.addEventListener('api', (e) => {
    const event: unknown = JSON.parse((e as MessageEvent<string>).data);
    if (isApiEvent(event)) onEvent(event);
  });
  return source;
}

/** Set once the host refuses this tab's token (it was restarted, with a new address): the page can only say so. */
let lostHost: string | null = null;
const lostListeners = new Set<() => void>();
export const hostLost = () => lostHost;
export function onHostLost(listener: () => void): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/** Browser mode's token, for the URLs the page loads itself (a linked recording); empty in the desktop. */
let pageToken = '';

/** Browser mode: the token arrives once in the URL, is kept for this tab, and removed from the address bar. */
function httpBridge(): Bridge {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('trellis-token', fromUrl);
    params.delete('token');
    history.replaceState(null, '', location.pathname + (params.size ? `?${params}` : '') + location.hash);
  }
  const token = fromUrl ?? sessionStorage.getItem('trellis-token') ?? '';
  pageToken = token;
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | undefined;
  return {
    async call(method, args) {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Trellis-Token': token },
        body: JSON.stringify(args ?? {}),
      });
      const body = (await response.json().catch(() => null)) as Envelope | null;
      if (response.status === 401 && lostHost === null) {
        lostHost = body && !body.ok ? body.error.message : 'Missing or wrong token.';
        lostListeners.forEach((l) => l());
      }
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return { ok: false, error: { code: 'internal', message: `The Trellis host answered ${response.status}.` } };
    },
    // One EventSource for the whole tab: browsers allow only a few connections per host.
    subscribe(listener) {
      listeners.add(listener);
      source ??= openEvents(token, (event) => listeners.forEach((l) => l(event)));
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export const bridge: Bridge = window.trellis ?? httpBridge();

/**
 * Where a document's linked recording plays from: /media/ID on both hosts (the desktop's app://trellis
 * serves it too); the browser host wants the token in the URL, since <audio> cannot send a header.
 * `version` changes with the link, so a relinked file is not taken from the cache.
 */
export const mediaUrl = (documentId: number, version: string): string =>
  `/media/${documentId}?${new URLSearchParams(pageToken ? { v: version, token: pageToken } : { v: version })}`;

export async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await bridge.call(method, args);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.result as ResultOf<M>;
}
