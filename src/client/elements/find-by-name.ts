/**
 * <find-by-name>: "Find a source" on the home page, a theme's, the figures' and an entity's pages,
 * and "Find a name" on the name index, when their list runs to several pages. What is typed is
 * looked up in every item of the list (a JSON file the site already serves, fetched on first use)
 * and the matches are listed as links to their pages — or, on pages that list the sources a few a
 * page (`data-pages`), to the source's place on the page that holds it: reckoned from how many a
 * page on the figures' (`data-per-page`), from the theme's or entity's file of places on theirs
 * (fetched with the list; an entity's lists only the sources that name it). Rendered hidden
 * (FindByName.astro): without scripts the pages are there to browse.
 *
 * Keys: Enter follows the first match, ↓ goes from the field to it, ↑/↓ between matches, Escape
 * empties the field.
 */
import {
  COMPARE_SOURCES_URL,
  SEARCH_FACETS_URL,
  entityPlacesUrl,
  themePlacesUrl,
  type CompareSourceJson,
  type EntityPlacesJson,
  type SearchFacetOptionJson,
  type SearchFacetsJson,
  type ThemePlacesJson,
} from '../../contract/endpoints';
import { articleUrl, entitySourceUrl, entityUrl, figuresSourceUrl, mentionPageOf, pageOf, themeColumnUrl, themePageOf } from '../../contract/routes';
import { formatCount } from '../../corpus/format';
import { SOURCE_NOUN, sourceFoldedName, sourceTitle } from '../compare/find-source';
import { el } from '../dom/build';
import { FindField, type FindHooks } from '../dom/find-field';
import { FIND_SHOWN, findByName, foldedOnce, type Noun } from '../search/find-names';
import { jsonOnce } from '../search/json-once';

/** A list the field looks through: its items, loaded once, each named and drawn as a link. */
function listing<T>(noun: Noun, items: () => Promise<T[]>, foldedName: (item: T) => string, link: (item: T) => HTMLLIElement): FindHooks {
  return {
    noun,
    find: async (typed) => {
      const found = findByName(await items(), foldedName, typed, FIND_SHOWN);
      return { total: found.total, shown: found.shown.map(link) };
    },
  };
}

const passages = (n: number) => `${formatCount(n)} passage${n === 1 ? '' : 's'}`;

const catalogue = jsonOnce<CompareSourceJson[]>(COMPARE_SOURCES_URL);

/** A source's place on pages that list the sources a few a page, from its place in publication order; null when they do not hold it. */
type Place = { page: number; href: string };
type Placer = (slug: string, index: number) => Place | null;

/** Its column (or its line after the columns) on a theme's pages, from the theme's file of places. */
const onTheme = (theme: string): (() => Promise<Placer>) => {
  const layout = jsonOnce<ThemePlacesJson>(themePlacesUrl(theme));
  return async () => {
    const places = await layout();
    return (slug, index) => ({ page: themePageOf(index, places), href: themeColumnUrl(theme, slug, index, places) });
  };
};

/** Its mentions on an entity's pages, from the entity's file of places: null for a source that does not name it. */
const onEntity = (entity: string): (() => Promise<Placer>) => {
  const naming = jsonOnce<EntityPlacesJson>(entityPlacesUrl(entity));
  return async () => {
    const places = await naming();
    return (slug, index) => {
      const page = mentionPageOf(index, places);
      return page === null ? null : { page, href: entitySourceUrl(entity, slug, page) };
    };
  };
};

/** Its sentences on the figures' pages, `perPage` sources a page. */
const onFigures =
  (perPage: number): (() => Promise<Placer>) =>
  async () =>
  (slug, index) => ({ page: pageOf(index, perPage), href: figuresSourceUrl(slug, index, perPage) });

/**
 * Every source in publication order, or those the pages `placer` stands for hold: outlet, year,
 * headline (with its date when the name needs it), linked to its article, or to its place on
 * those pages with the page it is on.
 */
function sources(placer?: () => Promise<Placer>): FindHooks {
  type Placed = CompareSourceJson & { place: Place | null };
  let placed: Placed[] | undefined;
  const items = async () => {
    if (placed) return placed;
    const [all, place] = await Promise.all([catalogue(), placer?.()]);
    return (placed = all.flatMap((source, i) => {
      const at = place ? place(source.slug, i) : null;
      return place && !at ? [] : [{ ...source, place: at }];
    }));
  };
  return listing(SOURCE_NOUN, items, sourceFoldedName, (source) => {
    const { place } = source;
    const meta = place ? `${source.year} · page ${place.page}` : source.year;
    const href = place ? place.href : articleUrl(source.slug);
    return el(
      'li',
      {},
      el('span', { class: 'find-kicker' }, el('span', { class: 'outlet', text: source.outlet }), ' ', el('span', { class: 'find-meta', text: meta })),
      el('a', { attrs: { href }, text: sourceTitle(source) }),
    );
  });
}

const facets = jsonOnce<SearchFacetsJson>(SEARCH_FACETS_URL);

/** Every name the sources use (the search facets' list: the most passages first), with its kind and passages. */
const names = listing(
  { one: 'name', many: 'names' },
  async () => (await facets()).entity,
  foldedOnce((option: SearchFacetOptionJson) => option.label),
  (option) =>
    el(
      'li',
      {},
      el('a', { attrs: { href: entityUrl(option.param) }, text: option.label }),
      ' ',
      el('span', { class: 'find-meta', text: [option.kind, passages(option.passages)].filter(Boolean).join(' · ') }),
    ),
);

/** The list a field looks through, from its attributes (FindByName.astro). */
function listOf({ list, pages, theme, entity, perPage }: DOMStringMap): FindHooks | undefined {
  if (list === 'names') return names;
  if (list !== 'sources') return undefined;
  if (pages === 'theme' && theme) return sources(onTheme(theme));
  if (pages === 'entity' && entity) return sources(onEntity(entity));
  if (pages === 'figures' && Number(perPage) > 0) return sources(onFigures(Number(perPage)));
  return sources();
}

class FindByName extends HTMLElement {
  connectedCallback() {
    const list = listOf(this.dataset);
    const field = this.querySelector<HTMLInputElement>('input');
    const status = this.querySelector<HTMLElement>('.find-status');
    const found = this.querySelector<HTMLElement>('.find-found');
    if (!list || !field || !status || !found) return;
    this.hidden = false;
    const find = new FindField(field, status, found, list);

    const links = () => [...found.querySelectorAll<HTMLAnchorElement>('a')];
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && event.target === field && field.value) {
        find.clear();
        event.preventDefault();
        return;
      }
      // Enter in the field follows the first match, as a jump box does
      if (event.key === 'Enter' && event.target === field) {
        links()[0]?.click();
        return;
      }
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      const all = links();
      const from = event.target === field ? -1 : all.indexOf(event.target as HTMLAnchorElement);
      if (!all.length || (from < 0 && event.target !== field)) return;
      const to = from + (event.key === 'ArrowDown' ? 1 : -1);
      if (to < -1) return; // ↑ in the field moves its caret
      (to === -1 ? field : all[Math.min(to, all.length - 1)])?.focus();
      event.preventDefault();
    });
  }
}

customElements.define('find-by-name', FindByName);
