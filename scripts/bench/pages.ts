/**
 * What each page type weighs on first load, before the reader opens search: HTML, CSS,
 * JS, fonts and images, raw and gzip, and the request count. Of the pages the gates
 * sample for a type, the heaviest is reported.
 */
import type { Browser } from 'playwright-core';
import { measureFirstLoad, type FirstLoad } from '../../tests/gates/first-load';
import { BENCH_PAGE_TYPES } from '../../tests/gates/page-types';
import { builtPages, samplePages } from '../../tests/gates/site';

export interface PageWeight {
  type: string;
  /** Null when the site has no page of this type (yet). */
  path: string | null;
  load: FirstLoad | null;
  /** Pages of this type measured (the heaviest is `load`). */
  measured: number;
}

/** The types to report: the list, then any other type the site has (a share page counts with the article it redirects to). */
export function reportedTypes(dist: string): string[] {
  const found = [...new Set(builtPages(dist).map((p) => p.type))];
  return [...BENCH_PAGE_TYPES, ...found.filter((t) => !(BENCH_PAGE_TYPES as readonly string[]).includes(t))];
}

export async function measurePageWeights(browser: Browser, siteUrl: string, dist: string): Promise<PageWeight[]> {
  const samples = samplePages(builtPages(dist));
  const out: PageWeight[] = [];
  for (const type of reportedTypes(dist)) {
    const pages = samples.filter((p) => p.type === type);
    let heaviest: { path: string; load: FirstLoad } | null = null;
    for (const page of pages) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const load = await measureFirstLoad(context, new URL(page.path, siteUrl).href);
        if (!heaviest || load.total.gzip > heaviest.load.total.gzip) heaviest = { path: page.path, load };
      } finally {
        await context.close();
      }
    }
    out.push({ type, path: heaviest?.path ?? null, load: heaviest?.load ?? null, measured: pages.length });
  }
  return out;
}
