/**
 * Held-out evaluation of the theme tagging (npm run eval:themes).
 *
 * The phrase rules are written by hand; what is fitted to the labels is the calibration —
 * how much a passage borrows from its heading and its neighbour, and the decision shares
 * (`context` and `decision` in content/themes.yaml). Leave-one-article-out fits that
 * calibration on four articles and tags the fifth with it, so each article is scored by a
 * calibration that never saw its labels. A learned layer (logistic regression on the rule
 * scores, and on those plus a bag of word stems, one model per theme) is scored the same
 * way, to see whether it would earn its place.
 */
import { Matrix } from 'ml-matrix';
import LogisticRegressionTwoClasses from 'ml-logistic-regression/src/logreg_2classes.js';
import type { ThemesFile } from '../../src/corpus/analysis-schema';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { autoTagPassages, scorePassages, scoreTagging, type ThemeScore } from '../../src/corpus/themes';
import { STOP_WORDS, tokenize } from '../../src/corpus/text';

export type Labels = ReadonlyMap<string, readonly string[]>;
export type Tags = Map<string, string[]>;

export interface Calibration {
  context: ThemesFile['context'];
  decision: ThemesFile['decision'];
}

/** The calibrations tried when fitting: a coarse grid, so four articles cannot be memorised. */
export const CALIBRATION_GRID: readonly Calibration[] = (() => {
  const grid: Calibration[] = [];
  for (const section of [0, 0.25, 0.5, 0.75])
    for (const previous of [0, 0.15, 0.3])
      for (const continuation of [0, 0.4, 0.7])
        for (const relative of [0, 0.25, 0.4, 0.55])
          for (const fallback of [0.3, 0.6, 1])
            grid.push({ context: { section, previous, continuation }, decision: { relative, fallback } });
  return grid;
})();

const subset = (labels: Labels, passages: readonly PassageLike[]) =>
  new Map(passages.filter((p) => labels.has(p.id)).map((p) => [p.id, labels.get(p.id)!]));

const microF1 = (tags: Tags, gold: Labels, themeIds: readonly string[]) => scoreTagging(tags, gold, themeIds).micro.f1;

/** The calibration from `grid` that scores best on `passages` (ties: the earlier one). */
export function fitCalibration(
  passages: readonly PassageLike[],
  labels: Labels,
  themes: ThemesFile,
  grid: readonly Calibration[] = CALIBRATION_GRID,
): Calibration {
  const gold = subset(labels, passages);
  const ids = themes.themes.map((t) => t.id);
  let best = grid[0]!;
  let bestF1 = -1;
  for (const calibration of grid) {
    const f1 = microF1(autoTagPassages(passages, { ...themes, ...calibration }), gold, ids);
    if (f1 > bestF1) [best, bestF1] = [calibration, f1];
  }
  return best;
}

/** Tags for every labelled passage, each article tagged by a model fitted on the others only. */
export function leaveOneArticleOut(
  passages: readonly PassageLike[],
  labels: Labels,
  fitAndTag: (train: readonly PassageLike[], test: readonly PassageLike[]) => Tags,
): Tags {
  const articles = [...new Set(passages.map((p) => p.article))];
  const tags: Tags = new Map();
  for (const held of articles) {
    const train = passages.filter((p) => p.article !== held && labels.has(p.id));
    const test = passages.filter((p) => p.article === held);
    for (const [id, t] of fitAndTag(train, test)) tags.set(id, t);
  }
  return tags;
}

/** One held-out article: the calibration fitted without it, and its passages' scores under that calibration. */
export interface HeldOutFold {
  article: string;
  calibration: Calibration;
  scores: Map<string, ThemeScore[]>;
}

/** Held-out tagging by the rules, the calibration fitted on the other articles; `folds` (if given) receives each fold. */
export const rulesHeldOut = (
  passages: readonly PassageLike[],
  labels: Labels,
  themes: ThemesFile,
  grid: readonly Calibration[] = CALIBRATION_GRID,
  folds?: HeldOutFold[],
) =>
  leaveOneArticleOut(passages, labels, (train, test) => {
    const calibration = fitCalibration(train, labels, themes, grid);
    // The test article is tagged in the company of its own article only: context never crosses articles.
    const scores = scorePassages(test, { ...themes, ...calibration });
    folds?.push({ article: test[0]!.article, calibration, scores });
    return new Map(test.map((p) => [p.id, scores.get(p.id)!.filter((s) => s.applies).map((s) => s.themeId)]));
  });

