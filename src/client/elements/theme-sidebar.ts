/**
 * <theme-sidebar>: follows the passage in view (an IntersectionObserver, no scroll
 * handler) and marks its themes in the rail's theme list, and shows its related passages.
 * Marks change colour and weight only, so nothing in the rail moves.
 */
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
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  #update(entries: IntersectionObserverEntry[]) {
    for (const e of entries) {
      const el = e.target as HTMLElement;
      if (e.isIntersecting) this.#visible.add(el);
      else this.#visible.delete(el);
    }
    const first = [...this.#visible].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
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
