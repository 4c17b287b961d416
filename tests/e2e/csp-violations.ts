import type { Page } from '@playwright/test';

/**
 * Collects what the page reports as Content-Security-Policy violations (and uncaught
 * errors) from now on; the returned array fills as the page runs.
 */
export function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/content security policy|refused to/i.test(msg.text())) violations.push(msg.text());
  });
  page.on('pageerror', (error) => violations.push(String(error)));
  return violations;
}
