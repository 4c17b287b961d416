/**
 * Theme tagging: every passage gets the themes whose rules (content/themes.yaml) it
 * scores enough on, then an editor's overrides (content/theme-overrides.yaml) are applied.
 *
 * A rule is a phrase matched on word stems, with a weight. A passage's score for a theme is
 * the sum of weight × occurrences (each phrase counted at most twice; a supporting phrase only
 * beside one that names the theme; an occurrence in a background clause — "amid…",
 * "despite…" — for a share of its weight), plus shares lent by its section heading and the
 * previous passage. The passage carries the theme when the score
 * reaches the theme's threshold, none of the theme's exclusion phrases occurs, and the theme
 * is not a mere aside beside the passage's main subject (`decision.relative`); a passage
 * that reaches no threshold takes its best theme if that comes close (`decision.fallback`),
 * and is otherwise off-topic (no themes). The scores are kept so the eval script and the
 * pages can explain a tag ("returnee ×2, prosecut…").
 *
 * `scoreOwn` (one text, compiled rules) is pure and is the costly part: it may be cached by
 * the text's hash and the rules. Context and decision are cheap arithmetic on top.
 */
import type { Theme, ThemeOverrides, ThemesFile } from './analysis-schema';
import { THEME_OVERRIDES_FILE, THEMES_FILE } from './analysis-data';
import { isAnalysed } from '../contract/language';
import type { PassageLike } from './analysis-types';
import { tokenize } from './text';

/** How many intervening words `*` in a phrase allows. */
export const GAP_WORDS = 3;
/** How many times one phrase counts in one passage. */
export const MAX_COUNT_PER_PHRASE = 2;

/**
 * A phrase compiled for matching. Each element is a word compared by stem, a word compared
 * exactly (written `=word` in the file: `=virtual` does not match "virtually"), or a gap.
 */
type PatternElement = { stem: string } | { exact: string } | typeof GAP;
type Pattern = PatternElement[];
const GAP = Symbol('gap');

interface CompiledTheme {
  theme: Theme;
  threshold: number;
  rules: { phrase: string; pattern: Pattern; weight: number; support: boolean }[];
  exclude: { phrase: string; pattern: Pattern }[];
}

/**
 * What a passage's text is matched as: its words' normalised forms and stems, and for each
 * word whether it stands in a background clause (`backgroundWords`).
 */
interface Words {
  norms: string[];
  stems: string[];
  background: boolean[];
}
const wordsOf = (text: string): Words => {
  const tokens = tokenize(text);
  return { norms: tokens.map((t) => t.norm), stems: tokens.map((t) => t.stem), background: backgroundWords(text, tokens) };
};

/**
 * Words that open a clause setting the scene for the sentence's claim rather than making it:
 * "Amid the loss of its territory, the group kept publishing…", "…despite a determined
 * offensive by the army". ("As…" and "while…" clauses are left out: as often as not they carry
 * half of the claim — "While some returnees give up, others…", "As the group is driven from
 * its cities, it is turning into…".)
 */
const BACKGROUND_OPENERS = new Set(['despite', 'amid', 'amidst']);
/** Where a clause ends: a comma, semicolon, colon, dash, bracket or the end of a sentence. */
const CLAUSE_END = /[,;:.!?()\u2013\u2014]|\s-\s/;

/**
 * For each token: does it stand in a background clause? The clause runs from its opener to
 * the next punctuation that ends a clause. Theme phrases found there count for less
 * (`background` in the themes file): the sentence is about its main clause.
 */
export function backgroundWords(text: string, tokens: readonly { norm: string; start: number; end: number }[]): boolean[] {
  let inClause = false;
  return tokens.map((token, i) => {
    if (inClause && i > 0 && CLAUSE_END.test(text.slice(tokens[i - 1]!.end, token.start))) inClause = false;
    if (BACKGROUND_OPENERS.has(token.norm)) inClause = true;
    return inClause;
  });
}

function compilePhrase(phrase: string): Pattern {
  const pattern: Pattern = [];
  for (const part of phrase.split(/\s+/)) {
    if (part === '*') pattern.push(GAP);
    else if (part.startsWith('=')) for (const t of tokenize(part.slice(1))) pattern.push({ exact: t.norm });
    else for (const t of tokenize(part)) pattern.push({ stem: t.stem });
  }
  return pattern;
}

const patternKey = (pattern: Pattern) =>
  pattern.map((el) => (el === GAP ? '*' : 'exact' in el ? `=${el.exact}` : el.stem)).join(' ');

