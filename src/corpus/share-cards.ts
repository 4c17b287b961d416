/**
 * What each share page (/p/<id>/) shows: one card per passage, and one per retired id that
 * still points at a passage. The build writes them to /p/share-cards.json and
 * src/integrations/share-pages.ts turns each into its page. A share page is a link preview,
 * so a card holds what the preview and the page show, nothing of the reader's frame.
 */
import { passageUrl } from '../contract/routes';
import type { Corpus, Passage } from './model';
import type { PublishedNote } from './published-notes';

export type ShareNote = Pick<PublishedNote, 'colour' | 'creator' | 'quote' | 'note' | 'tags'>;

export interface ShareCard {
  /** The id the page is named by: the passage's, or a retired id that now points to it. */
  id: string;
  /** A retired id's page: kept so old links work, but not for search engines. */
  retired: boolean;
  outlet: string;
  headline: string;
  /** The title of the passage's section, if it is in one. */
  section: string | null;
  text: string;
  /** The passage in its article (`/articles/<slug>/#<id>`), where the page sends the reader. */
  target: string;
  /** The editors' notes on the passage. */
  notes: ShareNote[];
  /** The article's language when it is not the dossier's. */
  language?: string;
}

/** Every share page's card, passages in corpus order, then the retired ids. */
export function shareCards(corpus: Corpus): ShareCard[] {
  const card = (id: string, passage: Passage, retired: boolean): ShareCard => {
    const article = corpus.articlesBySlug.get(passage.article)!;
    return {
      id,
      retired,
      outlet: article.meta.outlet,
      headline: article.headline,
      section: passage.section?.title ?? null,
      text: passage.text,
      target: passageUrl(passage),
      notes: (corpus.notesByPassage.get(passage.id) ?? []).map(({ colour, creator, quote, note, tags }) => ({ colour, creator, quote, note, tags })),
      ...(passage.language ? { language: passage.language } : {}),
    };
  };
  const cards: ShareCard[] = [];
  for (const passage of corpus.passagesById.values()) cards.push(card(passage.id, passage, false));
  for (const [old, current] of corpus.retiredIds) {
    const passage = corpus.passagesById.get(current);
    if (passage) cards.push(card(old, passage, true));
  }
  return cards;
}
