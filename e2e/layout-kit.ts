// Layout checks shared by the specs that look at a page on a phone's width (414 px): service.spec.ts (the RA
// system's and the roles' screens) and ra-layout.spec.ts (#/ra).
import type { Page } from '@playwright/test';

/** How far the page scrolls sideways, in CSS px: 0 or less when it fits the viewport's width. */
export function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}
