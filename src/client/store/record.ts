/**
 * How an annotation is kept in IndexedDB: the W3C record as it is, plus one key of
 * the store's own, the article page's path, which the store indexes (an article page
 * reads only its own annotations). The key is removed on every read, so exports and
 * everything else only ever see the W3C record.
 */
import { articlePathOf, type Annotation } from '../../annotations/model';
import { ARTICLE_KEY } from './names';

export type StoredAnnotation = Annotation & { [ARTICLE_KEY]: string };

export const toStored = (a: Annotation): StoredAnnotation => ({ ...a, [ARTICLE_KEY]: articlePathOf(a) });

export function fromStored(record: Annotation): Annotation {
  if (!(ARTICLE_KEY in record)) return record;
  const { [ARTICLE_KEY]: _path, ...annotation } = record as StoredAnnotation;
  return annotation as Annotation;
}
