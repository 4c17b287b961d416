/**
 * Keyboard moves in the compare view, without a mouse:
 * - from a theme cell: ←/→ the same theme in the previous/next source, ↑/↓ the previous/next
 *   theme in the same source (a folded row is visited at its summary), Home/End first/last source;
 * - from a full-text column: ←/→ the previous/next column, j/k the next/previous passage.
 * One cell at a time is in the Tab order (roving tabindex), so Tab still walks the page.
 */
import { isTypingTarget } from '../keyboard';
import { announce, isShown } from './dom';

export interface KeyOptions {
  /** The sources shown, in order. */
  selected: () => string[];
  /** On narrow screens a column must be made the visible tab before it can take focus. */
  showColumn: (slug: string) => void;
  outletOf: (slug: string) => string;
}

export class CompareKeys {
  readonly #root: HTMLElement;
  readonly #options: KeyOptions;

  constructor(root: HTMLElement, options: KeyOptions) {
    this.#root = root;
    this.#options = options;
    root.addEventListener('keydown', (event) => this.#onKey(event));
    root.addEventListener('focusin', (event) => {
      const cell = (event.target as Element).closest<HTMLElement>('.cmp-cell');
      if (cell) this.#makeRoving(cell);
    });
    this.resetRoving();
  }

  /** Keeps exactly one shown cell in the Tab order (after the sources or tabs change). */
  resetRoving(): void {
    const current = this.#root.querySelector<HTMLElement>('.cmp-cell[tabindex="0"]');
    if (current && isShown(current)) return;
    const first = [...this.#root.querySelectorAll<HTMLElement>('.cmp-cell')].find(isShown);
    if (first) this.#makeRoving(first);
  }

  #onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    const target = event.target as HTMLElement;
    const handled = target.matches('.cmp-cell, .cmp-row-head')
      ? this.#fromRow(target, event.key)
      : target.matches('.cmp-scroller')
        ? this.#fromColumn(target, event.key)
        : false;
    if (handled) event.preventDefault();
  }

  #fromRow(from: HTMLElement, key: string): boolean {
    const row = from.closest<HTMLDetailsElement>('.cmp-row')!;
    const slug = from.dataset.col ?? this.#rovingColumn() ?? this.#options.selected()[0]!;
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight':
      case 'Home':
      case 'End': {
        if (!from.matches('.cmp-cell')) return false;
        const selected = this.#options.selected();
        const at = selected.indexOf(slug);
        const next = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: selected.length - 1 }[key];
        const nextSlug = selected[next];
        if (!nextSlug || nextSlug === slug) return true;
        this.#options.showColumn(nextSlug);
        this.#focusRow(row, nextSlug);
        return true;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        const rows = [...this.#root.querySelectorAll<HTMLDetailsElement>('.cmp-row')].filter(isShown);
        const next = rows[rows.indexOf(row) + (key === 'ArrowDown' ? 1 : -1)];
        if (next) this.#focusRow(next, slug);
        return true;
      }
      default:
        return false;
    }
  }

  /** Focuses a row's cell for the source, or its summary when the row is folded. */
  #focusRow(row: HTMLDetailsElement, slug: string): void {
    const cell = row.querySelector<HTMLElement>(`.cmp-cell[data-col="${slug}"]`);
    if (row.open && cell && isShown(cell)) {
      this.#makeRoving(cell);
      this.#focus(cell);
    } else {
      this.#focus(row.querySelector<HTMLElement>('.cmp-row-head')!);
    }
  }

  #fromColumn(scroller: HTMLElement, key: string): boolean {
    const column = scroller.closest<HTMLElement>('.cmp-column')!;
    const slug = column.dataset.col!;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const selected = this.#options.selected();
      const nextSlug = selected[selected.indexOf(slug) + (key === 'ArrowRight' ? 1 : -1)];
      if (!nextSlug) return true;
      this.#options.showColumn(nextSlug);
      const next = this.#root.querySelector<HTMLElement>(`.cmp-column[data-col="${nextSlug}"] .cmp-scroller`);
      if (next) {
        next.focus();
        announce(`${this.#options.outletOf(nextSlug)}: full text`);
      }
      return true;
    }
    if (key === 'j' || key === 'k') {
      this.#stepPassage(scroller, slug, key === 'j' ? 1 : -1);
      return true;
    }
    return false;
  }

  #stepPassage(scroller: HTMLElement, slug: string, by: 1 | -1): void {
    const passages = [...scroller.querySelectorAll<HTMLElement>('.cmp-passage')];
    const current = scroller.querySelector<HTMLElement>('.cmp-passage.is-current');
    const at = current ? passages.indexOf(current) : firstVisible(scroller, passages) - (by > 0 ? 1 : 0);
    const next = passages[Math.min(passages.length - 1, Math.max(0, at + by))];
    if (!next) return;
    current?.classList.remove('is-current');
    next.classList.add('is-current');
    const top = next.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTo({ top: top - 8 });
    announce(`${this.#options.outletOf(slug)}, passage ${passages.indexOf(next) + 1} of ${passages.length}: ${next.querySelector('.passage-text')?.textContent ?? ''}`);
  }

  #rovingColumn(): string | undefined {
    return this.#root.querySelector<HTMLElement>('.cmp-cell[tabindex="0"]')?.dataset.col;
  }

  #makeRoving(cell: HTMLElement): void {
    for (const other of this.#root.querySelectorAll<HTMLElement>('.cmp-cell[tabindex="0"]')) other.tabIndex = -1;
    cell.tabIndex = 0;
  }

  #focus(el: HTMLElement): void {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest', behavior: 'auto' });
  }
}

function firstVisible(scroller: HTMLElement, passages: HTMLElement[]): number {
  const top = scroller.getBoundingClientRect().top;
  const i = passages.findIndex((p) => p.getBoundingClientRect().bottom > top + 1);
  return i < 0 ? 0 : i;
}
