/**
 * Properties of the site's addresses (src/contract): every link the site builds reads back to
 * what it was built from, through a real URL object as a browser would hand it over, and any
 * address at all — garbage, stray `%`, broken directives — is read without throwing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleUrl,
  entityUrl,
  pairUrl,
  parseFragment,
  parseRoute,
  parseSearchUrl,
  passageFragment,
  quoteUrl,
  searchUrl,
  SEARCH_FACETS,
  shareUrl,
  themeUrl,
  type TextDirective,
} from '../../src/contract';

const ORIGIN = 'https://dossier.example';
const RUNS = { numRuns: 300 };

/* ---------- arbitraries ---------- */

const lowerAlnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const hex = fc.constantFrom(...'0123456789abcdef'.split(''));
/** A slug as the site makes them: lower-case words joined by single hyphens. */
const slug = fc.array(fc.string({ unit: lowerAlnum, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 }).map((w) => w.join('-'));
/** A passage id: a prefix (a letter, then up to seven letters or digits), a hyphen, six or more hex digits. */
const passageId = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fc.string({ unit: lowerAlnum, maxLength: 7 }), fc.string({ unit: hex, minLength: 6, maxLength: 12 }))
  .map(([first, rest, digits]) => `${first}${rest}-${digits}`);
/** Any words a quote may hold: all of Unicode (well-formed), with the characters the syntax reserves mixed in. */
const term = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.constantFrom('-', ',', '&', '%', '#', ':~:', 'text=', ' ', '%E0%A4', '\u00e9', '\u0301')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.join(''))
  .filter((s) => s.length > 0);
const directive: fc.Arbitrary<TextDirective> = fc
  .record({ textStart: term, textEnd: fc.option(term, { nil: undefined }), prefix: fc.option(term, { nil: undefined }), suffix: fc.option(term, { nil: undefined }) })
  .map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as TextDirective);

/** Fragments built from the syntax's own pieces, well-formed or not: the hostile addresses worth trying. */
const fragmentPieces = fc
  .array(
    fc.oneof(
      fc.constantFrom('#', ':~:', 'text=', ',', '-', '&', '%', '%2', '%E0%A4%A', '%25', '%2D', '%FF', '=', ':~', '~:', 'text', '%00', '\u0000', '\uD800', '\uDC00'),
      fc.string({ unit: 'binary', maxLength: 5 }),
      passageId,
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));
const anything = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fragmentPieces);

/* ---------- properties ---------- */

describe('contract: quote links', () => {
  it('should read back the passage and the directive of any quote link, after a browser has parsed the URL', () => {
    fc.assert(
      fc.property(slug, passageId, directive, (article, id, d) => {
        const url = new URL(quoteUrl(article, id, d), ORIGIN);
        expect(parseRoute(url.pathname)).toEqual({ page: 'article', slug: article });
        expect(parseFragment(url.hash)).toEqual({ id, directives: [d] });
      }),
      RUNS,
    );
  });

  it('should read back a plain passage link with no directive', () => {
    fc.assert(
      fc.property(passageId, (id) => {
        expect(parseFragment(new URL(passageFragment(id), ORIGIN).hash)).toEqual({ id, directives: [] });
      }),
      RUNS,
    );
  });

  it('should keep only what is the syntax: every directive it reads has a text start, and each term read is non-empty', () => {
    fc.assert(
      fc.property(anything, (hash) => {
        const parsed = parseFragment(hash);
        expect(typeof parsed.id).toBe('string');
        for (const d of parsed.directives) {
          for (const value of [d.textStart, d.textEnd, d.prefix, d.suffix]) if (value !== undefined) expect(value.length).toBeGreaterThan(0);
          expect(d.textStart.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('should never throw on any fragment, with or without #, as text or as a browser encodes it', () => {
    fc.assert(
      fc.property(anything, (raw) => {
        expect(() => parseFragment(raw)).not.toThrow();
        expect(() => parseFragment(`#${raw}`)).not.toThrow();
        expect(() => parseFragment(new URL(`/articles/x/#${raw}`, ORIGIN).hash)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('contract: routes', () => {
  it('should read back every reading route it builds', () => {
    fc.assert(
      fc.property(slug, slug, passageId, fc.integer({ min: 1, max: 500 }), (a, b, id, page) => {
        const read = (path: string) => parseRoute(new URL(path, ORIGIN).pathname);
        expect(read(articleUrl(a))).toEqual({ page: 'article', slug: a });
        expect(read(shareUrl(id))).toEqual({ page: 'share', passageId: id });
        expect(read(themeUrl(a, page))).toEqual({ page: 'theme', themeId: a, pageNumber: page });
        if (a !== 'page') expect(read(entityUrl(a, page))).toEqual({ page: 'entity', entityId: a, pageNumber: page });
        // A pair of slugs joined by the separator reads back as the same two only when neither holds the separator itself.
        if (!a.includes('--') && !b.includes('--')) expect(read(pairUrl(a, b))).toEqual({ page: 'pair', a, b, layout: 'theme' });
      }),
      RUNS,
    );
  });

  it('should read back any search, whatever its words and filters', () => {
    const words = fc.string({ unit: 'grapheme', maxLength: 30 });
    const filters = fc.record(Object.fromEntries(SEARCH_FACETS.map((f) => [f, fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { maxLength: 3 })])));
    fc.assert(
      fc.property(words, filters, (query, chosen) => {
        const url = new URL(searchUrl(query, chosen), ORIGIN);
        expect(parseSearchUrl(url.search)).toEqual({ query, filters: chosen });
      }),
      RUNS,
    );
  });

  it('should never throw on any path or query, and answer null or a route', () => {
    fc.assert(
      fc.property(anything, (raw) => {
        expect(() => parseRoute(raw)).not.toThrow();
        expect(() => parseSearchUrl(raw)).not.toThrow();
        const route = parseRoute(new URL(`/${raw.replace(/^\/+/, '')}`, ORIGIN).pathname);
        if (route) expect(['article', 'share', 'pair', 'theme', 'entity']).toContain(route.page);
      }),
      { numRuns: 1000 },
    );
  });
});
