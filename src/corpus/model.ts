/**
 * THE corpus model: everything pages need, computed once per build. Pages and components
 * receive these objects (or a page's view of them, src/corpus/views/) and render them.
 *
 * The articles are read from content/articles/ by src/corpus/parse.ts — the one reader of an
 * article file, shared with the normaliser, the scripts and the tests — not through an Astro
 * content collection: a second reader would be a second idea of what a passage is.
 */
import { analyse } from './analysis';
import { cachedNameFinder, cachedStems, cachedThemeScores } from './analysis-cache';
import { readEntities, readThemeOverrides, readThemes } from './analysis-data';
import type { EntityKind } from './analysis-schema';
import { firstMentions, type EntityMention } from './entities';
import { loadClaims, type ResolvedGroup } from './claims';
import { publicationSortKey } from './format';
import { getManifestInfo } from './manifest';
import { numberSentences, type NumberSentence } from './numbers';
import type { ParsedPassage, Section } from './parse';
import { loadPublishedAnnotations, notesByPassage, type PublishedNote } from './published-notes';
import type { RelatedLink } from './related';
import type { ArticleFrontmatter } from './schema';
import { readArticlesFromDisk } from './read-articles';
import type { Vocabulary } from './vocabulary';

/** Where the editors' published notes live (W3C annotation files, checked at build time). */
export const PUBLISHED_NOTES_DIR = 'content/annotations';

/** What every page shows for an article whose headline is not known. */
export const UNKNOWN_HEADLINE = 'Headline unknown';

export interface Passage extends ParsedPassage {
  /** Slug of the article the passage belongs to. */
  article: string;
  /** Ids of the themes the passage is substantially about (content/themes.yaml), in taxonomy order. */
  themes: string[];
  /** Up to three passages in other sources that speak to this one, best first. */
  related: RelatedLink[];
  /**
   * The first mention of each entity in the passage, in text order: what the page links.
   * Entities named in more than a fifth of all passages (the dossier's subject) are left
   * unlinked, so the text does not turn into a sea of links.
   */
  mentions: (EntityMention & { entityId: string })[];
  /** The article's language when it is not the dossier's (src/corpus/language.ts). */
  language?: string;
}

export interface EntityInfo {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Every mention, in corpus order (articles by date, passages in order). */
  mentions: EntityMention[];
}

/** A theme as pages show it. */
export interface ThemeInfo {
  id: string;
  label: string;
  description: string;
  /** Mark colour on light backgrounds, and on dark ones. */
  color: string;
  colorDark: string;
}

export interface Article {
  slug: string;
  meta: ArticleFrontmatter;
  /** The headline, or UNKNOWN_HEADLINE: what every page shows (meta.headline says how certain it is). */
  headline: string;
  passages: Passage[];
  headings: Section[];
  /** Site path of the article page. */
  url: string;
}

export interface Corpus {
  /** The dossier's title and description (content/sources/sources.yaml). */
  title: string;
  description: string;
  articles: Article[];
  /** The taxonomy, in its file's order. */
  themes: ThemeInfo[];
  themesById: Map<string, ThemeInfo>;
  articlesBySlug: Map<string, Article>;
  passagesById: Map<string, Passage>;
  /** Retired passage id → the surviving passage it now points to. */
  retiredIds: Map<string, string>;
  /** People, places and organisations, most mentioned first. */
  entities: EntityInfo[];
  entitiesById: Map<string, EntityInfo>;
  /** Words and names for "Did you mean …" in search. */
  vocabulary: Vocabulary;
  /** The editors' published notes (content/annotations/), anchored on the current text, in passage order. */
  publishedNotes: PublishedNote[];
  /** The same, by the passage they are placed in. */
  notesByPassage: Map<string, PublishedNote[]>;
  /** The figures compared across sources (content/claims.yaml), every quote checked against its passage. */
  claims: ResolvedGroup[];
  /** Every sentence that carries a number, in corpus order. */
  numberSentences: NumberSentence[];
}


let corpus: Promise<Corpus> | undefined;

/** The corpus, built on first use and shared by every page of the build. */
export function getCorpus(): Promise<Corpus> {
  corpus ??= buildCorpus();
  return corpus;
}

// Routes live in the site's contract; re-exported for the pages that take them with the model.
export { articleUrl, entityIndexUrl, entityUrl, passageUrl, shareUrl, themeUrl } from '../contract/routes';
import { articleUrl, passageUrl } from '../contract/routes';