/** Compile the rules once; reuse the result for every passage. `source` names the file in errors. */
export function compileThemes(file: ThemesFile, source = THEMES_FILE): CompiledTheme[] {
  return file.themes.map((theme) => {
    const rules = [
      ...Object.entries(theme.match).map(([phrase, weight]) => ({ phrase, pattern: compilePhrase(phrase), weight, support: false })),
      ...Object.entries(theme.support).map(([phrase, weight]) => ({ phrase, pattern: compilePhrase(phrase), weight, support: true })),
    ];
    // Two phrases with the same stems would count the same words twice ("attack" and "attacks").
    const seen = new Map<string, string>();
    for (const { phrase, pattern } of rules) {
      if (pattern.length === 0) throw new Error(`${source}: theme "${theme.id}": phrase "${phrase}" has no words.`);
      const key = patternKey(pattern);
      const twin = seen.get(key);
      if (twin !== undefined) {
        throw new Error(
          `${source}: theme "${theme.id}": phrases "${twin}" and "${phrase}" match the same words (both stem to "${key}"); keep one.`,
        );
      }
      seen.set(key, phrase);
    }
    return {
      theme,
      threshold: theme.threshold ?? file.threshold,
      rules,
      exclude: theme.exclude.map((phrase) => ({ phrase, pattern: compilePhrase(phrase) })),
    };
  });
}

/** Does `pattern` match at word `i`? Returns the index after the match, or -1. */
function matchAt(words: Words, i: number, pattern: Pattern, from = 0): number {
  let pos = i;
  for (let p = from; p < pattern.length; p++) {
    const el = pattern[p]!;
    if (el === GAP) {
      // Try each allowed gap length for the rest of the pattern.
      for (let skip = 0; skip <= GAP_WORDS; skip++) {
        const end = matchAt(words, pos + skip, pattern, p + 1);
        if (end >= 0) return end;
      }
      return -1;
    }
    if (pos >= words.stems.length) return -1;
    if ('exact' in el ? words.norms[pos] !== el.exact : words.stems[pos] !== el.stem) return -1;
    pos++;
  }
  return pos;
}

/** Where `pattern` matches, left to right without overlaps: each match's first word. */
function matchStarts(words: Words, pattern: Pattern): number[] {
  const starts: number[] = [];
  for (let i = 0; i < words.stems.length; ) {
    const end = matchAt(words, i, pattern);
    if (end > i) {
      starts.push(i);
      i = end;
    } else i++;
  }
  return starts;
}

export interface ThemeScore {
  themeId: string;
  /** Before the decision: score ≥ threshold and not excluded. */
  overThreshold: boolean;
  /** Total: the passage's own score plus what its context lends it. */
  score: number;
  threshold: number;
  /** Phrases that matched in the passage, with their count (capped), weight, and how many of those counted were in a background clause. */
  hits: { phrase: string; count: number; weight: number; background?: number }[];
  /** Score lent by the section heading and the previous passage (see `context` in the file). */
  fromContext: number;
  /** An exclusion phrase that matched (the theme is then not applied). */
  excludedBy: string | null;
  applies: boolean;
}

export interface OwnScore {
  score: number;
  hits: ThemeScore['hits'];
  excludedBy: string | null;
}

/**
 * One text's scores against every theme, on its own words only; a phrase in a background
 * clause counts `background` of its weight (occurrences in main clauses are counted first).
 * Pure: cacheable by (text, rules, background).
 */
export function scoreOwn(text: string, compiled: CompiledTheme[], background = 1): OwnScore[] {
  return ownScores(text, compiled, background);
}

function ownScores(text: string, compiled: CompiledTheme[], background: number): OwnScore[] {
  const words = wordsOf(text);
  return compiled.map(({ rules, exclude }) => {
    const hits: ThemeScore['hits'] = [];
    let score = 0;
    let named = false;
    for (const rule of rules) {
      // `match` rules come first: by the time a supporting phrase is scored, `named` is known.
      if (rule.support && !named) break;
      const starts = matchStarts(words, rule.pattern);
      if (starts.length === 0) continue;
      if (!rule.support && rule.weight > 0) named = true;
      const inBackground = starts.filter((i) => words.background[i]).length;
      const main = Math.min(starts.length - inBackground, MAX_COUNT_PER_PHRASE);
      const behind = Math.min(inBackground, MAX_COUNT_PER_PHRASE - main);
      hits.push({ phrase: rule.phrase, count: main + behind, weight: rule.weight, ...(behind > 0 ? { background: behind } : {}) });
      score += (main + behind * background) * rule.weight;
    }
    const excludedBy = exclude.find((e) => matchStarts(words, e.pattern).length > 0)?.phrase ?? null;
    return { score, hits, excludedBy };
  });
}

export type Decision = ThemesFile['decision'];
const NO_DECISION: Decision = { relative: 0, fallback: 1 };

