/**
 * <dossier-search>: the search page. Results are passages (one Pagefind record each, and
 * editors' notes, labelled), narrowed by facets — sources, themes, people/places/organisations
 * — that show how many passages each value holds for the current query. The URL keeps the state.
 *
 * Fast at any size: the best result's fragment is fetched alone and painted as soon as it is
 * in, then those of the others that fit on screen, each painted as it arrives, in order; the
 * next ones load as the reader scrolls or asks for more; facet counts come afterwards, from the
 * facet table over the hits (engine.ts). A query that finds nothing is searched again as its
 * best correction, and says so; one that finds little offers corrections.
 *
 * The same weight at any size: the long facets (sources, entities) come with their first few
 * options in the HTML; the others load from /search/facets.json only when needed (see
 * #allOptions), and a result's article comes from its record, not from the source facet.
 * Each long facet has a field that finds its options by name (#findIn), as "Show all" of a
 * thousand sources is no list to pick from.
 */
import { SEARCH_FACETS_URL, type SearchFacetOptionJson, type SearchFacetsJson } from '../../contract/endpoints';
import { recordOf } from '../../contract/search';
import { themeUrl } from '../../contract/routes';
import { el } from '../dom/build';
import { FEW_RESULTS, suggestionsFor } from './did-you-mean';
import { countInTable, findHits, hitKind, splitKinds, type Found, type Hit } from './engine';
import { FACETS, describeResults, emptySelection, hasSelection, type FacetCounts, type FacetName, type Selection } from './facets';
import { markedWords, unfoundWords } from './loose-matches';
import { excerptNodes, loadFacetTable, loadPagefind, type Pagefind, type PagefindResultData } from './pagefind';
import { hitPlace } from './hit-place';
import { SearchHelp } from './search-help';
import { searchTargetUrl } from './target-url';
import { languageAttributes } from '../../contract/language';
import { foundSentence } from './find-names';
import { foldText, termPlace } from './fold';

/** Results loaded at a time past the first screenful (on scroll or "Show more"). */
const PAGE_SIZE = 20;
/**
 * A long facet's find field shows this many of the options it matches at most, the most
 * relevant first: one letter matches most of a thousand sources, and drawing them all is slow.
 */
const FOUND_SHOWN = 50;
/** The least height a result takes: how many fit on screen decides how many load first. */
const MIN_RESULT_HEIGHT = 110;
/** Counting the facets waits this long for the reader to stop typing. */
const COUNTS_DELAY_MS = 150;
/**
 * The address bar follows the query once it has stayed this long (or at once when the reader
 * clicks or leaves): each history.replaceState is a round trip to the browser, 30 ms and more
 * on a busy machine, and a letter's search would pay it.
 */
const URL_SYNC_DELAY_MS = 400;
const INTRO = 'Type a word or a phrase, or pick a theme or a name: results are passages, each linking to its place in the article.';


interface Shown {
  query: string;
  found: Found;
  /** The first result's data, loaded (null when nothing was found). */
  first: PagefindResultData | null;
  /** The other results that fit on screen, in order: loaded once the first is painted. */
  rest: Hit[];
}

class DossierSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #summary!: HTMLElement;
  #list!: HTMLOListElement;
  #more!: HTMLButtonElement;
  #clear!: HTMLButtonElement;
  #facets!: HTMLElement;
  #didYouMean!: HTMLElement;
  #correction!: HTMLElement;
  #help!: SearchHelp;
  #run = 0;
  #hits: Hit[] = [];
  #found: Found = { hits: [], passages: 0, notes: 0, matched: [] };
  #shown = 0;
  /** Results of the first screenful painted but not yet loaded (see #paint): counted as shown. */
  #coming = 0;
  #loading: Promise<void> | null = null;
  /** A search is running; a newer one waits for it to end (see #search). */
  #searchRunning = false;
  #searchWaiting: { keepUrl: boolean } | null = null;
  /** The reader has scrolled since the results were painted: the next ones may load as they near. */
  #scrolled = false;
  /** The "Show more" button is within reach of the window's bottom edge. */
  #moreNear = false;
  /** The query whose results are shown (the reader's, or its correction). */
  #query = '';
  /** Search the words as typed, without correcting them (after "search instead for …"). */
  #literal = false;
  /** Whether the facet counts are a search's (true) or the whole dossier's. */
  #searching = false;
  /** Theme label → theme id, for the chips on results. */
  #themeIds = new Map<string, string>();
  /** Whether the index holds any editors' note (else every hit is a passage). */
  #notesIndexed = true;
  /** Every option of the long facets, once asked for (see #allOptions). */
  #allLoaded: Promise<boolean> | null = null;
  /** Whether the folded facets (data-options) hold every option yet: not while loading, or when it failed. */
  #allListed = false;
  #allFailed = false;
  /** Filter value → label, per facet, for the sentence above the results. */
  #labels = new Map<string, string>();
  /** The address the bar will show once the query has stayed (see URL_SYNC_DELAY_MS). */
  #pendingUrl: string | null = null;
  #urlTimer = 0;
  /** The ticked boxes by facet, once read (see #tickedBoxes). */
  #ticked: Map<string, HTMLInputElement[]> | null = null;
  /** Each long facet's option labels, folded for its find field (see #findIn), once asked for. */
  #foldedLabels = new WeakMap<HTMLElement, string>();

  connectedCallback() {
    this.#input = this.querySelector('input[type=search]')!;
    this.#notesIndexed = this.dataset.notes !== '0';
    this.#summary = this.querySelector('[data-search-summary]')!;
    this.#list = this.querySelector('[data-search-results]')!;
    this.#more = this.querySelector('[data-search-more]')!;
    this.#clear = this.querySelector('[data-facets-clear]')!;
    this.#facets = this.querySelector('.search-facets')!;
    this.#didYouMean = this.querySelector('[data-did-you-mean]')!;
    this.#correction = this.querySelector('[data-correction]')!;
    this.#help = new SearchHelp(this, {
      withoutFilters: () => this.#searchTicking(null),
      browse: (box) => {
        this.#input.value = '';
        this.#literal = false;
        this.#searchTicking(box);
      },
    });
    for (const box of this.#boxes('theme')) this.#themeIds.set(box.dataset.filterValue!, box.value);
    for (const facet of FACETS) {
      for (const box of this.#boxes(facet)) {
        const label = box.closest('label')?.querySelector('.facet-label')?.textContent?.trim();
        this.#labels.set(`${facet}:${box.dataset.filterValue}`, label || box.dataset.filterValue!);
      }
    }

    const unlisted = this.#restoreFromUrl();
    // the address is brought up to date before a click can follow a link or leave the page
    this.addEventListener('click', () => this.#flushUrl(), { capture: true });
    addEventListener('pagehide', () => this.#flushUrl());
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search();
    });
    // Pagefind answers a warm query in milliseconds, so search as the reader types;
    // a newer query supersedes an older one still running (see #run).
    this.#input.addEventListener('input', () => {
      this.#literal = false;
      void this.#search();
    });
    this.addEventListener('change', (event) => {
      if (!(event.target as Element).matches('input[type=checkbox]')) return;
      this.#ticked = null;
      void this.#search();
    });
    this.#clear.addEventListener('click', () => this.#searchTicking(null));
    this.#more.addEventListener('click', () => void this.#showMore(true));
    addEventListener(
      'scroll',
      () => {
        this.#scrolled = true;
        this.#loadIfNear();
      },
      { passive: true },
    );
    new IntersectionObserver(
      (entries) => {
        this.#moreNear = entries.at(-1)!.isIntersecting;
        this.#loadIfNear();
      },
      { rootMargin: '0px 0px 300px 0px' },
    ).observe(this.#more);
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-facet-more]')) {
      button.addEventListener('click', () => void this.#toggleAll(button));
    }
    for (const field of this.querySelectorAll<HTMLInputElement>('[data-facet-find]')) {
      field.addEventListener('input', () => this.#findIn(field.closest<HTMLElement>('[data-facet]')!));
    }
    this.#didYouMean.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-suggestion]');
      if (!link) return;
      event.preventDefault();
      this.#input.value = link.dataset.suggestion!;
      this.#literal = false;
      void this.#search();
      this.#input.focus();
    });
    this.#correction.querySelector('a')!.addEventListener('click', (event) => {
      event.preventDefault();
      this.#literal = true;
      void this.#search();
      this.#input.focus();
    });

    // a link may tick an option the HTML leaves out: fetch the others before searching
    const start = () => {
      if (this.#input.value || hasSelection(this.#selection())) void this.#search({ keepUrl: true });
    };
    if (unlisted) {
      void this.#allOptions().then(() => {
        this.#restoreFromUrl();
        start();
      });
    } else start();
  }

  /**
   * Adds the options the HTML leaves out of the long facets (once; false if they could not be
   * loaded). A search, "Show all" and a link ticking an unlisted option await it.
   */
  #allOptions(): Promise<boolean> {
    const folded = [...this.querySelectorAll<HTMLElement>('[data-facet][data-options]')];
    if (!folded.length) return Promise.resolve(true);
    if (this.#allLoaded) return this.#allLoaded;
    this.#allFailed = false;
    this.#allLoaded = fetch(SEARCH_FACETS_URL)
      .then((response) => {
        if (!response.ok) throw new Error(`${SEARCH_FACETS_URL}: ${response.status}`);
        return response.json() as Promise<SearchFacetsJson>;
      })
      .then((all) => {
        this.#allListed = true;
        for (const group of folded) {
          const facet = group.dataset.facet as keyof SearchFacetsJson;
          const list = group.querySelector('.facet-options')!;
          const listed = new Set(this.#boxes(facet).map((b) => b.dataset.filterValue));
          all[facet]?.forEach((option, rank) => {
            if (listed.has(option.value)) return;
            this.#labels.set(`${facet}:${option.value}`, option.label);
            list.append(this.#optionItem(facet, option, rank));
          });
          this.#arrangeLong(group, [...group.querySelectorAll<HTMLElement>('[data-facet-option]')]);
        }
        return true;
      })
      .catch(() => {
        this.#allLoaded = null; // the next need may try again
        this.#allFailed = true;
        for (const group of folded) this.#arrangeLong(group, [...group.querySelectorAll<HTMLElement>('[data-facet-option]')]);
        return false;
      });
    return this.#allLoaded;
  }

  /** An option's checkbox, as src/components/FacetGroup.astro writes it; hidden until arranged. */
  #optionItem(facet: FacetName, option: SearchFacetOptionJson, rank: number): HTMLLIElement {
    const box = el('input', {
      attrs: { type: 'checkbox', form: 'search-form', name: facet, value: option.param },
      data: { filterValue: option.value, ...(option.outlet ? { outlet: option.outlet } : {}) },
    });
    const count = el(
      'span',
      { class: 'facet-count' },
      el('span', { text: String(option.passages), data: { facetCount: '', total: String(option.passages) } }),
      el('span', { class: 'visually-hidden', text: ' passages' }),
    );
    const item = el('li', { data: { facetOption: '', rank: String(rank) } }, el('label', { class: 'facet-option' }, box, el('span', { class: 'facet-label', text: option.label }), count));
    item.hidden = true;
    return item;
  }

  /** Unticks every filter but `box` (ticked), searches, and leaves the reader in the query box. */
  #searchTicking(box: HTMLInputElement | null) {
    for (const other of this.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) other.checked = other === box;
    this.#ticked = null;
    void this.#search();
    this.#input.focus();
  }

  /** A facet's checkboxes. */
  #boxes(facet: FacetName): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>(`input[name="${facet}"]`)];
  }

  /**
   * A facet's ticked boxes, in the page's order. Read in one pass and kept until a box is
   * ticked or unticked (`#ticked = null`): with every option loaded the form holds thousands
   * of elements, each pass over them costs a millisecond or two, and a search needs the
   * selection several times before its results are painted.
   */
  #tickedBoxes(facet: FacetName): HTMLInputElement[] {
    if (!this.#ticked) {
      const ticked = new Map<string, HTMLInputElement[]>(FACETS.map((f) => [f, []]));
      for (const box of this.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) ticked.get(box.name)?.push(box);
      this.#ticked = ticked;
    }
    return this.#ticked.get(facet)!;
  }

  /** The form as the URL says; true when the URL ticks an option not (yet) on the page. */
  #restoreFromUrl(): boolean {
    const params = new URLSearchParams(location.search);
    this.#input.value = params.get('q') ?? '';
    this.#literal = params.get('literal') === '1';
    let unlisted = false;
    for (const facet of FACETS) {
      const wanted = new Set(params.getAll(facet));
      const found = new Set<string>();
      for (const box of this.#boxes(facet)) {
        // a source may also be named by its outlet (links made before sources were articles)
        const by = wanted.has(box.value) ? box.value : facet === 'source' && wanted.has(box.dataset.outlet!) ? box.dataset.outlet! : null;
        box.checked = by !== null;
        if (by !== null) found.add(by);
      }
      if ([...wanted].some((w) => !found.has(w))) unlisted = true;
    }
    this.#ticked = null;
    return unlisted;
  }

  /** Ticked values as the index knows them (article prefix, theme label, entity name), or their labels. */
  #selection(as: 'values' | 'labels' = 'values'): Selection {
    const selection = emptySelection();
    for (const facet of FACETS) {
      selection[facet] = this.#tickedBoxes(facet)
        .map((b) => b.dataset.filterValue!)
        .map((v) => (as === 'labels' ? (this.#labels.get(`${facet}:${v}`) ?? v) : v));
    }
    return selection;
  }

  /** How many results fit between the top of the list and the bottom of the window. */
  #onScreen(): number {
    const top = Math.max(0, this.#list.getBoundingClientRect().top);
    return Math.min(PAGE_SIZE, Math.max(3, Math.ceil((innerHeight - top) / MIN_RESULT_HEIGHT)));
  }

  /**
   * Searches what the form holds. One search runs at a time: a query typed meanwhile makes the
   * running one stale (it paints nothing) and runs when it ends, so however fast the reader
   * types, the index works on at most one query nobody will see.
   */
  async #search({ keepUrl = false } = {}) {
    if (this.#searchRunning) {
      this.#run++;
      this.#searchWaiting = { keepUrl: keepUrl && (this.#searchWaiting?.keepUrl ?? true) };
      return;
    }
    this.#searchRunning = true;
    try {
      await this.#runSearch(++this.#run, keepUrl);
    } finally {
      this.#searchRunning = false;
      const waiting = this.#searchWaiting;
      this.#searchWaiting = null;
      if (waiting) void this.#search(waiting);
    }
  }

  async #runSearch(run: number, keepUrl: boolean) {
    const typed = this.#input.value.trim();
    const selection = this.#selection();
    this.#showSelectionState(selection);
    // the counts shown are the previous search's until this one's arrive
    this.#facets.setAttribute('aria-busy', 'true');

    if (!typed && !hasSelection(selection)) {
      if (!keepUrl) this.#syncUrl(typed);
      this.#facets.removeAttribute('aria-busy');
      this.#hits = [];
      this.#shown = 0;
      this.#coming = 0;
      this.#loading = null;
      this.#list.replaceChildren();
      this.#more.hidden = true;
      this.#didYouMean.hidden = true;
      this.#correction.hidden = true;
      this.#help.hide();
      this.#showCounts(null);
      this.#summary.textContent = INTRO;
      return;
    }

    let pagefind: Pagefind;
    let shown: Shown | null;
    try {
      pagefind = await loadPagefind();
      shown = await this.#find(run, pagefind, typed, selection);
      if (!shown) return;
      // Nothing found: search the best correction instead, unless the reader asked for the words as typed.
      if (typed && !shown.found.hits.length && !this.#literal) {
        const corrected = await this.#corrected(run, pagefind, typed, selection);
        if (run !== this.#run) return;
        if (corrected) shown = corrected;
      }
    } catch {
      if (run !== this.#run) return;
      this.#help.hide();
      this.#summary.textContent = 'Search is unavailable: the search index could not be loaded. Try reloading the page.';
      return;
    }

    this.#paint(shown, typed);
    // after the paint: Chromium fetches the favicon again on every change of URL, and that
    // request would queue the first results' fragments behind it
    if (!keepUrl) this.#syncUrl(typed);
    void this.#countLater(run, shown.found, selection);
    if (shown.query === typed) void this.#offerSuggestions(run, pagefind, typed, selection, shown.found.passages + shown.found.notes);
    else this.#didYouMean.hidden = true;
  }

  /**
   * The query's hits and the data of those that fit on screen (null once a newer search has
   * started); a query that only finds loose fragments finds nothing.
   */
  async #find(run: number, pagefind: Pagefind, query: string, selection: Selection): Promise<Shown | null> {
    const found = await findHits(pagefind, query, selection, loadFacetTable, this.#notesIndexed);
    if (run !== this.#run) return null;
    const [best, ...others] = found.hits.slice(0, this.#onScreen());
    // The best result's fragment alone (the others' are fetched once it is painted): fetched
    // side by side with five others, it came in 11-28 ms after it was asked for on a 2-core
    // machine, with the last of them; alone, in about 5.
    const first = best ? await best.result.data() : null;
    if (run !== this.#run) return null;
    // A word Pagefind does not know matches the smaller words it splits into ("Afganistan"
    // finds every "a"): such results are no match at all. Each result marks every word it
    // was found for, anywhere in its text, so the first one usually settles it; when it does
    // not, the whole screenful does, as one of them may have the word the others lack.
    if (query && first && unfoundWords(query, markedWords(first)).length > 0) {
      const screenful = [first, ...(await Promise.all(others.map((h) => h.result.data())))];
      if (run !== this.#run) return null;
      if (unfoundWords(query, screenful.flatMap(markedWords)).length > 0) {
        return { query, found: { hits: [], passages: 0, notes: 0, matched: [] }, first: null, rest: [] };
      }
    }
    return { query, found, first, rest: others };
  }

  /** The first correction of the query's unknown words that finds something, searched. */
  async #corrected(run: number, pagefind: Pagefind, query: string, selection: Selection): Promise<Shown | null> {
    let suggestions;
    try {
      suggestions = await suggestionsFor(query);
    } catch {
      return null; // no vocabulary: the summary says what to try
    }
    for (const suggestion of suggestions) {
      const shown = await this.#find(run, pagefind, suggestion.text, selection);
      if (!shown || shown.found.hits.length) return shown;
    }
    return null;
  }

  /**
   * Paints the first result at once and the rest of the screenful as each loads, in order:
   * their fragments are fetched only now (see #find), and the reader sees the best result
   * without waiting for any other.
   */
  #paint({ query, found, first, rest }: Shown, typed: string) {
    this.#query = query;
    this.#found = found;
    this.#hits = found.hits;
    this.#shown = 0;
    this.#scrolled = false;
    this.#list.replaceChildren();
    this.#coming = rest.length;
    this.#render(first ? [first] : []);
    this.#loading = rest.length ? this.#paintRest(this.#run, rest) : null;
    if (rest.length) this.#list.setAttribute('aria-busy', 'true');
    else this.#list.removeAttribute('aria-busy');
    this.#describe();
    this.#help.update(found.hits.length, query, hasSelection(this.#selection()), found.matched?.length ?? 0);
    const corrected = query !== typed;
    this.#correction.hidden = !corrected;
    if (corrected) {
      this.#correction.querySelector('[data-corrected]')!.textContent = query;
      this.#correction.querySelector('[data-literal-query]')!.textContent = typed;
      this.#correction.querySelector('a')!.href = this.#urlFor(typed, true);
    }
    this.#facets.setAttribute('aria-busy', 'true');
    // once painted: the first results may leave room for more
    requestAnimationFrame(() => setTimeout(() => this.#loadIfNear()));
  }

  #describe() {
    const { passages, notes, mixed, matched } = this.#found;
    const shown = this.#shown + this.#coming;
    this.#summary.textContent = describeResults(passages, this.#query, this.#selection('labels'), shown, notes, mixed, matched?.length ?? 0);
  }

  /** The screenful's other results, loaded side by side and appended in order (see #paint). */
  async #paintRest(run: number, rest: Hit[]) {
    const loads = rest.map((hit) => hit.result.data());
    // a result not shown because a newer search started is no error
    for (const data of loads) data.catch(() => {});
    try {
      for (const data of loads) {
        const result = await data;
        if (run !== this.#run) return;
        this.#coming--;
        this.#render([result]);
      }
    } catch {
      // a result that could not load stays behind "Show more", which tries it again
      if (run === this.#run) {
        this.#coming = 0;
        this.#render([]);
        this.#describe();
      }
    } finally {
      if (run === this.#run) {
        this.#loading = null;
        this.#list.removeAttribute('aria-busy');
        this.#loadIfNear();
      }
    }
  }

  /** Loads and renders the next results: on scroll, or focusing the first new one when asked with the button. */
  async #showMore(focus: boolean) {
    const run = this.#run;
    const first = this.#shown;
    if (this.#loading) {
      // asked while the next results load on their own (focusing the button scrolled to it)
      await this.#loading;
      if (focus && run === this.#run) this.#list.children[first]?.querySelector<HTMLElement>('a')?.focus();
      return;
    }
    if (this.#shown >= this.#hits.length) return;
    this.#list.setAttribute('aria-busy', 'true');
    this.#loading = (async () => {
      const data = await Promise.all(this.#hits.slice(first, first + PAGE_SIZE).map((h) => h.result.data()));
      if (run !== this.#run || this.#shown !== first) return;
      this.#render(data);
      this.#describe();
    })();
    try {
      await this.#loading;
    } finally {
      if (run === this.#run) {
        this.#loading = null;
        this.#list.removeAttribute('aria-busy');
      }
    }
    if (run !== this.#run) return;
    // carry on reading where the new results start
    if (focus) this.#list.children[first]?.querySelector<HTMLElement>('a')?.focus();
    else this.#loadIfNear();
  }

  /**
   * The next results load as the reader scrolls towards the end of the list, or at once when
   * the list does not fill the window; never merely because the first ones were painted.
   */
  #loadIfNear() {
    if (this.#more.hidden || this.#loading) return;
    const onScreen = this.#more.getBoundingClientRect().top < innerHeight;
    if (onScreen || (this.#moreNear && this.#scrolled)) void this.#showMore(false);
  }

  #render(data: PagefindResultData[]) {
    const from = this.#shown;
    this.#list.append(...data.map((result, i) => this.#renderResult(this.#hits[from + i]!, result)));
    this.#shown += data.length;
    const left = this.#hits.length - this.#shown - this.#coming;
    this.#more.hidden = left <= 0;
    this.#more.textContent = `Show ${Math.min(PAGE_SIZE, left)} more result${left === 1 ? '' : 's'}`;
  }

  /** Facet counts for what is shown, once the reader pauses: never before the results are painted. */
  async #countLater(run: number, found: Found, selection: Selection) {
    await new Promise((resolve) => setTimeout(resolve, COUNTS_DELAY_MS));
    if (run !== this.#run) return;
    let counts: FacetCounts = { source: {}, theme: {}, entity: {} };
    // the values a search counts may be any: the long facets need all their options
    const options = this.#allOptions();
    let counted = false;
    const { matched } = found;
    if (!matched || matched.length) {
      try {
        counts = countInTable(await loadFacetTable(), matched, selection);
        counted = true;
      } catch {
        /* counts are a help, not the result: leave them blank */
      }
    }
    await options;
    if (run !== this.#run) return;
    // the counts tell the passages found from the editors' notes (engine.ts, splitKinds)
    if (counted && found.mixed) {
      this.#found = splitKinds(found, counts);
      this.#describe();
    }
    this.#showCounts(counts);
    this.#facets.removeAttribute('aria-busy');
  }

  async #offerSuggestions(run: number, pagefind: Pagefind, query: string, selection: Selection, found: number) {
    this.#didYouMean.hidden = true;
    if (!query || found > FEW_RESULTS) return;
    let offers: { text: string; count: number }[];
    try {
      const suggestions = await suggestionsFor(query);
      offers = await Promise.all(
        suggestions.map(async (s) => {
          const { passages, notes } = await findHits(pagefind, s.text, selection, loadFacetTable, this.#notesIndexed);
          return { text: s.text, count: passages + notes };
        }),
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
        note.textContent = `${count} result${count === 1 ? '' : 's'}`;
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
    const field = group.querySelector<HTMLInputElement>('[data-facet-find]');
    const term = foldText(field?.value.trim() ?? '');
    // read each option once: a long facet has an option per source or name of the dossier
    const options = items.map((item) => {
      // a name one of whose words begins with what is typed ("tu": Turkey, Tunisia) before one
      // that only holds it ("Institute")
      const place = term ? termPlace(this.#foldedLabel(item), term) : null;
      return {
        item,
        checked: item.querySelector('input')!.checked,
        count: Number(item.dataset.count),
        rank: Number(item.dataset.rank),
        found: !term || place !== null,
        atWord: place === 'word',
      };
    });
    options.sort(
      (a, b) =>
        Number(b.checked) - Number(a.checked) || Number(b.atWord) - Number(a.atWord) || (searching ? b.count - a.count : 0) || a.rank - b.rank,
    );
    const expanded = group.querySelector('[data-facet-more]')?.getAttribute('aria-expanded') === 'true';
    const ticked = options.filter((o) => o.checked).length;
    // what the find field finds shows whole, up to a point: a name is typed until the list is short
    const shown = term ? FOUND_SHOWN + ticked : expanded ? Infinity : Math.max(limit, ticked);
    // the options shown go first, in order; where the hidden ones stand does not matter, so
    // they are not moved (a long facet has thousands)
    const visible = document.createDocumentFragment();
    let relevant = 0;
    let found = 0;
    let listed = 0;
    for (const { item, checked, count, found: isFound } of options) {
      const isRelevant = checked || !searching || count > 0;
      // a ticked option stays in sight whatever the field says: the reader sees what narrows the results
      item.hidden = !isRelevant || !(isFound || checked) || listed >= shown;
      if (isRelevant) relevant++;
      if (isRelevant && isFound) found++;
      if (!item.hidden) {
        listed++;
        visible.append(item);
      }
    }
    list.prepend(visible);
    const button = group.querySelector<HTMLButtonElement>('[data-facet-more]');
    if (button) {
      // before the other options have loaded, the whole dossier has as many as the HTML says
      const all = searching ? relevant : Math.max(relevant, Number(group.dataset.options ?? 0));
      button.hidden = all <= limit || term !== '';
      button.textContent = expanded ? 'Show fewer' : `Show all ${all}`;
    }
    const status = group.querySelector<HTMLElement>('[data-facet-find-status]');
    if (status && field) status.textContent = term ? this.#foundSentence(field, found, this.#allListed || !group.dataset.options) : '';
  }

  /** What a facet's find field found: "3 names", "No source matches “Reuters” in these results". */
  #foundSentence(field: HTMLInputElement, found: number, complete: boolean): string {
    const noun = field.dataset.noun!;
    // until every option has loaded, only the first few were looked through
    if (!complete) {
      return this.#allFailed ? `The other ${noun}s could not be loaded; ${found} of the first few match` : `Looking through every ${noun}…`;
    }
    const where = this.#searching ? ' in these results' : '';
    return foundSentence(found, Math.min(found, FOUND_SHOWN), field.value, { one: noun, many: `${noun}s` }, { where });
  }

  /** An option's label, folded as the find field's words are (case, diacritics, dashes). */
  #foldedLabel(item: HTMLElement): string {
    let folded = this.#foldedLabels.get(item);
    if (folded === undefined) {
      folded = foldText(item.querySelector('.facet-label')?.textContent ?? '');
      this.#foldedLabels.set(item, folded);
    }
    return folded;
  }

  /**
   * Shows the options of a long facet its find field names: among those listed at once, and
   * from every option when they have loaded (#allOptions arranges the facet again then).
   */
  #findIn(group: HTMLElement) {
    void this.#allOptions();
    this.#arrangeLong(group, [...group.querySelectorAll<HTMLElement>('[data-facet-option]')]);
  }

  async #toggleAll(button: HTMLButtonElement) {
    const expanded = button.getAttribute('aria-expanded') !== 'true';
    if (expanded) {
      button.setAttribute('aria-busy', 'true');
      await this.#allOptions();
      button.removeAttribute('aria-busy');
    }
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

  #renderResult(hit: Hit, result: PagefindResultData): HTMLLIElement {
    // The index holds only the text (README, "The search contract"): the passage is the id in
    // the record's URL, and the headline and outlet of its article come with that URL.
    const record = recordOf(result.url);
    const place = record && hitPlace(record.url, record.meta);
    const article = place?.article;
    const target = place?.url ?? result.url;
    const query = this.#query;

    const item = document.createElement('li');
    const kind = hitKind(hit, result);
    item.className = kind === 'note' ? 'search-result is-note' : 'search-result';
    const where = document.createElement('p');
    where.className = 'outlet';
    if (kind === 'note') {
      const label = document.createElement('span');
      label.className = 'search-result-kind';
      label.textContent = 'Editors’ note';
      where.append(label, ' ');
    }
    where.append([article?.outlet, result.filters.section?.[0]].filter(Boolean).join(' · '));
    const title = document.createElement('a');
    title.className = 'search-result-title';
    title.href = query ? searchTargetUrl(target, query) : target;
    title.textContent = kind === 'note' ? `On a passage of “${article?.headline ?? target}”` : (article?.headline ?? target);
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...excerptNodes(result.excerpt, result.content));
    // a passage of an article in another language: its headline and words marked with it (a note is the editors')
    if (kind !== 'note') {
      for (const [name, value] of Object.entries(languageAttributes(record?.meta.language))) {
        excerpt.setAttribute(name, value);
        title.setAttribute(name, value);
      }
    }
    item.append(where, title, excerpt);

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

  #params(query: string, literal = this.#literal): URLSearchParams {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (query && literal) params.set('literal', '1');
    for (const facet of FACETS) for (const box of this.#tickedBoxes(facet)) params.append(facet, box.value);
    return params;
  }

  #urlFor(query: string, literal = false): string {
    const search = this.#params(query, literal).toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  #syncUrl(query: string) {
    this.#pendingUrl = this.#urlFor(query, this.#literal);
    clearTimeout(this.#urlTimer);
    this.#urlTimer = window.setTimeout(() => this.#flushUrl(), URL_SYNC_DELAY_MS);
  }

  #flushUrl() {
    clearTimeout(this.#urlTimer);
    const url = this.#pendingUrl;
    this.#pendingUrl = null;
    if (url !== null && url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  }
}

customElements.define('dossier-search', DossierSearch);
