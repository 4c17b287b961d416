/**
 * Gate: no broken internal link. Every href/src/permalink of every built page, and every
 * #fragment in them (passage ids, section, theme and entity anchors), resolves in dist/.
 */
import { expect, test } from '@playwright/test';
import { checkLinks, summarizeBrokenLinks } from '../gates/links';
import { builtPages } from '../gates/site';

test('every internal link and #fragment in the built site resolves to a file and an element', () => {
  const pages = builtPages();
  const report = checkLinks('dist');
  expect(report.checked, 'internal references checked').toBeGreaterThan(pages.length);
  const targets = new Set(report.broken.map((b) => b.reason)).size;
  expect(
    report.broken.length,
    `${report.broken.length} broken link(s) to ${targets} missing target(s), in ${pages.length} pages:\n${summarizeBrokenLinks(report.broken)}\n`,
  ).toBe(0);
});
