/**
 * What a plain-text copy says about itself, read from its first lines: a title line, a
 * "By …" byline, a date line. The body itself is split by the pipeline's parse-paragraphs.
 */
import { normalizeSpace } from '../text.ts';
import { looksLikeHeading } from '../stages/detect-headings.ts';
import { CONTINENTAL_TIME, DATE_CONNECTOR, TIME_ZONE, UPDATE_WORD } from '../rules.ts';
import { isWeekdayName } from '../calendar.ts';
import { monthNumber, parseDate } from './dates.ts';
import type { SourceMetadata } from './types.ts';

/** How many non-blank lines at the top may hold the title, byline and date. */
const HEAD_LINES = 8;

/** A word a date line may hold besides the date: a label, a clock time, a time zone, a little word ("de", "am", "في"). */
const DATE_LINE_WORD = new RegExp(
  String.raw`^(?:(?:last|first)?|updated|published|posted|on|at|\p{Nd}{1,2}[:.]\p{Nd}{2}|${CONTINENTAL_TIME}|${DATE_CONNECTOR}|a|las|[ap]\.?m\.?|(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?|${TIME_ZONE}|ago|hours?|minutes?|mins?|days?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?)$`,
  'iu',
);

/** The label a date line may open with, in the languages sources come in ("Published", "Mis à jour", "آخر تحديث"). */
const DATE_LABEL = new RegExp(String.raw`^${UPDATE_WORD}(?: on)?:?\s*`, 'u');

/**
 * A line that is a date and little else ("Published 22 March 2017 10:32 GMT"), not a sentence
 * that mentions one ("The attack on 22 March 2017 killed five."): once the words of the date
 * itself are set aside, at most one other word is left.
 */
function isDateLine(line: string): boolean {
  const words = line.replace(DATE_LABEL, '').replace(/[,،|·•]|:(?=\s|$)/g, ' ').split(/\s+/).filter(Boolean);
  const others = words.filter((word) => !DATE_LINE_WORD.test(word) && !/^\p{Nd}{1,4}(?:st|nd|rd|th)?\.?$/iu.test(word) && !monthNumber(word) && !isWeekdayName(word));
  return words.length <= 10 && others.length <= 1;
}

export function textMetadata(text: string): SourceMetadata {
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ text: normalizeSpace(line), line: i + 1 }))
    .filter((l) => l.text);
  const head = lines.slice(0, HEAD_LINES);
  const meta: SourceMetadata = {};
  const first = head[0];
  // A first line shaped like a title (short, no full stop), with text after it.
  if (first && lines.length > 1 && first.text.split(' ').length <= 20 && !/[.,;]$/.test(first.text) && (looksLikeHeading(first.text) || first.text.split(' ').length > 3)) {
    meta.headline = { value: first.text, status: 'inferred', from: `line ${first.line}, the first line` };
  }
  for (const { text: line, line: n } of head) {
    // the headline may name a date ("Seven years on from 22 March 2017"): not the article's
    if (meta.headline && n === first?.line) continue;
    const byline =
      /^(?:By|BY|Par|Por|Von|Door) ((?:\p{Lu}[\p{L}.'’-]*)(?: (?:\p{Lu}[\p{L}.'’-]*|and|&|et|y|und|de|van|von|al|bin))*)(?: in \p{Lu}[\p{L}'’ -]{1,30})?(?:\s?[,|–—·•-]\s?.*)?$/u.exec(line) ??
      // Arabic and Hebrew have no capitals: the names run to the end of the line or to a dash.
      /^(?:بقلم|מאת):? (\p{Lo}[\p{Lo}\p{M}'’-]*(?: \p{Lo}[\p{Lo}\p{M}'’-]*){0,7})(?:\s?[,،|–—·•-]\s?.*)?$/u.exec(line);
    if (byline && !meta.authors) {
      const names = byline[1]!.split(/\s*(?:,|،| and | & | et | y | und | و )\s*/).filter(Boolean);
      meta.authors = { value: names, status: 'verified', from: `the byline on line ${n}` };
      continue;
    }
    // "Jane Okafor in Baghdad": a broadsheet byline without "By" (a guess: names are not checked).
    const located = /^(?!By )(\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}(?: and \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3})?) in \p{Lu}[\p{L}'’ -]{1,30}$/u.exec(line);
    if (located && !meta.authors && n !== first?.line) {
      meta.authors = { value: located[1]!.split(' and '), status: 'inferred', from: `line ${n}, laid out like a byline ("Name in Place")` };
      continue;
    }
    if (!meta.published && isDateLine(line)) {
      const stripped = line.replace(/^(?:(?:Last )?Updated|Published|Posted|First published)(?: on)?:?\s*/i, '').replace(DATE_LABEL, '');
      const date = parseDate(stripped.replace(/\s+(?:\p{Nd}{1,2}[:.h]\p{Nd}{2}|à|a las|um|om|alle|às|الساعة)(?:\s.*)?$/u, ''));
      if (date && 'value' in date) meta.published = { value: date.value, status: 'verified', from: `the date on line ${n}` };
    }
  }
  return meta;
}
