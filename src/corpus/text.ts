/**
 * Word-level text tools shared by the analysis modules (themes, related passages,
 * vocabulary): tokenising with character offsets, folding spelling variants, stop
 * words and a Porter stemmer. Pure string work, no dependencies.
 */

export interface Token {
  /** The word as written in the text. */
  raw: string;
  /** Lower-cased, accent-folded, possessive-stripped, British spellings folded to American. */
  norm: string;
  /** Porter stem of `norm`: what rules and similarity compare. */
  stem: string;
  /** Offsets into the original text: `text.slice(start, end) === raw`. */
  start: number;
  end: number;
}

// A word is a run of letters/digits, optionally with inner apostrophes (don't, group’s).
// Hyphens split words, so "lone-wolf" yields "lone" and "wolf" and matches the phrase "lone wolf".
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Lower-case, strip accents and possessives, fold typographic apostrophes. */
export function normalizeWord(word: string): string {
  let w = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
  w = w.replace(/'s$/, '').replace(/'$/, '');
  return foldSpelling(w);
}

const BRITISH: Record<string, string> = {
  defence: 'defense',
  offence: 'offense',
  offences: 'offenses',
  defences: 'defenses',
  programme: 'program',
  programmes: 'programs',
  centre: 'center',
  centres: 'centers',
  behaviour: 'behavior',
  favour: 'favor',
  labour: 'labor',
  neighbouring: 'neighboring',
  neighbour: 'neighbor',
  neighbours: 'neighbors',
  travelling: 'traveling',
  travelled: 'traveled',
  traveller: 'traveler',
  travellers: 'travelers',
  sympathiser: 'sympathizer',
  sympathisers: 'sympathizers',
};

// Words ending in -ise that are not the British spelling of an -ize verb.
const ISE_WORDS = new Set([
  'rise', 'arise', 'wise', 'otherwise', 'likewise', 'clockwise', 'promise', 'premise', 'demise',
  'surprise', 'enterprise', 'exercise', 'compromise', 'expertise', 'franchise', 'merchandise',
  'advertise', 'supervise', 'televise', 'revise', 'devise', 'advise', 'despise', 'disguise',
  'paradise', 'treatise', 'concise', 'precise', 'noise', 'raise', 'praise', 'cruise', 'bruise',
  'poise', 'chemise', 'reprise', 'incise', 'excise', 'circumcise', 'comprise', 'improvise',
]);

/** Fold British spellings (-ise, -isation, defence…) to one form so both spellings match. */
export function foldSpelling(w: string): string {
  const mapped = BRITISH[w];
  if (mapped) return mapped;
  const m = /^(.{3,})is(ation|ations|e|es|ed|ing|er|ers)$/.exec(w);
  if (m && !ISE_WORDS.has(`${m[1]}ise`)) return `${m[1]}iz${m[2]}`;
  return w;
}

// Words repeat a great deal, so normalised forms and stems are memoised (bounded).
const wordCache = new Map<string, { norm: string; stem: string }>();
const WORD_CACHE_LIMIT = 200_000;

function analyseWord(raw: string): { norm: string; stem: string } {
  let hit = wordCache.get(raw);
  if (!hit) {
    const norm = normalizeWord(raw);
    hit = { norm, stem: stem(norm) };
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(raw, hit);
  }
  return hit;
}

/** Split text into word tokens with exact offsets; `limit` stops after that many (a text's opening words). */
export function tokenize(text: string, limit = Infinity): Token[] {
  const tokens: Token[] = [];
  if (limit <= 0) return tokens;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const { norm, stem } = analyseWord(raw);
    if (!norm) continue;
    tokens.push({ raw, norm, stem, start: m.index, end: m.index + raw.length });
    if (tokens.length >= limit) break;
  }
  return tokens;
}

