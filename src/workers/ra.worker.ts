// The simulated RA/CA off the main thread: RaEngine on IndexedDB (both exist in workers), so key
// generation, certificates, P12 files and zips never freeze the page. One request id → one reply;
// uploads also send progress and can be cancelled (the engine then commits nothing).
// reflect-metadata first: the engine's CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { IndexedDbStore } from '../ra';
import type { RaReply, RaRequest } from './ra-api';
import { RaService } from './ra-service';

const scope = self as unknown as { onmessage: ((e: MessageEvent<RaRequest>) => void) | null; postMessage(m: RaReply): void };

const service = new RaService(() => IndexedDbStore.open());
const running = new Map<number, AbortController>();

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
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
          onProgress: (done, total) => scope.postMessage({ id: request.id, type: 'progress', done, total }),
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

// answer() catches everything itself: nothing is left to reject.
scope.onmessage = (e) => void answer(e.data);
