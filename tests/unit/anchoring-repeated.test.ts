/**
 * "Never moved": an annotation on one of several identical short quotes stays
 * on that occurrence through edits, or becomes an orphan; it never lands on
 * another occurrence the reader did not mark.
 */
import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { anchor } from '../../src/annotations/anchoring/anchor';
import { selectorsFor, targetFromSelectors } from '../../src/annotations/anchoring/selectors';
import type { PassageText } from '../../src/annotations/anchoring/types';

const S1 = 'Officials in Washington say al Qaeda has rebuilt its networks in the north since the spring offensive.';
const S2 = 'Local commanders, however, insist that al Qaeda recruits now come mostly from the refugee camps near the border.';
const S3 = 'Whether al Qaeda can hold the towns it took last year is another matter entirely.';
const passage: PassageText = { id: 'ex-a1b2c3', text: `${S1} ${S2} ${S3}` };
const before: PassageText = { id: 'ex-000aaa', text: 'The region has seen three changes of government in a decade.' };
const after: PassageText = { id: 'ex-fff999', text: 'Aid agencies report that food prices have doubled since January.' };
const article = [before, passage, after];

/** The target of an annotation on the `nth` (0-based) "al Qaeda" of the passage. */
function onOccurrence(nth: number) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = passage.text.indexOf('al Qaeda', at + 1);
  return targetFromSelectors(selectorsFor(passage, at, at + 'al Qaeda'.length));
}
const place = (passages: PassageText[], nth = 1) => anchor(onOccurrence(nth), passages, { approximate: search });
/** Which sentence a placement falls in (its text around the quote). */
const sentenceAt = (passages: PassageText[], p: ReturnType<typeof place>) => {
  if (!p) return null;
  const text = passages.find((x) => x.id === p.passageId)!.text;
  expect(text.slice(p.start, p.end)).toBe('al Qaeda');
  return [S1, S2, S3].find((s) => text.indexOf(s) !== -1 && text.indexOf(s) <= p.start && p.end <= text.indexOf(s) + s.length) ?? null;
};

describe('an annotation on the 2nd of three "al Qaeda" in one passage', () => {
  it('stays on the 2nd when nothing changed', () => {
    expect(sentenceAt(article, place(article))).toBe(S2);
  });

  it('becomes an orphan when the sentence holding it is deleted', () => {
    const edited = [before, { ...passage, text: `${S1} ${S3}` }, after];
    expect(place(edited)).toBeNull();
  });

  it('becomes an orphan when its sentence is deleted and the passage gets a new id', () => {
    const edited = [before, { id: 'ex-d4e5f6', text: `${S1} ${S3}` }, after];
    expect(place(edited)).toBeNull();
  });

  it('stays on the 2nd when a paragraph is inserted before its passage', () => {
    const inserted = { id: 'ex-123abc', text: 'A new paragraph says al Qaeda is divided, and al Qaeda is patient.' };
    const edited = [before, inserted, passage, after];
    const p = place(edited);
    expect(p?.passageId).toBe(passage.id);
    expect(sentenceAt(edited, p)).toBe(S2);
  });

  it('stays on the 2nd when a sentence is inserted before it in its passage', () => {
    const edited = [before, { ...passage, text: `Analysts disagree about al Qaeda. ${S1} ${S2} ${S3}` }, after];
    expect(sentenceAt(edited, place(edited))).toBe(S2);
  });

  it('follows the 2nd into the new passage when its passage is split', () => {
    const edited = [before, { ...passage, text: S1 }, { id: 'ex-5p1175', text: `${S2} ${S3}` }, after];
    const p = place(edited);
    expect(p?.passageId).toBe('ex-5p1175');
    expect(sentenceAt(edited, p)).toBe(S2);
  });

  it('stays on the 2nd when the passage is split right after it', () => {
    const edited = [before, { ...passage, text: `${S1} ${S2}` }, { id: 'ex-5p1175', text: S3 }, after];
    const p = place(edited);
    expect(p?.passageId).toBe(passage.id);
    expect(sentenceAt(edited, p)).toBe(S2);
  });

  it('becomes an orphan when the passage is split and its sentence deleted', () => {
    const edited = [before, { ...passage, text: S1 }, { id: 'ex-5p1175', text: S3 }, after];
    expect(place(edited)).toBeNull();
  });

  it('keeps the 1st and the 3rd on theirs through the same edits', () => {
    const edited = [before, { ...passage, text: `Analysts disagree. ${S1} ${S3}` }, after];
    expect(sentenceAt(edited, place(edited, 0))).toBe(S1);
    expect(sentenceAt(edited, place(edited, 2))).toBe(S3);
  });

  it('becomes an orphan when the words around every remaining occurrence were rewritten', () => {
    const edited = [before, { ...passage, text: 'Nobody doubts that al Qaeda is back. Many fear al Qaeda more than before.' }, after];
    expect(place(edited)).toBeNull();
  });
});
