/**
 * Gate: no broken internal link. Every href/src/permalink of every built page, and every
 * #fragment in them (passage ids, section, theme and entity anchors), resolves in dist/.
 */
import { expect, test } from '@playwright/test';
import { checkLinks } from '../gates/links';
import { builtPages } from '../gates/site';

test('every internal link and #fragment in the built site resolves to a file and an element', () => {
  const pages = builtPages();
  const report = checkLinks('dist');
  const listing = report.broken.map((b) => `${b.from}  ${b.where}  ${b.href}\n    → ${b.reason}`).join('\n');
  expect(report.checked, 'internal references checked').toBeGreaterThan(pages.length);
  expect(report.broken, `${report.broken.length} broken link(s) in ${pages.length} pages:\n${listing}`).toEqual([]);
});
