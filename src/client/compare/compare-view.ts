/**
 * <compare-view>: the compare page's behaviour on top of its pre-rendered markup.
 * Configured by data-all (every source, in order) and data-available (the sources this page
 * holds). It reads and writes the choice of sources in the URL (?sources=…&step=1), shows
 * and hides columns, turns them into tabs on narrow screens, and wires the full-text
 * minimaps, the in-step scrolling, the keyboard moves and the copy-link buttons.
 * The layout shown is the URL fragment (#by-theme, #full-text, #t-<theme> for a theme row,
 * #<passage-id> for a passage in the full text), written to data-layout for the stylesheet.
 * The page holds one layout; the other is fetched the first time it is asked for (lazy-view.ts).
 * In a dossier larger than the view holds (data-total), the picker finds any other source
 * by name, and a source picked or named in the URL is fetched and fitted in (more-sources.ts).
 */
import type { CompareSourceJson } from '../../contract/endpoints';
import { isPassageId } from '../../contract/passage-id';
import { safeDecode } from '../../contract/text-fragment';
import { COMPARE_LAYOUT_FRAGMENT, COMPARE_URL, compareUrl, COMPARE_STEP_PARAM, type CompareLayout } from '../../contract/routes';
import { jsonOnce } from '../search/json-once';
import { addCopyButtons, wireCopyLinks } from './copy-link';
import { announce, isShown, notify } from './dom';
import { CompareKeys } from './keys';
import { LazyView, LazyViewError } from './lazy-view';
import { Minimap } from './minimap';
import { findAnotherSource, fitSource, sourceChip } from './more-sources';
import type { FindField } from '../dom/find-field';
import {
  SOURCES_PARAM,
  defaultSelection,
  formatSelection,
  isAvailable,
  parseSelection,
  toggleSource,
} from './selection';
import { StepController } from './step';

const NARROW = '(max-width: 767.98px)';
const LAYOUTS: CompareLayout[] = ['theme', 'text'];

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

class CompareView extends HTMLElement {
  /** Every source, in publication order: those the view holds until the catalogue has loaded. */
  #all: string[] = [];
  /** The sources the view holds (data-all); a pair page holds two of them. */
  #held: string[] = [];
  /** The sources in this page: held by it, or fitted in since. */
  #available: string[] = [];
  /** Every source of a dossier larger than the view holds (null: not asked for, or none more). */
  #catalogue: (() => Promise<CompareSourceJson[]>) | null = null;
  /** The picker's "Find another source", in such a dossier. */
  #find?: FindField;
  #selected: string[] = [];
  #tab = '';
  #narrow = matchMedia(NARROW);
  #minimaps: Minimap[] = [];
  #step?: StepController;
  #keys?: CompareKeys;
  #lazy = new Map<CompareLayout, LazyView>();
  /** Which hash the layout was last chosen for: a newer hash wins over a load still running. */
  #hashRun = 0;

