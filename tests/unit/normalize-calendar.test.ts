/** The calendar names the date rules and parser know (scripts/normalize/calendar.ts), and dates read with them. */
import { describe, expect, it } from 'vitest';
import { asciiDigits, foreignMonthNumber, isWeekdayName, PRINTED_MONTHS } from '../../scripts/normalize/calendar.ts';
import { parseDate } from '../../scripts/normalize/extract/dates.ts';

describe('calendar names', () => {
  it('should know month names in the languages sources come in, as printed alone and beside a day', () => {
    expect(['mars', 'März', 'marzo', 'maart', 'março', 'مارس', 'آذار', 'марта', 'Mart'].map(foreignMonthNumber)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(foreignMonthNumber('févr.')).toBe(2);
  });

  it('should know weekday names, and leave out two-letter abbreviations (German "Do", Dutch "di")', () => {
    expect(['mardi', 'Dienstag', 'martes', 'الثلاثاء', 'вторник'].every(isWeekdayName)).toBe(true);
    expect(['do', 'di', 'mo', 'the'].some(isWeekdayName)).toBe(false);
  });

  it('should keep month names as printed: French "mars" in lower case, never "Mars" (an English word)', () => {
    expect(PRINTED_MONTHS).toContain('mars');
    expect(PRINTED_MONTHS).not.toContain('Mars');
  });

  it('should read digits of any script as ASCII digits', () => {
    expect(asciiDigits('١٢ مارس ٢٠٢٤')).toBe('12 مارس 2024');
    expect(asciiDigits('۱۴۰۳ and १२ and 𝟏𝟐')).toBe('1403 and 12 and 12');
  });
});

describe('parseDate in other languages', () => {
  it.each([
    ['12 mars 2024', '2024-03-12'],
    ['12 de marzo de 2024', '2024-03-12'],
    ['12. März 2024', '2024-03-12'],
    ['١٢ مارس ٢٠٢٤', '2024-03-12'],
    ['mars 2024', '2024-03'],
    ['٢٠٢٤-٠٣-١٢', '2024-03-12'],
  ])('should read "%s" as %s', (text, value) => {
    expect(parseDate(text)).toMatchObject({ value });
  });

  it('should still refuse an ambiguous numeric date, in any digits', () => {
    expect(parseDate('٠٣/٠٤/٢٠١٧')).toMatchObject({ error: expect.stringContaining('ambiguous') });
  });
});
