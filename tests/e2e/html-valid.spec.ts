/**
 * Gate: every generated page is valid HTML for the Nu Html Checker (errors only;
 * warnings are advice). All pages go to ONE vnu call: the JVM start is the slow part.
 */
import { expect, test } from '@playwright/test';
import { builtPages } from '../gates/site';
import { summarizeVnu, validateHtml } from '../gates/vnu';

test('every built page is valid HTML (Nu Html Checker: zero errors)', () => {
  test.setTimeout(120_000);
  const pages = builtPages();
  const messages = validateHtml(pages.map((p) => p.file));
  const pagesWithErrors = new Set(messages.map((m) => m.url)).size;
  expect(
    messages.length,
    `${messages.length} error(s) in ${pagesWithErrors} of ${pages.length} pages:\n${summarizeVnu(messages)}\n`,
  ).toBe(0);
});
