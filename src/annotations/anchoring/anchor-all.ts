/**
 * Anchoring many annotations at once: the one call the article page, the
 * notebook and the build (published notes) share.
 */
import { selectorsOf, type Annotation } from '../model';
import { anchor, type AnchorOptions } from './anchor';
import { targetFromSelectors } from './selectors';
import type { PassageText, Placement } from './types';

export interface Anchored {
  annotation: Annotation;
  /** Where it is on the current text; null for an orphan (kept, listed, never moved). */
  placement: Placement | null;
}

/** Places each annotation among `passagesOf(annotation)` (its article's passages; none → orphan). */
export function anchorAnnotations(
  annotations: readonly Annotation[],
  passagesOf: (annotation: Annotation) => readonly PassageText[] | undefined,
  options: AnchorOptions = {},
): Anchored[] {
  return annotations.map((annotation) => {
    const passages = passagesOf(annotation);
    const placement = passages?.length ? anchor(targetFromSelectors(selectorsOf(annotation)), passages, options) : null;
    return { annotation, placement };
  });
}