/** Score one text on its own against every theme (no context), and decide its themes. */
export function scoreText(text: string, compiled: CompiledTheme[], decision: Decision = NO_DECISION, background = 1): ThemeScore[] {
  return decide(
    ownScores(text, compiled, background).map((own, i) => finish(compiled[i]!, own, 0)),
    decision,
  );
}

function finish({ theme, threshold }: CompiledTheme, own: OwnScore, fromContext: number): ThemeScore {
  const score = Math.round((own.score + fromContext) * 1000) / 1000;
  const overThreshold = score >= threshold && !own.excludedBy;
  return { themeId: theme.id, overThreshold, score, threshold, hits: own.hits, fromContext, excludedBy: own.excludedBy, applies: overThreshold };
}

/**
 * From scores to tags: themes over their threshold that are at least `relative` of the
 * passage's strongest (scores compared as shares of each theme's threshold); failing any,
 * the strongest theme if it reaches `fallback` of its threshold; failing that, none.
 */
export function decide(scores: ThemeScore[], decision: Decision): ThemeScore[] {
  const strength = scores.map((s) => (s.excludedBy ? 0 : s.score / s.threshold));
  const best = Math.max(0, ...strength);
  const chosen = scores.map((s, i) => s.overThreshold && strength[i]! >= decision.relative * best);
  if (!chosen.some(Boolean) && best > 0 && best >= decision.fallback) chosen[strength.indexOf(best)] = true;
  return scores.map((s, i) => ({ ...s, applies: chosen[i]! }));
}

/**
 * Compiled rules and own scores, kept per theme list: calibrating (the eval's grid) scores the
 * same texts against the same rules hundreds of times with only `context`/`decision` changed.
 */
const compiledCache = new WeakMap<ThemesFile['themes'], { compiled: CompiledTheme[]; own: (text: string, background: number) => OwnScore[] }>();
function compiledFor(themes: ThemesFile) {
  let entry = compiledCache.get(themes.themes);
  if (!entry) {
    const compiled = compileThemes(themes);
    const byText = new Map<string, OwnScore[]>();
    const own = (text: string, background: number) => {
      const key = `${background}\u0000${text}`;
      let scores = byText.get(key);
      if (!scores) byText.set(key, (scores = ownScores(text, compiled, background)));
      return scores;
    };
    entry = { compiled, own };
    compiledCache.set(themes.themes, entry);
  }
  return entry;
}

/**
 * Words that, early in a passage, refer back to what came before ("They will try…", "Such
 * attacks…", "If detecting them…"): the passage carries on its neighbour's subject.
 * "it"/"its" are left out: they mostly name the group itself, or nothing ("it is plausible").
 */
const REFERRING_BACK = new Set(['they', 'them', 'their', 'these', 'those', 'such', 'similar', 'this']);
/** How far into a passage a referring word still counts as its opening. */
export const OPENING_WORDS = 6;

/** Does the passage open by referring back to the previous one? */
export function opensWithReference(text: string): boolean {
  return tokenize(text, OPENING_WORDS).some((t) => REFERRING_BACK.has(t.norm));
}

/**
 * Score every passage in context: its own phrases, plus a share (`context.section`) of its
 * section heading's score and a share (`context.previous`) of the previous passage's own
 * score in the same article — a paragraph often carries on its neighbour's subject. A
 * passage that opens by referring back ("they", "these", "such…": `opensWithReference`) to
 * the previous passage of the same section also borrows `context.continuation` of a
 * threshold for each theme that passage carries, so a run of "they…" paragraphs keeps its
 * subject without any one paragraph naming it. Only positive scores are lent.
 */
export function scorePassages(passages: readonly PassageLike[], themes: ThemesFile, options: ScoreOptions = {}): Map<string, ThemeScore[]> {
  const { compiled, own } = compiledFor(themes);
  const ownOf = options.ownScores ?? ((text: string) => own(text, themes.background));
  const { section: sectionShare, previous: previousShare, continuation: continuationShare } = themes.context;
  const headingScores = new Map<string, OwnScore[]>();
  const byArticle = new Map<string, PassageLike[]>();
  for (const p of passages) {
    const list = byArticle.get(p.article);
    if (list) list.push(p);
    else byArticle.set(p.article, [p]);
  }

  const result = new Map<string, ThemeScore[]>();
  for (const list of byArticle.values()) {
    const ordered = [...list].sort((a, b) => a.order - b.order);
    let before: { passage: PassageLike; own: OwnScore[]; tags: ThemeScore[] } | null = null;
    for (const p of ordered) {
      const mine = ownOf(p.text);
      const prev = before && before.passage.order === p.order - 1 ? before : null;
      const carriesOn =
        prev !== null && continuationShare > 0 && prev.passage.section?.title === p.section?.title && opensWithReference(p.text);
      let heading: OwnScore[] | null = null;
      if (p.section && sectionShare > 0) {
        heading = headingScores.get(p.section.title) ?? ownOf(p.section.title);
        headingScores.set(p.section.title, heading);
      }
      const tags = decide(
        compiled.map((c, i) => {
          const lent =
            sectionShare * Math.max(0, heading?.[i]!.score ?? 0) +
            previousShare * Math.max(0, prev?.own[i]!.score ?? 0) +
            (carriesOn && prev!.tags[i]!.applies ? continuationShare * c.threshold : 0);
          return finish(c, mine[i]!, Math.round(lent * 1000) / 1000);
        }),
        themes.decision,
      );
      result.set(p.id, tags);
      before = { passage: p, own: mine, tags };
    }
  }
  return result;
}

