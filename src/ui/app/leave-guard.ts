// Asking before work is lost by leaving: a page registers a guard that names what would be lost; the router
// asks (confirm) before a route change and the browser asks (beforeunload) before a reload or a close.
/** `to` is the path about to be shown, or null for a reload/close. Returns the question to ask, or null. */
export type LeaveGuard = (to: string | null) => string | null;

const guards = new Set<LeaveGuard>();
/** A navigation the page itself started and that loses nothing (e.g. 「TSV作成へ送る」): not asked about once. */
let skipOnce: string | null = null;

export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** The first guard's question for leaving to `to`, or null when nothing would be lost. */
export function leaveQuestion(to: string | null): string | null {
  if (to !== null && skipOnce === to) {
    skipOnce = null;
    return null;
  }
  for (const guard of guards) {
    const question = guard(to);
    if (question) return question;
  }
  return null;
}

/** Let the next route change to `to` through without asking. */
export function allowNextLeave(to: string): void {
  skipOnce = to;
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (leaveQuestion(null) === null) return;
    // Browsers show their own text; preventDefault (and returnValue for older ones) is what makes them ask.
    e.preventDefault();
    e.returnValue = '';
  });
}
