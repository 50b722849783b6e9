// Every e2e spec imports `test` and `expect` from here, never from @playwright/test directly.
// The `page` fixture is a guard: the test FAILS if, while it ran,
//  - any request went anywhere but the page's own origin (data: and blob: allowed; file: only with allowFileUrls),
//  - a WebSocket was opened,
//  - the Content-Security-Policy refused something (securitypolicyviolation event or the browser's console report),
//  - the page threw an uncaught exception.
// The promise under test is "nothing leaves the browser"; this makes every spec check it.
import { test as base, expect } from '@playwright/test';

export { expect };

export interface NetworkLog {
  /** Every request URL seen, in order. */
  requests: string[];
  /** Requests to anything other than the page's own origin. */
  foreign: string[];
  cspViolations: string[];
  pageErrors: string[];
}

interface GuardOptions {
  /** Allow file: requests (the single-file build opened from disk). */
  allowFileUrls: boolean;
}

const CSP_MARK = '[csp-violation]';

export const test = base.extend<GuardOptions & { netLog: NetworkLog }>({
  allowFileUrls: [false, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  netLog: async ({}, use) => {
    await use({ requests: [], foreign: [], cspViolations: [], pageErrors: [] });
  },

  page: async ({ page, baseURL, allowFileUrls, netLog }, use) => {
    const ownOrigin = baseURL ? new URL(baseURL).origin : undefined;
    const isAllowed = (url: string): boolean => {
      const u = new URL(url);
      if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
      if (u.protocol === 'file:') return allowFileUrls;
      return ownOrigin !== undefined && u.origin === ownOrigin;
    };

    // The context sees requests from the page and from its workers.
    page.context().on('request', (req) => {
      const url = req.url();
      netLog.requests.push(url);
      if (!isAllowed(url)) netLog.foreign.push(`${req.method()} ${url}`);
    });
    page.on('websocket', (ws) => netLog.foreign.push(`WebSocket ${ws.url()}`));
    page.on('pageerror', (err) => netLog.pageErrors.push(err.message));
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith(CSP_MARK) || (msg.type() === 'error' && /Content[ -]Security[ -]Policy/i.test(text))) {
        netLog.cspViolations.push(text);
      }
    });
    await page.addInitScript((mark: string) => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`${mark} ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    }, CSP_MARK);

    await use(page);

    expect(netLog.foreign, 'requests that left the page (must be none)').toEqual([]);
    expect(netLog.cspViolations, 'Content-Security-Policy violations (must be none)').toEqual([]);
    expect(netLog.pageErrors, 'uncaught exceptions in the page (must be none)').toEqual([]);
  },
});