/** What the learned layer sees of a passage: each theme's rule score and what context lent, as shares of its threshold. */
function ruleFeatures(scores: readonly ThemeScore[]): number[] {
  return [
    1,
    ...scores.map((s) => Math.min(s.score - s.fromContext, 3 * s.threshold) / s.threshold),
    ...scores.map((s) => s.fromContext / s.threshold),
    ...scores.map((s) => (s.overThreshold ? 1 : 0)),
  ];
}

/** A passage's content words, as stems (stop words and words of one or two letters left out). */
const stemsOf = (text: string) => new Set(tokenize(text).filter((t) => t.norm.length > 2 && !STOP_WORDS.has(t.norm)).map((t) => t.stem));
/** A stem enters the bag of words when this many training passages have it: rarer ones only memorise. */
const MIN_STEM_PASSAGES = 3;

export interface LearnedOptions {
  /** Also give the model a bag of the passage's stems (those in ≥ MIN_STEM_PASSAGES training passages). */
  stems?: boolean;
}

/**
 * A logistic regression per theme (ml-logistic-regression) on the rule scores — and, with
 * `stems`, a bag of the passage's word stems — fitted on `train`.
 */
export function learnedLayer(train: readonly PassageLike[], labels: Labels, themes: ThemesFile, options: LearnedOptions = {}) {
  const ids = themes.themes.map((t) => t.id);
  const counts = new Map<string, number>();
  if (options.stems) for (const p of train) for (const s of stemsOf(p.text)) counts.set(s, (counts.get(s) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, n]) => n >= MIN_STEM_PASSAGES).map(([s]) => s);
  const features = (passages: readonly PassageLike[]) => {
    const scores = scorePassages(passages, themes);
    return new Matrix(
      passages.map((p) => {
        const stems = stemsOf(p.text);
        return [...ruleFeatures(scores.get(p.id)!), ...vocabulary.map((s) => (stems.has(s) ? 0.5 : 0))];
      }),
    );
  };
  const X = features(train);
  const models = ids.map((id) => {
    const model = new LogisticRegressionTwoClasses({ numSteps: 2000, learningRate: 0.01 });
    model.train(X, Matrix.columnVector(train.map((p) => (labels.get(p.id)!.includes(id) ? 1 : 0))));
    return model;
  });
  return (test: readonly PassageLike[]): Tags => {
    const Xt = features(test);
    const probabilities = models.map((m) => m.testScores(Xt));
    return new Map(test.map((p, row) => [p.id, ids.filter((_, k) => probabilities[k]![row]! >= 0.5)]));
  };
}

export const learnedHeldOut = (passages: readonly PassageLike[], labels: Labels, themes: ThemesFile, options: LearnedOptions = {}) =>
  leaveOneArticleOut(passages, labels, (train, test) => learnedLayer(train, labels, themes, options)(test));

export interface Confusion {
  themeId: string;
  /** Tagged with this theme wrongly: the themes those passages are really about (off-topic as "—"). */
  taggedInsteadOf: Map<string, number>;
  /** Missed: what those passages were tagged with instead. */
  missedFor: Map<string, number>;
}

/** Which themes are confused for which: for every false positive and negative, the labels beside it. */
export function confusion(tags: Tags, gold: Labels, themeIds: readonly string[]): Confusion[] {
  return themeIds.map((themeId) => {
    const taggedInsteadOf = new Map<string, number>();
    const missedFor = new Map<string, number>();
    const bump = (m: Map<string, number>, keys: readonly string[]) => {
      for (const k of keys.length ? keys : [m === taggedInsteadOf ? 'off-topic' : 'nothing else']) m.set(k, (m.get(k) ?? 0) + 1);
    };
    for (const [id, wanted] of gold) {
      const got = tags.get(id) ?? [];
      if (got.includes(themeId) && !wanted.includes(themeId)) bump(taggedInsteadOf, wanted);
      if (wanted.includes(themeId) && !got.includes(themeId)) bump(missedFor, got.filter((t) => !wanted.includes(t)));
    }
    return { themeId, taggedInsteadOf, missedFor };
  });
}