/** English function words, ignored by similarity and vocabulary (not by theme phrases). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost along already also although always am among an
  and another any anyone anything are around as at be became because become becomes been before
  being below between both but by can cannot could did do does doing done down during each either
  else even ever every few for from further get gets given got had has have having he her here
  hers herself him himself his how however i if in into is it its itself just least less like
  likely made make makes many may me might more most much must my myself no nor not now of off
  often on once one only onto or other others otherwise our ours ourselves out over own per
  perhaps rather same says said see seem seems several shall she should since so some such than
  that the their theirs them themselves then there these they this those though through thus to
  too toward towards under until up upon us very via was we well were what whatever when where
  whether which while who whom whose why will with within without would yet you your yours
  yourself yourselves s t don it's that's there's they're we'll`.split(/\s+/),
);

/** Porter stemmer (M. F. Porter, 1980), applied to an already lower-cased word. */
export function stem(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  // y at the start or after a vowel acts as a consonant: mark it to keep the tests simple.
  w = w.replace(/^y/, 'Y').replace(/([aeiou])y/g, '$1Y');

  w = step1a(w);
  w = step1b(w);
  w = step1c(w);
  w = step2(w);
  w = step3(w);
  w = step4(w);
  w = step5(w);
  return w.replace(/Y/g, 'y');
}

const isConsonantAt = (w: string, i: number): boolean => {
  const c = w[i];
  if (c === undefined) return false;
  if ('aeiou'.includes(c)) return false;
  if (c === 'y') return i === 0 || !isConsonantAt(w, i - 1);
  return true;
};

/** Porter's measure m: the number of vowel-consonant sequences in the stem. */
function measure(s: string): number {
  let m = 0;
  let i = 0;
  const n = s.length;
  while (i < n && isConsonantAt(s, i)) i++;
  while (i < n) {
    while (i < n && !isConsonantAt(s, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonantAt(s, i)) i++;
    m++;
  }
  return m;
}

const hasVowel = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (!isConsonantAt(s, i)) return true;
  return false;
};

const endsDoubleConsonant = (s: string): boolean =>
  s.length >= 2 && s[s.length - 1] === s[s.length - 2] && isConsonantAt(s, s.length - 1);

/** consonant-vowel-consonant ending, the last not w, x or y. */
const endsCvc = (s: string): boolean => {
  const n = s.length;
  if (n < 3) return false;
  const last = s[n - 1] ?? '';
  return (
    isConsonantAt(s, n - 3) && !isConsonantAt(s, n - 2) && isConsonantAt(s, n - 1) && !'wxY'.includes(last)
  );
};

function step1a(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  let base: string | null = null;
  if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) base = w.slice(0, -2);
  else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) base = w.slice(0, -3);
  if (base === null) return w;
  if (base.endsWith('at') || base.endsWith('bl') || base.endsWith('iz')) return `${base}e`;
  if (endsDoubleConsonant(base) && !/[lsz]$/.test(base)) return base.slice(0, -1);
  if (measure(base) === 1 && endsCvc(base)) return `${base}e`;
  return base;
}

function step1c(w: string): string {
  if ((w.endsWith('y') || w.endsWith('Y')) && hasVowel(w.slice(0, -1))) return `${w.slice(0, -1)}i`;
  return w;
}

const STEP2: [string, string][] = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'],
  ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: [string, string][] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''],
  ['ness', ''],
];
const STEP4 = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ion', 'ou',
  'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

function replaceSuffix(w: string, table: [string, string][], minMeasure: number): string {
  for (const [suffix, replacement] of table) {
    if (w.endsWith(suffix)) {
      const base = w.slice(0, -suffix.length);
      return measure(base) > minMeasure ? base + replacement : w;
    }
  }
  return w;
}

const step2 = (w: string) => replaceSuffix(w, STEP2, 0);
const step3 = (w: string) => replaceSuffix(w, STEP3, 0);

function step4(w: string): string {
  // Longest matching suffix first.
  const suffix = STEP4.filter((s) => w.endsWith(s)).sort((a, b) => b.length - a.length)[0];
  if (!suffix) return w;
  const base = w.slice(0, -suffix.length);
  if (measure(base) <= 1) return w;
  if (suffix === 'ion' && !/[st]$/.test(base)) return w;
  return base;
}

function step5(w: string): string {
  let out = w;
  if (out.endsWith('e')) {
    const base = out.slice(0, -1);
    const m = measure(base);
    if (m > 1 || (m === 1 && !endsCvc(base))) out = base;
  }
  if (measure(out) > 1 && endsDoubleConsonant(out) && out.endsWith('l')) out = out.slice(0, -1);
  return out;
}
