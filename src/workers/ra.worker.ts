// The simulated RA/CA off the main thread: RaEngine on IndexedDB (both exist in workers), so key
// generation, certificates, P12 files and zips never freeze the page. One request id → one reply;
// uploads also send progress. Cancel is the page terminating this worker (ra-client.ts): a message could not
// interrupt the synchronous checks, so there is no cancel message.
// reflect-metadata first: the engine's CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { openRaStore } from '../ra';
import type { RaReply, RaRequest } from './ra-api';
import { RaService } from './ra-service';
import { remoteKeyGenerator } from './remote-keygen';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RaRequest | { keygenPort: MessagePort }>) => void) | null; postMessage(m: RaReply): void };

const service = new RaService(() => openRaStore());

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
    case 'upload':
      return service.upload(request.args[0], {
        onProgress: throttled((done, total) => scope.postMessage({ id: request.id, type: 'progress', done, total })),
      });
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
    scope.postMessage({ id, type: 'error', message });
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
