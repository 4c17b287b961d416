/**
 * What a plain-text copy says about itself (scripts/normalize/extract/text.ts): the byline
 * and date are read from the lines that are a byline and a date, never from the headline or
 * from a sentence that happens to mention a date.
 */
import { describe, expect, it } from 'vitest';
import { textMetadata } from '../../scripts/normalize/extract/text.ts';

const copy = (...lines: string[]) => lines.join('\n\n');

describe('textMetadata', () => {
  it('should read "By Name in Place" as the name alone', () => {
    const meta = textMetadata(copy('Ceasefire talks stall again', 'By Martin Ostrowski in Beirut', 'Talks resumed on Monday.'));
    expect(meta.authors).toMatchObject({ value: ['Martin Ostrowski'], status: 'verified' });
  });

  it('should read a byline in French or Spanish, and one with its date after a dot', () => {
    expect(textMetadata(copy('Un titre assez long', 'Par Camille Lefèvre et Hugo Martin', 'Le texte.')).authors?.value).toEqual(['Camille Lefèvre', 'Hugo Martin']);
    expect(textMetadata(copy('Un título bastante largo', 'Por Lucía Fernández y Ana Gil', 'El texto.')).authors?.value).toEqual(['Lucía Fernández', 'Ana Gil']);
    expect(textMetadata(copy('A headline for the piece', 'By Abdel Mustafa · 4 May 2025', 'The text.')).authors?.value).toEqual(['Abdel Mustafa']);
  });

  it('should take no date from a headline that names one', () => {
    const meta = textMetadata(copy('Seven years on from 22 March 2017, the city remembers', 'By Jane Roe', 'Families gathered on Friday.'));
    expect(meta.published).toBeUndefined();
  });

  it('should take no date from a sentence that mentions one', () => {
    const meta = textMetadata(copy('Ceasefire talks stall again', 'The attack on 22 March 2017 killed five people.', 'More text.'));
    expect(meta.published).toBeUndefined();
  });

  it('should read date lines with labels, clock times and time zones', () => {
    for (const line of ['Published: 4 March 2024', 'March 4, 2024 2:17 PM GMT+1 Updated 3 hours ago', 'Wednesday 22 March 2017 10.32 GMT', 'Updated on 4 March 2024']) {
      expect(textMetadata(copy('Ceasefire talks stall again', line, 'Body text.')).published?.value, line).toMatch(/^20(24-03-04|17-03-22)$/);
    }
  });
});
