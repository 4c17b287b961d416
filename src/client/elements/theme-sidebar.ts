/**
 * <theme-sidebar>: follows the passage in view (an IntersectionObserver, no scroll
 * handler) and marks its themes in the rail's theme list, and shows its related passages.
 * The passage a link landed on counts as the one in view while it is on screen: a short one
 * lands near the top, above the band where the reader is reading. Marks change colour and
 * weight only, so nothing in the rail moves.
 */
import { SELECTORS } from '../../contract/dom';

class ThemeSidebar extends HTMLElement {
  #visible = new Set<HTMLElement>();
  #current: HTMLElement | null = null;
  #observer?: IntersectionObserver;

  connectedCallback() {
    const passages = [...document.querySelectorAll<HTMLElement>('.passage[data-passage-id]')];
    if (!passages.length) return;
    // the band a third of the way down the viewport is where the reader is reading
    this.#observer = new IntersectionObserver((entries) => this.#update(entries), {
      rootMargin: '-25% 0px -55% 0px',
    });
    for (const p of passages) this.#observer.observe(p);
    addEventListener('hashchange', this.#onHashChange);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    removeEventListener('hashchange', this.#onHashChange);
  }

  /** After the page has marked the passage the new address lands on. */
  #onHashChange = () => requestAnimationFrame(() => this.#update([]));

  /** The passage a link landed on, while it is on screen. */
  #landed(): HTMLElement | null {
    const target = document.querySelector<HTMLElement>(SELECTORS.target);
    if (!target) return null;
    const { top, bottom } = target.getBoundingClientRect();
    // until the reader scrolls past its start
    return top >= 0 && top < innerHeight * 0.75 && bottom > 0 ? target : null;
  }

  #update(entries: IntersectionObserverEntry[]) {
    for (const e of entries) {
      const el = e.target as HTMLElement;
      if (e.isIntersecting) this.#visible.add(el);
      else this.#visible.delete(el);
    }
    const first = this.#landed() ?? [...this.#visible].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
    if (first && first !== this.#current) this.#show(first);
  }

  #show(passage: HTMLElement) {
    this.#current = passage;
    const themes = new Set((passage.dataset.themes ?? '').split(' ').filter(Boolean));
    for (const row of this.querySelectorAll<HTMLElement>('[data-theme-row]')) {
      row.classList.toggle('is-current', themes.has(row.dataset.themeRow!));
    }

    const block = this.querySelector<HTMLElement>('[data-in-view]');
    const link = this.querySelector<HTMLAnchorElement>('[data-in-view-link]');
    const slot = this.querySelector<HTMLElement>('[data-in-view-related]');
    const related = passage.querySelector('.passage-related ul');
    if (!block || !link || !slot) return;
    block.hidden = !related;
    if (!related) return;
    link.href = `#${passage.id}`;
    link.textContent = `¶ ${passage.id}`;
    slot.replaceChildren(related.cloneNode(true));
  }
}

customElements.define('theme-sidebar', ThemeSidebar);
