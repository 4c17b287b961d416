/**
 * Keeping full-text columns in step by theme: when the reader scrolls one column to a
 * passage, every other shown column is brought to its first passage on the same theme
 * (the choice of passage is the pure `stepTarget`), lined up with the passage followed.
 */
import { stepTarget } from '../../corpus/compare';
import { isShown, passageThemes, prefersReducedMotion, remark } from './dom';

/** Where a column is read from: a fifth of the way down its window. */
const READING_LINE = 0.2;
/**
 * Only the reader's own scrolling leads: a column follows its scroll events for this long
 * after a wheel, touch, pointer or key event on it (kept alive while it keeps scrolling, for
 * momentum). Columns brought in step scroll without such input, so they never lead back.
 */
const INTENT_MS = 1000;
const INTENT_EVENTS = ['wheel', 'touchstart', 'touchmove', 'pointerdown', 'keydown'] as const;

export interface StepOptions {
  /** The theme labels, for the status line. */
  labelOf: (themeId: string) => string;
  /** The outlet a column shows, for the status line. */
  outletOf: (column: HTMLElement) => string;
  /** Where to say what was done (a visible line, not a live region: it changes while scrolling); it comes with the full text. */
  status: () => HTMLElement | null;
}

interface Followed {
  themes: string[];
  /** Distance of the followed passage's top from its column's top, in px. */
  offset: number;
}

export class StepController {
  enabled = false;
  readonly #root: HTMLElement;
  readonly #options: StepOptions;
  readonly #intent = new Map<HTMLElement, number>();
  readonly #lastAnchor = new Map<HTMLElement, HTMLElement>();
  #followed: Followed | null = null;
  #frame = 0;

  constructor(root: HTMLElement, options: StepOptions) {
    this.#root = root;
    this.#options = options;
  }

  /** Follows a full-text column's scrolling (its markup may arrive after the page's). */
  watch(scroller: HTMLElement): void {
    scroller.addEventListener('scroll', () => this.#onScroll(scroller), { passive: true });
    const mark = () => this.#intent.set(scroller, performance.now());
    for (const type of INTENT_EVENTS) scroller.addEventListener(type, mark, { passive: true });
    // pressing the column's minimap scrolls it too
    scroller.closest('.cmp-column')?.querySelector('.cmp-minimap')?.addEventListener('pointerdown', mark, { passive: true });
  }

  #say(text: string): void {
    const status = this.#options.status();
    if (status) status.textContent = text;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    this.#lastAnchor.clear();
    this.#followed = null;
    this.#clearMarks();
    this.#say(on ? 'Scroll any column: the others follow to the same theme.' : '');
    if (on) {
      const first = this.#shownScrollers()[0];
      if (first) this.follow(first);
    }
  }

  /** A column has just been shown (a tab on narrow screens): bring it to the theme being followed. */
  reveal(scroller: HTMLElement): void {
    if (!this.enabled || !this.#followed) return;
    if (!this.#bring(scroller, this.#followed)) {
      const outlet = this.#options.outletOf(scroller.closest('.cmp-column')!);
      const label = this.#followed.themes.map(this.#options.labelOf).join(', ');
      this.#say(`${outlet} is silent on ${label}; it stays where it was.`);
    }
  }

  /** Follows the passage at the reading line of `scroller`, bringing the other columns to its theme. */
  follow(scroller: HTMLElement): void {
    const anchor = passageAtReadingLine(scroller);
    if (!anchor || anchor === this.#lastAnchor.get(scroller)) return;
    this.#lastAnchor.set(scroller, anchor);
    const themes = passageThemes(anchor);
    this.#mark(anchor, 'is-step-anchor');
    const outlet = this.#options.outletOf(scroller.closest('.cmp-column')!);
    if (!themes.length) {
      this.#say(`${outlet}: this passage is on no theme; the other columns stay where they are.`);
      return;
    }
    const offset = Math.max(8, anchor.getBoundingClientRect().top - scroller.getBoundingClientRect().top);
    this.#followed = { themes, offset };
    const silent: string[] = [];
    for (const other of this.#shownScrollers()) {
      if (other === scroller) continue;
      if (!this.#bring(other, this.#followed)) silent.push(this.#options.outletOf(other.closest('.cmp-column')!));
    }
    const label = themes.map(this.#options.labelOf).join(', ');
    this.#say(`Following ${outlet} on ${label}.` + (silent.length ? ` Silent on it: ${silent.join(', ')}.` : ''));
  }

  /** Scrolls `scroller` to its first passage on the followed theme; false when it has none. */
  #bring(scroller: HTMLElement, followed: Followed): boolean {
    const passages = [...scroller.querySelectorAll<HTMLElement>('.cmp-passage')];
    const target = stepTarget(
      followed.themes,
      passages.map((el) => ({ id: el.dataset.passageId!, themes: passageThemes(el) })),
    );
    const element = target && passages.find((el) => el.dataset.passageId === target.passageId);
    if (!element) return false;
    const top = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    scroller.scrollTo({ top: top - followed.offset, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    this.#lastAnchor.delete(scroller);
    this.#mark(element, 'is-step-target');
    return true;
  }

  #onScroll(scroller: HTMLElement): void {
    if (!this.enabled) return;
    const since = performance.now() - (this.#intent.get(scroller) ?? -Infinity);
    if (since > INTENT_MS) return;
    this.#intent.set(scroller, performance.now());
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.follow(scroller));
  }

  #mark(passage: HTMLElement, className: string): void {
    const column = passage.closest('.cmp-column');
    column?.querySelectorAll(`.${className}`).forEach((el) => el.classList.remove(className));
    if (className === 'is-step-anchor') {
      // the column followed is no longer a target of anything
      column?.querySelectorAll('.is-step-target').forEach((el) => el.classList.remove('is-step-target'));
    } else {
      column?.querySelectorAll('.is-step-anchor').forEach((el) => el.classList.remove('is-step-anchor'));
    }
    remark(passage, className);
  }

  #clearMarks(): void {
    this.#root.querySelectorAll('.is-step-target, .is-step-anchor').forEach((el) => el.classList.remove('is-step-target', 'is-step-anchor'));
  }

  #allScrollers(): HTMLElement[] {
    return [...this.#root.querySelectorAll<HTMLElement>('.cmp-scroller')];
  }

  #shownScrollers(): HTMLElement[] {
    return this.#allScrollers().filter(isShown);
  }
}

/** The passage crossing a column's reading line (or the last one above it). */
export function passageAtReadingLine(scroller: HTMLElement): HTMLElement | null {
  const box = scroller.getBoundingClientRect();
  const line = box.top + scroller.clientHeight * READING_LINE;
  let found: HTMLElement | null = null;
  for (const passage of scroller.querySelectorAll<HTMLElement>('.cmp-passage')) {
    const rect = passage.getBoundingClientRect();
    if (rect.top > line) break;
    found = passage;
  }
  return found ?? scroller.querySelector<HTMLElement>('.cmp-passage');
}
