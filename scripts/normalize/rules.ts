/**
 * What is not article text, as data: one list of named rules, grouped by the kind of
 * page furniture they catch. Rules are patterns for a category (captions and credits,
 * related links, share prompts…), written for any outlet — never a literal line of one
 * source. The remove-boilerplate stage applies them (spans first, then line rules in
 * this order, the repeated-line rule last; the first rule that matches claims a line).
 *
 * A rule sees one paragraph at a time, whitespace-normalised (NBSP → space, runs
 * collapsed, trimmed).
 *
 * Matchers:
 * - `{ line }`   the whole line, exactly (or any of a list). `{headline}` and
 *                `{standfirst}` stand for the manifest entry's values.
 * - `{ regex }`  a regular expression; in a string pattern `{authors}` and
 *                `{contributors}` stand for the manifest's names (escaped, joined with |,
 *                each optionally preceded by the person's honorific), `{outlet}` for the outlet.
 * - `{ repeated: true }`  the line occurs more than once in the file AND looks like
 *                furniture: short and not a sentence, or printed next to a picture credit.
 *                A repeated body paragraph or sentence is never removed (the stage warns
 *                about it instead); labels that take turns (a transcript's speakers) are
 *                kept; of a table of contents and the headings it lists, only the
 *                contents go.
 * A span rule removes every line from one matching `from` to the next matching `to`,
 * if that is at most `maxParagraphs` away (so a stray opener cannot eat an article).
 *
 * A line rule may also say where it does not apply: `within` (only the first paragraphs) and
 * `notAfter` (not right after a paragraph that matches: "Source: …" under a table's last row).
 *
 * `examples` are lines the rule must remove; `keeps` are near misses it must leave
 * alone. Both are checked by tests/unit/normalize-rules.test.ts, and the fixture corpus
 * in tests/fixtures/sources/ checks the rules together on whole sources.
 */

import { namesPattern, PRINTED_MONTHS, PRINTED_WEEKDAY_ABBREVIATIONS, PRINTED_WEEKDAYS } from './calendar.ts';

export type LineMatcher =
  | { line: string | readonly string[] }
  | { regex: RegExp | string }
  | { repeated: true };

/**
 * How a span ends: at a line matching a LineMatcher, or — `{ shortLinesToEnd: n }` — at
 * the end of the file, when every line after the opener is a link title (at most n words,
 * not ending in a full stop): a box of links that closes the page.
 */
export type SpanEnd = LineMatcher | { shortLinesToEnd: number };

/** The kinds of furniture, in the order the README lists them. */
export type RuleCategory =
  | 'metadata' //      the headline, standfirst, dateline, byline, timestamps: already in the manifest
  | 'pictures' //      captions, picture and map credits, image file names
  | 'credits' //       agency, copyright and contributor lines
  | 'related' //       read-more, related, more-on-this-story links
  | 'prompts' //       share, follow, subscribe, newsletter, cookie prompts; toolbars
  | 'advertising' //   advertisement markers
  | 'widgets' //       reading time, "listen to this article"
  | 'authors' //       author bios, "about this piece", disclaimers
  | 'tags'; //         topic and tag lists

interface RuleBase {
  name: string;
  category: RuleCategory;
  description: string;
  examples: readonly string[];
  keeps?: readonly string[];
}
export interface LineRule extends RuleBase {
  match: LineMatcher;
  /** only in the first this-many paragraphs (a label that is furniture at the top, a heading further down) */
  within?: number;
  /** not right after a paragraph this matches (a table's "Source: …" under its last row is the table's) */
  notAfter?: LineMatcher;
}
export interface SpanRule extends RuleBase {
  from: LineMatcher;
  to: SpanEnd;
  /** the longest span, in paragraphs, the rule may remove */
  maxParagraphs: number;
}
export type Rule = LineRule | SpanRule;

export const isSpanRule = (rule: Rule): rule is SpanRule => 'from' in rule;

/** A repeated line of at most this many words counts as furniture (a caption or label, not a paragraph). */
export const MAX_REPEATED_FURNITURE_WORDS = 12;

