/**
 * Month and weekday names in the languages sources come in, read from the platform's own
 * calendar data (Intl.DateTimeFormat, full ICU) rather than typed in, so that a date line is
 * known for one in French, Arabic or Turkish as it is in English. The names of every language
 * are known at once: a rule need not know the article's language, and a source whose manifest
 * names none (or the wrong one) is read the same way. Pure.
 */

/**
 * The languages whose names are known (BCP 47). `ar-IQ` adds the Levantine and Iraqi month
 * names (آذار for مارس). Adding a language is adding its tag here, and an example to rules.ts.
 */
export const CALENDAR_LANGUAGES = ['en', 'fr', 'es', 'de', 'nl', 'it', 'pt', 'ar', 'ar-IQ', 'fa', 'ur', 'he', 'tr', 'ru', 'uk', 'pl', 'id'] as const;

/**
 * An abbreviation shorter than this (German "Mo", Dutch "di") is left out: two letters are too
 * often a word of their own.
 */
const MIN_ABBREVIATION = 3;

/** The Gregorian calendar in UTC: a Persian locale would otherwise name Solar Hijri months. */
const GREGORIAN = { calendar: 'gregory', timeZone: 'UTC' } as const;

type Style = 'long' | 'short';

/** A month's name as `style` prints it alone and beside a day (Russian "март", "12 марта"). */
function monthForms(locale: string, month: number, style: Style): string[] {
  const date = Date.UTC(2024, month, 12);
  return [
    new Intl.DateTimeFormat(locale, { ...GREGORIAN, month: style }).format(date),
    ...new Intl.DateTimeFormat(locale, { ...GREGORIAN, month: style, day: 'numeric' })
      .formatToParts(date)
      .filter((part) => part.type === 'month')
      .map((part) => part.value),
  ];
}

/** A locale's weekday names in `style` (2024-01-01 was a Monday). */
function weekdayForms(locale: string, style: Style): string[] {
  return Array.from({ length: 7 }, (_, day) => new Intl.DateTimeFormat(locale, { ...GREGORIAN, weekday: style }).format(Date.UTC(2024, 0, 1 + day)));
}

/** A name as it may be printed: without its abbreviation dot, and never a bare digit or two-letter word. */
function cleanName(name: string): string | null {
  const bare = name.trim().replace(/\.$/, '');
  const letters = bare.match(/\p{L}/gu)?.length ?? 0;
  return letters >= MIN_ABBREVIATION && !/\p{Nd}/u.test(bare) ? bare : null;
}

const cleanNames = (names: string[]) => names.map(cleanName).filter((name): name is string => name !== null);
const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Every month name as printed, with its number (1–12): each language's long and short forms, alone and beside a day. */
const MONTHS_PRINTED: readonly (readonly [string, number])[] = CALENDAR_LANGUAGES.flatMap((locale) =>
  Array.from({ length: 12 }, (_, month) =>
    cleanNames([...monthForms(locale, month, 'long'), ...monthForms(locale, month, 'short')]).map((name) => [name, month + 1] as const),
  ).flat(),
);
/** Every weekday name in full, and every abbreviation, as printed. */
const WEEKDAYS_LONG = CALENDAR_LANGUAGES.flatMap((locale) => cleanNames(weekdayForms(locale, 'long')));
const WEEKDAYS_SHORT = CALENDAR_LANGUAGES.flatMap((locale) => cleanNames(weekdayForms(locale, 'short')));

/** Month name (lower case) → its number, 1–12, in every language of CALENDAR_LANGUAGES: for reading a date. */
export const MONTH_NAMES: ReadonlyMap<string, number> = new Map(MONTHS_PRINTED.map(([name, month]) => [name.toLowerCase(), month]));

/** Weekday names (lower case), in every language of CALENDAR_LANGUAGES: for reading a date. */
export const WEEKDAY_NAMES: ReadonlySet<string> = new Set([...WEEKDAYS_LONG, ...WEEKDAYS_SHORT].map((name) => name.toLowerCase()));

/**
 * Month names exactly as each language prints them, long and short: French "mars" and
 * Spanish "marzo" in lower case, German "März" with its capital. Taken as printed, a name
 * that is also an English word when capitalised ("Mars 2030") is not taken for a date.
 */
export const PRINTED_MONTHS: readonly string[] = [...new Set(MONTHS_PRINTED.map(([name]) => name))];

/**
 * Weekday names in full as each language prints them, and also capitalised: a date line opens
 * with one ("Mardi 12 mars 2024"). One of them tells a line of figures from a date.
 */
export const PRINTED_WEEKDAYS: readonly string[] = [...new Set(WEEKDAYS_LONG.flatMap((name) => [name, capitalised(name)]))];

/**
 * Weekday abbreviations as each language prints them ("lun.", Turkish "Sal", Indonesian
 * "Min"). They may stand in a date, but never make a line one alone: many are words of
 * other languages ("Per 100,000" and "Min 5" are not dates).
 */
export const PRINTED_WEEKDAY_ABBREVIATIONS: readonly string[] = [...new Set(WEEKDAYS_SHORT)];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regular-expression alternation of names, longest first, for a `u` regex. */
export function namesPattern(names: Iterable<string>): string {
  return `(?:${[...new Set(names)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp).join('|')})`;
}

/** The number of a month name in any known language ("mars", "März", "آذار", "марта"); undefined for anything else. */
export const foreignMonthNumber = (word: string): number | undefined => MONTH_NAMES.get(word.replace(/\.$/, '').toLowerCase());

/** Whether a word is a weekday name in any known language ("mardi", "Dienstag", "الثلاثاء"). */
export const isWeekdayName = (word: string): boolean => WEEKDAY_NAMES.has(word.replace(/\.$/, '').toLowerCase());

/** Digits of any script (Arabic-Indic ١٢, Persian ۱۲, Devanagari…) as ASCII digits, for parsing. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    // Every Unicode block of decimal digits is ten consecutive code points, zero first (some
    // blocks follow one another: hence the remainder).
    let zero = code;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String((code - zero) % 10);
  });
}
