import { describe, expect, it } from 'vitest';
import type { FirstLoad } from '../gates/first-load';
import { checkTargets, formatReport, growthRows, textTable, type BenchReport } from '../../scripts/bench/report';
import type { SizeRun } from '../../scripts/bench/pipeline';

const bytes = (gzip: number, requests = 1) => ({ raw: gzip * 3, gzip, requests });
const load = (jsGzip: number, totalGzip: number): Omit<FirstLoad, 'url'> => ({
  resources: [],
  byKind: { html: bytes(0), css: bytes(0), js: bytes(jsGzip), font: bytes(0), image: bytes(0), other: bytes(0) },
  total: bytes(totalGzip, 5),
});
const run = (articles: number, ms: number, rss: number, out: number): Omit<SizeRun, 'dist'> => ({
  articles,
  synthetic: true,
  seed: '1',
  passages: articles * 30,
  words: articles * 1000,
  pages: articles * 31,
  stages: [
    { stage: 'normalise', wallMs: ms, peakRss: rss, outputBytes: out, outputFiles: articles },
    { stage: 'astro build', wallMs: ms * 2, peakRss: rss * 2, outputBytes: out * 10, outputFiles: articles * 31 },
  ],
  build: { wallMs: ms * 2, peakRss: rss * 2 },
});
const base = (overrides: Partial<BenchReport>): Omit<BenchReport, 'targets'> => ({
  version: 1,
  date: '2026-01-01T00:00:00.000Z',
  machine: { cpu: 'cpu', cores: 2, memoryGb: 4, os: 'linux', node: '24', chromium: 'Chromium', loadAverage: { start: 0, end: 0 } },
  seed: '1',
  sizes: [100, 1000],
  pipeline: [],
  growth: null,
  pages: null,
  search: [],
  lighthouse: null,
  errors: [],
  ...overrides,
});

describe('checkTargets', () => {
  it('should mark the article budgets met or missed from the measured first load', () => {
    const fits = checkTargets(base({ pages: [{ type: 'article', path: '/articles/a/', measured: 1, load: load(15_000, 40_000) }] }));
    expect(fits.slice(0, 2).map((t) => t.met)).toEqual([true, true]);
    const over = checkTargets(base({ pages: [{ type: 'article', path: '/articles/a/', measured: 1, load: load(15_001, 40_001) }] }));
    expect(over.slice(0, 2).map((t) => t.met)).toEqual([false, false]);
  });

  it('should check the 1,000-article build against 2 minutes and 4 GB, and say when it was not run', () => {
    const notRun = checkTargets(base({ pipeline: [run(100, 1000, 1e8, 1e6)] }));
    expect(notRun.at(-1)).toMatchObject({ met: null, actual: 'size 1000 not run' });
    const slow = checkTargets(base({ pipeline: [run(1000, 70_000, 1e9, 1e7)] }));
    expect(slow.at(-1)!.met).toBe(false); // 70 s + 140 s > 2 min
    const heavy = checkTargets(base({ pipeline: [run(1000, 10_000, 2.1e9, 1e7)] }));
    expect(heavy.at(-1)!.met).toBe(false); // 4.2 GB
    const fine = checkTargets(base({ pipeline: [run(1000, 10_000, 1e9, 1e7)] }));
    expect(fine.at(-1)!.met).toBe(true);
  });

  it('should miss the Lighthouse target when any category of any page type is under 100', () => {
    const lighthouse = [
      { type: 'home', path: '/', url: '', lcpMs: 1, tbtMs: 0, failing: [], scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 } },
      { type: 'article', path: '/a/', url: '', lcpMs: 1, tbtMs: 0, failing: [], scores: { performance: 100, accessibility: 96, 'best-practices': 100, seo: 100 } },
    ];
    const check = checkTargets(base({ lighthouse })).find((t) => t.target.startsWith('Lighthouse'))!;
    expect(check).toMatchObject({ met: false, actual: 'article accessibility 96' });
  });
});

describe('large notebook target', () => {
  const timing = (firstHighlightMs: number) => ({
    article: 'a',
    annotations: 10_000,
    onArticle: 3_000,
    firstHighlightMs,
    allAnchoredMs: firstHighlightMs * 3,
    drawn: 3_000,
    longestTaskMs: 100,
    blockingMs: 200,
    runs: [],
    stages: {},
    notebook: { listedMs: 500, linksCheckedMs: null },
  });
  const target = (report: Omit<BenchReport, 'targets'>) => checkTargets(report).find((t) => t.target.includes('annotations'))!;

  it('should be met when the first highlight is painted within a second, and say when it was not measured', () => {
    expect(target(base({ annotations: timing(999) })).met).toBe(true);
    expect(target(base({ annotations: timing(1000) })).met).toBe(false);
    expect(target(base({})).met).toBeNull();
    expect(target(base({ annotations: null })).actual).toBe('not measured');
  });
});

describe('growthRows', () => {
  it('should give the ratio of the last size to the one before, per stage', () => {
    const rows = growthRows([run(100, 1000, 1e8, 1e6), run(1000, 9000, 2e8, 1e7)])!;
    expect(rows[0]).toMatchObject({ stage: 'passages', output: 10 });
    expect(rows[1]).toMatchObject({ stage: 'normalise', time: 9, memory: 2, output: 10 });
  });
});

describe('formatReport', () => {
  it('should give each page type its bytes a file and its render time a page Astro rendered', () => {
    const sized = {
      ...run(100, 1000, 1e8, 1e6),
      dist: 'dist',
      // 101 files, of which Astro rendered 100 (the other is a data file it copied).
      pageTypes: [{ type: 'p', files: 101, bytes: 101 * 2048, renderMs: 250, rendered: 100 }],
    };
    const report = base({ pipeline: [sized] });
    const line = formatReport({ ...report, targets: checkTargets(report) })
      .split('\n')
      .find((l) => /^100\s+p\s/.test(l));
    expect(line?.split(/\s{2,}/).slice(-3)).toEqual(['2.0 KB', '250 ms', '2.5 ms']);
  });

  it('should say, per page type, how many pages the new article changed', () => {
    const rebuilt = {
      ...run(100, 1000, 1e8, 1e6),
      dist: 'dist',
      rebuild: {
        normaliseMs: 100,
        buildMs: 900,
        wallMs: 1000,
        peakRss: 1e8,
        changed: [{ type: 'article', pages: 100, changed: 25 }],
      },
    };
    const report = base({ pipeline: [rebuilt] });
    const text = formatReport({ ...report, targets: checkTargets(report) });
    expect(text).toContain('Pages the new article changed');
    const line = text.split('\n').find((l) => /^100 \+ 1\s+article\s/.test(l));
    expect(line?.split(/\s{2,}/)).toEqual(['100 + 1', 'article', '100', '25', '25 %']);
  });
});

describe('textTable', () => {
  it('should align columns and right-align numbers', () => {
    expect(textTable(['a', 'n'], [['x', '5'], ['long', '123']])).toBe('a     n\n────  ───\nx       5\nlong  123');
  });
});
