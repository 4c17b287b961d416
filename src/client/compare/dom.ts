/** Small DOM helpers shared by the compare view's modules. */

export { announce } from '../status';
export { notify } from '../toast';

/** True when the element takes part in layout (not display:none, nor inside something that is). */
export const isShown = (el: Element) => el.getClientRects().length > 0;

export const prefersReducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Restarts a class-driven animation (the "arrival" mark) on an element. */
export function remark(el: Element, className: string): void {
  el.classList.remove(className);
  void (el as HTMLElement).offsetWidth;
  el.classList.add(className);
}

export const passageThemes = (el: HTMLElement) => (el.dataset.themes ?? '').split(' ').filter(Boolean);
