/**
 * The benchmark's report: the same figures as aligned text tables (printed), JSON (for
 * tools and history) and a short Markdown table (for the README). Pure formatting.
 */
import { formatLargeNotebook, LARGE_NOTEBOOK, type LargeNotebookTiming } from './annotations';
import type { PageWeight } from './pages';
import type { ChangedPages, SizeRun, StageName } from './pipeline';
import type { SearchTiming } from './search';
import { CATEGORIES, type LighthouseResult } from './lighthouse';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the bench started and ended: timings on a busy machine are slower. */
  loadAverage: { start: number; end: number };
}

export interface TargetCheck {
  target: string;
  actual: string;
  /** null when it could not be measured in this run. */
  met: boolean | null;
}

export interface BenchReport {
  version: 1;
  date: string;
  machine: Machine;
  seed: string;
  sizes: number[];
  pipeline: Omit<SizeRun, 'dist'>[];
  /** Per stage: the ratio of the largest size to the one before it (e.g. 1,000 / 100). */
  growth: GrowthRow[] | null;
  pages: (Omit<PageWeight, 'load'> & { load: Omit<NonNullable<PageWeight['load']>, 'url'> | null })[] | null;
  search: { articles: number; timing: SearchTiming }[];
  lighthouse: ({ type: string; path: string } & LighthouseResult)[] | null;
  /** An article page and the notebook with 10,000 annotations (absent from reports made before it was measured). */
  annotations?: LargeNotebookTiming | null;
  /** Measurements that failed (the rest of the report stands). */
  errors: string[];
  targets: TargetCheck[];
}

export interface GrowthRow {
  /** A stage, `passages` (the yardstick), or `page type: <type>` (time = render time). */
  stage: StageName | 'passages' | `page type: ${string}`;
  from: number;
  to: number;
  time: number | null;
  memory: number | null;
  output: number | null;
}

export const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1000).toFixed(1)} KB`);
/** Bytes in the unit that reads best: KB under a megabyte, MB above. */
export const mb = (bytes: number | null) =>
  bytes === null ? '—' : bytes < 1e6 ? kb(bytes) : `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
export const seconds = (ms: number | null) => {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const whole = Math.round(ms / 1000);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
};
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? Math.round((b / a) * 100) / 100 : null);
const times = (r: number | null) => (r === null ? '—' : `×${r.toFixed(2)}`);

/** Aligned columns; numbers (and dashes) right-aligned. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (cell: string) => /^(?:[-—×~≤]|\d)/.test(cell);
  const line = (cells: string[]) =>
    cells.map((c, i) => (i > 0 && numeric(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

export function growthRows(runs: Omit<SizeRun, 'dist'>[]): GrowthRow[] | null {
  if (runs.length < 2) return null;
  const [a, b] = runs.slice(-2) as [Omit<SizeRun, 'dist'>, Omit<SizeRun, 'dist'>];
  const rows: GrowthRow[] = [
    { stage: 'passages', from: a.articles, to: b.articles, time: null, memory: null, output: ratio(a.passages, b.passages) },
  ];
  for (const stage of b.stages) {
    const before = a.stages.find((s) => s.stage === stage.stage);
    rows.push({
      stage: stage.stage,
      from: a.articles,
      to: b.articles,
      time: ratio(before?.wallMs, stage.wallMs),
      memory: ratio(before?.peakRss, stage.peakRss),
      output: ratio(before?.outputBytes, stage.outputBytes),
    });
  }
  for (const type of b.pageTypes ?? []) {
    const before = a.pageTypes?.find((t) => t.type === type.type);
    rows.push({
      stage: `page type: ${type.type}`,
      from: a.articles,
      to: b.articles,
      time: ratio(before?.renderMs, type.renderMs),
      memory: null,
      output: ratio(before?.bytes, type.bytes),
    });
  }
  return rows;
}

/** How much faster than the passages a stage's time may grow and still count as linear. */
export const LINEAR_SLACK = 1.3;

/**
 * What it takes to go from raw sources to a site: `npm run normalize` then `npm run build`
 * (Astro with the Pagefind step). The tagging & links stage is timed on its own to show its
 * share, but the build runs it again inside (src/corpus/model.ts), so it is not added.
 * A run stopped early counts what it spent until then.
 */
