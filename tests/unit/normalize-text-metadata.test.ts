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

  it('should read date lines in other languages: month and weekday names, little words, labels, digits of any script', () => {
    const lines = [
      '12 mars 2024',
      'Publié le 12 mars 2024 à 14h32',
      'Mis à jour le 12 mars 2024 à 09h15',
      '12 de marzo de 2024',
      'Publicado el 12 de marzo de 2024 a las 10:32',
      'Aktualisiert am 12. März 2024, 10:32 Uhr',
      'Dienstag, 12. März 2024',
      '12 maart 2024',
      '١٢ مارس ٢٠٢٤',
      'الثلاثاء ١٢ آذار ٢٠٢٤',
      '12 марта 2024',
    ];
    for (const line of lines) expect(textMetadata(copy('Un titre assez long pour un titre', line, 'Le texte.')).published?.value, line).toBe('2024-03-12');
  });

  it('should take no date from a sentence in another language that mentions one', () => {
    for (const line of ['Le 12 mars 2024, la police a arrêté trois hommes à Lyon.', 'في ١٢ مارس ٢٠٢٤ اعتقلت الشرطة ثلاثة رجال في كركوك.']) {
      expect(textMetadata(copy('Un titre assez long pour un titre', line, 'Le texte.')).published, line).toBeUndefined();
    }
  });

  it('should read an Arabic plain-text copy: headline, the byline after بقلم, the date in Arabic-Indic digits', () => {
    const meta = textMetadata(copy('القبض على خلية لتنظيم الدولة في كركوك', 'بقلم: سارة الجبوري', '١٢ مارس ٢٠٢٤', 'أعلنت وزارة الداخلية العراقية القبض على خلية.'));
    expect(meta.headline?.value).toBe('القبض على خلية لتنظيم الدولة في كركوك');
    expect(meta.authors).toMatchObject({ value: ['سارة الجبوري'], status: 'verified' });
    expect(meta.published?.value).toBe('2024-03-12');
  });
});
