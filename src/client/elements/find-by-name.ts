/**
 * <find-by-name>: "Find a source" on the home page and a theme's pages, and "Find a name" on the
 * name index, when their list runs to several pages. What is typed is looked up in every item of
 * the list (a JSON file the site already serves, fetched on first use) and the matches are listed
 * as links to their pages — or, on pages that list the sources a few a page (a theme's, the
 * figures'), to the source's place on the page that holds it (`data-pages`, `data-per-page`). Rendered hidden (FindByName.astro): without scripts the pages are there to browse.
 *
 * Keys: Enter follows the first match, ↓ goes from the field to it, ↑/↓ between matches, Escape
 * empties the field.
 */
import { COMPARE_SOURCES_URL, SEARCH_FACETS_URL, type CompareSourceJson, type SearchFacetOptionJson, type SearchFacetsJson } from '../../contract/endpoints';
import { articleUrl, entityUrl, figuresSourceUrl, pageOf, themeColumnUrl } from '../../contract/routes';
import { SOURCE_NOUN, sourceFoldedName, sourceTitle } from '../compare/find-source';
import { el } from '../dom/build';
import { findByName, foldedOnce, foundSentence, type Found, type Noun } from '../search/find-names';
import { jsonOnce } from '../search/json-once';

/** How many matches a field lists: the rest are counted, and narrowed by typing more. */
const SHOWN = 12;

/** A list the field can look through, and how it says what it holds. */
interface Listing {
  noun: Noun;
  /** The matches for what is typed, as list items of links; rejects when the list cannot be loaded. */
  find: (typed: string) => Promise<Found<HTMLLIElement>>;
}

function listing<T>(noun: Noun, items: () => Promise<T[]>, foldedName: (item: T) => string, link: (item: T) => HTMLLIElement): Listing {
  return {
    noun,
    find: async (typed) => {
      const found = findByName(await items(), foldedName, typed, SHOWN);
      return { total: found.total, shown: found.shown.map(link) };
    },
  };
}

const passages = (n: number) => `${n.toLocaleString('en-GB')} passage${n === 1 ? '' : 's'}`;

const catalogue = jsonOnce<CompareSourceJson[]>(COMPARE_SOURCES_URL);

/** Pages that list the sources a few a page, which a source found links into. */
type SourcePages = { pages: 'theme'; theme: string; perPage: number } | { pages: 'figures'; perPage: number };

/** A source's place on such pages: its column on the theme's page, its sentences on the figures' page. */
const placeOn = (on: SourcePages, slug: string, index: number) =>
  on.pages === 'theme' ? themeColumnUrl(on.theme, slug, index, on.perPage) : figuresSourceUrl(slug, index, on.perPage);

/**
 * Every source, in publication order: outlet, year, headline (with its date when the name needs
 * it), linked to its article, or to its place on the pages `on` with the page it is on.
 */
function sources(on?: SourcePages): Listing {
  let order: Map<string, number> | undefined;
  const items = async () => {
    const all = await catalogue();
    order ??= new Map(all.map((source, i) => [source.slug, i]));
    return all;
  };
  return listing(SOURCE_NOUN, items, sourceFoldedName, (source) => {
    const index = order!.get(source.slug)!;
    const meta = on ? `${source.year} · page ${pageOf(index, on.perPage)}` : source.year;
    const href = on ? placeOn(on, source.slug, index) : articleUrl(source.slug);
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
function listOf({ list, pages, theme, perPage }: DOMStringMap): Listing | undefined {
  if (list === 'names') return names;
  if (list !== 'sources') return undefined;
  const size = Number(perPage);
  if (pages === 'theme' && theme && size > 0) return sources({ pages, theme, perPage: size });
  if (pages === 'figures' && size > 0) return sources({ pages, perPage: size });
  return sources();
}

class FindByName extends HTMLElement {
  #run = 0;

  connectedCallback() {
    const list = listOf(this.dataset);
    const field = this.querySelector<HTMLInputElement>('input');
    const status = this.querySelector<HTMLElement>('.find-status');
    const found = this.querySelector<HTMLElement>('.find-found');
    if (!list || !field || !status || !found) return;
    this.hidden = false;

    const empty = () => {
      this.#run++;
      status.replaceChildren();
      found.replaceChildren();
    };
    field.addEventListener('input', async () => {
      const typed = field.value;
      if (!typed.trim()) return empty();
      const run = ++this.#run;
      status.textContent = `Looking through every ${list.noun.one}…`;
      let matches: Found<HTMLLIElement>;
      try {
        matches = await list.find(typed);
      } catch {
        if (run === this.#run) status.textContent = `The list of ${list.noun.many} could not be loaded. Type again to retry.`;
        return;
      }
      if (run !== this.#run) return;
      status.textContent = foundSentence(matches, typed, list.noun);
      found.replaceChildren(...matches.shown);
    });

    const links = () => [...found.querySelectorAll<HTMLAnchorElement>('a')];
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && event.target === field && field.value) {
        field.value = '';
        empty();
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
