/**
 * Gate: accessibility. axe-core on the first pages of every page type found in dist/,
 * in light and dark colour schemes, 375 px and 1280 px wide: zero violations of any rule
 * axe runs by default (WCAG 2.x A/AA and best practices).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { builtPages, samplePages } from '../gates/site';

/**
 * Pages that redirect at once (share pages: <meta http-equiv="refresh" content="0; …">) are
 * checked as they are shown while redirecting, or for good to a reader whose browser does
 * not follow refreshes: the gate serves them without the refresh, so the check does not race it.
 */
const REFRESH = /<meta\s+http-equiv=["']?refresh["']?[^>]*>/i;

const pages = samplePages(builtPages());
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [375, 1280] as const;

for (const colorScheme of SCHEMES) {
  for (const width of WIDTHS) {
    test.describe(`${colorScheme}, ${width} px`, () => {
      test.use({ colorScheme, viewport: { width, height: 900 } });
      // axe walks every node: a long article or the compare page with five sources takes well
      // over the default 30 s on a busy 2-core machine (a guard against hangs, not a speed test)
      test.describe.configure({ timeout: 120_000 });

      for (const page of pages) {
        test(`${page.type} ${page.path} has no axe violations`, async ({ page: tab }) => {
          if (REFRESH.test(readFileSync(page.file, 'utf8'))) {
            await tab.route(`**${page.path}`, async (route) => {
              const response = await route.fetch();
              await route.fulfill({ response, body: (await response.text()).replace(REFRESH, '') });
            });
          }
          await tab.goto(page.path, { waitUntil: 'load' });
          const { violations } = await new AxeBuilder({ page: tab }).analyze();
          const listing = violations
            .map((v) => {
              const nodes = v.nodes
                .slice(0, 5)
                .map((n) => `    - ${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}`);
              const more = v.nodes.length > 5 ? [`    - … and ${v.nodes.length - 5} more`] : [];
              return [`  ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
            })
            .join('\n');
          expect(violations.map((v) => v.id), `axe on ${page.path} (${colorScheme}, ${width} px):\n${listing}\n`).toEqual([]);
        });
      }
    });
  }
}
