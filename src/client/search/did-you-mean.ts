/**
 * "Did you mean …": Pagefind has no typo tolerance, so when a query finds little the search
 * page corrects its unknown words against the dossier's own vocabulary (/data/vocabulary.json,
 * built by src/corpus/vocabulary.ts). Both the list and the matcher load on first need only.
 */
import { VOCABULARY_URL } from '../../contract/endpoints';
import type { Suggestion, Vocabulary } from '../../corpus/vocabulary';
import { jsonOnce } from './json-once';

/** A query that finds this many passages or fewer is worth a suggestion. */
export const FEW_RESULTS = 2;

const loadVocabulary = jsonOnce<Vocabulary>(VOCABULARY_URL);

/** Corrected queries for `query`, best first; none when every word is known. */
export async function suggestionsFor(query: string): Promise<Suggestion[]> {
  const [{ suggest }, words] = await Promise.all([import('../../corpus/vocabulary'), loadVocabulary()]);
  return suggest(query, words);
}
