/**
 * How an annotation is kept in IndexedDB: the W3C record as it is, plus two keys of
 * the store's own, the article page's path and the passage's id, which the store
 * indexes (an article page reads only its own annotations, those on screen first).
 * The keys are removed on every read, so exports and everything else only ever see
 * the W3C record.
 */
import { articlePathOf, passageIdOf, type Annotation } from '../../annotations/model';
import { ARTICLE_KEY, PASSAGE_KEY } from './names';

export type StoredAnnotation = Annotation & { [ARTICLE_KEY]: string; [PASSAGE_KEY]: string };

export const toStored = (a: Annotation): StoredAnnotation => ({ ...a, [ARTICLE_KEY]: articlePathOf(a), [PASSAGE_KEY]: passageIdOf(a) });

export function fromStored(record: Annotation): Annotation {
  if (!(ARTICLE_KEY in record) && !(PASSAGE_KEY in record)) return record;
  const { [ARTICLE_KEY]: _path, [PASSAGE_KEY]: _passage, ...annotation } = record as StoredAnnotation;
  return annotation as Annotation;
}