  connectedCallback(): void {
    this.#held = list(this.dataset.all);
    this.#all = [...this.#held];
    this.#available = list(this.dataset.available);
    const more = this.querySelector<HTMLInputElement>('.cmp-find input');
    if (more && Number(this.dataset.total) > this.#held.length) this.#catalogue = jsonOnce<CompareSourceJson[]>(more.dataset.src!);
    const params = new URLSearchParams(location.search);
    const param = params.get(SOURCES_PARAM);
    // sources the view does not hold: the full page fetches them (below); a pair page sends there
    const beyond = Boolean(this.#catalogue) && list(param ?? '').some((slug) => !this.#held.includes(slug));
    const asked = parseSelection(param, this.#all);
    if (beyond && this.#isPairPage()) {
      location.replace(`${COMPARE_URL}${location.search}${location.hash}`);
      return;
    }
    if (asked && !isAvailable(asked, this.#available)) {
      // a pair page asked for other sources: go to the page that holds them
      location.replace(this.#pageFor(asked));
      return;
    }
    this.#selected = (beyond ? null : asked) ?? defaultSelection(this.#available, this.#narrow.matches);
    this.#tab = this.#selected[0]!;

    this.classList.add('is-live', 'has-tabs');

    const stepStatus = () => this.querySelector<HTMLElement>('.cmp-step-status');
    this.#step = new StepController(this, {
      status: stepStatus,
      labelOf: (id) => this.querySelector(`.theme-chip[data-theme="${id}"]`)?.textContent?.trim() ?? id,
      outletOf: (column) => this.#outletOf(column.dataset.col!),
    });
    this.#keys = new CompareKeys(this, {
      selected: () => this.#selected,
      showColumn: (slug) => this.#showTab(slug),
      outletOf: (slug) => this.#outletOf(slug),
    });
    wireCopyLinks(this);
    this.#stepInitially = params.get(COMPARE_STEP_PARAM) === '1';
    this.#wireLayout(this);
    for (const placeholder of this.querySelectorAll<HTMLElement>('.cmp-lazy')) {
      const layout: CompareLayout = placeholder.id === COMPARE_LAYOUT_FRAGMENT.text ? 'text' : 'theme';
      this.#lazy.set(
        layout,
        new LazyView(placeholder, {
          name: layout === 'text' ? 'the full text' : 'the theme rows',
          loaded: async (section) => {
            this.#wireLayout(section);
            // the sources fitted in since the page loaded have their share of this layout too
            const fitted = this.#available.filter((slug) => !section.querySelector(`[data-col="${CSS.escape(slug)}"]`));
            for (const slug of fitted) {
              try {
                this.#wirePieces(await fitSource(this, slug, this.#all, [layout]));
              } catch (error) {
                this.#dropSource(slug, error);
              }
            }
            this.#apply();
          },
        }),
      );
    }
    // scripts move between layouts inside the page: the links become fragments
    for (const link of this.querySelectorAll<HTMLAnchorElement>('.cmp-view-link')) {
      link.href = `#${COMPARE_LAYOUT_FRAGMENT[link.dataset.view === 'text' ? 'text' : 'theme']}`;
    }

    this.#wirePicker();
    if (this.#catalogue) this.#find = findAnotherSource(this, () => this.#everySource());
    this.#wireTabs();
    this.#wireStickyOffsets();
    addEventListener('hashchange', () => void this.#onHash(true));

    this.#apply();
    void this.#onHash();
    if (beyond) void this.#openAsked(param!);
  }

  /** A pair page: it holds two of the sources the view holds. */
  #isPairPage(): boolean {
    return list(this.dataset.available).length < this.#held.length;
  }

  /** Every source, in order, once the catalogue has loaded; null when it cannot be had. */
  async #everySource(): Promise<CompareSourceJson[] | null> {
    if (!this.#catalogue) return null;
    try {
      const catalogue = await this.#catalogue();
      // once: the catalogue holds more sources than the view
      if (this.#all.length < catalogue.length) this.#all = catalogue.map((source) => source.slug);
      return catalogue;
    } catch {
      return null;
    }
  }

  /** The sources a URL names beyond those the view holds: fetched, fitted in and shown. */
  async #openAsked(param: string): Promise<void> {
    this.setAttribute('aria-busy', 'true');
    const catalogue = await this.#everySource();
    const asked = catalogue && parseSelection(param, this.#all);
    try {
      if (!catalogue) throw new LazyViewError('the list of sources could not be loaded');
      if (!asked) {
        notify('The dossier holds fewer than two of the sources this link names; showing the most recent.');
        return;
      }
      await this.#bring(asked, catalogue);
      this.#selected = asked;
      this.#apply();
      // what the fragment names may be in a source only now in the page
      if (location.hash) await this.#onHash();
    } catch (error) {
      notify(`The sources this link names could not be loaded (${this.#why(error)}); showing the most recent.`);
    } finally {
      this.removeAttribute('aria-busy');
    }
  }

  /**
   * Fits the sources of `slugs` this page lacks into it, each into the layouts in the page
   * (a layout still to be fetched gets them when it is: see the LazyView hook), and gives each
   * a chip in the picker. Throws when one cannot be had; those fitted before it stay.
   */
  async #bring(slugs: readonly string[], catalogue: readonly CompareSourceJson[]): Promise<void> {
    for (const slug of slugs.filter((s) => !this.#available.includes(s))) {
      const col = `[data-col="${CSS.escape(slug)}"]`;
      // twice: a layout that arrives while the first pass loads has not seen this source yet
      for (let pass = 0; pass < 2; pass++) {
        const layouts = LAYOUTS.filter((layout) => {
          const section = this.querySelector(`#${COMPARE_LAYOUT_FRAGMENT[layout]}:not(.cmp-lazy)`);
          return section && !section.querySelector(col);
        });
        if (layouts.length) this.#wirePieces(await fitSource(this, slug, this.#all, layouts));
      }
      this.#available = this.#all.filter((s) => s === slug || this.#available.includes(s));
      const source = catalogue.find((s) => s.slug === slug);
      if (source && !this.querySelector(`.cmp-picker input[value="${CSS.escape(slug)}"]`)) this.#placeChip(sourceChip(source));
    }
  }

  /** What fitted pieces need: copy buttons, and a minimap and in-step scrolling for a column. */
  #wirePieces(pieces: HTMLElement[]): void {
    for (const piece of pieces) {
      addCopyButtons(piece);
      if (piece.matches('.cmp-column')) this.#wireColumn(piece);
    }
  }

  /** A full-text column's minimap and in-step scrolling. */
  #wireColumn(column: HTMLElement): void {
    this.#minimaps.push(new Minimap(column));
    this.#step?.watch(column.querySelector<HTMLElement>('.cmp-scroller')!);
  }

