/**
 * Scores the automatic theme tagging (content/themes.yaml, WITHOUT the editor's overrides)
 * against the hand-labelled passages in tests/fixtures/themes/*.yaml, and prints precision,
 * recall and F1 per theme and micro-averaged.
 *
 * Usage: npm run eval:themes [-- --explain]   (--explain lists each disagreement and its hits)
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { readThemes, THEMES_FILE } from '../src/corpus/analysis-data';
import { readArticlesFromDisk } from '../src/corpus/read-articles';
import { autoTagPassages, scorePassages, scoreTagging } from '../src/corpus/themes';

const LABELS_DIR = 'tests/fixtures/themes';
const labelFileSchema = z.strictObject({
  article: z.string(),
  labels: z.record(z.string(), z.array(z.string())),
});

const themes = readThemes();
const themeIds = themes.themes.map((t) => t.id);
const articles = readArticlesFromDisk();
const passages = articles.flatMap((a) => a.passages);
const passageById = new Map(passages.map((p) => [p.id, p]));

const gold = new Map<string, string[]>();
const labelledArticles: string[] = [];
for (const name of readdirSync(LABELS_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
  const file = `${LABELS_DIR}/${name}`;
  const data = labelFileSchema.parse(parse(readFileSync(file, 'utf8')));
  const article = articles.find((a) => a.slug === data.article);
  if (!article) throw new Error(`${file}: no article "${data.article}" in content/articles/`);
  for (const [id, labels] of Object.entries(data.labels)) {
    if (!passageById.has(id)) throw new Error(`${file}: passage ${id} no longer exists; relabel the article`);
    const unknown = labels.find((t) => !themeIds.includes(t));
    if (unknown) throw new Error(`${file}: passage ${id}: unknown theme "${unknown}"`);
    gold.set(id, labels);
  }
  const missing = article.passages.filter((p) => !(p.id in data.labels));
  if (missing.length) throw new Error(`${file}: ${missing.length} passage(s) not labelled, e.g. ${missing[0]!.id}`);
  labelledArticles.push(`${data.article} (${article.passages.length})`);
}

const predicted = autoTagPassages(passages, themes);
const scores = scoreTagging(predicted, gold, themeIds);

const pct = (x: number) => x.toFixed(2);
const pct3 = (x: number) => x.toFixed(3);
console.log(`[eval:themes] ${gold.size} labelled passages: ${labelledArticles.join(', ')}`);
console.log(`[eval:themes] rules: ${THEMES_FILE}, without overrides\n`);
console.log(`${'theme'.padEnd(30)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   tp  fp  fn`);
for (const t of scores.perTheme) {
  console.log(
    `${t.themeId.padEnd(30)} ${pct(t.precision).padStart(5)} ${pct(t.recall).padStart(5)} ${pct(t.f1).padStart(5)}` +
      `  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}`,
  );
}
const m = scores.micro;
console.log(
  `${'micro'.padEnd(30)} ${pct(m.precision).padStart(5)} ${pct(m.recall).padStart(5)} ${pct(m.f1).padStart(5)}` +
    `  ${String(m.tp).padStart(3)} ${String(m.fp).padStart(3)} ${String(m.fn).padStart(3)}`,
);
const weakest = [...scores.perTheme].sort((a, b) => a.f1 - b.f1)[0]!;
console.log(`\nmicro-F1 ${pct3(m.f1)} (P ${pct3(m.precision)}, R ${pct3(m.recall)}); lowest theme F1: ${weakest.themeId} ${pct(weakest.f1)}`);

if (process.argv.includes('--explain')) {
  const detailed = scorePassages(passages, themes);
  for (const [id, wanted] of gold) {
    const got = predicted.get(id) ?? [];
    const wrong = [
      ...got.filter((t) => !wanted.includes(t)).map((t) => ['false +', t] as const),
      ...wanted.filter((t) => !got.includes(t)).map((t) => ['missed ', t] as const),
    ];
    if (wrong.length === 0) continue;
    const passage = passageById.get(id)!;
    const detail = detailed.get(id)!;
    console.log(`\n${id}  ${passage.text.slice(0, 100)}…`);
    for (const [kind, themeId] of wrong) {
      const s = detail.find((d) => d.themeId === themeId)!;
      const hits = s.hits.map((h) => `${h.phrase}${h.count > 1 ? ` ×${h.count}` : ''} (${h.weight})`).join(', ');
      const context = s.fromContext ? ` + context ${s.fromContext}` : '';
      console.log(`  ${kind} ${themeId}: ${s.score}/${s.threshold}${hits ? ` — ${hits}` : ''}${context}`);
    }
  }
}
