/** Builders shared by the annotation tests (not a test file itself). */
import { selectorsFor } from '../../src/annotations/anchoring/selectors';
import { newAnnotation, type Annotation, type HighlightColour } from '../../src/annotations/model';
import fixture from '../fixtures/anchoring/article.json';

let counter = 0;
export const passages = fixture.passages;

export function makeAnnotation(
  quote: string,
  options: { passageId?: string; note?: string; tags?: string[]; colour?: HighlightColour; at?: string; id?: string } = {},
): Annotation {
  const passage = passages.find((p) => (options.passageId ? p.id === options.passageId : p.text.includes(quote)))!;
  const start = passage.text.indexOf(quote);
  if (start < 0) throw new Error(`fixture: "${quote}" not in ${passage.id}`);
  counter++;
  return newAnnotation({
    id: options.id ?? `urn:uuid:00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    source: 'http://127.0.0.1:4400/articles/cnn-isis-2-0/',
    selectors: selectorsFor(passage, start, start + quote.length),
    now: new Date(options.at ?? '2026-01-02T03:04:05.000Z'),
    colour: options.colour ?? 'yellow',
    note: options.note ?? '',
    tags: options.tags ?? [],
  });
}
