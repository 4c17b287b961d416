/**
 * The language an article is written in, as pages mark it. The dossier's own words (menus,
 * labels, headings of its pages) are English; an article in another language says so in
 * sources.yaml (`language: fr`, a BCP 47 tag), and every element that shows its words —
 * headline, standfirst, passages, quotes — carries `lang` (and `dir` for a right-to-left
 * script), so that screen readers read it in its own voice, browsers hyphenate and shape it
 * as its language wants, and Arabic or Hebrew runs right to left.
 */

/** The language of the dossier's own words, and of an article that does not name one. */
export const DOSSIER_LANGUAGE = 'en';

/** The canonical form of a BCP 47 tag (`FR` → `fr`, `pt-br` → `pt-BR`); null when it is not one. */
export function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** A language as files declare it (`en-GB`, `fr_FR`, `FR`) as a canonical BCP 47 tag; null when it is not one. */
export function declaredLanguage(value: string): string | null {
  return canonicalLanguage(value.trim().replace(/_/g, '-'));
}

/** The scripts written right to left (ISO 15924), for browsers whose Intl.Locale cannot say (Firefox). */
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Mend', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** Whether a language's script runs right to left (Arabic, Hebrew, Persian, Urdu…). */
export function isRightToLeft(tag: string): boolean {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  if (info) return info.direction === 'rtl';
  return RIGHT_TO_LEFT_SCRIPTS.has(locale.maximize().script ?? '');
}

/** Whether a tag names the dossier's language, in any of its regional forms (`en`, `en-GB`). */
export function isDossierLanguage(tag: string): boolean {
  return new Intl.Locale(tag).language === DOSSIER_LANGUAGE;
}

/**
 * Whether the analysis reads text in this language: its theme rules, names and stems are the
 * dossier's language's, so a passage in another is not tagged (rather than tagged by chance),
 * and the pages say so instead of calling its source silent.
 */
export const isAnalysed = (language: string | undefined): boolean => !language || isDossierLanguage(language);

/** A language's name in the dossier's words ("fr" → "French"); the tag itself where the platform has no name for it. */
export function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([DOSSIER_LANGUAGE], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The attributes an element showing an article's words takes: none for the dossier's language. */
export function languageAttributes(language: string | undefined): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (!language || isDossierLanguage(language)) return {};
  return { lang: language, dir: isRightToLeft(language) ? 'rtl' : 'ltr' };
}