// Building blocks shared by several patterns.
const AGENCY =
  String.raw`(?:AP(?: Photo)?|AFP|Reuters|Getty(?: Images)?|AFP via Getty Images|EPA(?:-EFE)?|Anadolu(?: Agency)?|Bloomberg|Shutterstock|Alamy|PA(?: Media| Wire)?|Xinhua|SOPA Images|NurPhoto|Sipa(?: USA)?|ANSA|DPA|TASS|UPI|Corbis|iStock)`;
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?`;
/** month and weekday names in the other languages sources come in ("mars", "März", "آذار", "mardi"), from Intl (calendar.ts) */
const FOREIGN_MONTH = String.raw`${namesPattern(PRINTED_MONTHS)}\.?`;
const FOREIGN_WEEKDAY = String.raw`${namesPattern(PRINTED_WEEKDAYS)}\.?`;
/** a digit of any script: Arabic-Indic "١٢ مارس ٢٠٢٤" is a date as "12 March 2024" is */
const DIGIT = String.raw`\p{Nd}`;
/** the time zones a timestamp names */
export const TIME_ZONE = String.raw`(?:GMT|BST|UTC|CES?T|E[SD]T|ET|P[SD]?T)`;
/** a line that is only a clock time ("09:05 BST", "2.15pm") */
export const CLOCK_TIME = new RegExp(String.raw`^\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?)?(?:\s?${TIME_ZONE})?$`, 'i');
/** a clock time as French and German print it: "14h32", "10.32 Uhr" */
export const CONTINENTAL_TIME = String.raw`${DIGIT}{1,2}h${DIGIT}{2}|${DIGIT}{1,2}[:.]${DIGIT}{2}\s?Uhr`;
/** a date in Chinese, Japanese or Korean figures: "2024年3月12日" (one word), "2024년 3월 12일" */
const CJK_DATE = String.raw`(?:${DIGIT}{4}年)?${DIGIT}{1,2}月(?:${DIGIT}{1,2}日)?|${DIGIT}{4}년|${DIGIT}{1,2}월|${DIGIT}{1,2}일`;
/** a whole date written as one word, a line by itself */
const CJK_DAY = String.raw`${DIGIT}{4}年${DIGIT}{1,2}月${DIGIT}{1,2}日`;
/**
 * The little words a date is printed with in other languages: "le 3 février à 10h32",
 * "12 de marzo de 2024", "am 12. März um 10:32 Uhr", "op 12 maart om 10.32", "في ١٢ مارس".
 */
export const DATE_CONNECTOR = String.raw`(?:[Ll]e|à|[Ee]l|de|del|a las|am|um|Uhr|op|om|il|alle|ore|em|às|في|الساعة|يوم)`;
/**
 * The names a date word may be besides MONTH and WEEKDAY, each once (the English names are in
 * the calendar's lists too, and some names are in two of them: French "mar", the Arabic
 * weekdays). Weekday abbreviations ("lun.", "Sal") are among them: part of a date, never
 * enough to make a line one (they are no DATE_MARK).
 */
const OTHER_DATE_NAME = String.raw`${namesPattern(
  [...PRINTED_MONTHS, ...PRINTED_WEEKDAYS, ...PRINTED_WEEKDAY_ABBREVIATIONS].filter((name) => !new RegExp(String.raw`^(?:${MONTH}|${WEEKDAY})$`, 'u').test(name)),
)}\.?`;
/**
 * One word (or a few) of a date line. Each is read one way only: a string two alternatives
 * could read, or one token and two with a separator between could ("10:32 am", "10.32 Uhr",
 * "GMT-5", "2024-03-12"), doubles the ways a line of them can be read, and a line that is
 * not a date is tried every way before it fails (a byline, then "10:32 am | " sixteen
 * times and a word, took 16 s; each one more nearly tripled it). So a time with a space
 * before "am" or "Uhr" is the time and the word after it, a dash after "GMT" or in an ISO
 * date is a separator, and a bare "am" is the German word.
 */
const DATE_TOKEN = String.raw`(?:${MONTH}|${WEEKDAY}|${OTHER_DATE_NAME}|${CJK_DATE}|${DIGIT}{1,2}h${DIGIT}{2}|${DIGIT}{1,2}[:.]${DIGIT}{2}Uhr|${DIGIT}{1,4}(?:st|nd|rd|th|\.)?|${DIGIT}{1,2}[:.]${DIGIT}{2}(?:[ap]\.?m\.?)?|(?!am(?!\.))[AaPp]\.?[Mm]\.?|(?:GMT|UTC)\+${DIGIT}{1,2}(?::?${DIGIT}{2})?|${TIME_ZONE}|(?:[Uu]pdated|UPDATED)|${DIGIT}{1,3} (?:mins?|minutes?|hrs?|hours?|days?) ago|${DIGIT}{1,2}\/${DIGIT}{1,2}\/${DIGIT}{2,4}|${DIGIT}{4}-${DIGIT}{2}-${DIGIT}{2}T[\d:]+Z?|${DATE_CONNECTOR}|at|on)`;
/**
 * What only a date or a time has: a month or weekday name (in any language calendar.ts knows),
 * a clock time (10:32, or 10.32 with am/pm, a time zone or "Uhr", or 14h32), a numeric or ISO
 * date. Without one, a line of numbers is a row of figures ("2021 | 260 | 3"), not a timestamp.
 */
const DATE_MARK = String.raw`(?:${MONTH}|${WEEKDAY}|${FOREIGN_MONTH}|${FOREIGN_WEEKDAY}|${CJK_DATE}|${CONTINENTAL_TIME}|${DIGIT}{1,2}:${DIGIT}{2}|${DIGIT}{1,2}\.${DIGIT}{2}\s?(?:[ap]\.?m\.?|${TIME_ZONE})|${DIGIT}{1,2}\/${DIGIT}{1,2}\/${DIGIT}{2,4}|${DIGIT}{4}-${DIGIT}{2}-${DIGIT}{2})`;
/** a line made only of date and time words, with a digit, like "Wed 22 March 2017 10.32 GMT" or "١٢ مارس ٢٠٢٤" */
const DATE_LINE = String.raw`(?=.*${DIGIT})(?=.*(?<!${DIGIT})${DATE_MARK}(?!${DIGIT}))(?:${DATE_TOKEN}(?:[\s,،|·•-]+${DATE_TOKEN})+|${CJK_DAY}(?:[\s,|·•-]+${DATE_TOKEN})*)`;
/** a line that is only a date or a time, in any language calendar.ts knows */
export const DATE_ONLY = new RegExp(String.raw`^(?:${DATE_LINE})$`, 'u');
/**
 * The label before a publication or update date, in the languages sources come in: "Updated",
 * "Publié le", "Mis à jour", "Actualizado", "Aktualisiert am", "Bijgewerkt", "Aggiornato",
 * "Atualizado", "آخر تحديث". (The "le", "am", "el" before the date are DATE_CONNECTORs.)
 */
export const UPDATE_WORD = String.raw`(?:(?:Last )?[Uu]pdated|UPDATED|Published|PUBLISHED|Posted|First published|Originally published|Modified|Updated on|Published on|Posted on|Publié|Mis à jour|Mise à jour|Dernière mise à jour|Modifié|Actualisé|Publicado|Actualizado|Última actualización|Modificado|Veröffentlicht|Aktualisiert|Zuletzt aktualisiert|Gepubliceerd|Bijgewerkt|Laatst bijgewerkt|Geplaatst|Pubblicato|Aggiornato|Ultimo aggiornamento|Atualizado|نشر|نُشر|تم النشر|آخر تحديث|تحديث|تاريخ النشر)`;
/** the word before a byline's names, in the languages sources come in: "By", "Par", "Por", "Von", "Door" */
const BYLINE_WORD = String.raw`(?:By|BY|Par|PAR|Por|POR|Von|VON|Door)`;
/** a capitalised name word, including particles like "al-" or "O’" */
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*`;
/** the word before a byline's names in scripts without capitals: Arabic "بقلم" (by the pen of), Hebrew "מאת" */
const CASELESS_BYLINE_WORD = String.raw`(?:بقلم|מאת)`;
/** a name word in a script without capitals (Arabic, Hebrew), with its vowel marks */
const CASELESS_NAME = String.raw`\p{Lo}[\p{Lo}\p{M}'’-]*`;
/** words a toolbar of share and print buttons is made of */
const TOOLBAR_WORD = String.raw`(?:Share(?: this(?: article| story| page)?| on \p{Lu}\p{L}+)?|Tweet|E-?mail|Print|Save(?: article)?|Copy(?: link)?|Link copied|Comments?|Gift(?: article)?|Bookmark|Facebook|Twitter|X|WhatsApp|LinkedIn|Reddit|Pinterest|Messenger|Telegram|Flipboard|Bluesky|Threads|AA|A\+?-?|Font size|Text size|Listen|[+|•·×]|\[ ?x ?\]|Close)`;

