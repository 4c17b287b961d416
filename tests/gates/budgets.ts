/**
 * Byte budgets for a page's first load (gzip, 1 KB = 1,000 bytes), by page type. The gate
 * holds every sampled page of a type to its budget; the benchmark reports against them.
 */
import { kb, type FirstLoad, type ResourceKind } from './first-load';

export interface Budget {
  /** Everything the first load fetches: HTML, CSS, JS, fonts, images. */
  totalGzip: number;
  /** Per kind of resource. */
  kinds: Partial<Record<ResourceKind, number>>;
}

export const BUDGETS: Record<string, Budget> = {
  // The reading page is the one that has to be light: the targets.
  article: { totalGzip: 40_000, kinds: { js: 15_000 } },
};

export interface Overrun {
  what: string;
  actual: number;
  budget: number;
}

/** Every budget the load goes over, or [] when it fits. */
export function overruns(load: FirstLoad, budget: Budget): Overrun[] {
  const found: Overrun[] = [];
  if (load.total.gzip > budget.totalGzip) {
    found.push({ what: 'total', actual: load.total.gzip, budget: budget.totalGzip });
  }
  for (const [kind, limit] of Object.entries(budget.kinds) as [ResourceKind, number][]) {
    const actual = load.byKind[kind].gzip;
    if (actual > limit) found.push({ what: kind, actual, budget: limit });
  }
  return found;
}

export function describeOverrun(page: string, overrun: Overrun): string {
  const what = { total: 'the whole first load', js: 'JavaScript', css: 'CSS', html: 'HTML' }[overrun.what] ?? overrun.what;
  return `${page}: ${what} is ${kb(overrun.actual)} gzip, ${kb(overrun.actual - overrun.budget)} over its ${kb(overrun.budget)} budget`;
}
