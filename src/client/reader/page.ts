/** What the annotator reads from the article page (README "Article page DOM"). */
import type { PassageText } from '../../annotations/anchoring/types';

export const passageElements = () => [...document.querySelectorAll<HTMLElement>('.passage[data-passage-id]')];

export const textElementOf = (passage: Element) => passage.querySelector<HTMLElement>('.passage-text') ?? (passage as HTMLElement);

export function passageTexts(): PassageText[] {
  return passageElements().map((p) => ({ id: p.dataset.passageId!, text: textElementOf(p).textContent ?? '' }));
}

export const passageById = (id: string) =>
  document.querySelector<HTMLElement>(`.passage[data-passage-id="${CSS.escape(id)}"]`);

/** The page's address without fragment or query: what annotations record as their source. */
export const pageSource = () => `${location.origin}${location.pathname}`;