export const pipelineTotal = (run: Omit<SizeRun, 'dist'>) => {
  const stage = (name: string) => run.stages.find((s) => s.stage === name)?.wallMs ?? 0;
  const build = run.incomplete ? stage('astro build') : run.build.wallMs;
  return stage('normalise') + build;
};
export const pipelinePeak = (run: Omit<SizeRun, 'dist'>) =>
  Math.max(
    run.build.peakRss ?? 0,
    ...run.stages.filter((s) => s.stage !== 'tagging & links').map((s) => s.peakRss ?? 0),
  );

export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const article = report.pages?.find((p) => p.type === 'article')?.load;
  checks.push({
    target: 'article page first load ≤ 40 KB gzip',
    actual: article ? kb(article.total.gzip) : 'not measured',
    met: article ? article.total.gzip <= 40_000 : null,
  });
  checks.push({
    target: 'article page JavaScript ≤ 15 KB gzip',
    actual: article ? kb(article.byKind.js.gzip) : 'not measured',
    met: article ? article.byKind.js.gzip <= 15_000 : null,
  });
  if (report.lighthouse) {
    const below = report.lighthouse.flatMap((r) =>
      CATEGORIES.filter((c) => r.scores[c] !== 100).map((c) => `${r.type} ${c} ${r.scores[c] ?? '—'}`),
    );
    checks.push({
      target: 'Lighthouse 100 in all four categories on every page type',
      actual: below.length ? below.join('; ') : 'all 100',
      met: below.length === 0,
    });
  } else {
    checks.push({ target: 'Lighthouse 100 in all four categories on every page type', actual: 'not measured', met: null });
  }
  const notebookTarget = `an article with ${LARGE_NOTEBOOK.onOneArticle.toLocaleString('en')} annotations: first highlight painted < 1 s`;
  if (report.annotations) {
    const a = report.annotations;
    checks.push({ target: notebookTarget, actual: `${seconds(a.firstHighlightMs)} (all drawn ${seconds(a.allAnchoredMs)})`, met: a.firstHighlightMs < 1000 });
  } else {
    checks.push({ target: notebookTarget, actual: 'not measured', met: null });
  }
  for (const { articles, timing } of report.search) {
    checks.push({
      target: `warm search ≤ 50 ms to results painted, a word typed (${articles} articles)`,
      actual: `median ${seconds(timing.typedMedianMs)} after the last letter, worst ${seconds(timing.typedMaxMs)}`,
      met: timing.typedMedianMs <= 50,
    });
    checks.push({
      target: `warm search ≤ 50 ms to results painted, a word pasted whole (${articles} articles)`,
      actual: `median ${seconds(timing.warmMedianMs)}, worst ${seconds(timing.warmMaxMs)}`,
      met: timing.warmMedianMs <= 50,
    });
    checks.push({
      target: `first (cold) search < 300 KB fetched until its results are painted, compressed as a host sends text (${articles} articles)`,
      actual: `${kb(timing.firstSearchBytes.gzip)} (${kb(timing.firstSearchBytes.raw)} uncompressed)`,
      met: timing.firstSearchBytes.gzip < 300_000,
    });
  }
  const thousandTarget = '1,000 articles: normalise + build < 2 min within 4 GB';
  const thousand = report.pipeline.find((r) => r.articles === 1000);
  if (thousand?.incomplete) {
    checks.push({ target: thousandTarget, actual: thousand.incomplete.split('\n')[0]!, met: false });
  } else if (thousand) {
    const total = pipelineTotal(thousand);
    const peak = pipelinePeak(thousand);
    checks.push({ target: thousandTarget, actual: `${seconds(total)}, peak ${mb(peak)}`, met: total < 120_000 && peak < 4e9 });
  } else {
    checks.push({ target: thousandTarget, actual: 'size 1000 not run', met: null });
  }
  const growth = report.growth;
  const passagesRatio = growth?.find((g) => g.stage === 'passages')?.output ?? null;
  if (growth && passagesRatio) {
    const limit = passagesRatio * LINEAR_SLACK;
    const stages = growth.filter((g) => g.stage !== 'passages' && !g.stage.startsWith('page type') && g.time !== null);
    const over = stages.filter((g) => g.time! > limit);
    checks.push({
      target: `every stage's ${growth[0]!.to}/${growth[0]!.from} time ratio ≤ ${LINEAR_SLACK} × passages ratio (≤ ×${limit.toFixed(1)})`,
      actual: stages.map((g) => `${g.stage} ×${g.time!.toFixed(1)}`).join(', '),
      met: over.length === 0,
    });
    const [a, b] = report.pipeline.filter((r) => !r.incomplete).slice(-2);
    const perPassage = (r: typeof a) => (r!.stages.find((s) => s.stage === 'astro build')?.outputBytes ?? 0) / r!.passages;
    if (a && b) {
      checks.push({
        target: `site bytes per passage no larger at ${b.articles} than at ${a.articles} articles`,
        actual: `${kb(perPassage(a))} → ${kb(perPassage(b))}`,
        met: perPassage(b) <= perPassage(a),
      });
    }
  }
  for (const run of report.pipeline) {
    if (!run.rebuild) continue;
    const target = `add one article to ${run.articles} and rebuild < 25 % of the full build`;
    if ('failed' in run.rebuild) {
      checks.push({ target, actual: `failed: ${run.rebuild.failed}`, met: false });
      continue;
    }
    const share = run.rebuild.wallMs / pipelineTotal(run);
    checks.push({ target, actual: `${seconds(run.rebuild.wallMs)} = ${Math.round(share * 100)} % of ${seconds(pipelineTotal(run))}`, met: share < 0.25 });
  }
  return checks;
}

