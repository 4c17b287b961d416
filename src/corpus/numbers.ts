/**
 * Every sentence of the corpus that carries a number, with the numbers marked: the raw
 * material an editor reads to find claims worth grouping in content/claims.yaml.
 * Pure string work: passages in, sentences with offsets out.
 */

/** A stretch of text: [start, end) offsets into the string it came from. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface NumberSentence {
  article: string;
  passageId: string;
  passageOrder: number;
  /** The sentence and its offsets in the passage's text. */
  sentence: Span;
  /** The numbers, with offsets relative to the sentence. */
  numbers: Span[];
}

/** Words before a full stop that do not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st gen col lt sgt capt prof sen rep gov rev jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx'.split(' '),
);

/**
 * Splits text into sentences at ". ", "? " or "! " (closing quotes and brackets stay with their
 * sentence) when the next one starts with a capital, a digit or an opening quote — but not after
 * an initial ("Colin P. Clarke"), a dotted abbreviation ("U.S.") or a title ("Dr.").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /[.!?]["”’)\]]*(\s+)(?=["“‘(\[]?[\p{Lu}\d])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length - match[1]!.length;
    // a closing quote or bracket after the stop always ends the sentence (“… said no.”)
    const closed = end - match.index > 1;
    if (!closed && !endsSentence(text.slice(start, match.index + 1))) continue;
    spans.push(span(text, start, end));
    start = match.index + match[0].length;
  }
  if (start < text.length) {
    const rest = text.slice(start).trimEnd();
    if (rest) spans.push(span(text, start, start + rest.length));
  }
  return spans;
}

function endsSentence(sentence: string): boolean {
  if (!sentence.endsWith('.')) return true;
  const word = /([\p{L}.]+)\.$/u.exec(sentence)?.[1] ?? '';
  if (/^\p{Lu}$/u.test(word)) return false; // an initial
  if (word.includes('.')) return false; // U.S., e.g.
  return !ABBREVIATIONS.has(word.toLowerCase());
}

const span = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

const NUMBER_WORDS =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|' +
  'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|scores|half';

/** Figures (5,000 · 1.5 · 75% · 20 per cent) and number words (hundreds, a dozen, three). "One" is left out: it is mostly a pronoun. */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\d])(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s?%|\\s(?:per\\s?cent|percent))?(?![\\p{L}\\d])|\\b(?:${NUMBER_WORDS})\\b`,
  'giu',
);

/** A name: a word with a capital in it ("al-Qaeda" too). */
const NAME = String.raw`[\p{L}\p{M}'’-]*\p{Lu}[\p{L}\p{M}'’-]*`;
/** A name, or "version", just before a figure. */
const NAME_BEFORE = new RegExp(String.raw`(?:\bversion|${NAME}),?\s$`, 'u');
/** The same name not opening the sentence: a first word has its capital whatever it is ("Around 2.5 tonnes"). */
const NAME_WITHIN = new RegExp(String.raw`(?:\bversion|[\p{L}\p{N},;:)”’"]\s+${NAME}),?\s$`, 'u');
/** After a figure, what makes it a quantity even after a name ("Iraq 1.5 million", "Germany 2.5 times"). */
const SCALE_AFTER = /^\s*(?:%|per\s?cent|percent|hundred|thousand|million|billion|trillion|times)\b/i;

/**
 * A version label: a whole version after a name ("ISIS 2.0", "Web 2.0" opening a sentence), or
 * any decimal after a name within the sentence ("Windows 3.1"), unless a scale follows it
 * ("Iraq 1.5 million", "Germany 2.5 times").
 */
function isVersionLabel(sentence: string, text: string, start: number, end: number): boolean {
  if (!/^\d+\.\d+$/.test(text) || SCALE_AFTER.test(sentence.slice(end))) return false;
  const before = sentence.slice(Math.max(0, start - 40), start);
  return /\.0$/.test(text) ? NAME_BEFORE.test(before) : NAME_WITHIN.test(before);
}

/**
 * The numbers in a sentence that count something. Left out: years (1900–2099 on their own),
 * dates written like 9/11, and version labels.
 */
export function findNumbers(sentence: string): Span[] {
  const found: Span[] = [];
  for (const match of sentence.matchAll(NUMBER)) {
    const text = match[0];
    const start = match.index;
    const end = start + text.length;
    if (/^(19|20)\d{2}$/.test(text)) continue;
    if (sentence[start - 1] === '/' || sentence[end] === '/') continue;
    if (isVersionLabel(sentence, text, start, end)) continue;
    found.push({ start, end, text });
  }
  return found;
}

/** Every sentence carrying a number, article by article in the order given, passages in order. */
export function numberSentences(articles: { slug: string; passages: { id: string; order: number; text: string }[] }[]): NumberSentence[] {
  return articles.flatMap((article) =>
    article.passages.flatMap((passage) =>
      splitSentences(passage.text).flatMap((sentence) => {
        const numbers = findNumbers(sentence.text);
        return numbers.length ? [{ article: article.slug, passageId: passage.id, passageOrder: passage.order, sentence, numbers }] : [];
      }),
    ),
  );
}

/** Cuts a sentence into plain and number parts, for rendering the numbers marked. */
export function markNumbers(sentence: NumberSentence): { text: string; isNumber: boolean }[] {
  const parts: { text: string; isNumber: boolean }[] = [];
  let at = 0;
  for (const n of sentence.numbers) {
    if (n.start > at) parts.push({ text: sentence.sentence.text.slice(at, n.start), isNumber: false });
    parts.push({ text: n.text, isNumber: true });
    at = n.end;
  }
  if (at < sentence.sentence.text.length) parts.push({ text: sentence.sentence.text.slice(at), isNumber: false });
  return parts;
}