export const rules: readonly Rule[] = [
  // ─── Blocks of page furniture ──────────────────────────────────────────────
  {
    name: 'promo-box',
    category: 'prompts',
    description:
      'A box of recommended reports or stories after the article: from its opening prompt ("More from …", "You might also like", "Thank you for subscribing") to the data-sharing or privacy notice that closes it.',
    from: {
      regex:
        /^(?:Close \[ ?x ?\] )?(?:More from \p{Lu}[^.!?]{0,40}|Recommended (?:for you|reading|reports|stories)|You (?:may|might) also (?:like|be interested in)|(?:We think )?[Tt]hese (?:reports|stories|articles) might interest you:?|Thanks? (?:you )?for (?:subscribing|signing up)\b.{0,120})$/u,
    },
    to: { regex: /\byour (?:information|data|details|e-?mail address) (?:may|will) be shared with\b|\bunsubscribe at any time\b|^(?:Read )?our privacy (?:policy|notice)\b/i },
    maxParagraphs: 30,
    examples: ['More from The Atlantic', 'Close [ x ] More from Foreign Affairs', 'You might also like', 'Thank you for subscribing to our briefings.'],
    keeps: ['More from the ministry was expected.'],
  },

  {
    name: 'related-box-at-end',
    category: 'related',
    description:
      'A box of related links that ends the page: a heading like "More on this story" or "Related" alone on its line, followed only by link titles (short lines, no full stop) and their dates.',
    from: {
      regex:
        /^(?:More on (?:this|the) (?:story|topic|subject)|Related(?: (?:[Ss]tories|[Aa]rticles|[Cc]ontent|[Cc]overage|[Ll]inks|[Rr]eading))?|RELATED|Read more|READ MORE|You (?:may|might) also (?:like|be interested in)|Recommended(?: for you| reading)?|Most (?:read|popular|viewed)|Top stories|More (?:stories|coverage))$/,
    },
    to: { shortLinesToEnd: 15 },
    maxParagraphs: 30,
    examples: ['More on this story', 'Related'],
  },

  // ─── The article's own metadata, already in the manifest ───────────────────
  {
    name: 'headline',
    category: 'metadata',
    description: 'The headline printed above the text, when it equals the manifest headline.',
    match: { line: '{headline}' },
    examples: ['What ISIS Will Do After Mosul Falls'],
  },
  {
    name: 'standfirst',
    category: 'metadata',
    description: 'The standfirst (sub-headline), when it equals the manifest standfirst.',
    match: { line: '{standfirst}' },
    examples: ['They have options, write two terrorism scholars.'],
  },
  {
    name: 'dateline',
    category: 'metadata',
    description: 'A wire-style dateline alone on its line, ending in a dash ("BEIRUT (Reuters) -", "CNN —").',
    match: { regex: /^\p{Lu}[\p{L}.,'’ ()]{0,40} [—–-]$/u },
    examples: ['CNN —', 'LONDON, England —', 'BEIRUT (Reuters) -'],
    keeps: ['ISIS is on the back foot.', 'Raqqa – is all but surrounded.'],
  },
  {
    name: 'byline',
    category: 'metadata',
    description:
      'A byline: "By" (or "Par", "Por", "Von", "Door") and one or more capitalised names, or "بقلم" and names in a script without capitals, perhaps with the outlet, role, place or date after a comma, bar, dot or dash.',
    match: {
      regex: new RegExp(
        String.raw`^(?:${BYLINE_WORD} ${NAME}(?: (?:${NAME}|and|&|et|y|und|de|van|von|der|al|bin|la|le|du))*(?:,? (?:and|&|et|y|und) ${NAME}(?: ${NAME})*)*|${CASELESS_BYLINE_WORD}:? ${CASELESS_NAME}(?: ${CASELESS_NAME}){0,7})(?:\s?[,،|–—·•-]\s?(?:\p{Lu}[\p{L}'’ ]{0,40}(?:, ${DATE_LINE})?|${DATE_LINE}))?$`,
        'u',
      ),
    },
    examples: [
      'By Tim Lister',
      'By Colin P. Clarke and Amarnath Amarasingam',
      'By Sarah Dadouch, Reuters',
      'By Jane Okafor | Security correspondent',
      'By Abdel Mustafa · 4 May 2025',
      'Par Camille Lefèvre et Hugo Martin',
      'Por Lucía Fernández',
      'Por Lucía Fernández Ibáñez — Maputo, 21 nov 2024',
      'By Jane Okafor — London, 4 May 2025',
      'بقلم: سارة الجبوري',
      'بقلم سارة الجبوري وأحمد العلي - ١٢ مارس ٢٠٢٤',
    ],
    keeps: [
      'By last December, they estimate ISIS’ ranks had winnowed to between 12,000 and 15,000.',
      'By Sunday, the group had fled.',
      'Par ailleurs, le groupe a revendiqué l’attaque.',
      'Von der Leyen visited Kyiv on Monday.',
      'بقلم رصاص كتب الطفل رسالته الأولى.',
      'بقلم: سارة الجبوري، التي غطت الحرب منذ ٢٠١٤، كتبت هذا التقرير من كركوك وسط الحصار الطويل.',
    ],
  },
  {
    name: 'staff-byline',
    category: 'metadata',
    description: 'A staff byline naming no one ("Example Herald reporter", "By our foreign staff", "News desk").',
    match: {
      regex: String.raw`^(?:By )?(?:{outlet}|[Oo]ur|[Aa]|From our|Staff|News|Agency) (?:(?:staff|foreign|political|security|defen[cs]e|home affairs|Middle East|own) )?(?:reporters?|correspondents?|writers?|staff|desk|team)$`,
    },
    examples: ['By our foreign staff', 'News desk', 'Our Middle East correspondent'],
    keeps: ['Our correspondent was detained for two days.'],
  },
  {
    name: 'author-names',
    category: 'metadata',
    description: 'A line that is only the authors\' names, as the manifest records them, perhaps with where they write from (a byline without "By": "Jane Okafor in Baghdad").',
    match: { regex: String.raw`^(?:{authors})(?:(?:, | and | & )(?:{authors}))*(?: in \p{Lu}[\p{L}'’ -]{1,30})?$` },
    examples: [],
  },
  {
    name: 'update-line',
    category: 'metadata',
    description: 'A publication or update line, anywhere: "Updated 10:32 GMT, 22 March 2017", "Published: Mon 23 Oct 2017", "Posted on 12 June 2019".',
    match: {
      regex: new RegExp(
        String.raw`^${UPDATE_WORD}:?\s?(?:${DATE_LINE})$`,
        'u',
      ),
    },
    examples: [
      'Updated 1:23 PM ET, Wed March 22, 2017',
      'Published: 22 March 2017',
      'Last updated on 4 November 2020',
      'Posted on 12 June 2019',
      'Updated 10:32 GMT',
      'Publié le 3 février 2023 à 10h32',
      'Mis à jour le 4 mars 2024 à 09h15',
      'Actualizado el 12 de marzo de 2024, 10:32',
      'Publicado: 21 nov 2024',
      'Aktualisiert am 12. März 2024, 10:32 Uhr',
      'Bijgewerkt op 12 maart 2024 om 10.32',
      'Aggiornato il 12 marzo 2024 alle 10:32',
      'آخر تحديث: ١٢ مارس ٢٠٢٤',
    ],
    keeps: [
      'Published figures show 3,000 fighters returned in 2016.',
      'Updated figures: 2021 | 260 | 3',
      'Publié le 3 février 2023, le rapport a fait grand bruit.',
      'Mis à jour chaque année, le fichier compte 5 000 noms.',
      'Actualizado en 2021, el plan nunca se aplicó.',
      'Aktualisiert wurde die Liste zuletzt 2022.',
      'آخر تحديث للقائمة كان في ٢٠٢٢ بعد الهجوم.',
    ],
  },
  {
    name: 'timestamp',
    category: 'metadata',
    description:
      'A line that is only a date and time, near the top, where the article says when it was published ("Mon 23 Oct 2017 06.00 BST"). Further down, a time alone is a live blog\'s entry and a date alone a diary\'s section: kept.',
    match: { regex: DATE_ONLY },
    within: 8,
    examples: [
      'Mon 23 Oct 2017 06.00 BST',
      'March 22, 2017',
      'March 4, 2024 2:17 PM GMT+1 Updated 3 hours ago',
      '09:05 BST',
      '12 mars 2024',
      'Mardi 12 mars 2024, 14h32',
      'Le 12 mars 2024',
      '12 de marzo de 2024',
      'Martes, 12 de marzo de 2024',
      '12. März 2024',
      'Dienstag, 12. März 2024, 10:32 Uhr',
      '12 maart 2024',
      '12 marzo 2024',
      '١٢ مارس ٢٠٢٤',
      'الثلاثاء ١٢ آذار ٢٠٢٤',
      '۱۲ مارس ۲۰۲۴',
      '12 марта 2024',
      '12 Mart 2024 Salı',
      'Sal, 12 Mar 2024',
      '2024年3月12日',
    ],
    keeps: [
      'On 22 March 2017 the attacker struck Westminster.',
      '2017',
      '2021 | 260 | 3',
      '2023 1,310 27',
      '2019 2.50 4',
      'Mars 2030',
      'Le 12 mars 2024, la police a arrêté trois hommes.',
      'El 12 de marzo de 2024 comenzó el juicio.',
      'Am 12. März 2024 begann der Prozess.',
      'في ١٢ مارس ٢٠٢٤ اعتقلت الشرطة ثلاثة رجال.',
      '٢٠٢١ | ٢٦٠ | ٣',
      '2024年3月12日，警方逮捕了三名男子。',
      // a weekday's abbreviation in one language is a word in another: no date without a month or clock
      'Per 100,000',
      'Min 5',
      'Sen 2',
    ],
  },

  // ─── Pictures: captions, credits, image file names ─────────────────────────
  {
    name: 'picture-credit',
    category: 'pictures',
    description:
      'A picture label or credit: "Image copyright …", "Image caption …", "Photo: …", "Photograph by …", "(Photo by … /Getty Images)", with the caption the page runs into it.',
    match: {
      regex:
        /^\(?(?:Image|Photo|Picture|Photograph|Video|Graphic|Illustration|Map|Chart|Media|Top image|Lead image|Main image|Header image)(?: (?:copyright|caption|source|credit|by)\b:?|:) ?\S.*$/i,
    },
    examples: [
      'Image copyright Getty Images',
      'Image copyright AFP Image caption Fighters in Sirte, Libya, in 2016',
      'Photo: Ahmad al-Rubaye/AFP',
      '(Photo by Chris McGrath/Getty Images)',
      'Photograph: Felipe Dana/AP',
    ],
    keeps: ['Picture this: a city of two million people without water.', 'Photographs of the attackers circulated within hours.'],
  },
  {
    name: 'agency-credit',
    category: 'pictures',
    description:
      'A picture credit naming a photographer and an agency ("Name Surname/AP", "… via Getty Images"), alone or ending a short caption, or the agency alone.',
    match: {
      regex: new RegExp(
        String.raw`^(?:(?:.{0,300}[.,;] )?(?:(?:Photo(?:graph)?|Picture|Image|Credit|Illustration)s?: )?(?:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} ?(?:\/|via) ?)?${AGENCY}(?: (?:Photo|Images|via Getty Images))?|.{0,300}\((?:${AGENCY})(?:\/[^)]{1,60})?\))\.?$`,
        'u',
      ),
    },
    examples: [
      'Khalid Mohammed/AP',
      'Getty Images',
      'Iraqi forces advance on western Mosul, March 2017. Ahmad Al-Rubaye/AFP via Getty Images',
      'Smoke rises over the old city. (AP Photo/Felipe Dana)',
    ],
    keeps: ['Syria/Iraq', 'The agency told Reuters.', 'Reuters reported the figure on Tuesday, citing officials.'],
  },
  {
    name: 'copyright-credit',
    category: 'pictures',
    description: 'A short credit starting with © or (c).',
    match: { regex: /^(?:©|\(c\)) ?\S.{0,80}$/i },
    examples: ['© Reuters', '©AFP', '(c) 2019 Example Media Group'],
    keeps: ['Option (c) was the third, which nobody wanted.'],
  },
  {
    name: 'map-credit',
    category: 'pictures',
    description: 'A map or chart credit naming its data and map sources ("Source: …", "…, Google Maps").',
    match: {
      regex: /^(?:(?:Sources?|Data|Map data|Graphic|Chart)(?: source)?: .{1,120}|[\p{L}\p{N} ,&.'’-]{0,60}\b(?:Google Maps|OpenStreetMap|Mapbox|Esri|Natural Earth|Datawrapper))$/u,
    },
    examples: ['IHS Conflict Monitor, Google Maps', 'Source: Institute for the Study of War', 'Data: UNHCR, OpenStreetMap'],
    keeps: ['Sources close to the investigation say the cell had six members.'],
    // a table's rows are paragraphs with their cells joined by " | ": the line under them is its source
    notAfter: { regex: / \| / },
  },
  {
    name: 'location-caption',
    category: 'pictures',
    description: 'A place caption under a picture: two or three capitalised place names separated by commas, nothing else ("Mosul, Iraq").',
    match: { regex: /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}(?:, \p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}){1,2}$/u },
    examples: ['Mosul, Iraq', 'Deir Ezzor, Syria', 'Kabul, Afghanistan', 'Marawi, Mindanao, Philippines'],
    keeps: ['Raqqa, Mosul and beyond', 'Going to ground'],
  },
  {
    name: 'image-file-name',
    category: 'pictures',
    description: 'A stray image file name left in the text: one word joined by underscores, or ending in .jpg/.png.',
    match: { regex: /^(?:[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+|[\w-]+\.(?:jpe?g|png|gif|webp|svg|avif))$/i },
    examples: ['ISIS_fall_card_sign2', 'raqqa-aerial-2017.jpg', 'IMG_4512'],
    keeps: ['Going to ground', 'Iraq_and Syria are two countries.'],
  },

  // ─── Agency, copyright and contributor lines ───────────────────────────────
  {
    name: 'copyright-line',
    category: 'credits',
    description: 'The publisher\'s copyright notice ("Copyright 2019 …", "… All rights reserved.").',
    match: {
      regex:
        /^(?:Copyright (?:©|\(c\) ?)?(?:\d{4}|\p{Lu})[^.]{0,80}|.{0,100}\bAll rights reserved\.?(?: .{0,200}\b(?:permission|redistributed|reproduced|republished)\b.{0,40})?)$/u,
    },
    examples: ['Copyright The Financial Times Limited 2019. All rights reserved.', 'Copyright 2020 Example Press', 'Example News Ltd 2017. All rights reserved.'],
    keeps: ['Copyright law in the EU has changed since 2019.', 'Copyright Office figures show a rise.'],
  },
  {
    name: 'reporting-credit',
    category: 'credits',
    description: 'A credit for the reporting, writing, editing or pictures ("Edited by …", "(Reporting by …; Editing by …)", "Additional reporting by …").',
    match: {
      regex:
        /^(?:\((?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ww]ritten) by [^)]{1,200}\)|(?:Written|Words|Reporting|Additional reporting|Edited|Research|Graphics|Photographs|Pictures|Production|Produced|Illustrations?) by \p{Lu}[^.!?]{0,100}\.?)$/u,
    },
    examples: ['Edited by Duncan Walker', '(Reporting by Ellen Francis; Editing by Giles Elgood)', 'Additional reporting by Maha El Dahan in Dubai'],
    keeps: ['Edited by hand, the list was later published.', 'Written by officials in 2016, the plan was never used.'],
  },
  {
    name: 'contributor-line',
    category: 'credits',
    description: 'A contributor credit ("… contributed to this report.").',
    match: { regex: /^.{1,100} contributed (?:reporting |research )?(?:to this (?:report|story|article)|from \p{Lu}.{0,40})\.?$/u },
    examples: ['CNN’s Eliza Mackintosh contributed to this report.', 'Lina Sinjab contributed reporting from Beirut.'],
    keeps: ['Foreign fighters contributed to this war more than anyone expected.'],
  },
  {
    name: 'republished-note',
    category: 'credits',
    description: 'A note that the piece first appeared elsewhere ("This article was originally published by …").',
    match: {
      regex: /^(?:This (?:article|piece|story|essay|post) (?:was |is )?(?:originally |first )?(?:published|appeared|appears|republished)\b.{0,200}|Originally published (?:in|by|on|at)\b.{0,200})$/,
    },
    examples: ['This article was originally published by The Conversation.', 'Originally published in Lawfare.'],
    keeps: ['This article of faith was published widely in 2014.'],
  },

  // ─── Read-more, related and more-on-this-story links ───────────────────────
  {
    name: 'related-links',
    category: 'related',
    description:
      'A link to other stories: "Read more: …", "Related: …", "More on this story", "See also …", "You may also like", "Most read", alone or with the linked title after a colon or dash.',
    match: {
      regex:
        /^(?:READ MORE|Read more|Read More|READ ALSO|Read also|Also read|ALSO READ|See also|SEE ALSO|Related|RELATED|Related (?:[Ss]tories|[Aa]rticles|[Cc]ontent|[Cc]overage|[Tt]opics|[Rr]eading|[Ll]inks)|More on (?:this|the) (?:story|topic|subject)|More (?:stories|coverage)|More from \p{Lu}[^.!?]{0,40}|Recommended|Don['’]t miss|Most (?:read|popular|viewed)|Top stories|Editor['’]s (?:picks|choice)|Trending(?: now)?|Watch|WATCH|Listen|LISTEN)(?:\s?[:|—–-]\s?.{1,200})?$/u,
    },
    examples: ['Read more: How IS lost Mosul', 'READ MORE', 'Related: Inside the camps where IS families wait', 'More on this story', 'See also: Why Raqqa fell', 'Most read', 'Watch: Kurdish forces enter Raqqa'],
    keeps: [
      "Read more about the fund in the ministry's report, which runs to 200 pages.",
      'Related to this, the ministry said it would publish its figures.',
      'Watch lists have grown since 2015.',
    ],
  },
  {
    name: 'link-titles-run-together',
    category: 'related',
    description:
      'Several link titles run together on one line (a related-stories box copied as text): ten or more words with no sentence punctuation, where a title-starting word follows a lower-case word and starts a lower-case phrase ("… pushed out The city …"; not "… in The Hague …", a name).',
    match: {
      regex: /^(?=(?:\S+ ){9,}\S+$)(?=.*\p{Ll} (?:The|A|An|How|Why|What|Who|Where|When|Is|Are|Inside|Can|Will|Does|Did|In|On|After|Why) \p{Ll})[^.,;:!?…"“”()—–]+$/u,
    },
    examples: ['Inside the camp where IS families wait How Mosul was retaken What next for the Kurds'],
    keeps: [
      'Strengthen border controls and intelligence sharing between the member states of the union',
      'Going to ground',
      'Testimony from prosecutors in The Hague who worked on similar cases in earlier years',
    ],
  },

  // ─── Share, follow, subscribe, newsletter and cookie prompts ────────────────
  {
    name: 'toolbar',
    category: 'prompts',
    description: 'A row of share, print, font-size and comment buttons, made only of such labels ("Share this article", "AA Font size + Print").',
    match: { regex: new RegExp(String.raw`^${TOOLBAR_WORD}:?(?:[\s,/]+${TOOLBAR_WORD}:?)*$`, 'u') },
    examples: ['Share this article', 'Share', 'AA Font size + Print', 'Facebook Twitter Email', 'Share on WhatsApp', 'Close [ x ]'],
    keeps: ['Share prices fell sharply.', 'Print runs were cut.', 'X marks the spot.'],
  },
  {
    name: 'follow-prompt',
    category: 'prompts',
    description: 'An invitation to follow the outlet, the writer or a topic ("Follow us on Twitter", "Follow the topics in this article").',
    match: {
      regex:
        /^Follow (?:us|me|@\S+|the topics? in this (?:article|story)|[\p{L}.'’ ]{1,40} on (?:Twitter|X|Facebook|Instagram|LinkedIn|Threads|Bluesky|TikTok|YouTube|Telegram|Mastodon))\b.{0,100}$/u,
    },
    examples: ['Follow us on Twitter @examplenews', 'Follow the topics in this article', 'Follow Jane Okafor on X'],
    keeps: ['Follow the money, investigators say, and the network appears.', 'Follow-up raids came within days.'],
  },
  {
    name: 'newsletter-prompt',
    category: 'prompts',
    description: 'A newsletter, e-mail alert or subscription prompt ("Sign up for our newsletter", "Get alerts on … when a new story is published", "Subscribe to …").',
    match: {
      regex:
        /^(?:(?:Sign up|SIGN UP|Subscribe|SUBSCRIBE|Register|Enter your e-?mail|Don['’]t miss out|Never miss)\b.{0,200}|Get (?:alerts|our|the latest|breaking|free|a daily|the best|instant|unlimited)\b.{0,150}|Thanks? (?:you )?for (?:subscribing|signing up)\b.{0,150}|Thanks? (?:you )?for reading\b.{0,150}\b(?:[Ss]ubscribe|[Ss]ign up|[Ss]hare)\b.{0,80}|.{0,80}\b(?:newsletter|inbox)\b.{0,40}(?:sign up|subscribe)\b.{0,40})$/u,
    },
    examples: ['Sign up for our newsletter', 'Get alerts on Terrorism when a new story is published', 'Subscribe to The Morning Brief', 'Thank you for subscribing to newsletters from Example.com.'],
    keeps: ['Subscribers paid $12 a month for the channel.', 'Get the facts wrong and the policy fails.', 'Registered voters turned out in large numbers.'],
  },
  {
    name: 'cookie-notice',
    category: 'prompts',
    description: 'A cookie or consent banner.',
    match: {
      regex: /^(?:We use cookies|This (?:site|website) uses cookies|Accept(?: all)? cookies|Cookie (?:settings|policy|preferences)|Manage (?:cookies|consent|preferences)|We value your privacy)\b.{0,300}$/i,
    },
    examples: ['We use cookies to improve your experience. By continuing you accept our cookie policy.', 'Accept all cookies'],
    keeps: ['Cookies were handed out at the checkpoint.'],
  },
  {
    name: 'comments-prompt',
    category: 'prompts',
    description: 'A comments counter or prompt ("12 comments", "Join the conversation").',
    match: { regex: /^(?:\d+ [Cc]omments?|(?:Show|View|Hide|Read) comments(?: \(\d+\))?|Join the (?:conversation|discussion)|Leave a (?:comment|reply)|Comments are closed\.?)$/ },
    examples: ['12 comments', 'Join the conversation', 'Leave a reply'],
    keeps: ['Comments by the minister caused an outcry.'],
  },

  // ─── Advertisement markers ─────────────────────────────────────────────────
  {
    name: 'advertisement',
    category: 'advertising',
    description: 'An advertisement marker or a "continues below" line around an ad slot.',
    match: {
      regex:
        /^(?:Advertisement|ADVERTISEMENT|Advert|ADVERT|Ad|AD|Sponsored(?: content)?|SPONSORED|Paid (?:content|post|partner content)|Promoted(?: content)?|Partner content|(?:Story|Article) continues (?:below|after (?:the )?advertisement)(?: advertisement)?|Continue reading (?:the main story|below)|Skip (?:advertisement|advert)|Remove ads?)$/,
    },
    examples: ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Continue reading the main story'],
    keeps: ['Advertisements for the group appeared on encrypted channels.'],
  },

  // ─── Reading time and audio widgets ────────────────────────────────────────
  {
    name: 'reading-time',
    category: 'widgets',
    description: 'A reading-time or listening widget ("5 min read", "Listen to this article · 8 min").',
    match: {
      regex:
        /^(?:(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)[- ]min(?:ute)?s?(?: read| listen)?|(?:Estimated )?[Rr]eading time:? .{1,20}|Read time:? .{1,20}|Listen to (?:this|the) (?:article|story|report|piece)\b.{0,40}|(?:Listen|Play)(?: now)?(?: · | )?\d{1,2}:\d{2}(?: mins?)?)$/,
    },
    examples: ['5 min read', 'Listen to this article', 'Listen to this story · 8 min', 'Reading time: 4 minutes'],
    keeps: ['Five minutes later, the second bomb went off.'],
  },

  // ─── Who wrote it: author bios, about-this-piece boxes, disclaimers ────────
  {
    name: 'author-role',
    category: 'authors',
    description: 'A line saying who the author is ("The writer is …", "<author> is the director of …").',
    match: { regex: String.raw`^(?:The writers?|The authors?|About the authors?:|{authors}) (?:is|are|was|has been) ` },
    examples: [
      'The writer is director-general of the Royal United Services Institute, a defence and security think-tank',
      'Dr Lorenzo Vidino is the director of the Program on Extremism at the George Washington University.',
    ],
    keeps: ['The writers of the report are clear.', 'The Islamic State is reeling.'],
  },
  {
    name: 'about-box',
    category: 'authors',
    description: 'The title of a box about the writer or the piece ("About the author", "About this piece").',
    match: { regex: /^(?:About (?:this (?:piece|article|author|series|report)|the (?:authors?|writers?|contributors?|series))|Author bio(?:graphy)?|Contributors?)$/i },
    examples: ['About this piece', 'About the author', 'ABOUT THE AUTHORS'],
    keeps: ['About the authors of the plot, little is known.'],
  },
  {
    name: 'commission-note',
    category: 'authors',
    description: 'A note on how the piece came to be ("This analysis piece was commissioned by …").',
    match: { regex: /^This (?:analysis |opinion |comment |guest )?(?:piece|article|essay|column|post) (?:was|has been|is) (?:commissioned|written|produced|sponsored) (?:by|for) / },
    examples: ['This analysis piece was commissioned by the BBC from an expert working for an outside organisation.', 'This column was written for Example Review.'],
    keeps: ['This piece of evidence was written off by the court.'],
  },
  {
    name: 'views-disclaimer',
    category: 'authors',
    description: 'An opinion disclaimer ("The views expressed are the author\'s own").',
    match: { regex: /^(?:The )?(?:views|opinions) expressed (?:in this (?:article|piece|commentary|report) )?(?:are|do not)\b.{0,200}$/i },
    examples: ['The views expressed in this commentary are the author’s own.', 'Opinions expressed are solely those of the writer.'],
    keeps: ['Views differ on whether the group can recover.'],
  },

  // ─── Topic and tag lists ───────────────────────────────────────────────────
  {
    name: 'tag-list',
    category: 'tags',
    description: 'A list of topics or tags ("Topics: Iraq, Syria", "Filed under …", "Explore more on these topics").',
    match: {
      regex: /^(?:(?:Topics?|TOPICS?|Tags?|TAGS?|Filed [Uu]nder|Categories|Category|Keywords|Subjects?|More on|In this story)\s?:\s?.{1,200}|Explore more on these topics|Related [Tt]opics)$/,
    },
    examples: ['Topics: Iraq, Syria, Terrorism', 'Tags: ISIS; foreign fighters', 'Filed under: Middle East', 'Explore more on these topics'],
    keeps: ['Topics discussed included the camps.'],
  },
  {
    name: 'section-label',
    category: 'tags',
    description: 'The section or genre label printed above a headline ("Opinion", "Analysis", "Exclusive"), in the first three lines only: further down the same word is a heading.',
    match: {
      regex: /^(?:Opinion|OPINION|Analysis|ANALYSIS|Comment|COMMENT|Commentary|Editorial|Explainer|Exclusive|EXCLUSIVE|Interview|Feature|The long read|Long read|Perspective|Essay|Breaking(?: news)?|BREAKING|Live|Fact check|Review)$/,
    },
    within: 3,
    examples: ['Opinion', 'ANALYSIS', 'Explainer'],
  },

  // ─── Last: a line the page printed twice ───────────────────────────────────
  {
    name: 'repeated-furniture',
    category: 'pictures',
    description: `A line printed more than once that looks like furniture: at most ${MAX_REPEATED_FURNITURE_WORDS} words and not ending as a sentence, or printed beside a picture credit (a caption above and below a photo). A repeated body paragraph or sentence is kept, with a warning; short labels that take turns before text (a transcript's speakers) are kept; a table of contents goes, the headings it lists stay.`,
    match: { repeated: true },
    examples: [],
  },
];
