/**
 * What the search page offers beside its results: a way past the facets to the results (the
 * facets come first in the page), and, when a search finds nothing, somewhere to go — the
 * search without its filters when they emptied it, else the dossier's themes and the names it
 * mentions most, each a search of its own. Built from the facets already in the page: no
 * request, and nothing done until a search comes back empty.
 */

/** How many themes and how many names an empty search offers. */
const OFFERED = 6;

export interface SearchHelpActions {
  /** Untick every filter and search the same words again. */
  withoutFilters(): void;
  /** Search the passages of one facet value (its checkbox in the page), without words or other filters. */
  browse(box: HTMLInputElement): void;
}

export class SearchHelp {
  readonly #root: HTMLElement;
  readonly #unfilter: HTMLElement;
  readonly #browse: HTMLElement;
  #filled = false;

  constructor(root: HTMLElement, actions: SearchHelpActions) {
    this.#root = root;
    this.#unfilter = root.querySelector('[data-unfilter]')!;
    this.#browse = root.querySelector('[data-browse]')!;
    this.#unfilter.querySelector('button')!.addEventListener('click', () => actions.withoutFilters());
    this.#browse.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-browse-facet]');
      const box = link && this.#box(link.dataset.browseFacet!, link.dataset.browseValue!);
      if (!box) return;
      event.preventDefault();
      actions.browse(box);
    });
    // With results on the page, straight to the first; else to the sentence that says why not.
    root.querySelector('[data-skip-results]')!.addEventListener('click', (event) => {
      const first = root.querySelector<HTMLElement>('[data-search-results] a, [data-correction]:not([hidden]) a');
      if (!first) return;
      event.preventDefault();
      first.focus();
    });
  }

  /**
   * After a search is painted. `found`: its results; `filtered`: a filter is ticked; `unfiltered`:
   * what its words find without the filters.
   */
  update(found: number, query: string, filtered: boolean, unfiltered: number) {
    const empty = found === 0 && (query !== '' || filtered);
    const unfilter = empty && filtered && (unfiltered > 0 || !query);
    this.#unfilter.hidden = !unfilter;
    this.#browse.hidden = !empty || unfilter;
    if (!this.#browse.hidden) this.#fill();
  }

  hide() {
    this.#unfilter.hidden = this.#browse.hidden = true;
  }

  #box(facet: string, value: string): HTMLInputElement | null {
    return [...this.#root.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${facet}"]`)].find((b) => b.value === value) ?? null;
  }

  /** The themes with the most passages, and the names most mentioned (the entity facet lists them so). */
  #fill() {
    if (this.#filled) return;
    this.#filled = true;
    const options = (facet: string) =>
      [...this.#root.querySelectorAll<HTMLElement>(`[data-facet="${facet}"] [data-facet-option]`)]
        .map((item) => ({
          box: item.querySelector('input')!,
          label: item.querySelector('.facet-label')?.textContent?.trim() ?? '',
          dot: item.querySelector('.theme-dot')?.className,
          passages: Number(item.querySelector<HTMLElement>('[data-facet-count]')?.dataset.total ?? 0),
          rank: Number(item.dataset.rank),
        }))
        .filter((o) => o.label && o.passages > 0);
    const themes = options('theme').sort((a, b) => b.passages - a.passages).slice(0, OFFERED);
    const names = options('entity').sort((a, b) => a.rank - b.rank).slice(0, OFFERED);
    for (const [list, facet, offered] of [
      [this.#browse.querySelector<HTMLElement>('[data-browse-themes]')!, 'theme', themes],
      [this.#browse.querySelector<HTMLElement>('[data-browse-names]')!, 'entity', names],
    ] as const) {
      list.replaceChildren(
        ...offered.map((o) => {
          const link = document.createElement('a');
          link.href = `${location.pathname}?${new URLSearchParams({ [facet]: o.box.value })}`;
          link.dataset.browseFacet = facet;
          link.dataset.browseValue = o.box.value;
          if (o.dot) {
            const dot = document.createElement('span');
            dot.className = o.dot;
            dot.setAttribute('aria-hidden', 'true');
            link.append(dot);
          }
          const count = document.createElement('span');
          count.className = 'search-browse-count';
          // the space inside the count: read in the link's name, never underlined (the count is an inline-block)
          count.textContent = ` ${o.passages} passage${o.passages === 1 ? '' : 's'}`;
          link.append(o.label, count);
          const item = document.createElement('li');
          item.append(link);
          return item;
        }),
      );
      (list.previousElementSibling as HTMLElement).hidden = list.hidden = offered.length === 0;
    }
  }
}
