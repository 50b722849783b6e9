// The simulated RA/CA off the main thread: RaEngine on IndexedDB (both exist in workers), so key
// generation, certificates, P12 files and zips never freeze the page. One request id → one reply;
// uploads also send progress. Cancel is the page terminating this worker (ra-client.ts): a message could not
// interrupt the synchronous checks, so there is no cancel message.
// reflect-metadata first: the engine's CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { IndexedDbStore } from '../ra';
import type { RaReply, RaRequest } from './ra-api';
import { RaService } from './ra-service';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RaRequest>) => void) | null; postMessage(m: RaReply): void };

const service = new RaService(() => IndexedDbStore.open());

async function handle(request: RaRequest): Promise<unknown> {
  switch (request.method) {
    case 'upload':
      return service.upload(request.args[0], {
        onProgress: (done, total) => scope.postMessage({ id: request.id, type: 'progress', done, total }),
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

// answer() catches everything itself: nothing is left to reject.
scope.onmessage = (e) => void answer(e.data);
