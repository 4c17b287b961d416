/**
 * <dossier-search>: the search page. Results are passages (one Pagefind document each),
 * narrowed by facets — sources, themes, people/places/organisations — that show how many
 * passages each value holds for the current query. A query that finds little offers
 * "Did you mean …" corrections. Each result links to the passage in its article with the
 * query carried along, so the hit terms are marked on arrival. The URL keeps the state.
 */
import { themeUrl } from '../../contract/routes';
import { FEW_RESULTS, suggestionsFor } from './did-you-mean';
import { markedWords, unfoundWords } from './loose-matches';
import {
  FACETS,
  describeResults,
  emptySelection,
  facetCounts,
  hasSelection,
  pagefindFilters,
  type FacetCounts,
  type FacetName,
  type Selection,
} from './facets';
import {
  excerptNodes,
  loadPagefind,
  type Pagefind,
  type PagefindResult,
  type PagefindResultData,
  type PagefindSearch,
} from './pagefind';
import { searchTargetUrl } from './target-url';

const PAGE_SIZE = 20;
const INTRO = 'Type a word or a phrase, or pick a theme or a name: results are passages, each linking to its place in the article.';

class DossierSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #summary!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #clear!: HTMLButtonElement;
  #didYouMean!: HTMLElement;
  #run = 0;
  #results: PagefindResult[] = [];
  #shown = 0;
  #query = '';
  /** Whether the facet counts are a search's (true) or the whole dossier's. */
  #searching = false;
  /** Theme label → theme id, for the chips on results. */
  #themeIds = new Map<string, string>();
  /** Outlet → its article, for a result's headline and link. */
  #articles = new Map<string, { url: string; headline: string }>();

  connectedCallback() {
    this.#input = this.querySelector('input[type=search]')!;
    this.#summary = this.querySelector('[data-search-summary]')!;
    this.#list = this.querySelector('[data-search-results]')!;
    this.#more = this.querySelector('[data-search-more]')!;
    this.#clear = this.querySelector('[data-facets-clear]')!;
    this.#didYouMean = this.querySelector('[data-did-you-mean]')!;
    for (const box of this.#boxes('theme')) this.#themeIds.set(box.dataset.filterValue!, box.value);
    for (const box of this.#boxes('source')) {
      this.#articles.set(box.dataset.filterValue!, { url: box.dataset.articleUrl!, headline: box.dataset.headline! });
    }

    this.#restoreFromUrl();
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search();
    });
    // Pagefind answers a warm query in milliseconds, so search as the reader types;
    // a newer query supersedes an older one still running (see #run).
    this.#input.addEventListener('input', () => void this.#search());
    this.addEventListener('change', (event) => {
      if ((event.target as Element).matches('input[type=checkbox]')) void this.#search();
    });
    this.#clear.addEventListener('click', () => {
      for (const box of this.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = false;
      void this.#search();
      this.#input.focus();
    });
    this.#more.addEventListener('click', () => void this.#showMore());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-facet-more]')) {
      button.addEventListener('click', () => this.#toggleAll(button));
    }
    this.#didYouMean.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-suggestion]');
      if (!link) return;
      event.preventDefault();
      this.#input.value = link.dataset.suggestion!;
      void this.#search();
      this.#input.focus();
    });

    if (this.#input.value || hasSelection(this.#selection())) void this.#search({ keepUrl: true });
  }

  #boxes(facet: FacetName): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>(`input[name="${facet}"]`)];
  }

  #restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    this.#input.value = params.get('q') ?? '';
    for (const facet of FACETS) {
      const wanted = new Set(params.getAll(facet));
      for (const box of this.#boxes(facet)) box.checked = wanted.has(box.value);
    }
  }

  /** Ticked values as the index knows them (outlet, theme label, entity name). */
  #selection(): Selection {
    const selection = emptySelection();
    for (const facet of FACETS) {
      selection[facet] = this.#boxes(facet)
        .filter((b) => b.checked)
        .map((b) => b.dataset.filterValue!);
    }
    return selection;
  }

  async #search({ keepUrl = false } = {}) {
    const run = ++this.#run;
    const query = this.#input.value.trim();
    const selection = this.#selection();
    if (!keepUrl) this.#syncUrl(query);
    this.#showSelectionState(selection);

    if (!query && !hasSelection(selection)) {
      this.#results = [];
      this.#list.replaceChildren();
      this.#more.hidden = true;
      this.#didYouMean.hidden = true;
      this.#showCounts(null);
      this.#summary.textContent = INTRO;
      return;
    }

    let pagefind: Pagefind;
    let main: PagefindSearch;
    const term = query || null;
    try {
      pagefind = await loadPagefind();
      main = await pagefind.search(term, { filters: pagefindFilters(selection) });
    } catch {
      this.#summary.textContent = 'Search is unavailable: the search index could not be loaded. Try reloading the page.';
      return;
    }
    if (run !== this.#run) return;

    let results = main.results;
    let firstPage = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (run !== this.#run) return;
    // A word Pagefind does not know matches the smaller words it splits into ("Afganistan"
    // finds every "a"): such results are no match at all.
    const loose = Boolean(query) && results.length > 0 && unfoundWords(query, firstPage.flatMap(markedWords)).length > 0;
    if (loose) {
      results = [];
      firstPage = [];
    }

    // Results first; the facet counts (one more search per facet) follow a moment later.
    this.#results = results;
    this.#query = query;
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#render(firstPage);
    this.#summary.textContent = describeResults(results.length, query, selection, this.#shown);

    let counts: FacetCounts = { source: {}, theme: {}, entity: {} };
    if (!loose) {
      try {
        counts = await facetCounts(selection, main, (filters) => pagefind.search(term, { filters }));
      } catch {
        /* counts are a help, not the result: leave them blank */
      }
      if (run !== this.#run) return;
    }
    this.#showCounts(counts);
    await this.#offerSuggestions(run, pagefind, query, selection, results.length);
  }

  /** Renders the next page of results ("Show more"). */
  async #showMore() {
    const run = this.#run;
    const data = await Promise.all(this.#results.slice(this.#shown, this.#shown + PAGE_SIZE).map((r) => r.data()));
    if (run !== this.#run) return;
    const first = this.#shown;
    this.#render(data);
    this.#summary.textContent = describeResults(this.#results.length, this.#query, this.#selection(), this.#shown);
    // carry on reading where the new results start
    this.#list.children[first]?.querySelector<HTMLElement>('a')?.focus();
  }

  #render(data: PagefindResultData[]) {
    this.#list.append(...data.map((result) => this.#renderResult(result, this.#query)));
    this.#shown += data.length;
    this.#more.hidden = this.#shown >= this.#results.length;
    this.#more.textContent = `Show ${Math.min(PAGE_SIZE, this.#results.length - this.#shown)} more results`;
  }

  async #offerSuggestions(run: number, pagefind: Pagefind, query: string, selection: Selection, found: number) {
    this.#didYouMean.hidden = true;
    if (!query || found > FEW_RESULTS) return;
    let offers: { text: string; count: number }[];
    try {
      const suggestions = await suggestionsFor(query);
      const filters = pagefindFilters(selection);
      offers = await Promise.all(
        suggestions.map(async (s) => ({ text: s.text, count: (await pagefind.search(s.text, { filters })).results.length })),
      );
    } catch {
      return; // no suggestions is a quiet failure: the summary already says what to try
    }
    if (run !== this.#run) return;
    // only corrections that find more than the query did are worth a click
    const useful = offers.filter((o) => o.count > found);
    if (!useful.length) return;
    const list = this.#didYouMean.querySelector('[data-suggestions]')!;
    list.replaceChildren(
      ...useful.map(({ text, count }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = this.#urlFor(text);
        link.dataset.suggestion = text;
        link.textContent = text;
        const note = document.createElement('span');
        note.className = 'suggestion-count';
        note.textContent = `${count} passage${count === 1 ? '' : 's'}`;
        link.append(note);
        item.append(link);
        return item;
      }),
    );
    this.#didYouMean.hidden = false;
    this.#summary.textContent += ` Did you mean ${useful.map((o) => `“${o.text}”`).join(' or ')}?`;
  }

  /** Per-value counts into the facets (null: back to the whole dossier's). */
  #showCounts(counts: FacetCounts | null) {
    this.#searching = counts !== null;
    for (const facet of FACETS) {
      const group = this.querySelector<HTMLElement>(`[data-facet="${facet}"]`);
      if (!group) continue;
      const items = [...group.querySelectorAll<HTMLElement>('[data-facet-option]')];
      for (const item of items) {
        const box = item.querySelector('input')!;
        const slot = item.querySelector<HTMLElement>('[data-facet-count]')!;
        const count = counts ? (counts[facet][box.dataset.filterValue!] ?? 0) : Number(slot.dataset.total);
        slot.textContent = String(count);
        item.dataset.count = String(count);
        item.querySelector('.facet-option')!.classList.toggle('is-empty', count === 0 && !box.checked);
      }
      if (group.dataset.limit) this.#arrangeLong(group, items);
    }
  }

  /**
   * A long facet (entities) lists the values that matter first: ticked ones, then by count;
   * values with no passage in the results are left out while a search is on, and only the
   * first few show until "Show all".
   */
  #arrangeLong(group: HTMLElement, items: HTMLElement[]) {
    const searching = this.#searching;
    const limit = Number(group.dataset.limit);
    const list = group.querySelector('.facet-options')!;
    const checked = (i: HTMLElement) => i.querySelector('input')!.checked;
    const sorted = [...items].sort(
      (a, b) =>
        Number(checked(b)) - Number(checked(a)) ||
        (searching ? Number(b.dataset.count) - Number(a.dataset.count) : 0) ||
        Number(a.dataset.rank) - Number(b.dataset.rank),
    );
    list.append(...sorted);
    const relevant = sorted.filter((i) => checked(i) || !searching || Number(i.dataset.count) > 0);
    const expanded = group.querySelector('[data-facet-more]')?.getAttribute('aria-expanded') === 'true';
    sorted.forEach((item) => {
      const rank = relevant.indexOf(item);
      item.hidden = rank < 0 || (!expanded && rank >= Math.max(limit, relevant.filter(checked).length));
    });
    const button = group.querySelector<HTMLButtonElement>('[data-facet-more]');
    if (button) {
      button.hidden = relevant.length <= limit;
      button.textContent = expanded ? 'Show fewer' : `Show all ${relevant.length}`;
    }
  }

  #toggleAll(button: HTMLButtonElement) {
    const expanded = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(expanded));
    const group = button.closest<HTMLElement>('[data-facet]')!;
    this.#arrangeLong(group, [...group.querySelectorAll<HTMLElement>('[data-facet-option]')]);
  }

  #showSelectionState(selection: Selection) {
    for (const facet of FACETS) {
      const badge = this.querySelector<HTMLElement>(`[data-facet="${facet}"] [data-facet-selected]`);
      if (badge) badge.textContent = selection[facet].length ? `${selection[facet].length} selected` : '';
    }
    this.#clear.hidden = !hasSelection(selection);
  }

  #renderResult(result: PagefindResultData, query: string): HTMLLIElement {
    // The index holds only the passage text (README, "The search contract"): where it comes
    // from travels in its filters, and its place is its article's URL + its id.
    const outletName = result.filters.source?.[0] ?? '';
    const article = this.#articles.get(outletName);
    const passageId = /\/p\/([^/]+)\/?$/.exec(result.url)?.[1];
    const target = article && passageId ? `${article.url}#${passageId}` : result.url;

    const item = document.createElement('li');
    item.className = 'search-result';
    const outlet = document.createElement('p');
    outlet.className = 'outlet';
    outlet.textContent = [outletName, result.filters.section?.[0]].filter(Boolean).join(' · ');
    const title = document.createElement('a');
    title.className = 'search-result-title';
    title.href = query ? searchTargetUrl(target, query) : target;
    title.textContent = article?.headline ?? result.url;
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(outlet, title, excerpt);

    const themes = (result.filters.theme ?? []).filter((label) => this.#themeIds.has(label));
    if (themes.length) {
      const list = document.createElement('ul');
      list.className = 'search-result-themes';
      list.setAttribute('aria-label', 'Themes');
      for (const label of themes) {
        const id = this.#themeIds.get(label)!;
        const li = document.createElement('li');
        const chip = document.createElement('a');
        chip.className = `theme-chip theme-${id}`;
        chip.href = themeUrl(id);
        const dot = document.createElement('span');
        dot.className = 'theme-dot';
        dot.setAttribute('aria-hidden', 'true');
        chip.append(dot, label);
        li.append(chip);
        list.append(li);
      }
      item.append(list);
    }
    return item;
  }

  #params(query: string): URLSearchParams {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const facet of FACETS) for (const box of this.#boxes(facet)) if (box.checked) params.append(facet, box.value);
    return params;
  }

  #urlFor(query: string): string {
    const search = this.#params(query).toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  #syncUrl(query: string) {
    history.replaceState(null, '', this.#urlFor(query));
  }
}

customElements.define('dossier-search', DossierSearch);