export interface ScoreOptions {
  /**
   * A text's own scores against every theme of this file, as `scoreOwn(text, compileThemes(file), file.background)`
   * gives them (default: computed here); the build passes one cached by the text's hash.
   */
  ownScores?: (text: string) => OwnScore[];
}

/** The automatic tagging, without overrides: passage id → theme ids (in taxonomy order). */
export function autoTagPassages(passages: readonly PassageLike[], themes: ThemesFile, options: ScoreOptions = {}): Map<string, string[]> {
  // The rules are written in the dossier's language: text in another gets none (an editor's overrides may add some).
  const scores = scorePassages(
    passages.filter((p) => isAnalysed(p.language)),
    themes,
    options,
  );
  return new Map(
    passages.map((p) => [
      p.id,
      (scores.get(p.id) ?? []).filter((s) => s.applies).map((s) => s.themeId),
    ]),
  );
}

export interface TagOptions extends ScoreOptions {
  /** File the overrides came from, named in error messages. */
  overridesFile?: string;
  /** Retired passage ids ({ old: surviving }), to point an editor at the passage that replaced one. */
  retiredIds?: Readonly<Record<string, string>>;
}

/**
 * Tag every passage: the automatic themes, then the editor's overrides
 * (`add` wins over the rules, `remove` removes). Throws, naming the overrides file and the
 * id, when an override names a passage or a theme that does not exist.
 */
export function tagPassages(
  passages: readonly PassageLike[],
  themes: ThemesFile,
  overrides: ThemeOverrides = {},
  options: TagOptions = {},
): Map<string, string[]> {
  const file = options.overridesFile ?? THEME_OVERRIDES_FILE;
  const tags = autoTagPassages(passages, themes, options);
  const order = themes.themes.map((t) => t.id);
  const known = new Set(order);

  for (const [passageId, override] of Object.entries(overrides)) {
    const current = tags.get(passageId);
    if (!current) {
      const successor = options.retiredIds?.[passageId];
      const hint = successor
        ? ` It was retired by the normaliser; its text now belongs to ${successor}: move the override there.`
        : ' Check the id against the passage permalinks, or delete the entry.';
      throw new Error(`${file}: override for passage "${passageId}", but no passage has that id.${hint}`);
    }
    for (const themeId of [...override.add, ...override.remove]) {
      if (!known.has(themeId)) {
        throw new Error(
          `${file}: override for passage "${passageId}" names unknown theme "${themeId}". Known themes: ${order.join(', ')}.`,
        );
      }
    }
    const next = new Set(current);
    for (const t of override.add) next.add(t);
    for (const t of override.remove) next.delete(t);
    tags.set(
      passageId,
      order.filter((t) => next.has(t)),
    );
  }
  return tags;
}

export interface TaggingScores {
  perTheme: { themeId: string; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }[];
  /** Micro-averaged over every (passage, theme) decision. */
  micro: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/**
 * Precision, recall and F1 of `predicted` against `gold`, per theme and micro-averaged,
 * over the passages in `gold` (a labelled passage with no themes counts: tagging it is a
 * false positive). A theme with nothing to find and nothing found scores 1.
 */
export function scoreTagging(
  predicted: ReadonlyMap<string, readonly string[]>,
  gold: ReadonlyMap<string, readonly string[]>,
  themeIds: readonly string[],
): TaggingScores {
  const perTheme = themeIds.map((themeId) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const [passageId, wanted] of gold) {
      const got = predicted.get(passageId)?.includes(themeId) ?? false;
      const want = wanted.includes(themeId);
      if (got && want) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return { themeId, tp, fp, fn, precision, recall, f1: f1Of(precision, recall) };
  });
  const sum = (k: 'tp' | 'fp' | 'fn') => perTheme.reduce((n, t) => n + t[k], 0);
  const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { perTheme, micro: { tp, fp, fn, precision, recall, f1: f1Of(precision, recall) } };
}
