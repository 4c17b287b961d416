/**
 * User Timing marks along an article page's way to its first highlight, for the browser's
 * performance panel and the bench (scripts/bench/annotations.ts reads them by these names).
 */
export const ANNOTATION_MARKS = {
  /** The page's script ran its cheap check of the store, which found annotations. */
  found: 'dossier:annotations-found',
  /** The annotator's module is loaded and starting. */
  loaded: 'dossier:annotator-loaded',
  /** The page's annotations are read from the store. */
  read: 'dossier:annotations-read',
  /** The highlights of the passages on screen are in the DOM (they paint in the next frame). */
  onScreen: 'dossier:annotations-on-screen',
  /** Every annotation anchored and drawn, or listed as an orphan. */
  drawn: 'dossier:annotations-drawn',
} as const;

export const mark = (name: string): void => void globalThis.performance?.mark?.(name);
