/**
 * An article's language (src/contract/language.ts): tags are taken in their canonical form,
 * pages mark another language's words with it (right to left where its script runs so), and
 * the search record's name carries it to the result.
 */
import { describe, expect, it } from 'vitest';
import { canonicalLanguage, declaredLanguage, languageAttributes } from '../../src/contract/language';
import { recordDocumentPath, recordOf } from '../../src/contract/search';
import { sourceEntrySchema } from '../../src/corpus/schema';
import { entry } from '../fixtures/normalize/helpers';

describe('language tags', () => {
  it('should read what files declare as canonical BCP 47 tags', () => {
    expect(declaredLanguage('FR')).toBe('fr');
    expect(declaredLanguage('fr_FR')).toBe('fr-FR');
    expect(declaredLanguage(' pt-br ')).toBe('pt-BR');
    expect(declaredLanguage('not a language')).toBeNull();
    expect(canonicalLanguage('ar')).toBe('ar');
  });

  it('should accept only canonical tags in the manifest', () => {
    expect(sourceEntrySchema.safeParse(entry('x', { language: 'fr' })).success).toBe(true);
    expect(sourceEntrySchema.safeParse(entry('x', { language: 'pt-BR' })).success).toBe(true);
    expect(sourceEntrySchema.safeParse(entry('x', { language: 'FR' })).success).toBe(false);
    expect(sourceEntrySchema.safeParse(entry('x', { language: 'French' })).success).toBe(false);
    expect(sourceEntrySchema.parse(entry('x')).language).toBeUndefined();
  });
});

describe('languageAttributes', () => {
  it('should mark nothing in the dossier’s own language', () => {
    expect(languageAttributes(undefined)).toEqual({});
    expect(languageAttributes('en')).toEqual({});
    expect(languageAttributes('en-GB')).toEqual({});
  });

  it('should mark another language, with the direction its script runs in', () => {
    expect(languageAttributes('fr')).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(languageAttributes('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(languageAttributes('he')).toEqual({ lang: 'he', dir: 'rtl' });
    expect(languageAttributes('fa')).toEqual({ lang: 'fa', dir: 'rtl' });
  });
});

describe('isRightToLeft without Intl’s text info (as in Firefox)', () => {
  it('should tell the direction from the language’s likely script', () => {
    const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = Object.getOwnPropertyDescriptor(proto, 'getTextInfo');
    const savedInfo = Object.getOwnPropertyDescriptor(proto, 'textInfo');
    delete proto.getTextInfo;
    delete proto.textInfo;
    try {
      expect(languageAttributes('ar')).toEqual({ lang: 'ar', dir: 'rtl' });
      expect(languageAttributes('ur')).toEqual({ lang: 'ur', dir: 'rtl' });
      expect(languageAttributes('fr')).toEqual({ lang: 'fr', dir: 'ltr' });
    } finally {
      if (saved) Object.defineProperty(proto, 'getTextInfo', saved);
      if (savedInfo) Object.defineProperty(proto, 'textInfo', savedInfo);
    }
  });
});

describe('a search record’s name', () => {
  it('should carry the article’s language when it has one, and read back names without it', () => {
    const url = '/articles/le-monde-piece/#lm-1a2b3c';
    const french = { url, meta: { headline: 'Après la chute', outlet: 'Le Monde', language: 'fr' } };
    expect(recordOf(`/${recordDocumentPath(french)}`)).toEqual(french);
    const english = { url, meta: { headline: 'After the fall', outlet: 'The Outlet' } };
    expect(recordOf(`/${recordDocumentPath(english)}`)).toEqual(english);
  });
});
