/**
 * Saving an edit made from a version that may since have changed in another
 * tab: field by field, what this editor changed wins, and everything else is
 * taken from the stored version, so a save never reverts fields it did not touch.
 */
import { contentOf, type Annotation, type AnnotationContent } from './model';

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

export interface MergedEdit {
  content: AnnotationContent;
  /** Fields another tab had changed and this save kept. */
  keptFromOthers: (keyof AnnotationContent)[];
}

/** `base`: the version the editor opened; `mine`: what it saves; `stored`: the version in the store now. */
export function mergeEdit(base: Annotation, mine: AnnotationContent, stored: Annotation): MergedEdit {
  const was = contentOf(base);
  const now = contentOf(stored);
  const keptFromOthers: (keyof AnnotationContent)[] = [];
  const pick = <K extends keyof AnnotationContent>(key: K, same: (x: AnnotationContent[K], y: AnnotationContent[K]) => boolean) => {
    if (!same(mine[key], was[key])) return mine[key];
    if (!same(now[key], was[key])) keptFromOthers.push(key);
    return now[key];
  };
  const eq = <T>(x: T, y: T) => x === y;
  return {
    content: { colour: pick('colour', eq), note: pick('note', eq), tags: pick('tags', sameTags) },
    keptFromOthers,
  };
}

/** The revision an editor started from: the stored record's `modified` (or `created`). */
export const revisionOf = (a: Annotation) => a.modified ?? a.created ?? '';
