/**
 * Scores the automatic theme tagging (content/themes.yaml, WITHOUT the editor's overrides)
 * against the hand-labelled passages in tests/fixtures/themes/*.yaml, per theme and
 * micro-averaged, twice:
 *   training  the rules and calibration as in the file, scored on the labels they were tuned with;
 *   held-out  leave-one-article-out: the calibration (context, decision) fitted on four articles,
 *             the fifth tagged with it (scripts/lib/theme-eval.ts).
 * Then the learned layers' held-out scores (logistic regression on the rule scores, and on those
 * plus a bag of word stems), for comparison, and which themes are confused for which.
 *
 * Usage: npm run eval:themes [-- --explain]
 *   --explain lists each held-out disagreement with its hits, under the calibration its fold used
 *   (the training disagreements are these, less those a fold's calibration caused).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { readThemes, THEMES_FILE } from '../src/corpus/analysis-data';
import { readArticlesFromDisk } from '../src/corpus/read-articles';
import { autoTagPassages, scoreTagging, type TaggingScores } from '../src/corpus/themes';
import { confusion, fitCalibration, learnedHeldOut, rulesHeldOut, type HeldOutFold } from './lib/theme-eval';

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
const training = scoreTagging(predicted, gold, themeIds);
const folds: HeldOutFold[] = [];
const heldOutTags = rulesHeldOut(passages, gold, themes, undefined, folds);
const heldOut = scoreTagging(heldOutTags, gold, themeIds);
const learned = scoreTagging(learnedHeldOut(passages, gold, themes), gold, themeIds);
const learnedStems = scoreTagging(learnedHeldOut(passages, gold, themes, { stems: true }), gold, themeIds);

const f2 = (x: number) => x.toFixed(2);
const f3 = (x: number) => x.toFixed(3);
const prf = (t: { precision: number; recall: number; f1: number }) =>
  `${f2(t.precision).padStart(5)} ${f2(t.recall).padStart(5)} ${f2(t.f1).padStart(5)}`;
console.log(`[eval:themes] ${gold.size} labelled passages: ${labelledArticles.join(', ')}`);
console.log(`[eval:themes] rules: ${THEMES_FILE}, without overrides`);
const fitted = fitCalibration(passages, gold, themes);
console.log(
  `[eval:themes] calibration in the file: context ${JSON.stringify(themes.context)}, decision ${JSON.stringify(themes.decision)}` +
    `; best on all five: context ${JSON.stringify(fitted.context)}, decision ${JSON.stringify(fitted.decision)}`,
);
for (const f of folds) {
  console.log(`[eval:themes]   held out ${f.article.padEnd(26)} fitted on the others: context ${JSON.stringify(f.calibration.context)}, decision ${JSON.stringify(f.calibration.decision)}`);
}
console.log('');
console.log(`${''.padEnd(30)} ${'training'.padEnd(17)}   ${'held-out (leave one article out)'.padEnd(36)} learned F1, held-out`);
console.log(`${'theme'.padEnd(30)} ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   ${'P'.padStart(5)} ${'R'.padStart(5)} ${'F1'.padStart(5)}   tp  fp  fn    rules +stems`);
type Micro = TaggingScores['micro'];
const row = (name: string, t: Micro, h: Micro, l: Micro, ls: Micro) =>
  console.log(
    `${name.padEnd(30)} ${prf(t)}   ${prf(h)}  ${String(h.tp).padStart(3)} ${String(h.fp).padStart(3)} ${String(h.fn).padStart(3)}    ${f2(l.f1).padStart(5)}  ${f2(ls.f1).padStart(5)}`,
  );
training.perTheme.forEach((t, i) => row(t.themeId, t, heldOut.perTheme[i]!, learned.perTheme[i]!, learnedStems.perTheme[i]!));
row('micro', training.micro, heldOut.micro, learned.micro, learnedStems.micro);

const weakest = (s: TaggingScores) => [...s.perTheme].sort((a, b) => a.f1 - b.f1)[0]!;
for (const [name, s] of [
  ['training', training],
  ['held-out', heldOut],
  ['learned on rule scores, held-out', learned],
  ['learned, + bag of stems, held-out', learnedStems],
] as const) {
  const w = weakest(s);
  console.log(`${`\n${name}:`.padEnd(36)} micro-F1 ${f3(s.micro.f1)} (P ${f3(s.micro.precision)}, R ${f3(s.micro.recall)}); lowest theme F1 ${w.themeId} ${f2(w.f1)}`);
}
const offTopic = [...gold].filter(([id]) => (predicted.get(id) ?? []).length === 0);
console.log(
  `\noff-topic (no theme): ${offTopic.length} passages tagged so, ${offTopic.filter(([, l]) => l.length === 0).length} of them labelled so;` +
    ` ${[...gold.values()].filter((l) => l.length === 0).length} labelled off-topic in all`,
);

console.log('\nconfusion, held-out — a theme tagged wrongly, on passages about… / missed, tagged instead with…');
const list = (m: Map<string, number>) =>
  [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}${n > 1 ? ` ×${n}` : ''}`).join(', ') || '·';
for (const c of confusion(heldOutTags, gold, themeIds)) {
  if (c.taggedInsteadOf.size + c.missedFor.size === 0) continue;
  console.log(`  ${c.themeId.padEnd(29)} wrongly on: ${list(c.taggedInsteadOf)}\n  ${''.padEnd(29)} missed for: ${list(c.missedFor)}`);
}

if (process.argv.includes('--explain')) {
  for (const fold of folds) {
    console.log(`\n— ${fold.article}, held out (context ${JSON.stringify(fold.calibration.context)}, decision ${JSON.stringify(fold.calibration.decision)})`);
    for (const [id, detail] of fold.scores) {
      const wanted = gold.get(id) ?? [];
      const got = heldOutTags.get(id) ?? [];
      const wrong = [
        ...got.filter((t) => !wanted.includes(t)).map((t) => ['false +', t] as const),
        ...wanted.filter((t) => !got.includes(t)).map((t) => ['missed ', t] as const),
      ];
      if (wrong.length === 0) continue;
      const passage = passageById.get(id)!;
      console.log(`\n${id}  ${passage.text.slice(0, 100)}…`);
      for (const [kind, themeId] of wrong) {
        const s = detail.find((d) => d.themeId === themeId)!;
        const hits = s.hits
          .map((h) => `${h.phrase}${h.count > 1 ? ` ×${h.count}` : ''} (${h.weight}${h.background ? `, ${h.background} in background` : ''})`)
          .join(', ');
        const context = s.fromContext ? ` + context ${s.fromContext}` : '';
        console.log(`  ${kind} ${themeId}: ${s.score}/${s.threshold}${hits ? ` — ${hits}` : ''}${context}`);
      }
    }
  }
}
