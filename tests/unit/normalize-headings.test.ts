/** detect-headings: short title-like lines between paragraphs, never short sentences. */
import { describe, expect, it } from 'vitest';
import { findHeadings, looksLikeHeading } from '../../scripts/normalize/stages/detect-headings.ts';

describe('normalize headings: looksLikeHeading', () => {
  it.each([
    'Going to ground', 'Switching allegiances', 'Waging jihad in the West', 'Expansion of ISIS affiliates',
    '‘Islamic State’ of mind', 'Over the border', 'From battlefield to battlefield', 'Vulnerable countries',
    'The threat to Europe', 'A legal return', 'Looking to the future', 'Current Status of ISIS',
    'Report: ISIS is Out of Heavy Weapons', 'Make No Mistake: ISIS is Still a Threat', 'The ISIS Recruitment Pipeline',
  ])('should take "%s" for a heading', (text) => {
    expect(looksLikeHeading(text)).toBe(true);
  });

  it.each([
    'ISIS is on the back foot.',
    'So what could ISIS 2.0 look like?',
    'Neighbouring countries, such as Jordan and Lebanon, have similar fears.',
    'He called them “soldiers of the Caliphate.”',
    'A list follows:',
    'lower-case start of a line',
    'This line is far too long to be a heading because it goes on and on and on',
    '',
  ])('should not take "%s" for a heading', (text) => {
    expect(looksLikeHeading(text)).toBe(false);
  });
});

describe('normalize headings: looksLikeHeading in scripts without capitals', () => {
  it.each(['خلفية الهجمات', 'ما بعد الموصل', 'רקע להתקפות', '袭击的背景', 'تحلیل و پیامدها'])('should take "%s" for a heading', (text) => {
    expect(looksLikeHeading(text)).toBe(true);
  });

  it.each([
    'ما الذي تغيّر منذ ٢٠١٧؟', // Arabic question mark
    'وأضاف المتحدث أن الخلية فُككت.',
    'قال المتحدث:',
    'وبحسب المصادر،',
    'حملے کے بعد پولیس پہنچ گئی۔', // Urdu full stop
    '警方逮捕了三名男子。', // full-width full stop
    '为什么是现在？',
    '«العملية جاءت بعد متابعة استخبارية».',
    'وأضاف: «العملية جاءت بعد متابعة استخبارية استمرت أكثر من ثلاثة أشهر».',
  ])('should not take "%s" for a heading', (text) => {
    expect(looksLikeHeading(text)).toBe(false);
  });

  it('should find an Arabic subheading between two paragraphs, and not the paragraphs', () => {
    const para = 'تراجعت هجمات التنظيم في العراق بشكل كبير منذ عام ٢٠١٧.';
    expect(findHeadings([para, 'خلفية الهجمات', para])).toEqual([false, true, false]);
  });
});

describe('normalize headings: findHeadings', () => {
  const para = 'A real paragraph, with a full stop.';

  it('should find a heading only before a paragraph (the first line may be one, once the headline is removed)', () => {
    expect(findHeadings([para, 'A section', para])).toEqual([false, true, false]);
    expect(findHeadings(['A first section', para, 'A last line'])).toEqual([true, false, false]);
  });

  it('should not make a line printed again and again a heading (a transcript\'s speakers)', () => {
    expect(findHeadings(['HOST', para, 'GUEST', para, 'HOST', para, 'GUEST', para, 'A section', para])).toEqual([false, false, false, false, false, false, false, false, true, false]);
  });

  it('should not make two short lines in a row headings', () => {
    expect(findHeadings([para, 'About this piece', 'Edited by Someone', para])).toEqual([false, false, false, false]);
  });
});
