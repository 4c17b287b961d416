/**
 * What is not article text, as data: one list of named rules. The remove-boilerplate
 * stage applies them (spans first, then line rules in this order; the first rule that
 * matches a line claims it).
 *
 * A rule sees one paragraph at a time, whitespace-normalised (NBSP → space, runs
 * collapsed, trimmed); in every source so far a paragraph is one line.
 *
 * Matchers:
 * - `{ line }`   the whole line, exactly (or any of a list). `{headline}` and
 *                `{standfirst}` stand for the manifest entry's values.
 * - `{ regex }`  a regular expression; in a string pattern `{authors}` and
 *                `{contributors}` stand for the manifest's names (escaped, joined with |).
 * - `{ repeated: true }`  the line occurs more than once in the file, verbatim.
 * A span rule removes every line from one matching `from` to the next matching `to`.
 *
 * `examples` are lines the rule must remove; `keeps` are near misses it must leave
 * alone. Both are checked by tests/unit/normalize-rules.test.ts.
 */

export type LineMatcher =
  | { line: string | readonly string[] }
  | { regex: RegExp | string }
  | { repeated: true };

interface RuleBase {
  name: string;
  description: string;
  examples: readonly string[];
  keeps?: readonly string[];
}
export interface LineRule extends RuleBase {
  match: LineMatcher;
}
export interface SpanRule extends RuleBase {
  from: LineMatcher;
  to: LineMatcher;
}
export type Rule = LineRule | SpanRule;

export const isSpanRule = (rule: Rule): rule is SpanRule => 'from' in rule;

