/**
 * Full-text minimaps: each column's strip is drawn from the real layout (one mark per theme
 * of each passage, side by side), shows the visible window, and scrolls its column when
 * pressed or dragged. Colours come from the site's /themes.css (class theme-<id>).
 */
import { isShown, passageThemes } from './dom';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 12;

const HEIGHT = 1000;

function fix(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : '0';
}

export class Minimap {
  readonly #scroller: HTMLElement;
  readonly #svg: SVGSVGElement;
  readonly #window: SVGRectElement | null;
  #frame = 0;

  constructor(column: HTMLElement) {
    this.#scroller = column.querySelector<HTMLElement>('.cmp-scroller')!;
    this.#svg = column.querySelector<SVGSVGElement>('.cmp-minimap')!;
    this.#window = this.#svg.querySelector<SVGRectElement>('.cmp-minimap-window');
    this.#scroller.addEventListener('scroll', () => this.#schedule(), { passive: true });
    new ResizeObserver(() => this.layout()).observe(this.#scroller);
    this.#svg.addEventListener('pointerdown', (event) => this.#press(event));
  }

  /** Draws every passage's marks where the passage really is in the column. */
  layout(): void {
    if (!isShown(this.#scroller)) return;
    const total = this.#scroller.scrollHeight || 1;
    const marks = document.createDocumentFragment();
    for (const passage of this.#scroller.querySelectorAll<HTMLElement>('.cmp-passage')) {
      const y = fix((passage.offsetTop / total) * HEIGHT);
      const height = fix((passage.offsetHeight / total) * HEIGHT);
      const themes = passageThemes(passage);
      const labels = [...passage.querySelectorAll('.theme-chip')].map((chip) => chip.textContent);
      const group = document.createElementNS(SVG, 'g');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = labels.join(', ') || 'On no theme';
      group.append(title);
      const width = WIDTH / Math.max(themes.length, 1);
      for (const [i, theme] of (themes.length ? themes : [null]).entries()) {
        const rect = document.createElementNS(SVG, 'rect');
        rect.setAttribute('x', fix(i * width));
        rect.setAttribute('y', y);
        rect.setAttribute('width', fix(width));
        rect.setAttribute('height', height);
        // the theme's colour comes from /themes.css (.theme-<id> sets --theme); none: a neutral mark
        if (theme) rect.setAttribute('class', `theme-${theme}`);
        group.append(rect);
      }
      marks.append(group);
    }
    this.#svg.querySelector('.cmp-minimap-marks')?.replaceChildren(marks);
    this.#drawWindow();
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#drawWindow());
  }

  #drawWindow(): void {
    if (!this.#window) return;
    const total = this.#scroller.scrollHeight || 1;
    this.#window.setAttribute('y', fix((this.#scroller.scrollTop / total) * HEIGHT));
    this.#window.setAttribute('height', fix((this.#scroller.clientHeight / total) * HEIGHT));
  }

  #press(event: PointerEvent): void {
    event.preventDefault();
    const scrollTo = (clientY: number) => {
      const box = this.#svg.getBoundingClientRect();
      const fraction = Math.min(1, Math.max(0, (clientY - box.top) / box.height));
      this.#scroller.scrollTop = fraction * this.#scroller.scrollHeight - this.#scroller.clientHeight / 2;
    };
    scrollTo(event.clientY);
    this.#svg.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => scrollTo(e.clientY);
    const end = () => {
      this.#svg.removeEventListener('pointermove', move);
      this.#svg.removeEventListener('pointerup', end);
      this.#svg.removeEventListener('pointercancel', end);
    };
    this.#svg.addEventListener('pointermove', move);
    this.#svg.addEventListener('pointerup', end);
    this.#svg.addEventListener('pointercancel', end);
  }
}
