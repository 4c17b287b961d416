/**
 * The article page's DOM: the markup that page components render and that browser code,
 * tests and Pagefind rely on (README, "The article page's DOM"). Components and scripts take
 * class names, attributes and selectors from here, so the two sides cannot drift apart.
 * Dependency-free.
 */

/** Class names and ids the article page renders. */
export const ARTICLE_CLASSES = {
  /** `<article class="article" data-article="<slug>">`: the article body. */
  article: 'article',
  /** `<div class="passage" id="<passage id>" data-passage-id data-themes>`: one passage. */
  passage: 'passage',
  /** `<p class="passage-text">`: the passage's words; annotation offsets count its textContent. */
  passageText: 'passage-text',
  /** `<a class="entity-link">`: the first mention of an entity in a passage. */
  entityLink: 'entity-link',
  /** `<div class="passage-tools">`: permalink, share page and annotate (never indexed). */
  passageTools: 'passage-tools',
  /** `<button class="passage-permalink" data-permalink>`: copies the passage's URL. */
  passagePermalink: 'passage-permalink',
  /** `<button class="passage-annotate">`: selects the passage (or keeps a selection in it) and opens the selection toolbar. */
  passageAnnotate: 'passage-annotate',
  /** `<div class="passage-meta">`: theme chips, related passages (never indexed). */
  passageMeta: 'passage-meta',
  /** Added by the page's script to the passage a link lands on. */
  isTarget: 'is-target',
} as const;

/** Data attributes, as written in the markup. */
export const ARTICLE_ATTRIBUTES = {
  article: 'data-article',
  passageId: 'data-passage-id',
  themes: 'data-themes',
  permalink: 'data-permalink',
} as const;

/** Ids of single elements every page has. */
export const PAGE_IDS = {
  /** The main landmark (skip link target). */
  main: 'main',
  /** The polite live region every action reports to. */
  status: 'status',
} as const;

/** Ready-made selectors for browser code and tests. */
export const SELECTORS = {
  article: `article.${ARTICLE_CLASSES.article}[${ARTICLE_ATTRIBUTES.article}]`,
  passage: `.${ARTICLE_CLASSES.passage}[${ARTICLE_ATTRIBUTES.passageId}]`,
  passageText: `.${ARTICLE_CLASSES.passageText}`,
  passageTools: `.${ARTICLE_CLASSES.passageTools}`,
  passageMeta: `.${ARTICLE_CLASSES.passageMeta}`,
  permalink: `.${ARTICLE_CLASSES.passagePermalink}[${ARTICLE_ATTRIBUTES.permalink}]`,
  annotate: `button.${ARTICLE_CLASSES.passageAnnotate}`,
  entityLink: `a.${ARTICLE_CLASSES.entityLink}`,
  target: `.${ARTICLE_CLASSES.passage}.${ARTICLE_CLASSES.isTarget}`,
  status: `#${PAGE_IDS.status}`,
} as const;

/** The selector of one passage by id. */
export const passageSelector = (id: string) => `${SELECTORS.passage}[${ARTICLE_ATTRIBUTES.passageId}="${id}"]`;

/** The space-separated theme ids of `data-themes`, read back. */
export const readThemes = (value: string | undefined | null): string[] => (value ?? '').split(/\s+/).filter(Boolean);
