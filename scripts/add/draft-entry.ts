/**
 * Drafts a manifest entry for a new source from what the file says about itself and
 * what the reader gave on the command line. Every value carries how sure it is:
 * `verified` (read from the page's own metadata or text, or given by the reader),
 * `inferred` (guessed from the layout or the file's properties), `unknown` (null) —
 * never invented.
 */
import { basename, extname } from 'node:path';
import { isIdPrefix } from '../../src/contract/index.ts';
import { DOSSIER_LANGUAGE, isDossierLanguage } from '../../src/contract/language.ts';
import type { SourceEntry } from '../../src/corpus/schema.ts';
import type { Found, SourceMetadata } from '../normalize/extract/types.ts';

export interface Overrides {
  outlet?: string;
  headline?: string;
  /** already checked: YYYY, YYYY-MM or YYYY-MM-DD */
  date?: { value: string; precision: 'day' | 'month' | 'year' };
  authors?: string[];
  /** a canonical BCP 47 tag, already checked */
  language?: string;
}

/** One line of the "what was filled, how sure" table. */
export interface FilledField {
  field: string;
  value: string;
  status: 'verified' | 'inferred' | 'unknown';
  from: string;
}

/** The manifest entry as written to sources.yaml (before zod fills defaults). */
export type DraftEntry = Omit<SourceEntry, 'contributors'> & { contributors: [] };

const HONORIFIC = /^(Dr|Prof|Professor|Sir|Dame|Gen|General|Col|Colonel|Maj|Major|Capt|Captain|Lt|Rev|Amb|Ambassador|Mr|Mrs|Ms|Mx)\.?\s+(?=\p{Lu})/u;

/** "Dr Lorenzo Vidino" → { name: "Lorenzo Vidino", honorific: "Dr" }: the name alone is what lists and citations use. */
export function splitHonorific(fullName: string): { name: string; honorific?: string } {
  const m = HONORIFIC.exec(fullName);
  return m ? { name: fullName.slice(m[0].length).trim(), honorific: m[1]! } : { name: fullName };
}

const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'in', 'on', 'at', 'to', 'for', 'is', 'are', 'as', 'by', 'with', 'from']);

/** Lower-case ASCII words joined by hyphens: the first few significant words. */
export function slugify(text: string, maxWords = 6): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const significant = words.filter((w) => !STOP.has(w));
  return (significant.length >= 2 ? significant : words).slice(0, maxWords).join('-');
}

