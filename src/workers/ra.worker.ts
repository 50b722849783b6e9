// The simulated RA/CA off the main thread: RaEngine on IndexedDB (both exist in workers), so key
// generation, certificates, P12 files and zips never freeze the page. One request id → one reply;
// uploads also send progress and can be cancelled (the engine then commits nothing).
// reflect-metadata first: the engine's CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { IndexedDbStore } from '../ra';
import type { RaReply, RaRequest } from './ra-api';
import { RaService } from './ra-service';
import { remoteKeyGenerator } from './remote-keygen';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RaRequest | { keygenPort: MessagePort }>) => void) | null; postMessage(m: RaReply): void };

const service = new RaService(() => IndexedDbStore.open());
const running = new Map<number, AbortController>();

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** Progress to the page at most every PROGRESS_MS (and the last one always): 1000 users must not mean 1000 renders. */
const PROGRESS_MS = 200;

function throttled(post: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const now = performance.now();
    if (done < total && done > 1 && now - last < PROGRESS_MS) return;
    last = now;
    post(done, total);
  };
}

async function handle(request: RaRequest): Promise<unknown> {
  switch (request.method) {
    case 'cancel':
      running.get(request.args[0])?.abort();
      return undefined;
    case 'upload': {
      const controller = new AbortController();
      running.set(request.id, controller);
      try {
        return await service.upload(request.args[0], {
          signal: controller.signal,
          onProgress: throttled((done, total) => scope.postMessage({ id: request.id, type: 'progress', done, total })),
        });
      } finally {
        running.delete(request.id);
      }
    }
    default: {
      const method = service[request.method].bind(service) as (...args: unknown[]) => Promise<unknown>;
      return method(...request.args);
    }
  }
}

async function answer(request: RaRequest): Promise<void> {
  const { id } = request;
  try {
    scope.postMessage({ id, type: 'result', value: await handle(request) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ id, type: 'error', message, cancelled: isAbort(err) });
  }
}

/** The page hands over a port to its key helper frame (ui/ra/keygen-frame.ts) apart from the requests. */
function isKeygenPort(data: unknown): data is { keygenPort: MessagePort } {
  return typeof data === 'object' && data !== null && 'keygenPort' in data && data.keygenPort instanceof MessagePort;
}

// answer() catches everything itself: nothing is left to reject.
scope.onmessage = (e: MessageEvent<RaRequest | { keygenPort: MessagePort }>) => {
  if (isKeygenPort(e.data)) service.addKeyHelper(remoteKeyGenerator(e.data.keygenPort));
  else void answer(e.data);
};
