/**
 * Dates as sources print them → "YYYY-MM-DD" (or YYYY-MM, YYYY), refusing what is
 * impossible or ambiguous: "03/04/2017" could be 3 April or 4 March, so it is never guessed.
 */
import { impossibleDate } from '../../../src/corpus/schema.ts';
import { asciiDigits, foreignMonthNumber } from '../calendar.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export type DateResult = { value: string; precision: 'day' | 'month' | 'year' } | { error: string };

const pad = (n: number) => String(n).padStart(2, '0');

function checked(year: number, month?: number, day?: number): DateResult {
  const value = [String(year), ...(month !== undefined ? [pad(month)] : []), ...(day !== undefined ? [pad(day)] : [])].join('-');
  const problem = impossibleDate(value);
  if (problem) return { error: `"${value}" is not a date: ${problem}` };
  return { value, precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year' };
}

/** 3 for "Mar", "Mar." or "March", and for "mars", "März", "marzo", "آذار" (calendar.ts); undefined for anything else. */
export const monthNumber = (word: string) => {
  const w = word.replace(/\.$/, '').toLowerCase();
  const index = w.length >= 3 ? MONTHS.findIndex((month) => month.startsWith(w) && (w.length === 3 || w === month || (w === 'sept' && month === 'september'))) : -1;
  return index < 0 ? foreignMonthNumber(w) : index + 1;
};

/** The little words between a date's parts in other languages: "12 de marzo de 2024", "le 3 février", "في ١٢ مارس". */
const DATE_PARTICLE = /^(?:de|del|le|el|am|op|il|em|في)$/i;

/** Parses a date; `null` when the text holds no date at all. */
export function parseDate(input: string): DateResult | null {
  // Digits of any script are read as digits: "١٢ مارس ٢٠٢٤" is 12 March 2024.
  const text = asciiDigits(input.trim());
  let m: RegExpExecArray | null;
  // ISO 8601, with or without a time: 2017-03-22, 2017-03-22T10:00:00Z, 2017-03, 2017
  if ((m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text))) {
    return checked(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  }
  // 03/04/2017, 3.4.2017: day and month cannot be told apart unless one is over 12.
  if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 12 && b <= 12) return checked(year, b, a);
    if (b > 12 && a <= 12) return checked(year, a, b);
    if (a === b) return checked(year, a, b);
    const month = (n: number) => (MONTHS[n - 1] ?? '?').replace(/^./, (c) => c.toUpperCase());
    return { error: `"${text}" is ambiguous (${a} ${month(b)} or ${b} ${month(a)}?); write it as YYYY-MM-DD` };
  }
  // German writes the day as an ordinal, "12. März 2024".
  const words = text
    .replace(/[,،]/g, ' ')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1')
    .replace(/\b(\d{1,2})\.(?=\s)/g, '$1')
    .split(/\s+/)
    .filter((word) => word && !DATE_PARTICLE.test(word));
  // 22 March 2017, Wed 22 Mar 2017 10:00 GMT
  for (let i = 0; i + 2 < words.length; i++) {
    const [d, mo, y] = [words[i]!, words[i + 1]!, words[i + 2]];
    if (/^\d{1,2}$/.test(d) && monthNumber(mo) && y && /^\d{4}$/.test(y)) return checked(Number(y), monthNumber(mo), Number(d));
    // March 22 2017
    if (monthNumber(d) && /^[a-z]+\.?$/i.test(d) && /^\d{1,2}$/.test(mo) && y && /^\d{4}$/.test(y)) return checked(Number(y), monthNumber(d), Number(mo));
  }
  // March 2017, mars 2017
  for (let i = 0; i + 1 < words.length; i++) {
    if (/^\p{L}+\.?$/u.test(words[i]!) && monthNumber(words[i]!) && /^\d{4}$/.test(words[i + 1]!)) return checked(Number(words[i + 1]), monthNumber(words[i]!));
  }
  return null;
}
