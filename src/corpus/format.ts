/**
 * How uncertain metadata reads on the page. Pure, so the same words appear on
 * cards, article headers, share cards and in exports.
 */
import type { Certainty, Published } from './schema';

const COUNT = new Intl.NumberFormat('en-GB');
/** A count as a reader reads it: "21,610". */
export const formatCount = (n: number) => COUNT.format(n);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Words a reader understands for each certainty status; verified needs none. */
export const CERTAINTY_LABEL: Record<Certainty, string> = {
  verified: 'verified',
  secondary: 'from secondary copies',
  'single-source': 'single source',
  inferred: 'inferred',
  estimate: 'estimated',
  unknown: 'unknown',
};

/** "22 March 2017", "March 2017", "c. April 2017" (estimates get "c."), or "Date unknown". */
export function formatDate(published: Published): string {
  if (published.value === null) return 'Date unknown';
  const [year, month, day] = published.value.split('-').map(Number);
  const monthName = month ? MONTHS[month - 1] : undefined;
  const text = [day, monthName, year].filter((part) => part !== undefined).join(' ');
  return published.status === 'estimate' ? `c. ${text}` : text;
}

/** The qualifier shown after a value, e.g. "(estimated)", or '' when verified. */
export function certaintyNote(status: Certainty): string {
  return status === 'verified' ? '' : `(${CERTAINTY_LABEL[status]})`;
}

/** A machine-readable date for <time datetime>, or undefined when unknown. */
export function isoDate(published: Published): string | undefined {
  return published.value ?? undefined;
}

/** Sort key that puts articles in publication order (unknown dates last). */
export function publicationSortKey(published: Published): string {
  return published.value ?? '9999';
}

/** "6 min read". */
export function readingTime(minutes: number): string {
  return `${minutes} min read`;
}
