// Save on every edit, but write at most once per quiet period; flush() writes now (e.g. on pagehide).

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  flush(): Promise<void>;
  cancel(): void;
}

export function debounce<A extends unknown[]>(run: (...args: A) => Promise<void> | void, waitMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const fire = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) await run(...args);
  };
  const call = ((...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void fire(), waitMs);
  }) as Debounced<A>;
  call.flush = fire;
  call.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return call;
}