/** The report as text: every table the bench prints. */
export function formatReport(report: BenchReport): string {
  const parts: string[] = [];
  const m = report.machine;
  parts.push(
    `Dossier benchmark — ${report.date}\n${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}; Node ${m.node}; ${m.chromium}\n` +
      `Load average (1 min) at start / end: ${m.loadAverage.start.toFixed(2)} / ${m.loadAverage.end.toFixed(2)} on ${m.cores} cores.\n` +
      `Synthetic corpora: seed ${report.seed}.`,
  );

  const pipelineRows = report.pipeline.flatMap((run) => [
    ...run.stages.map((s) => [
      `${run.articles}${run.synthetic ? '' : ' (real)'}`,
      s.stage,
      seconds(s.wallMs),
      mb(s.peakRss),
      mb(s.outputBytes),
      s.outputFiles === null ? '—' : String(s.outputFiles),
    ]),
    [`${run.articles}`, 'normalise + build', seconds(pipelineTotal(run)), mb(pipelinePeak(run)), '', ''],
  ]);
  const corpora = report.pipeline
    .map((run) => `${run.articles} articles: ${run.passages} passages, ${run.words} words, ${run.pages} pages`)
    .join('; ');
  const notes = [
    '  "tagging & links" is timed on its own; `astro build` runs it again inside, so "normalise + build" does not add it.',
    ...report.pipeline.flatMap((run) => [
      ...run.stages.filter((s) => s.note).map((s) => `  ${run.articles} · ${s.stage}: ${s.note}`),
      ...(run.incomplete ? [`  ${run.articles}: ${run.incomplete}`] : []),
    ]),
  ];
  parts.push(
    `Pipeline (${corpora})\n${textTable(['articles', 'stage', 'wall', 'peak RSS', 'output', 'files'], pipelineRows)}` +
      (notes.length ? `\nNotes:\n${notes.join('\n')}` : ''),
  );

  const typed = report.pipeline.filter((run) => run.pageTypes?.length);
  if (typed.length) {
    const rows = typed.flatMap((run) =>
      run.pageTypes!.map((t) => [
        String(run.articles),
        t.type,
        String(t.files),
        mb(t.bytes),
        `${Math.round(t.bytes / run.passages)} B`,
        `${(t.bytes / t.files / 1024).toFixed(1)} KB`,
        seconds(t.renderMs),
        t.renderMs !== null && t.rendered ? `${(t.renderMs / t.rendered).toFixed(1)} ms` : '—',
      ]),
    );
    parts.push(
      `Built site per page type\n${textTable(['articles', 'type', 'files', 'bytes', 'per passage', 'per file', 'render (Astro)', 'per page'], rows)}`,
    );
  }
  const rebuilds = report.pipeline.filter((run) => run.rebuild);
  if (rebuilds.length) {
    parts.push(
      `Add one article and rebuild (caches from the full build)\n` +
        textTable(
          ['articles', 'normalise', 'build', 'total', 'share of full', 'peak RSS', 'analysis'],
          rebuilds.map((run) => {
            const r = run.rebuild!;
            if ('failed' in r) return [String(run.articles), 'failed', r.failed, '', '', '', ''];
            return [
              `${run.articles} + 1`,
              seconds(r.normaliseMs),
              seconds(r.buildMs),
              seconds(r.wallMs),
              `${Math.round((r.wallMs / pipelineTotal(run)) * 100)} %`,
              mb(r.peakRss),
              r.cacheNote ?? '—',
            ];
          }),
        ),
    );
    const changed = rebuilds.flatMap((run) => {
      const r = run.rebuild!;
      return 'failed' in r || !r.changed ? [] : r.changed.map((row) => [`${run.articles} + 1`, row.type, String(row.pages), String(row.changed), `${Math.round((row.changed / row.pages) * 100)} %`]);
    });
    if (changed.length) {
      parts.push(
        `Pages the new article changed (of the pages both builds have: what an incremental render would still redo)\n` +
          textTable(['articles', 'type', 'pages', 'changed', 'share'], changed),
      );
    }
  }

  if (report.growth) {
    const g = report.growth;
    const passages = g.find((r) => r.stage === 'passages')?.output ?? null;
    // Time growth over passages growth: 1 is linear, above LINEAR_SLACK is the issue's "superlinear".
    const perPassage = (r: GrowthRow) => (r.stage === 'passages' || r.time === null || !passages ? null : r.time / passages);
    const verdict = (r: GrowthRow) => {
      const x = perPassage(r);
      return x === null ? '' : x <= LINEAR_SLACK ? 'linear' : 'SUPERLINEAR';
    };
    parts.push(
      `Growth ${g[0]!.to} / ${g[0]!.from} articles: each stage's ratio next to the passages' ×${passages?.toFixed(2) ?? '—'} ` +
        `(page types: render time and bytes; "÷ passages" over ${LINEAR_SLACK} is superlinear)\n` +
        textTable(
          ['stage', 'time', 'time ÷ passages', 'memory', 'output', ''],
          g.map((r) => [r.stage, times(r.time), times(perPassage(r)), times(r.memory), times(r.output), verdict(r)]),
        ),
    );
  }

  if (report.pages) {
    const rows = report.pages.map((p) => {
      if (!p.load) return [p.type, 'not built yet', '', '', '', '', '', '', ''];
      const k = p.load.byKind;
      const cell = (b: { raw: number; gzip: number }) => `${kb(b.gzip)} / ${kb(b.raw)}`;
      return [
        p.type,
        p.path!,
        cell(k.html),
        cell(k.css),
        cell(k.js),
        cell(k.font),
        cell(k.image),
        cell(p.load.total),
        String(p.load.total.requests),
      ];
    });
    parts.push(
      `First load per page type, before search (gzip / raw; heaviest sampled page)\n` +
        textTable(['type', 'page', 'HTML', 'CSS', 'JS', 'fonts', 'images', 'total', 'requests'], rows),
    );
  }

  if (report.search.length) {
    parts.push(
      `Search in headless Chromium (query entered → results painted)\n` +
        textTable(
          [
            'articles',
            'cold (median)',
            'warm, whole word: median',
            'worst',
            'its counts',
            'warm, typed: median',
            'worst',
            'whole, a theme ticked: median',
            'its counts',
            'requests per warm query',
            'first search fetched (gzip / raw)',
            'requests',
          ],
          report.search.map(({ articles, timing: t }) => [
            String(articles),
            seconds(t.coldMs),
            seconds(t.warmMedianMs),
            seconds(t.warmMaxMs),
            t.countsMedianMs === undefined ? '—' : seconds(t.countsMedianMs),
            seconds(t.typedMedianMs),
            seconds(t.typedMaxMs),
            t.facetedMedianMs === undefined ? '—' : seconds(t.facetedMedianMs),
            t.facetedCountsMedianMs === undefined ? '—' : seconds(t.facetedCountsMedianMs),
            String(t.warmRequestsMedian),
            `${kb(t.firstSearchBytes.gzip)} / ${kb(t.firstSearchBytes.raw)}`,
            String(t.firstSearchBytes.requests),
          ]),
        ),
    );
  }

  if (report.lighthouse) {
    parts.push(
      `Lighthouse (mobile, simulated throttling)\n` +
        textTable(
          ['type', 'page', ...CATEGORIES, 'LCP', 'TBT'],
          report.lighthouse.map((r) => [
            r.type,
            r.path,
            ...CATEGORIES.map((c) => String(r.scores[c] ?? '—')),
            seconds(r.lcpMs),
            seconds(r.tbtMs),
          ]),
        ),
    );
    const failing = report.lighthouse.flatMap((r) => r.failing.map((f) => `  ${r.type} · ${f.category}: ${f.title} (${f.id})`));
    if (failing.length) parts.push(`Lighthouse audits not passed:\n${failing.join('\n')}`);
  }

  if (report.annotations) parts.push(formatLargeNotebook(report.annotations));

  if (report.errors.length) parts.push(`Measurements that failed:\n${report.errors.map((e) => `  ${e}`).join('\n')}`);
  const noResults = report.search.filter((s) => s.timing.coldResults === 0 || s.timing.warmRuns.some((r) => r.results === 0));
  for (const { articles, timing } of noResults) {
    const empty = [...(timing.coldResults === 0 ? ['(cold query)'] : []), ...timing.warmRuns.filter((r) => !r.results).map((r) => r.query)];
    parts.push(`Note: at ${articles} articles these queries found nothing, so their times are of "no results": ${empty.join(', ')}`);
  }
  parts.push(
    `Targets\n${textTable(
      ['target', 'measured', 'met'],
      report.targets.map((t) => [t.target, t.actual, t.met === null ? '—' : t.met ? 'yes' : 'NO']),
    )}`,
  );
  return parts.join('\n\n');
}

