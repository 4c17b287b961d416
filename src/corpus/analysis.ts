/**
 * The analysis layer in one call, for src/corpus/model.ts: themes, entities, related
 * passages and the search vocabulary of a set of articles. Pure: the caller reads the files
 * (see analysis-data.ts) and passes their contents.
 */
import type { EntitiesFile, ThemeOverrides, ThemesFile } from './analysis-schema';
import type { PassageLike } from './analysis-types';
import { extractEntities, type EntityIndex, type NameFinder } from './entities';
import { relatedPassages, type RelatedLink, type RelatedOptions } from './related';
import { tagPassages, type TagOptions } from './themes';
import { buildVocabulary, type Vocabulary } from './vocabulary';

export interface AnalysisInput {
  passages: readonly PassageLike[];
  themes: ThemesFile;
  overrides?: ThemeOverrides;
  entityAliases: EntitiesFile;
  tagOptions?: TagOptions;
  relatedOptions?: RelatedOptions;
  /** Finds the names in a passage (default: computed afresh; the build passes a cached one). */
  findNames?: NameFinder;
}

export interface Analysis {
  /** Passage id → theme ids, overrides applied. */
  passageThemes: Map<string, string[]>;
  /** Passage id → up to three related passages in other sources. */
  related: Map<string, RelatedLink[]>;
  entities: EntityIndex;
  vocabulary: Vocabulary;
}

export function analyse(input: AnalysisInput): Analysis {
  const passageThemes = tagPassages(input.passages, input.themes, input.overrides ?? {}, input.tagOptions);
  const related = relatedPassages(input.passages, passageThemes, input.relatedOptions);
  const entities = extractEntities(input.passages, input.entityAliases, { findNames: input.findNames });
  const vocabulary = buildVocabulary(input.passages, entities);
  return { passageThemes, related, entities, vocabulary };
}
