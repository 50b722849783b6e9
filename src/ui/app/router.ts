// Hash routing (#/validate, #/ra/uploads/3): works from file:// and from any static server without rewrites.
import { createSignal } from 'solid-js';
import { leaveQuestion } from './leave-guard';

function pathFromHash(): string {
  const raw = globalThis.location?.hash.replace(/^#/, '') ?? '';
  const path = raw.split('?')[0] || '/';
  return path.startsWith('/') ? path : `/${path}`;
}

const [path, setPath] = createSignal(pathFromHash());

/** The hash of the page shown, to go back to when the user chooses to stay. */
let shownHash = globalThis.location?.hash ?? '';

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    const next = pathFromHash();
    if (next !== path()) {
      const question = leaveQuestion(next);
      // replaceState fires no hashchange: the address shows the page that stays, and nothing re-renders.
      if (question && !window.confirm(question)) {
        history.replaceState(history.state, '', shownHash || '#/');
        return;
      }
    }
    shownHash = location.hash;
    setPath(next);
  });
}

/** The current path, e.g. '/ra/uploads/3' (reactive). */
export const currentPath = path;

export function navigate(to: string): void {
  globalThis.location.hash = to;
}

/** href for a link to an in-app path. */
export function href(to: string): string {
  return `#${to}`;
}

/** Does `routePath` own `current`? '/ra' owns '/ra' and '/ra/uploads/3' but not '/rab'. */
export function owns(routePath: string, current: string): boolean {
  return current === routePath || current.startsWith(`${routePath}/`);
}

/** The segments after the route's own path: '/ra' at '/ra/uploads/3' → ['uploads', '3']. */
export function restOf(routePath: string, current: string): string[] {
  return current.slice(routePath.length).split('/').filter(Boolean).map(decodeURIComponent);
}