/** The README's short table: the headline figures with the date and machine. */
export function readmeTable(report: BenchReport): string {
  const rows: string[][] = [];
  for (const run of report.pipeline) {
    rows.push([
      `Normalise + build, ${run.articles} articles (${run.passages.toLocaleString('en')} passages)${run.synthetic ? '' : ', the real dossier'}`,
      `${seconds(pipelineTotal(run))}, peak ${mb(pipelinePeak(run))}`,
      run.articles === 1000 ? '< 2 min, < 4 GB' : '',
    ]);
  }
  for (const run of report.pipeline) {
    if (run.rebuild && !('failed' in run.rebuild)) {
      rows.push([
        `Add one article to ${run.articles} and rebuild`,
        `${seconds(run.rebuild.wallMs)} (${Math.round((run.rebuild.wallMs / pipelineTotal(run)) * 100)} % of the full build)`,
        '< 25 %',
      ]);
      const changed = run.rebuild.changed;
      if (changed?.length) {
        // Share pages ('passage') apart: they are many, cheap, and written by the build, not rendered by Astro.
        const sum = (rows: ChangedPages[]) => [rows.reduce((n, row) => n + row.pages, 0), rows.reduce((n, row) => n + row.changed, 0)] as const;
        const [pages, differ] = sum(changed.filter((row) => row.type !== 'passage'));
        const [shares, sharesDiffer] = sum(changed.filter((row) => row.type === 'passage'));
        rows.push([
          `… the pages it changed, of those both builds have`,
          `${differ.toLocaleString('en')} of ${pages.toLocaleString('en')}; share pages ${sharesDiffer.toLocaleString('en')} of ${shares.toLocaleString('en')}`,
          '',
        ]);
      }
    }
  }
  const article = report.pages?.find((p) => p.type === 'article');
  if (article?.load) {
    rows.push(['Article page, first load (gzip)', `${kb(article.load.total.gzip)} (JS ${kb(article.load.byKind.js.gzip)})`, '≤ 40 KB (JS ≤ 15 KB)']);
  }
  for (const { articles, timing } of report.search) {
    rows.push([
      `Search, ${articles} articles: cold / warm, typed / warm, whole word`,
      `${seconds(timing.coldMs)} / ${seconds(timing.typedMedianMs)} / ${seconds(timing.warmMedianMs)}`,
      'warm ≤ 50 ms',
    ]);
  }
  if (report.annotations) {
    const a = report.annotations;
    rows.push([
      `Article with ${a.onArticle.toLocaleString('en')} of ${a.annotations.toLocaleString('en')} annotations: first highlight / all drawn`,
      `${seconds(a.firstHighlightMs)} / ${seconds(a.allAnchoredMs)} (longest task ${seconds(a.longestTaskMs)})`,
      'first < 1 s',
    ]);
    rows.push(['Notebook with them: list drawn / quote links checked', `${seconds(a.notebook.listedMs)} / ${seconds(a.notebook.linksCheckedMs)}`, '']);
  }
  if (report.lighthouse) {
    const min = (c: (typeof CATEGORIES)[number]) => report.lighthouse!.reduce((low, r) => Math.min(low, r.scores[c] ?? 0), 100);
    rows.push(['Lighthouse, lowest over page types (perf / a11y / BP / SEO)', CATEGORIES.map(min).join(' / '), '100 each']);
  }
  const m = report.machine;
  return (
    `Latest figures (${report.date.slice(0, 10)}, ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, load ${m.loadAverage.start.toFixed(1)}–${m.loadAverage.end.toFixed(1)}; \`npm run bench\`):\n\n` +
    markdownTable(['measure', 'result', 'target'], rows)
  );
}
