/**
 * <find-by-name>: "Find a source" on the home page, a theme's, the figures' and an entity's pages,
 * and "Find a name" on the name index, when their list runs to several pages. What is typed is
 * looked up in every item of the list (a JSON file the site already serves, fetched on first use)
 * and the matches are listed as links to their pages — or, on pages that list the sources a few a
 * page, to the source's place on the page that holds it (`data-pages`; `data-per-page`; on a
 * theme's `data-sources` and `data-apart`; on an entity's `data-naming` and `data-starts`, and
 * only the sources that name it). Rendered hidden (FindByName.astro): without scripts the pages
 * are there to browse.
 *
 * Keys: Enter follows the first match, ↓ goes from the field to it, ↑/↓ between matches, Escape
 * empties the field.
 */
import { COMPARE_SOURCES_URL, SEARCH_FACETS_URL, type CompareSourceJson, type SearchFacetOptionJson, type SearchFacetsJson } from '../../contract/endpoints';
import {
  articleUrl,
  decodeMentionPlaces,
  entitySourceUrl,
  entityUrl,
  figuresSourceUrl,
  mentionPageOf,
  pageOf,
  themeColumnUrl,
  themePageOf,
  type MentionPlaces,
  type ThemeLayout,
} from '../../contract/routes';
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

/** Pages that list the sources a few a page, which a source found links to its place on. */
type SourcePages =
  | { pages: 'theme'; theme: string; layout: ThemeLayout }
  | { pages: 'figures'; perPage: number }
  | { pages: 'entity'; entity: string; places: MentionPlaces };

/**
 * A source's place on such pages, from its place in publication order: its column (or its line)
 * on a theme's pages, its sentences on the figures', its mentions on an entity's — or null when
 * those pages do not hold it (a source that does not name the entity).
 */
function placeOn(on: SourcePages, slug: string, index: number): { page: number; href: string } | null {
  if (on.pages === 'theme') return { page: themePageOf(index, on.layout), href: themeColumnUrl(on.theme, slug, index, on.layout) };
  if (on.pages === 'figures') return { page: pageOf(index, on.perPage), href: figuresSourceUrl(slug, index, on.perPage) };
  const page = mentionPageOf(index, on.places);
  return page === null ? null : { page, href: entitySourceUrl(on.entity, slug, page) };
}

/**
 * Every source in publication order, or those the pages `on` hold: outlet, year, headline (with
 * its date when the name needs it), linked to its article, or to its place on those pages with
 * the page it is on.
 */
function sources(on?: SourcePages): FindHooks {
  type Placed = CompareSourceJson & { place: { page: number; href: string } | null };
  let placed: Placed[] | undefined;
  const items = async () =>
    (placed ??= (await catalogue()).flatMap((source, i) => {
      const place = on ? placeOn(on, source.slug, i) : null;
      return on && !place ? [] : [{ ...source, place }];
    }));
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

/** The places (ascending) a theme's pages list apart, from `data-apart`: "3 17 55". */
const placesApart = (apart: string | undefined) => (apart ?? '').split(' ').filter(Boolean).map(Number);

/** The list a field looks through, from its attributes (FindByName.astro). */
function listOf({ list, pages, theme, entity, perPage, sources: count, apart, naming, starts }: DOMStringMap): FindHooks | undefined {
  if (list === 'names') return names;
  if (list !== 'sources') return undefined;
  if (pages === 'entity' && entity) return sources({ pages, entity, places: decodeMentionPlaces(naming ?? '', starts ?? '') });
  const size = Number(perPage);
  if (pages === 'theme' && theme && size > 0) return sources({ pages, theme, layout: { perPage: size, sources: Number(count), apart: placesApart(apart) } });
  if (pages === 'figures' && size > 0) return sources({ pages, perPage: size });
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
