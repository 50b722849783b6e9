// workerFunction / workerClient against a stand-in Worker (no Worker in Node); serveFunction against a stand-in scope.
import { describe, expect, it, vi } from 'vitest';
import { serveFunction, workerClient, workerFunction } from './call';

/** A stand-in for a Worker: answers each {id, args} with `answer(args)`, or fails to load when `crash` is set. */
function fakeWorker(answer: (args: number[]) => { result?: number; error?: string } | undefined, crash = false) {
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as (() => void) | null,
    terminated: false,
    postMessage(msg: { id: number; args: number[] }) {
      queueMicrotask(() => {
        if (crash) return w.onerror?.();
        const a = answer(msg.args);
        if (a && !w.terminated) w.onmessage?.({ data: { id: msg.id, ...a } } as MessageEvent);
      });
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

const mainThread = async (a: number, b: number) => -(a + b);

describe('workerFunction', () => {
  it('returns what the worker answers, matching replies to calls by id', async () => {
    const call = workerFunction(() => fakeWorker(([a, b]) => ({ result: a + b })) as unknown as Worker, mainThread);
    expect(await Promise.all([call(1, 2), call(10, 20)])).toEqual([3, 30]);
  });

  it('rejects with the error the worker reports', async () => {
    const call = workerFunction(() => fakeWorker(() => ({ error: 'boom' })) as unknown as Worker, mainThread);
    await expect(call(1, 2)).rejects.toThrow('boom');
  });

  it('falls back to the main thread when no worker can start', async () => {
    const call = workerFunction(() => {
      throw new Error('no workers here');
    }, mainThread);
    expect(await call(1, 2)).toBe(-3);
  });

  it('hands waiting and later calls to the main thread when the worker crashes', async () => {
    let started = 0;
    const call = workerFunction(() => {
      started++;
      return fakeWorker(() => ({ result: 0 }), true) as unknown as Worker;
    }, mainThread);
    expect(await call(1, 2)).toBe(-3);
    expect(await call(3, 4)).toBe(-7);
    expect(started).toBe(1);
  });
});

describe('workerClient.cancel', () => {
  class Stopped extends Error {}

  it('terminates the worker, rejects the waiting calls with the reason, and the next call starts a new worker', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = workerClient(() => {
      // The first worker never answers (a long synchronous job); the second one does.
      const w = fakeWorker(([a, b]) => (workers.length === 1 ? undefined : { result: a + b }));
      workers.push(w);
      return w as unknown as Worker;
    }, mainThread);
    const waiting = [client.call(1, 2), client.call(3, 4)];
    client.cancel(() => new Stopped('stopped'));
    for (const p of waiting) await expect(p).rejects.toBeInstanceOf(Stopped);
    expect(workers[0].terminated).toBe(true);
    // Not the main-thread fallback: a cancel is not a broken worker.
    expect(await client.call(5, 6)).toBe(11);
    expect(workers).toHaveLength(2);
  });

  it('with no worker running does nothing, and calls go on', async () => {
    const client = workerClient(() => fakeWorker(([a, b]) => ({ result: a * b })) as unknown as Worker, mainThread);
    client.cancel(() => new Stopped());
    expect(await client.call(2, 3)).toBe(6);
  });
});

describe('serveFunction', () => {
  it('answers each {id, args} with the result or the error, moving the buffers `transfer` names', async () => {
    const posted: { message: unknown; transfer: Transferable[] }[] = [];
    const scope = { onmessage: null as ((e: { data: unknown }) => void) | null, postMessage: (message: unknown, transfer: Transferable[]) => posted.push({ message, transfer }) };
    vi.stubGlobal('self', scope);
    try {
      serveFunction(
        async (n: number) => {
          if (n < 0) throw new Error('negative');
          return { bytes: new Uint8Array(n) };
        },
        (r) => [r.bytes.buffer],
      );
      scope.onmessage?.({ data: { id: 1, args: [4] } });
      scope.onmessage?.({ data: { id: 2, args: [-1] } });
      await vi.waitFor(() => expect(posted).toHaveLength(2));
      const ok = posted.find((p) => (p.message as { id: number }).id === 1);
      expect((ok?.message as { result: { bytes: Uint8Array } }).result.bytes.length).toBe(4);
      expect(ok?.transfer).toEqual([(ok?.message as { result: { bytes: Uint8Array } }).result.bytes.buffer]);
      expect(posted.find((p) => (p.message as { id: number }).id === 2)).toEqual({ message: { id: 2, error: 'negative' }, transfer: [] });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