export const rules: readonly Rule[] = [
  // Blocks of page furniture
  {
    name: 'newsletter-promo',
    description:
      'The newsletter box after a Defense One article: "Close [ x ]", the thank-you, the sponsored-report titles and blurbs, the data-sharing notice.',
    from: { line: 'Close [ x ] More from DefenseOne' },
    to: { regex: /^When you download a report, your information may be shared with/ },
    examples: ['Close [ x ] More from DefenseOne'],
  },

  // The article's own metadata, already in the manifest
  {
    name: 'headline',
    description: 'The headline printed above the text, when it equals the manifest headline.',
    match: { line: '{headline}' },
    examples: ['What ISIS Will Do After Mosul Falls'],
  },
  {
    name: 'standfirst',
    description: 'The standfirst (sub-headline), when it equals the manifest standfirst.',
    match: { line: '{standfirst}' },
    examples: ['They have options, write two terrorism scholars.'],
  },
  {
    name: 'dateline',
    description: 'A wire-style dateline alone on its line, ending in a dash ("CNN —").',
    match: { regex: /^[A-Z][A-Za-z.,' ]{0,40} [—–]$/ },
    examples: ['CNN —', 'LONDON, England —'],
    keeps: ['ISIS is on the back foot.', 'Raqqa – is all but surrounded.'],
  },
  {
    name: 'byline',
    description: 'A byline: "By" and one or more capitalised names, nothing else.',
    match: { regex: /^By \p{Lu}[\p{L}.'’-]*(?: (?:\p{Lu}[\p{L}.'’-]*|and|&))*$/u },
    examples: ['By Tim Lister', 'By Colin P. Clarke and Amarnath Amarasingam'],
    keeps: ['By last December, they estimate ISIS’ ranks had winnowed to between 12,000 and 15,000.'],
  },

  // Pictures: captions, credits, image tokens
  {
    name: 'photo-caption-twice',
    description:
      'A photo caption the page prints twice, above and below the picture (Defense One). Real paragraphs are never printed twice.',
    match: { repeated: true },
    examples: [],
  },
  {
    name: 'image-copyright',
    description:
      'A BBC picture credit ("Image copyright …"), with the caption and related-story titles the page runs into the same line.',
    match: { regex: /^Image copyright \S/ },
    examples: [
      'Image copyright Getty Images',
      'Image copyright Getty Images Image caption Marawi in the Philippines has been partly held by fighters linked to IS since May',
    ],
  },
  {
    name: 'copyright-credit',
    description: 'A short picture credit starting with ©.',
    match: { regex: /^© ?\S.{0,60}$/ },
    examples: ['© Reuters', '©AFP'],
  },
  {
    name: 'agency-credit',
    description: 'A photographer/agency credit, "Name Surname/AP".',
    match: { regex: /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} ?\/ ?(?:AP|AFP|Reuters|Getty Images|EPA|Getty)$/u },
    examples: ['Khalid Mohammed/AP'],
    keeps: ['Syria/Iraq'],
  },
  {
    name: 'map-credit',
    description: 'A map credit naming its data and map sources.',
    match: { regex: /^[\p{L}\p{N} ,&.'’-]{0,60}\b(?:Google Maps|OpenStreetMap|Mapbox)$/u },
    examples: ['IHS Conflict Monitor, Google Maps'],
  },
  {
    name: 'photo-location',
    description: 'The place caption InsideOver prints under its lead photo (Italian: "Syria, Aleppo").',
    match: { line: 'Siria, Aleppo' },
    examples: ['Siria, Aleppo'],
  },
  {
    name: 'image-token',
    description: 'A stray image file name left in the text, one word joined by underscores.',
    match: { regex: /^[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+$/ },
    examples: ['ISIS_fall_card_sign2', 'ISIS_fall_card_soldier'],
    keeps: ['Going to ground'],
  },

  // Page furniture and links
  {
    name: 'page-furniture',
    description: 'Buttons and labels of the page around the article.',
    match: { line: ['AA Font size + Print', 'Follow the topics in this article'] },
    examples: ['AA Font size + Print', 'Follow the topics in this article'],
  },
  {
    name: 'related-stories',
    description: 'A line of related-story link titles run together (BBC).',
    match: { line: 'Inside Raqqa after IS pushed out The city fit for no one Raqqa’s loss seals rapid rise and fall' },
    examples: ['Inside Raqqa after IS pushed out The city fit for no one Raqqa’s loss seals rapid rise and fall'],
  },
  {
    name: 'alert-line',
    description: 'An offer to follow a topic by e-mail alert (FT).',
    match: { regex: /^Get alerts on .{1,80} when a new story is published$/ },
    examples: ['Get alerts on Terrorism when a new story is published'],
  },
  {
    name: 'copyright-line',
    description: 'The publisher\'s copyright notice.',
    match: { regex: /^Copyright .{1,80}All rights reserved\.?$/ },
    examples: ['Copyright The Financial Times Limited 2019. All rights reserved.'],
  },

  // Who wrote it: notes about the authors and editors (the manifest holds them)
  {
    name: 'author-role',
    description: 'A line saying who the author is ("The writer is …", "<author> is the director of …").',
    match: { regex: String.raw`^(?:The writers?|The authors?|{authors}) (?:is|are) ` },
    examples: [
      'The writer is director-general of the Royal United Services Institute, a defence and security think-tank',
      'Dr Lorenzo Vidino is the director of the Program on Extremism at the George Washington University.',
    ],
    keeps: ['The writers of the report are clear.', 'The Islamic State is reeling.'],
  },
  {
    name: 'about-this-piece',
    description: 'The title of the BBC box about an outside writer.',
    match: { line: 'About this piece' },
    examples: ['About this piece'],
  },
  {
    name: 'commission-note',
    description: 'The BBC note that an outside expert wrote the piece.',
    match: { regex: /^This (?:analysis )?piece was commissioned by / },
    examples: ['This analysis piece was commissioned by the BBC from an expert working for an outside organisation.'],
  },
  {
    name: 'edited-by',
    description: 'The editor\'s credit at the end of the piece ("Edited by …").',
    match: { regex: /^Edited by \p{Lu}[\p{L}.'’ -]{0,60}$/u },
    examples: ['Edited by Duncan Walker'],
  },
  {
    name: 'contributor-line',
    description: 'A contributor credit ("… contributed to this report.").',
    match: { regex: /^.{1,100} contributed (?:reporting )?to this (?:report|story|article)\.?$/ },
    examples: ['CNN’s Eliza Mackintosh contributed to this report.'],
    keeps: ['Foreign fighters contributed to this war more than anyone expected.'],
  },
];
