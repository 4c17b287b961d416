/**
 * Lighthouse (the `lighthouse` package) against the machine's Chromium, one page per page
 * type: the four category scores, 0–100. Lighthouse's defaults: a mobile device with
 * simulated throttling. One Chromium for all runs; each run loads its page afresh.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from '../../tests/browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  url: string;
  scores: Record<Category, number | null>;
  /** Largest Contentful Paint and Total Blocking Time as Lighthouse simulated them, ms. */
  lcpMs: number | null;
  tbtMs: number | null;
  /** Audits that failed in categories scoring under 100: id and title, for the report. */
  failing: { category: Category; id: string; title: string }[];
}

export async function runLighthouse(urls: string[]): Promise<LighthouseResult[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    handleSIGINT: false,
  });
  const results: LighthouseResult[] = [];
  try {
    for (const url of urls) {
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = run;
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)]),
      ) as Record<Category, number | null>;
      const failing = CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id]!)
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => ({ category, id: audit.id, title: audit.title })),
      );
      results.push({
        url,
        scores,
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
        failing,
      });
    }
  } finally {
    chrome.kill();
  }
  return results;
}