  /** A fitted source whose share of a layout could not be had: out of the choice, and said so. */
  #dropSource(slug: string, error: unknown): void {
    notify(`${this.#outletOf(slug)} could not be loaded into this layout (${this.#why(error)}).`);
    const result = toggleSource(this.#selected, this.#all, slug, false);
    this.#selected = result.ok ? result.selected : defaultSelection(this.#held, this.#narrow.matches);
    this.#available = this.#available.filter((s) => s !== slug);
    for (const piece of this.querySelectorAll(`[data-col="${CSS.escape(slug)}"]`)) piece.remove();
    this.#writeUrl();
  }

  #why(error: unknown): string {
    return error instanceof LazyViewError ? error.message : 'it could not be read';
  }

  /** Puts a source's chip among the picker's, in publication order (before the find field). */
  #placeChip(chip: HTMLElement): void {
    const at = this.#all.indexOf(chip.querySelector('input')!.value);
    const chips = [...this.querySelectorAll<HTMLInputElement>('.cmp-picker > .filter-chip input')];
    const after = chips.find((box) => this.#all.indexOf(box.value) > at)?.closest('.filter-chip');
    (after ?? this.querySelector('.cmp-find')!).before(chip);
  }

  /** What a layout's markup needs once it is in the page (at first, or when fetched). */
  #wireLayout(root: HTMLElement): void {
    for (const el of root.querySelectorAll('[data-js-only]')) el.removeAttribute('hidden');
    addCopyButtons(root);
    for (const column of root.querySelectorAll<HTMLElement>('.cmp-column')) this.#wireColumn(column);
    this.#wireRowTools(root);
    this.#wireStep(root);
  }

  /** Shows the chosen columns (and only those), in every part of the view. */
  #apply(): void {
    const chosen = new Set(this.#selected);
    for (const el of this.querySelectorAll<HTMLElement>('[data-col]')) el.hidden = !chosen.has(el.dataset.col!);
    for (const box of this.querySelectorAll<HTMLInputElement>('.cmp-picker input[type="checkbox"]')) box.checked = chosen.has(box.value);
    this.dataset.cols = String(this.#selected.length);
    const count = this.querySelector('.cmp-picker-count');
    if (count) count.textContent = `${this.#selected.length} of ${this.dataset.total ?? this.#all.length}: ${this.#selected.map((s) => this.#outletOf(s)).join(', ')}`;
    if (!chosen.has(this.#tab)) this.#tab = this.#selected[0]!;
    this.#applyTab();
    this.#layout();
  }

  #applyTab(): void {
    for (const el of this.querySelectorAll<HTMLElement>('.cmp-tabbed')) el.classList.toggle('is-off-tab', el.dataset.col !== this.#tab);
    for (const tab of this.querySelectorAll<HTMLElement>('.cmp-tab')) tab.setAttribute('aria-pressed', String(tab.dataset.tab === this.#tab));
    this.#keys?.resetRoving();
  }

  /** Makes a source the visible tab (narrow screens), keeping the reader's place in the rows. */
  #showTab(slug: string): void {
    if (slug === this.#tab) return;
    const keep = this.#narrow.matches ? this.#rowAtTop() : null;
    const before = keep?.getBoundingClientRect().top ?? 0;
    this.#tab = slug;
    this.#applyTab();
    if (keep) window.scrollBy(0, keep.getBoundingClientRect().top - before);
    this.#layout();
    const scroller = this.querySelector<HTMLElement>(`.cmp-column[data-col="${slug}"] .cmp-scroller`);
    if (scroller && isShown(scroller)) this.#step?.reveal(scroller);
  }

  /** The first theme row still on screen below the sticky headers. */
  #rowAtTop(): HTMLElement | null {
    const heads = this.querySelector('.cmp-tabs')?.getBoundingClientRect().bottom ?? 0;
    return [...this.querySelectorAll<HTMLElement>('.cmp-row')].find((row) => isShown(row) && row.getBoundingClientRect().bottom > heads) ?? null;
  }

  #wirePicker(): void {
    this.querySelector('.cmp-picker')?.addEventListener('change', async (event) => {
      const box = event.target as HTMLInputElement;
      if (box.type !== 'checkbox') return; // the find field's own change
      let result = toggleSource(this.#selected, this.#all, box.value, box.checked);
      if (!result.ok) {
        box.checked = !box.checked;
        notify(result.reason);
        return;
      }
      if (!isAvailable(result.selected, this.#available)) {
        if (this.#isPairPage() || !this.#catalogue) {
          location.assign(this.#pageFor(result.selected));
          return;
        }
        // a source found by name: fetched and fitted in, its chip kept among the others
        const chip = box.closest<HTMLElement>('.filter-chip')!;
        box.disabled = true;
        chip.setAttribute('aria-busy', 'true');
        try {
          await this.#bring([box.value], (await this.#everySource()) ?? []);
        } catch (error) {
          box.checked = false;
          notify(`${this.#outletOf(box.value)} could not be loaded (${this.#why(error)}).`);
          return;
        } finally {
          box.disabled = false;
          chip.removeAttribute('aria-busy');
        }
        if (chip.closest('.cmp-found')) {
          this.#placeChip(chip);
          this.#find?.clear();
          box.focus();
        }
        // the choice may have changed while it loaded
        result = toggleSource(this.#selected, this.#all, box.value, box.checked);
        if (!result.ok) {
          box.checked = false;
          notify(result.reason);
          return;
        }
      }
      this.#selected = result.selected;
      this.#writeUrl();
      this.#apply();
      announce(`Comparing ${this.#selected.map((s) => this.#outletOf(s)).join(', ')}.`);
    });
  }

  #wireTabs(): void {
    this.querySelector('.cmp-tabs')?.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLElement>('.cmp-tab');
      if (tab?.dataset.tab) this.#showTab(tab.dataset.tab);
    });
  }

  #wireRowTools(root: HTMLElement): void {
    root.querySelector('.cmp-row-tools')?.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('[data-expand]');
      if (!button) return;
      const open = button.dataset.expand === 'open';
      for (const row of this.querySelectorAll<HTMLDetailsElement>('.cmp-row')) row.open = open;
      announce(open ? 'Every row opened.' : 'Every row folded.');
    });
  }

  #stepInitially = false;

  #wireStep(root: HTMLElement): void {
    const input = root.querySelector<HTMLInputElement>('.cmp-step-input');
    if (!input) return;
    input.checked = this.#stepInitially;
    input.addEventListener('change', () => {
      this.#writeUrl();
      this.#syncStep();
      announce(input.checked ? 'Columns kept in step by theme.' : 'Columns scroll on their own.');
    });
  }

  #syncStep(): void {
    const input = this.querySelector<HTMLInputElement>('.cmp-step-input');
    this.#step?.setEnabled(Boolean(input?.checked) && this.dataset.layout === 'text');
  }

  /** The sticky band's height depends on the site header and our headers: measure them. */
  #wireStickyOffsets(): void {
    const header = document.querySelector<HTMLElement>('.site-header');
    const heads = this.querySelector<HTMLElement>('.cmp-heads');
    const tabs = this.querySelector<HTMLElement>('.cmp-tabs');
    const measure = () => {
      const top = header && getComputedStyle(header).position === 'sticky' ? header.offsetHeight : 0;
      this.style.setProperty('--cmp-top', `${top}px`);
      const sticky = this.#narrow.matches ? tabs?.offsetHeight : heads?.offsetHeight;
      this.style.setProperty('--cmp-sticky-h', `${sticky ?? 0}px`);
    };
    const observer = new ResizeObserver(measure);
    for (const el of [header, heads, tabs]) if (el) observer.observe(el);
    this.#narrow.addEventListener('change', measure);
    measure();
  }

  /**
   * Shows the layout the fragment asks for, fetching it first if this page does not hold it,
   * then lands on what the fragment names (a theme row, a passage). A fragment that names
   * nothing of the compare view keeps the layout shown.
   */
  async #onHash(followed = false): Promise<void> {
    const run = ++this.#hashRun;
    const hash = safeDecode(location.hash.slice(1)) ?? '';
    const layout = this.#layoutFor(hash);
    this.dataset.layout = layout;
    for (const link of this.querySelectorAll<HTMLElement>('.cmp-view-link')) {
      if ((link.dataset.view === 'text') === (layout === 'text')) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    const lazy = this.#lazy.get(layout);
    if (lazy && this.querySelector(`#${COMPARE_LAYOUT_FRAGMENT[layout]}.cmp-lazy`)) {
      try {
        await lazy.load();
      } catch {
        if (run === this.#hashRun) announce(this.querySelector(`#${COMPARE_LAYOUT_FRAGMENT[layout]} .cmp-lazy-message`)?.textContent ?? '');
        return;
      }
      if (run !== this.#hashRun) return;
      // the target was not in the page when the browser looked for it: look again
      if (hash && document.getElementById(hash)) location.replace(`#${location.hash.slice(1)}`);
    }
    const target = hash ? document.getElementById(hash) : null;
    if (target instanceof HTMLDetailsElement && target.matches('.cmp-row')) target.open = true;
    this.#layout();
    this.#syncStep();
    // A page opened on the full text stays at its top (heading, sources); a switch to it or a
    // passage named in the address brings the stage, which fills the window below the sticky band, into view.
    if (layout !== 'text' || (!followed && !hash)) return;
    requestAnimationFrame(() => {
      this.querySelector('#full-text')?.scrollIntoView({ block: 'start' });
      if (target?.matches('.cmp-passage')) this.#landOnPassage(target as HTMLElement);
    });
  }

  /** The layout a fragment belongs to: the one holding the element it names, else what its form says. */
  #layoutFor(hash: string): CompareLayout {
    const inPage = hash ? document.getElementById(hash)?.closest<HTMLElement>('.cmp-view') : null;
    if (inPage && !inPage.matches('.cmp-lazy')) return inPage.id === COMPARE_LAYOUT_FRAGMENT.text ? 'text' : 'theme';
    if (hash === COMPARE_LAYOUT_FRAGMENT.text || isPassageId(hash)) return 'text';
    if (hash === COMPARE_LAYOUT_FRAGMENT.theme || hash.startsWith('t-')) return 'theme';
    return (this.dataset.layout as CompareLayout | undefined) ?? 'theme';
  }

  /** Scrolls a passage's full-text column to it (showing its source first) and marks it. */
  #landOnPassage(passage: HTMLElement): void {
    const column = passage.closest<HTMLElement>('.cmp-column');
    const slug = column?.dataset.col;
    if (!column || !slug) return;
    if (!this.#selected.includes(slug)) {
      const result = toggleSource(this.#selected, this.#all, slug, true);
      if (!result.ok) {
        notify(`${this.#outletOf(slug)} is not among the sources shown. ${result.reason}`);
        return;
      }
      this.#selected = result.selected;
      this.#writeUrl();
      this.#apply();
    }
    this.#showTab(slug);
    const scroller = column.querySelector<HTMLElement>('.cmp-scroller')!;
    scroller.scrollTop = passage.offsetTop - 8;
    for (const old of this.querySelectorAll('.cmp-passage.is-target')) old.classList.remove('is-target');
    passage.classList.add('is-target');
  }

  #layout(): void {
    requestAnimationFrame(() => {
      for (const minimap of this.#minimaps) minimap.layout();
    });
  }

  #writeUrl(): void {
    const url = new URL(location.href);
    url.searchParams.set(SOURCES_PARAM, formatSelection(this.#selected));
    const step = this.querySelector<HTMLInputElement>('.cmp-step-input');
    if (step?.checked) url.searchParams.set(COMPARE_STEP_PARAM, '1');
    else url.searchParams.delete(COMPARE_STEP_PARAM);
    // replaceState keeps the fragment (and so the view); the comma needs no escaping
    history.replaceState(history.state, '', url.href.replace(/%2C/gi, ','));
  }

  /** The page that holds a selection: the pair's own page for two it holds, the full page otherwise. */
  #pageFor(selected: string[]): string {
    return compareUrl(selected, isAvailable(selected, this.#held)) + location.hash;
  }

  #outletOf(slug: string): string {
    return this.querySelector<HTMLElement>(`.cmp-picker input[value="${slug}"]`)?.dataset.outlet ?? slug;
  }
}

customElements.define('compare-view', CompareView);