/** A short prefix from the outlet's initials ("The Example Courier" → "ec"), unique among `taken`. */
export function idPrefixFor(outlet: string, slug: string, taken: ReadonlySet<string>): string {
  const words = slugify(outlet, 8).split('-').filter((w) => w && !STOP.has(w));
  let base = words.length >= 2 ? words.map((w) => w[0]).join('') : (words[0] ?? slug).slice(0, 4);
  base = base.replace(/^[^a-z]+/, '').slice(0, 6);
  if (!isIdPrefix(base)) base = `s${base}`.replace(/[^a-z0-9]/g, '').slice(0, 6) || 'src';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  const slug = base || 'source';
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

const note = (found: Found<unknown>) => `from ${found.from}`;

export interface DraftInput {
  /** the path the reader gave */
  path: string;
  metadata: SourceMetadata;
  overrides: Overrides;
  takenSlugs: ReadonlySet<string>;
  takenPrefixes: ReadonlySet<string>;
  /** the encoding it was decoded in, when not UTF-8 */
  encoding?: string;
  /** the language its text looks like, when the file does not declare one */
  detected?: Found<string> | null;
}

/** @throws Error (a message for people) when the outlet cannot be told and was not given */
export function draftEntry({ path, metadata, overrides, takenSlugs, takenPrefixes, encoding, detected }: DraftInput): { entry: DraftEntry; filled: FilledField[] } {
  const filled: FilledField[] = [];
  const given = 'given on the command line';

  // outlet
  let outlet: string;
  if (overrides.outlet) {
    outlet = overrides.outlet;
    filled.push({ field: 'outlet', value: outlet, status: 'verified', from: `${given} (--outlet)` });
  } else if (metadata.outlet) {
    outlet = metadata.outlet.value;
    filled.push({ field: 'outlet', value: outlet, status: metadata.outlet.status, from: metadata.outlet.from });
  } else if (metadata.url) {
    outlet = new URL(metadata.url.value).hostname.replace(/^www\./, '');
    filled.push({ field: 'outlet', value: outlet, status: 'inferred', from: `the address's host name (${metadata.url.from})` });
  } else {
    throw new Error(`cannot tell which outlet published ${basename(path)} (the file does not say). Give it: npm run add -- ${path} --outlet "Name of the outlet"`);
  }

  // headline
  let headline: DraftEntry['headline'];
  if (overrides.headline) {
    headline = { value: overrides.headline, status: 'verified', note: given };
    filled.push({ field: 'headline', value: overrides.headline, status: 'verified', from: `${given} (--headline)` });
  } else if (metadata.headline) {
    headline = { value: metadata.headline.value, status: metadata.headline.status, note: note(metadata.headline) };
    filled.push({ field: 'headline', value: metadata.headline.value, status: metadata.headline.status, from: metadata.headline.from });
  } else {
    headline = { value: null, status: 'unknown' };
    filled.push({ field: 'headline', value: '—', status: 'unknown', from: 'not found: give it with --headline' });
  }

  // standfirst
  let standfirst: DraftEntry['standfirst'] = null;
  if (metadata.standfirst) {
    standfirst = { value: metadata.standfirst.value, status: metadata.standfirst.status, note: note(metadata.standfirst) };
    filled.push({ field: 'standfirst', value: metadata.standfirst.value, status: metadata.standfirst.status, from: metadata.standfirst.from });
  } else filled.push({ field: 'standfirst', value: '—', status: 'unknown', from: 'none found' });

  // authors
  let authors: DraftEntry['authors'] = [];
  let authorsStatus: DraftEntry['authorsStatus'];
  if (overrides.authors?.length) {
    authors = overrides.authors.map((full) => ({ ...splitHonorific(full), status: 'verified' as const, note: given }));
    filled.push({ field: 'authors', value: overrides.authors.join(', '), status: 'verified', from: `${given} (--author)` });
  } else if (metadata.authors) {
    const found = metadata.authors;
    authors = found.value.map((full) => ({ ...splitHonorific(full), status: found.status, note: note(found) }));
    filled.push({ field: 'authors', value: found.value.join(', '), status: found.status, from: found.from });
  } else {
    authorsStatus = 'unknown';
    filled.push({ field: 'authors', value: '—', status: 'unknown', from: 'not found: give them with --author' });
  }

  // date
  let published: DraftEntry['published'];
  if (overrides.date) {
    published = { ...overrides.date, status: 'verified', note: given };
    filled.push({ field: 'date', value: overrides.date.value, status: 'verified', from: `${given} (--date)` });
  } else if (metadata.published) {
    const value = metadata.published.value;
    const precision = (['year', 'month', 'day'] as const)[value.split('-').length - 1]!;
    published = { value, precision, status: metadata.published.status, note: note(metadata.published) };
    filled.push({ field: 'date', value, status: metadata.published.status, from: metadata.published.from });
  } else {
    published = { value: null, precision: 'day', status: 'unknown' };
    filled.push({ field: 'date', value: '—', status: 'unknown', from: 'not found: give it with --date YYYY-MM-DD' });
  }

  // url
  const url: DraftEntry['url'] = metadata.url
    ? { value: metadata.url.value, status: metadata.url.status, note: note(metadata.url) }
    : { value: null, status: 'unknown' };
  filled.push(
    metadata.url
      ? { field: 'url', value: metadata.url.value, status: metadata.url.status, from: metadata.url.from }
      : { field: 'url', value: '—', status: 'unknown', from: 'not in the file' },
  );

  // a headline in another script (Arabic, Cyrillic…) gives no ASCII words: the file's name then
  // language: written to the entry only when it is not the dossier's
  const language = overrides.language
    ? { value: overrides.language, status: 'verified' as const, from: `${given} (--language)` }
    : (metadata.language ?? detected ?? null);
  filled.push(
    language
      ? { field: 'language', value: language.value, status: language.status, from: language.from }
      : { field: 'language', value: DOSSIER_LANGUAGE, status: 'unknown', from: 'not declared, and too little text to tell: the dossier\'s' },
  );

  const slug = uniqueSlug(slugify(headline.value ?? '') || slugify(basename(path, extname(path))), takenSlugs);
  const idPrefix = idPrefixFor(outlet, slug, takenPrefixes);
  const entry: DraftEntry = {
    slug,
    file: `${slug}${extname(path).toLowerCase()}`,
    originalFile: basename(path),
    ...(language && !isDossierLanguage(language.value) ? { language: language.value } : {}),
    ...(encoding ? { encoding } : {}),
    idPrefix,
    outlet,
    headline,
    standfirst,
    authors,
    ...(authorsStatus ? { authorsStatus } : {}),
    contributors: [],
    published,
    url,
    completeness: 'complete',
  };
  return { entry, filled };
}
