/**
 * <compare-view>: the compare page's behaviour on top of its pre-rendered markup.
 * Configured by data-all (every source, in order) and data-available (the sources this page
 * holds). It reads and writes the choice of sources in the URL (?sources=…&step=1), shows
 * and hides columns, turns them into tabs on narrow screens, and wires the full-text
 * minimaps, the in-step scrolling, the keyboard moves and the copy-link buttons.
 * The layout shown is the URL fragment (#by-theme, #full-text, #t-<theme> for a theme row,
 * #<passage-id> for a passage in the full text), written to data-layout for the stylesheet.
 * The page holds one layout; the other is fetched the first time it is asked for (lazy-view.ts).
 */
import { isPassageId } from '../../contract/passage-id';
import { safeDecode } from '../../contract/text-fragment';
import { COMPARE_LAYOUT_FRAGMENT, compareUrl, COMPARE_STEP_PARAM, type CompareLayout } from '../../contract/routes';
import { addCopyButtons, wireCopyLinks } from './copy-link';
import { announce, isShown, notify } from './dom';
import { CompareKeys } from './keys';
import { LazyView } from './lazy-view';
import { Minimap } from './minimap';
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

const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);

class CompareView extends HTMLElement {
  #all: string[] = [];
  #available: string[] = [];
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
    this.#all = list(this.dataset.all);
    this.#available = list(this.dataset.available);
    const params = new URLSearchParams(location.search);
    const asked = parseSelection(params.get(SOURCES_PARAM), this.#all);
    if (asked && !isAvailable(asked, this.#available)) {
      // a pair page asked for other sources: go to the page that holds them
      location.replace(this.#pageFor(asked));
      return;
    }
    this.#selected = asked ?? defaultSelection(this.#available, this.#narrow.matches);
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
          loaded: (section) => {
            this.#wireLayout(section);
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
    this.#wireTabs();
    this.#wireStickyOffsets();
    addEventListener('hashchange', () => void this.#onHash(true));

    this.#apply();
    void this.#onHash();
  }

  /** What a layout's markup needs once it is in the page (at first, or when fetched). */
  #wireLayout(root: HTMLElement): void {
    for (const el of root.querySelectorAll('[data-js-only]')) el.removeAttribute('hidden');
    addCopyButtons(root);
    const columns = [...root.querySelectorAll<HTMLElement>('.cmp-column')];
    this.#minimaps.push(...columns.map((column) => new Minimap(column)));
    for (const column of columns) this.#step?.watch(column.querySelector<HTMLElement>('.cmp-scroller')!);
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
    if (count) count.textContent = `${this.#selected.length} of ${this.#all.length}: ${this.#selected.map((s) => this.#outletOf(s)).join(', ')}`;
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
    this.querySelector('.cmp-picker')?.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      const result = toggleSource(this.#selected, this.#all, box.value, box.checked);
      if (!result.ok) {
        box.checked = !box.checked;
        notify(result.reason);
        return;
      }
      if (!isAvailable(result.selected, this.#available)) {
        location.assign(this.#pageFor(result.selected));
        return;
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

  /** The page that holds a selection: the pair's own page for two, the full page otherwise. */
  #pageFor(selected: string[]): string {
    return compareUrl(selected) + location.hash;
  }

  #outletOf(slug: string): string {
    return this.querySelector<HTMLElement>(`.cmp-picker input[value="${slug}"]`)?.dataset.outlet ?? slug;
  }
}

customElements.define('compare-view', CompareView);
