/**
 * The language an article is written in, for its manifest entry: what the file declares
 * (`<html lang>`, JSON-LD `inLanguage`, frontmatter `lang`), else what its text looks like
 * (franc, trigram statistics over 82 languages). Only a text long enough to tell is judged;
 * a guess is `inferred`, and shown for the reader to check.
 */
import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3';
import { canonicalLanguage } from '../../src/contract/language.ts';
import type { Found } from '../normalize/extract/types.ts';

/** Below this many characters franc's guesses are unreliable: say nothing rather than guess. */
const MIN_TEXT = 400;

/** The language of `text` as a BCP 47 tag (two letters where the language has them), or null. */
export function detectLanguage(text: string): Found<string> | null {
  if (text.length < MIN_TEXT) return null;
  const code = franc(text.slice(0, 20_000), { minLength: MIN_TEXT });
  const tag = code === 'und' ? null : canonicalLanguage(iso6393To1[code] ?? code);
  return tag ? { value: tag, status: 'inferred', from: 'the text (franc)' } : null;
}
