import { describe, expect, it } from 'vitest';
import search from 'approx-string-match';
import { anchor as anchorWith, type AnchorOptions } from '../../src/annotations/anchoring/anchor';
import { selectorsFor, targetFromSelectors } from '../../src/annotations/anchoring/selectors';
import type { PassageText } from '../../src/annotations/anchoring/types';
import fixture from '../fixtures/anchoring/article.json';

/** Anchoring as pages do it once the approximate matcher is loaded. */
const anchor = (target: Parameters<typeof anchorWith>[0], passages: PassageText[], options: AnchorOptions = {}) =>
  anchorWith(target, passages, { approximate: search, ...options });

const original: PassageText[] = fixture.passages;

/** Annotates the first occurrence of `quote` (or the `nth`) in passage `id` of the original text. */
function annotate(id: string, quote: string, nth = 0) {
  const passage = original.find((p) => p.id === id)!;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = passage.text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture: "${quote}" not in ${id}`);
  return targetFromSelectors(selectorsFor(passage, at, at + quote.length));
}

/** A rebuilt site: the original passages with one passage's text replaced (or removed, or moved). */
function rebuilt(edit: (passages: PassageText[]) => PassageText[]): PassageText[] {
  return edit(original.map((p) => ({ ...p })));
}

const replaceText = (id: string, from: string, to: string) => (ps: PassageText[]) =>
  ps.map((p) => (p.id === id ? { ...p, text: p.text.replace(from, to) } : p));

const textAt = (passages: PassageText[], placement: { passageId: string; start: number; end: number } | null) =>
  placement && passages.find((p) => p.id === placement.passageId)!.text.slice(placement.start, placement.end);

describe('anchor', () => {
  it('should place an annotation by position when the text is unchanged', () => {
    const target = annotate('cnn-defcd4', 'media operations crippled');
    const placement = anchor(target, original);
    expect(placement).toMatchObject({ passageId: 'cnn-defcd4', method: 'position' });
    expect(textAt(original, placement)).toBe('media operations crippled');
  });

  it('should find the quote when white space changed around and inside it', () => {
    const target = annotate('cnn-defcd4', 'media operations crippled');
    const site = rebuilt(replaceText('cnn-defcd4', 'Over the last six months, ISIS', 'Over  the last\u00a0six months,\nISIS'));
    const placement = replaceText('cnn-defcd4', 'media operations crippled', 'media  operations\ncrippled')(site);
    const result = anchor(target, placement);
    expect(result).toMatchObject({ passageId: 'cnn-defcd4', method: 'quote' });
    expect(textAt(placement, result)?.replace(/\s+/g, ' ')).toBe('media operations crippled');
  });

  it('should pick the right one of two identical quotes by context when positions moved', () => {
    // "Mosul" occurs twice in cnn-72990c; annotate the second.
    const target = annotate('cnn-72990c', 'Mosul', 1);
    const site = rebuilt(replaceText('cnn-72990c', 'For some ISIS fighters', 'For some of the ISIS fighters'));
    const result = anchor(target, site);
    const text = site.find((p) => p.id === 'cnn-72990c')!.text;
    expect(result).toMatchObject({ passageId: 'cnn-72990c', method: 'quote' });
    expect(result!.start).toBe(text.lastIndexOf('Mosul'));
  });

  it('should keep the first of two identical quotes when the text is unchanged', () => {
    const target = annotate('cnn-72990c', 'Mosul', 0);
    const result = anchor(target, original);
    expect(result).toMatchObject({ method: 'position', start: original[3]!.text.indexOf('Mosul') });
  });

  it('should re-anchor approximately when a word was inserted into the quote', () => {
    const quote = 'the lines of this war are slowly being redrawn';
    const target = annotate('cnn-d9bca7', quote);
    const site = rebuilt(replaceText('cnn-d9bca7', 'are slowly being', 'are slowly and painfully being'));
    const result = anchor(target, site);
    expect(result).toMatchObject({ passageId: 'cnn-d9bca7', method: 'fuzzy' });
    expect(textAt(site, result)).toBe('the lines of this war are slowly and painfully being redrawn');
  });

  it('should try only exact placements when no approximate matcher is given', () => {
    const quote = 'the lines of this war are slowly being redrawn';
    const target = annotate('cnn-d9bca7', quote);
    const site = rebuilt(replaceText('cnn-d9bca7', 'are slowly being', 'are slowly and painfully being'));
    expect(anchorWith(target, site)).toBeNull();
    expect(anchorWith(target, original)).toMatchObject({ method: 'position' });
  });

  it('should re-anchor approximately when a typo inside the quote was fixed', () => {
    const withTypo = rebuilt(replaceText('cnn-955440', 'agile attacks, mobility', 'agile atacks, mobility'));
    const passage = withTypo.find((p) => p.id === 'cnn-955440')!;
    const quote = 'agile atacks, mobility and surprise';
    const at = passage.text.indexOf(quote);
    const target = targetFromSelectors(selectorsFor(passage, at, at + quote.length));
    const result = anchor(target, original);
    expect(result).toMatchObject({ passageId: 'cnn-955440', method: 'fuzzy' });
    expect(textAt(original, result)).toBe('agile attacks, mobility and surprise');
  });

  it('should follow a paragraph moved to another position (same id)', () => {
    const target = annotate('cnn-4dd3d1', 'forming an underground resistance');
    const site = rebuilt((ps) => [ps[4]!, ...ps.filter((p) => p.id !== 'cnn-4dd3d1')]);
    const result = anchor(target, site);
    expect(result).toMatchObject({ passageId: 'cnn-4dd3d1', method: 'position' });
  });

  it('should find a quote whose paragraph moved and was given a new id', () => {
    const target = annotate('cnn-4dd3d1', 'forming an underground resistance');
    const site = rebuilt((ps) => {
      const moved = { ...ps[4]!, id: 'cnn-0a0b0c' };
      return [moved, ...ps.filter((p) => p.id !== 'cnn-4dd3d1')];
    });
    const result = anchor(target, site);
    expect(result).toMatchObject({ passageId: 'cnn-0a0b0c', method: 'quote' });
    expect(textAt(site, result)).toBe('forming an underground resistance');
  });

  it('should follow the alias of a retired passage id', () => {
    const target = annotate('cnn-af6718', 'not just territory');
    // The normaliser merged cnn-af6718 into the next passage and retired its id.
    const site = rebuilt((ps) =>
      ps
        .filter((p) => p.id !== 'cnn-af6718')
        .map((p) => (p.id === 'cnn-defcd4' ? { ...p, text: `${p.text} ${original[0]!.text}` } : p)),
    );
    const result = anchor(target, site, { retiredIds: { 'cnn-af6718': 'cnn-defcd4' } });
    expect(result).toMatchObject({ passageId: 'cnn-defcd4', method: 'quote' });
    expect(textAt(site, result)).toBe('not just territory');
  });

  it('should leave an annotation orphaned when its paragraph was deleted', () => {
    const target = annotate('cnn-72990c', 'they will embrace martyrdom in the alleyways of Mosul');
    const site = rebuilt((ps) => ps.filter((p) => p.id !== 'cnn-72990c'));
    expect(anchor(target, site)).toBeNull();
  });

  it('should not move a short common quote to another paragraph when its own was deleted', () => {
    // "ISIS" appears in most passages: none of them is the one that was meant.
    const target = annotate('cnn-72990c', 'ISIS');
    const site = rebuilt((ps) => ps.filter((p) => p.id !== 'cnn-72990c'));
    expect(anchor(target, site)).toBeNull();
  });

  it('should orphan an annotation whose sentence was rewritten beyond recognition', () => {
    const target = annotate('cnn-955440', 'It has shown resilience in Syria');
    const site = rebuilt(replaceText('cnn-955440', 'It has shown resilience in Syria', 'Its Syrian cells were mostly dismantled'));
    expect(anchor(target, site)).toBeNull();
  });

  it('should place a target that only has a passage id and position', () => {
    const result = anchor({ passageId: 'cnn-af6718', position: { start: 4, end: 8 } }, original);
    expect(result).toEqual({ passageId: 'cnn-af6718', start: 4, end: 8, method: 'position' });
  });

  it('should return null for a position outside the passage and no quote', () => {
    expect(anchor({ passageId: 'cnn-af6718', position: { start: 4, end: 999 } }, original)).toBeNull();
  });
});
