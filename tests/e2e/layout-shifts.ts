import type { Page } from '@playwright/test';

export interface LayoutShifts {
  /** Shifts from the moment the document was parsed, when module scripts run. */
  scripted: { value: number; nodes: string }[];
  /** The page's cumulative layout shift, including what the browser paints while still parsing. */
  total: number;
}

/**
 * The layout shifts of a page's load (Chromium's layout-shift entries), read once `ready()`
 * says the page's scripts have done their work. The static server sends a long page in
 * several chunks, so the browser paints it part-parsed, as it does on a slow network.
 */
export async function layoutShifts(page: Page, path: string, ready: () => Promise<void>): Promise<LayoutShifts> {
  await page.addInitScript(() => {
    const seen: { at: number; value: number; nodes: string }[] = [];
    (window as unknown as { shifts: typeof seen }).shifts = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { startTime: number; value: number; sources: { node?: Node }[] }[]) {
        const nodes = entry.sources.map((s) => (s.node instanceof Element ? s.node.className : s.node?.nodeName)).join(', ');
        seen.push({ at: entry.startTime, value: entry.value, nodes });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await ready();
  return page.evaluate(() => {
    const shifts = (window as unknown as { shifts: { at: number; value: number; nodes: string }[] }).shifts;
    const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
    return {
      scripted: shifts.filter((s) => s.at >= parsed).map((s) => ({ value: s.value, nodes: s.nodes })),
      total: shifts.reduce((sum, s) => sum + s.value, 0),
    };
  });
}
