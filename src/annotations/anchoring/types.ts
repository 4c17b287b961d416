/**
 * Selector types shaped like the W3C Web Annotation model
 * (https://www.w3.org/TR/annotation-model/#selectors). Plain data, no DOM.
 *
 * In Dossier a target is always one passage: the FragmentSelector names the
 * passage id, and the TextPositionSelector counts characters of that passage's
 * text (the textContent of its `.passage-text`), not of the whole page.
 */

export interface FragmentSelector {
  type: 'FragmentSelector';
  /** The passage id, e.g. `cnn-3fa2c1`. */
  value: string;
  conformsTo?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type Selector = FragmentSelector | TextPositionSelector | TextQuoteSelector;

/** One passage's id and plain text, as the page (or the corpus model) has it. */
export interface PassageText {
  id: string;
  text: string;
}

/** How an annotation was placed, from most to least certain. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where an annotation lands: a character range of one passage's text. */
export interface Placement {
  passageId: string;
  start: number;
  end: number;
  method: AnchorMethod;
}

export const FRAGMENT_CONFORMS_TO = 'http://tools.ietf.org/rfc/rfc3986';
