/**
 * The sources a compare page does not hold, fitted in when the reader picks one (a dossier
 * larger than the view holds: see compareSourceUrl in routes.ts). Each layout in the page gets
 * the source's share from that source's own page — its count and cell in every theme row, or
 * its full-text column — and the view its header and tab, each placed in publication order.
 */
import type { CompareSourceJson } from '../../contract/endpoints';
import { COMPARE_LAYOUT_FRAGMENT, compareSourceUrl, type CompareLayout } from '../../contract/routes';
import { el } from '../dom/build';
import { FindField } from '../dom/find-field';
import { FIND_SHOWN } from '../search/find-names';
import { findSources, SOURCE_NOUN } from './find-source';
import { fetchPage } from './lazy-view';

const pages = new Map<string, Promise<Document>>();

/** A source's page in one layout, fetched once (a failed fetch is forgotten, to be tried again). */
function sourcePage(slug: string, layout: CompareLayout): Promise<Document> {
  const url = compareSourceUrl(slug, layout);
  let page = pages.get(url);
  if (!page) {
    page = fetchPage(url);
    pages.set(url, page);
    page.catch(() => pages.delete(url));
  }
  return page;
}

/** Puts a column's piece among `container`'s, in publication order (`order`: every slug). */
function place(container: Element, piece: HTMLElement, order: readonly string[]): void {
  const at = order.indexOf(piece.dataset.col!);
  const after = [...container.children].find((child) => child instanceof HTMLElement && child.dataset.col !== undefined && order.indexOf(child.dataset.col) > at);
  container.insertBefore(piece, after ?? null);
}

/**
 * Fits the source `slug` into the given layouts of `view` (those in the page), and its header and
 * tab when the view has none yet. Every page is fetched before anything goes in, so a failure
 * (a LazyViewError) leaves the view as it was. Returns the pieces added, to be wired.
 */
export async function fitSource(view: HTMLElement, slug: string, order: readonly string[], layouts: readonly CompareLayout[]): Promise<HTMLElement[]> {
  const fetched = await Promise.all(layouts.map(async (layout) => [layout, await sourcePage(slug, layout)] as const));
  const added: HTMLElement[] = [];
  const fit = (piece: Element | null | undefined, container: Element | null | undefined) => {
    if (!piece || !container) return;
    const copy = document.importNode(piece, true) as HTMLElement;
    copy.removeAttribute('data-narrow-off'); // how the source's own page draws it before scripts: not here
    place(container, copy, order);
    added.push(copy);
  };
  const col = `[data-col="${CSS.escape(slug)}"]`;
  for (const [layout, page] of fetched) {
    const section = view.querySelector(`#${COMPARE_LAYOUT_FRAGMENT[layout]}:not(.cmp-lazy)`);
    if (!section || section.querySelector(col)) continue;
    if (layout === 'text') {
      fit(page.querySelector(`.cmp-column${col}`), section.querySelector('.cmp-columns'));
      continue;
    }
    for (const row of section.querySelectorAll<HTMLElement>('.cmp-row')) {
      const theirs = page.querySelector(`.cmp-row[data-theme="${CSS.escape(row.dataset.theme ?? '')}"]`);
      fit(theirs?.querySelector(`.cmp-count${col}`), row.querySelector('.cmp-row-counts'));
      fit(theirs?.querySelector(`.cmp-cell${col}`), row.querySelector('.cmp-cells'));
    }
  }
  const [, page] = fetched[0] ?? [];
  if (page && !view.querySelector(`.cmp-head${col}`)) fit(page.querySelector(`.cmp-head${col}`), view.querySelector('.cmp-heads .cmp-grid'));
  if (page && !view.querySelector(`.cmp-tab${col}`)) fit(page.querySelector(`.cmp-tab${col}`), view.querySelector('.cmp-tabs'));
  return added;
}

/** A source's chip for the picker, as CompareChip.astro draws one, from the catalogue's entry. */
export function sourceChip(source: CompareSourceJson): HTMLLabelElement {
  const box = el('input', { attrs: { type: 'checkbox', name: 'sources', value: source.slug }, data: { outlet: source.outlet } });
  const chip = el(
    'label',
    { class: 'filter-chip', attrs: { title: source.headline } },
    box,
    el('span', { class: 'filter-chip-name', text: source.name }),
    ' ',
    el('span', { class: 'filter-count', text: source.year }),
  );
  return chip;
}

/**
 * The picker's "Find another source" (CompareView.astro's .cmp-find): what is typed looked up
 * in every source of the dossier (`catalogue`: null when it cannot be had), the matches listed as
 * chips to tick (the picker's change listener takes it from there), those already chips left out.
 */
export function findAnotherSource(view: HTMLElement, catalogue: () => Promise<CompareSourceJson[] | null>): FindField {
  const listed = () => new Set([...view.querySelectorAll<HTMLInputElement>('.cmp-picker > .filter-chip input')].map((box) => box.value));
  return new FindField(
    view.querySelector<HTMLInputElement>('.cmp-find input')!,
    view.querySelector<HTMLElement>('.cmp-find-status')!,
    view.querySelector<HTMLElement>('.cmp-found')!,
    {
      noun: SOURCE_NOUN,
      other: true,
      find: async (typed) => {
        const sources = await catalogue();
        if (!sources) throw new Error('the list of sources could not be loaded');
        const matches = findSources(sources, typed, listed(), FIND_SHOWN);
        return { total: matches.total, shown: matches.shown.map(sourceChip) };
      },
    },
  );
}
