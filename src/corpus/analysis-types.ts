/**
 * The part of the corpus model the analysis modules read. It mirrors `Passage` in
 * src/corpus/model.ts (the lead's), so a `Passage[]` can be passed as is.
 */
export interface PassageLike {
  id: string;
  /** The article's slug. */
  article: string;
  /** 0-based position in the article. */
  order: number;
  section?: { id: string; title: string } | null;
  /** Plain text, unescaped. */
  text: string;
  /** The article's language when it is not the dossier's: such a passage is not tagged with themes. */
  language?: string;
}
