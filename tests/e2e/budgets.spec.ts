/**
 * Gate: byte budgets. Every page of a type that has a budget (tests/gates/budgets.ts) is
 * loaded fresh, without opening search; its gzip bytes must fit. Sizes, never timings.
 */
import { expect, test } from '@playwright/test';
import { BUDGETS, describeOverrun, overruns } from '../gates/budgets';
import { kb, measureFirstLoad } from '../gates/first-load';
import { builtPages } from '../gates/site';

const budgeted = builtPages().filter((page) => BUDGETS[page.type]);

test('at least one page of every budgeted type is built', () => {
  const types = new Set(budgeted.map((p) => p.type));
  expect([...types].sort()).toEqual(Object.keys(BUDGETS).sort());
});

for (const page of budgeted) {
  test(`${page.type} ${page.path} fits its first-load byte budget`, async ({ context, baseURL }) => {
    const load = await measureFirstLoad(context, new URL(page.path, baseURL).href);
    const found = overruns(load, BUDGETS[page.type]!);
    const breakdown = Object.entries(load.byKind)
      .filter(([, b]) => b.requests)
      .map(([kind, b]) => `${kind} ${kb(b.gzip)} (${b.requests})`)
      .join(', ');
    expect(found.map((o) => describeOverrun(page.path, o)), `first load: ${kb(load.total.gzip)} gzip — ${breakdown}`).toEqual([]);
  });
}
