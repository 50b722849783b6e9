// Outlines the control a step points at (its data-guide selector): marks every match with a class, scrolls the first
// into view once per step without moving focus, and reports whether any is on screen. It follows the page through a
// MutationObserver (the role screens render lazily), batched to one pass per animation frame — never a polling loop.
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';

export const HIGHLIGHT_CLASS = 'guide-highlight';

export function createHighlight(selector: Accessor<string | undefined>): Accessor<boolean> {
  const [onScreen, setOnScreen] = createSignal(false);
  let marked: Element[] = [];
  let scrolledFor: string | undefined;
  let frame = 0;

  const pass = () => {
    frame = 0;
    const sel = selector();
    let found: Element[] = [];
    try {
      found = sel ? [...document.querySelectorAll(sel)].filter((el) => !el.closest('[data-training-panel]')) : [];
    } catch {
      found = []; // a selector the browser cannot parse: nothing to highlight
    }
    for (const el of marked) if (!found.includes(el)) el.classList.remove(HIGHLIGHT_CLASS);
    for (const el of found) if (!el.classList.contains(HIGHLIGHT_CLASS)) el.classList.add(HIGHLIGHT_CLASS);
    marked = found;
    setOnScreen(found.length > 0);
    if (found.length > 0 && scrolledFor !== sel) {
      scrolledFor = sel;
      found[0].scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(pass);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.body, { childList: true, subtree: true });
  window.addEventListener('hashchange', schedule);
  onCleanup(() => {
    observer.disconnect();
    window.removeEventListener('hashchange', schedule);
    if (frame) cancelAnimationFrame(frame);
    for (const el of marked) el.classList.remove(HIGHLIGHT_CLASS);
  });
  createEffect(() => {
    selector(); // a new step: look again
    schedule();
  });
  return onScreen;
}
