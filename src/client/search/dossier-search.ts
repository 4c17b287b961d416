/**
 * <dossier-search>: the search page. Results are passages (one Pagefind document
 * each), filtered by source; each links to the passage in its article with the
 * query carried along so the hit terms are marked on arrival.
 */
import { excerptNodes, loadPagefind, type PagefindResultData, type PagefindSearch } from './pagefind';
import { searchTargetUrl } from './target-url';

const PAGE_SIZE = 20;

class DossierSearch extends HTMLElement {
  #form!: HTMLFormElement;
  #input!: HTMLInputElement;
  #summary!: HTMLElement;
  #list!: HTMLOListElement;
  #run = 0;

  connectedCallback() {
    this.#form = this.querySelector('form')!;
    this.#input = this.querySelector('input[type=search]')!;
    this.#summary = this.querySelector('[data-search-summary]')!;
    this.#list = this.querySelector('[data-search-results]')!;

    const params = new URLSearchParams(location.search);
    this.#input.value = params.get('q') ?? '';
    const sources = new Set(params.getAll('source'));
    for (const box of this.#sourceBoxes()) box.checked = sources.has(box.value);

    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#search();
    });
    this.#input.addEventListener('input', () => void this.#search());
    this.#form.addEventListener('change', () => void this.#search());
    if (this.#input.value || sources.size) void this.#search();
  }

  #sourceBoxes(): HTMLInputElement[] {
    return [...this.querySelectorAll<HTMLInputElement>('input[name=source]')];
  }

  async #search() {
    const run = ++this.#run;
    const query = this.#input.value.trim();
    const sources = this.#sourceBoxes().filter((b) => b.checked).map((b) => b.value);
    this.#syncUrl(query, sources);
    if (!query) {
      this.#list.replaceChildren();
      this.#summary.textContent = 'Type a word or a phrase: results are passages, each linking to its place in the article.';
      return;
    }

    let search: PagefindSearch;
    try {
      const pagefind = await loadPagefind();
      // Always pass the source filter (all sources when none is ticked): Pagefind
      // only reports per-source counts for a filtered search.
      const any = sources.length ? sources : this.#sourceBoxes().map((b) => b.value);
      search = await pagefind.search(query, { filters: { source: { any } } });
    } catch {
      this.#summary.textContent = 'Search is unavailable: the search index could not be loaded. Try reloading the page.';
      return;
    }
    if (run !== this.#run) return;

    this.#showCounts(search.totalFilters.source ?? {});
    const shown = search.results.slice(0, PAGE_SIZE);
    const data = await Promise.all(shown.map((r) => r.data()));
    if (run !== this.#run) return;

    this.#list.replaceChildren(...data.map((result) => this.#renderResult(result, query)));
    this.#summary.textContent = this.#describe(search.results.length, query, sources);
  }

  #describe(count: number, query: string, sources: string[]): string {
    const scope = sources.length ? ` in ${sources.join(', ')}` : '';
    if (count === 0) {
      return `No passage matches “${query}”${scope}. Try fewer words, another spelling${sources.length ? ', or all sources' : ''}.`;
    }
    const shown = count > PAGE_SIZE ? ` (showing the first ${PAGE_SIZE})` : '';
    return `${count} passage${count === 1 ? '' : 's'} match “${query}”${scope}${shown}.`;
  }

  #showCounts(counts: Record<string, number>) {
    for (const slot of this.querySelectorAll<HTMLElement>('[data-count-for]')) {
      slot.textContent = String(counts[slot.dataset.countFor!] ?? 0);
    }
  }

  #renderResult(result: PagefindResultData, query: string): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    const outlet = document.createElement('p');
    outlet.className = 'outlet';
    outlet.textContent = [result.meta.outlet, result.meta.section].filter(Boolean).join(' · ');
    const title = document.createElement('a');
    title.className = 'search-result-title';
    title.href = searchTargetUrl(result.meta.target ?? result.url, query);
    title.textContent = result.meta.title ?? result.url;
    const excerpt = document.createElement('p');
    excerpt.className = 'search-result-excerpt';
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(outlet, title, excerpt);
    return item;
  }

  #syncUrl(query: string, sources: string[]) {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const s of sources) params.append('source', s);
    const search = params.toString();
    history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
  }
}

customElements.define('dossier-search', DossierSearch);
