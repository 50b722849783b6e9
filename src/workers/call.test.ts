import { describe, expect, it } from 'vitest';
import { workerFunction } from './call';

/** A stand-in for a Worker: answers each {id, args} with `answer(args)`, or fails to load when `crash` is set. */
function fakeWorker(answer: (args: number[]) => { result?: number; error?: string }, crash = false) {
  const w = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as (() => void) | null,
    terminated: false,
    postMessage(msg: { id: number; args: number[] }) {
      queueMicrotask(() => {
        if (crash) return w.onerror?.();
        const a = answer(msg.args);
        w.onmessage?.({ data: { id: msg.id, ...a } } as MessageEvent);
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
