// The RA operator's session in the simulated RA system: which certificate logged in. Kept per tab
// (sessionStorage), like a TLS client-auth session that ends with the browser.
import { createSignal } from 'solid-js';

export interface RaSession {
  serialHex: string;
  subject: string;
}

const KEY = 'upki-workbench.service.ra-session';

function load(): RaSession | undefined {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as RaSession) : undefined;
  } catch {
    return undefined;
  }
}

const [session, setSessionSignal] = createSignal<RaSession | undefined>(load());
export { session };

export function setSession(next: RaSession | undefined): void {
  setSessionSignal(next);
  try {
    if (next) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(next));
    else globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    /* the session lasts as long as the page */
  }
}