async function buildCorpus(): Promise<Corpus> {
  const articles = readArticlesFromDisk()
    .map(({ slug, meta, passages, headings }): Article => ({
      slug,
      meta,
      headline: meta.headline.value ?? UNKNOWN_HEADLINE,
      passages: passages.map((p) => ({ ...p, themes: [], related: [], mentions: [], ...(meta.language ? { language: meta.language } : {}) })),
      headings,
      url: articleUrl(slug),
    }))
    .sort(
      (a, b) =>
        publicationSortKey(a.meta.published).localeCompare(publicationSortKey(b.meta.published)) ||
        a.slug.localeCompare(b.slug),
    );

  const passagesById = new Map<string, Passage>();
  for (const passage of articles.flatMap((a) => a.passages)) {
    const clash = passagesById.get(passage.id);
    if (clash) throw new Error(`Passage id ${passage.id} is used twice (${clash.article} and ${passage.article})`);
    passagesById.set(passage.id, passage);
  }
  const retiredIds = new Map(articles.flatMap((a) => Object.entries(a.meta.retiredIds)));
  const allPassages = [...passagesById.values()];

  const themesFile = readThemes();
  const entityAliases = readEntities();
  // What each passage's text alone gives, kept between builds (src/corpus/analysis-cache.ts).
  const names = cachedNameFinder(entityAliases);
  const themeScores = cachedThemeScores(themesFile);
  const stems = cachedStems();
  const started = performance.now();
  await names.prefill(allPassages.map((p) => p.text));
  const analysis = analyse({
    passages: allPassages,
    themes: themesFile,
    overrides: readThemeOverrides(),
    entityAliases,
    tagOptions: { retiredIds: Object.fromEntries(retiredIds), ownScores: (text) => themeScores.get(text) },
    relatedOptions: { stemsOf: (text) => stems.get(text) },
    findNames: names.findNames,
  });
  for (const cache of [names, themeScores, stems]) cache.save();
  if (!process.env.VITEST) {
    const cached = (cache: Pick<typeof names, 'stats'>) => `${cache.stats().hits} from the cache, ${cache.stats().misses} afresh`;
    console.log(
      `[dossier] analysis: ${allPassages.length} passages in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
        `names of ${cached(names)}; theme scores ${cached(themeScores)}; stems ${cached(stems)}`,
    );
  }
  const pervasive = new Set(
    analysis.entities.entities
      .filter((e) => new Set(e.mentions.map((m) => m.passageId)).size > allPassages.length / 5)
      .map((e) => e.id),
  );
  const mentions = firstMentions(analysis.entities);
  for (const passage of allPassages) {
    passage.themes = analysis.passageThemes.get(passage.id) ?? [];
    passage.related = analysis.related.get(passage.id) ?? [];
    passage.mentions = (mentions.get(passage.id) ?? []).filter((m) => !pervasive.has(m.entityId));
  }

  const themes: ThemeInfo[] = themesFile.themes.map((t) => ({
    id: t.id,
    label: t.label,
    description: t.description,
    color: t.color,
    colorDark: t.colorDark ?? t.color,
  }));
  const entities: EntityInfo[] = analysis.entities.entities;
  // A published note that no longer anchors stops the build, naming file and note.
  const publishedNotes = await loadPublishedAnnotations(PUBLISHED_NOTES_DIR, passagesById, retiredIds);
  const { title, description } = await getManifestInfo();

  return {
    title,
    description,
    articles,
    themes,
    themesById: new Map(themes.map((t) => [t.id, t])),
    articlesBySlug: new Map(articles.map((a) => [a.slug, a])),
    passagesById,
    retiredIds,
    entities,
    entitiesById: new Map(entities.map((e) => [e.id, e])),
    vocabulary: analysis.vocabulary,
    publishedNotes,
    notesByPassage: notesByPassage(publishedNotes),
    // Fails the build, naming the group and the source, when a quote is no longer in the text.
    claims: loadClaims(articles),
    numberSentences: numberSentences(articles),
  };
}

/** What a link to a passage shows elsewhere: where it is from and its opening words. */
export interface PassageSummary {
  id: string;
  url: string;
  outlet: string;
  headline: string;
  section: string | null;
  excerpt: string;
  themes: string[];
  /** The article's language when it is not the dossier's. */
  language?: string;
}

export function summarize(corpus: Corpus, passageId: string, words = 18): PassageSummary {
  const passage = corpus.passagesById.get(passageId);
  if (!passage) throw new Error(`No passage ${passageId}`);
  const article = corpus.articlesBySlug.get(passage.article)!;
  return {
    id: passage.id,
    url: passageUrl(passage),
    outlet: article.meta.outlet,
    headline: article.headline,
    section: passage.section?.title ?? null,
    excerpt: excerpt(passage.text, words),
    themes: passage.themes,
    ...(passage.language ? { language: passage.language } : {}),
  };
}

/** The first `words` words, with an ellipsis when cut. */
export function excerpt(text: string, words: number): string {
  const all = text.split(/\s+/);
  return all.length <= words ? text : `${all.slice(0, words).join(' ')}…`;
}
