// Rendering in frames: a page of NG records with their cells is more layout and text shaping than one frame can
// take on a slow machine (traced: one 0.1–0.3 s task of script + layout). Revealing a few rows per animation frame
// keeps every task short; the user sees the first rows at once and the rest within a few frames.
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js';

const nextFrame = (fn: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(fn);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(fn, 16);
  return () => clearTimeout(id);
};

/** The first items of `items`, `perFrame` more each frame; starts over when `items` changes. */
export function createReveal<T>(items: Accessor<readonly T[]>, perFrame: number): Accessor<readonly T[]> {
  const [count, setCount] = createSignal(0);
  let stop = () => {};
  const step = () => {
    const all = items().length;
    setCount((n) => Math.min(all, n + perFrame));
    if (count() < all) stop = nextFrame(step);
  };
  createEffect(
    on(items, () => {
      stop();
      setCount(0);
      stop = nextFrame(step);
    }),
  );
  onCleanup(() => stop());
  const revealed = createMemo(() => items().slice(0, count()));
  return revealed;
}

/** False until the frame after mounting: heavy parts of a view wait until the light ones are on screen. */
export function createAfterFirstFrame(): Accessor<boolean> {
  const [ready, setReady] = createSignal(false);
  const stop = nextFrame(() => setReady(true));
  onCleanup(stop);
  return ready;
}
