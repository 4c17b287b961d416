/**
 * A saved web page → the article's blocks and the page's own metadata.
 *
 * Metadata is read first, from the page as saved: schema.org JSON-LD (NewsArticle,
 * Article, BlogPosting, Report…), Open Graph and `article:*` tags, other `<meta>` tags,
 * `<link rel=canonical>`, `<title>`. Then what is never article text is taken out of the
 * page (scripts, navigation, asides, forms, pictures and their captions or credits, related/
 * share/newsletter/ad boxes — each listed in `dropped`), Mozilla's Readability finds the
 * article, and its HTML is walked into headings and paragraphs. What the page shows but
 * its text would lose is written out first: footnote markers as "[1]", the numbers of
 * ordered lists, the quotation marks of <q>, tables and embedded social-media posts kept
 * out of their <figure>.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { NormalizeError } from '../errors.ts';
import { normalizeSpace } from '../text.ts';
import { parseDate } from './dates.ts';
import { declaredLanguage } from '../../../src/contract/language.ts';
import type { Block, Dropped, Extracted, Found, SourceMetadata } from './types.ts';

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|LiveBlogPosting)$/;

/** Elements that never hold article text, and why (for the --verbose list). */
const NEVER_TEXT: [selector: string, reason: string][] = [
  ['script, style, noscript, template, iframe, svg, canvas, object, embed', ''],
  ['nav', 'navigation'],
  ['header nav, [role="navigation"], [role="banner"]', 'navigation'],
  ['footer, [role="contentinfo"]', 'page footer'],
  ['aside, [role="complementary"]', 'aside'],
  ['form, button, input, select, textarea', 'form'],
  ['figure, figcaption, picture, img, video, audio', 'figure or caption'],
];
/** Class or id words of boxes around an article (matched as whole words of the attribute). */
const FURNITURE_WORDS =
  /(?:^|[\s_-])(related|recirc|newsletter|newsletters|signup|share|sharing|social|promo|promotion|advert|advertisement|ads?|ad-slot|sponsor|sponsored|subscribe|subscription|paywall|cookie|cookies|consent|comments?|breadcrumbs?|tags|topics|author-bio|bio|read-more|readmore|more-on|recommended|outbrain|taboola|most-read|popular|toolbar|print|pull-?quotes?|pull_quotes?)(?:$|[\s_-])/i;
/**
 * Class or id words of a picture's caption or credit in a box of its own ("amp-caption",
 * "image-credit"): left out unless the box holds running prose (a wrapper classed "has-caption").
 */
const CAPTION_WORDS = /(?:^|[\s_-])(caption|credit)(?:$|[\s_-])/i;

/** An element's class and id, the words the patterns above are matched against. */
const nameWords = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** The attributes that hide a box (`hidden`, `aria-hidden`, an inline `display: none`; see isHidden). */
const HIDING_ATTRIBUTES = ['hidden', 'aria-hidden', 'style'] as const;

type Json = Record<string, unknown>;

const asArray = <T>(value: T | T[] | undefined | null): T[] => (value == null ? [] : Array.isArray(value) ? value : [value]);
const str = (value: unknown) => (typeof value === 'string' && value.trim() ? normalizeSpace(value) : undefined);

/** Every object in the page's JSON-LD, @graph flattened. */
function jsonLdObjects(document: Document): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    out.push(node as Json);
    if ('@graph' in (node as Json)) walk((node as Json)['@graph']);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      walk(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block says nothing we can trust; the <meta> tags may.
    }
  }
  return out;
}

const personName = (value: unknown): string | undefined => (typeof value === 'string' ? str(value) : str((value as Json | null)?.name));
const isOrganization = (value: unknown) => asArray((value as Json | null)?.['@type'] as string | string[] | undefined).some((t) => /Organi[sz]ation|Corporation/.test(t));

/** Job-title words of a byline ("Jane Doe, Senior Analyst"): a title is not a person. */
const ROLE_WORD = /^(?:analyst|correspondent|writer|editor|reporter|journalist|columnist|contributor|producer|photographer|critic|commentator|presenter|fellow|researcher|director|chief|staff|desk|team|bureau|newsroom|agency|agencies|intern)s?$/i;
/** Lower-case words that belong to names (Sanne de Vries, Ludwig van der Berg, Hamza bin Laden). */
const NAME_PARTICLE = /^(?:de|da|das|do|dos|du|del|della|der|den|di|van|von|ter|ten|la|le|al|el|bin|bint|ibn|ben|abu|y|zu)$/;
/** A name word: capitalised, or capitalised after a particle joined to it ("al-Amin", "d’Estaing"). */
const NAME_WORD = /^(?:\p{Lu}|(?:al|el|ad|as|ash|at|az|ar|an|d|l)[-'’]\p{Lu})/u;

const looksLikeName = (candidate: string) => {
  const words = candidate.split(' ');
  return (
    words.length <= 5 &&
    words[0] !== 'The' &&
    words.some((w) => NAME_WORD.test(w)) &&
    words.every((w) => NAME_WORD.test(w) || NAME_PARTICLE.test(w)) &&
    !words.some((w) => w.split('-').some((part) => ROLE_WORD.test(part)))
  );
};

/**
 * The people a byline names: "By Sanne de Vries in The Hague and Omar Khalil in Amman" →
 * Sanne de Vries, Omar Khalil. Places (" in …"), job titles ("Senior Analyst") and what follows
 * a separator ("· 4 May 2025") are not people; when a part is not clearly a name it is left
 * out — fewer names rather than wrong ones.
 */
export function bylineNames(byline: string): string[] {
  const text = normalizeSpace(byline)
    .replace(/^(?:(?:written|reported|words|text)\s+)?by:?\s+/i, '')
    .split(/\s+[|·•—–]\s+/)[0]!;
  const names = text
    .split(/\s*(?:[,;]|\band\b|&)\s*/)
    .map((part) => part.replace(/(?:^|\s+)in\s+\p{Lu}.*$/u, '').trim())
    .filter((part) => part && looksLikeName(part));
  // Among several, a lone word ("Washington", "Foreign") is more likely a place or a desk than a person.
  return names.length > 1 ? names.filter((name) => name.includes(' ')) : names;
}

/** The page's metadata; an organisation named as the author only as `organizationAuthors`, for want of a person. */
function readMetadata(document: Document): { meta: SourceMetadata; organizationAuthors?: Found<string[]> } {
  const meta: SourceMetadata = {};
  const metaContent = (...keys: string[]): [string, string] | null => {
    for (const key of keys) {
      const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = str(el?.getAttribute('content'));
      if (value) return [key, value];
    }
    return null;
  };
  const found = <T>(value: T, from: string, status: Found<T>['status'] = 'verified'): Found<T> => ({ value, status, from });
  let organizationAuthors: Found<string[]> | undefined;

  const article = jsonLdObjects(document).find((o) => asArray(o['@type'] as string | string[]).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)));
  if (article) {
    const type = asArray(article['@type'] as string | string[]).find((t) => ARTICLE_TYPES.test(t))!;
    const headline = str(article.headline) ?? str(article.name);
    if (headline) meta.headline = found(headline, `JSON-LD ${type}.headline`);
    const authorValues = asArray(article.author as unknown);
    const people = authorValues.filter((a) => !isOrganization(a)).map(personName).filter((n): n is string => Boolean(n));
    const organizations = authorValues.filter(isOrganization).map(personName).filter((n): n is string => Boolean(n));
    if (people.length) meta.authors = found(people, `JSON-LD ${type}.author`);
    else if (organizations.length) organizationAuthors = found(organizations, `JSON-LD ${type}.author (an organisation)`);
    const date = str(article.datePublished) && parseDate(str(article.datePublished)!);
    if (date && 'value' in date) meta.published = found(date.value, `JSON-LD ${type}.datePublished`);
    const publisher = personName(article.publisher);
    if (publisher) meta.outlet = found(publisher, `JSON-LD ${type}.publisher`);
    const url = str(article.url) ?? str((article.mainEntityOfPage as Json | undefined)?.['@id']) ?? str(article.mainEntityOfPage);
    if (url && /^https?:\/\//.test(url)) meta.url = found(url, `JSON-LD ${type}.url`);
    const description = str(article.description);
    if (description) meta.standfirst = found(description, `JSON-LD ${type}.description`);
  }

  const tag = (key: string) => (key.includes(':') ? `<meta property="${key}">` : `<meta name="${key}">`);
  if (!meta.headline) {
    const m = metaContent('og:title', 'twitter:title', 'citation_title', 'dc.title', 'DC.title');
    if (m) meta.headline = found(m[1], tag(m[0]));
  }
  if (!meta.authors) {
    const m = metaContent('author', 'article:author', 'citation_author', 'dc.creator', 'DC.creator', 'byl');
    const names = m && !/^https?:\/\//.test(m[1]) ? bylineNames(m[1]) : [];
    if (names.length) meta.authors = found(names, tag(m![0]));
  }
  if (!meta.published) {
    for (const key of ['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'citation_publication_date', 'citation_date', 'dc.date', 'DC.date', 'og:published_time']) {
      const m = metaContent(key);
      const date = m && parseDate(m[1]);
      if (date && 'value' in date) {
        meta.published = found(date.value, tag(key));
        break;
      }
    }
    if (!meta.published) {
      const time = document.querySelector('article time[datetime], time[datetime]');
      const date = time && parseDate(time.getAttribute('datetime') ?? '');
      if (date && 'value' in date) meta.published = found(date.value, '<time datetime> on the page', 'inferred');
    }
  }
  if (!meta.outlet) {
    const m = metaContent('og:site_name', 'application-name', 'citation_publisher', 'dc.publisher', 'DC.publisher');
    if (m) meta.outlet = found(m[1], tag(m[0]));
  }
  if (!meta.url) {
    const canonical = str(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
    const og = metaContent('og:url');
    if (canonical && /^https?:\/\//.test(canonical)) meta.url = found(canonical, '<link rel="canonical">');
    else if (og && /^https?:\/\//.test(og[1])) meta.url = found(og[1], tag('og:url'));
  }
  if (!meta.standfirst) {
    const m = metaContent('og:description', 'description', 'twitter:description');
    if (m) meta.standfirst = found(m[1], tag(m[0]));
  }
  // The language the page declares: JSON-LD inLanguage, <html lang>, og:locale.
  const declared = [
    [str(article?.inLanguage), `JSON-LD inLanguage`],
    [str(document.documentElement?.getAttribute('lang')), '<html lang>'],
    [metaContent('og:locale')?.[1], tag('og:locale')],
  ] as const;
  for (const [value, from] of declared) {
    const language = value && declaredLanguage(value);
    if (language) {
      meta.language = found(language, from);
      break;
    }
  }
  if (!meta.headline) {
    const title = str(document.querySelector('title')?.textContent);
    // "Headline | Outlet": the part before the last separator, a guess.
    if (title) meta.headline = found(title.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/, ''), '<title>', 'inferred');
  }
  return { meta, organizationAuthors };
}

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HEADER', 'MAIN', 'HR', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'DETAILS', 'SUMMARY']);

/** A node's text as the page shows it: a <br> or a nested block is a space, not nothing ("line<br>break"). */
function textOf(node: Node): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out += child.textContent ?? '';
    else if (child.nodeType === 1) {
      const el = child as Element;
      out += el.tagName === 'BR' ? ' ' : BLOCK.has(el.tagName) ? ` ${textOf(el)} ` : textOf(el);
    }
  }
  return out;
}

/** An element's HTML (Readability's article, or the page) → headings and paragraphs, in order; the elements in `skip` left out. */
function blocksOf(root: Element, skip?: Set<Element>): Block[] {
  const blocks: Block[] = [];
  let inline = '';
  const flush = () => {
    const text = normalizeSpace(inline);
    if (text) blocks.push({ kind: 'paragraph', text });
    inline = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        inline += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (skip?.has(el)) continue;
      if (!BLOCK.has(el.tagName)) {
        inline += el.tagName === 'BR' ? ' ' : textOf(el);
        continue;
      }
      flush();
      if (/^H[1-6]$/.test(el.tagName)) {
        const text = normalizeSpace(textOf(el));
        if (text) blocks.push({ kind: 'heading', text });
      } else if (el.tagName === 'P' || el.tagName === 'PRE' || el.tagName === 'DT' || el.tagName === 'DD' || el.tagName === 'TR') {
        const text = normalizeSpace(el.tagName === 'TR' ? Array.from(el.children).map(textOf).join(' | ') : textOf(el));
        if (text) blocks.push({ kind: 'paragraph', text });
      } else {
        walk(el);
        flush();
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}

const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'CITE', 'CODE', 'DATA', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U']);

/** An element's text for the --verbose list, with a space where blocks and list items meet. */
function spacedText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const inline = INLINE.has((child as Element).tagName);
        if (!inline) out += ' ';
        walk(child);
        if (!inline) out += ' ';
      }
    }
  };
  walk(el);
  return normalizeSpace(out);
}

/** A footnote label: "1", "12", "3–5", "a", "iv", "*", "†", "[3]". */
const NOTE_LABEL = /^[[(]?(?:\d{1,3}(?:[,–-]\d{1,3})*|\p{L}{1,2}|[*†‡§¶]{1,3})[\])]?$/u;
/** Class or id words of footnote references (Pandoc, WordPress plugins, MediaWiki). */
const NOTE_WORDS = /(?:^|[\s_-])(?:fn|fnref|footnotes?|footnote-ref|noteref|endnote|note|ref|reference|cite|citation)(?:$|[\s_-]|\d)/i;
/** An in-page link to a note: #fn1, #footnote-2, #cite_note-3, #endnote4, #ref5. */
const NOTE_HREF = /^#(?:fn|footnote|note|endnote|cite|ref)/i;

/** The character just before an element in its block ('' at the start of the block). */
function charBefore(el: Element): string {
  for (let node: Node | null = el; node && node.nodeType === 1; node = node.parentNode) {
    if (node !== el && BLOCK.has((node as Element).tagName)) return '';
    for (let prev = node.previousSibling; prev; prev = prev.previousSibling) {
      if (prev.nodeType === 1 && (BLOCK.has((prev as Element).tagName) || (prev as Element).tagName === 'BR')) return ' ';
      const text = prev.textContent ?? '';
      if (text) return text.at(-1)!;
    }
  }
  return '';
}

/** A footnote's link back to its marker: an arrow or caret, alone ("↩", "↑", "^", "↩︎"). */
const BACKLINK_TEXT = /^[↩↑⤴↵^][\uFE0E\uFE0F]?$/u;

/**
 * The link at the end of a footnote back to its marker in the text ("↩") is a control, not
 * the note's words: it goes, so that the note reads as the page's reader reads it.
 */
function removeNoteBacklinks(document: Document) {
  for (const link of Array.from(document.querySelectorAll('a[href^="#"], [role="doc-backlink"]'))) {
    const marked = link.getAttribute('role') === 'doc-backlink' || /(?:^|\s)(?:footnote-backref|reversefootnote|fn-backref)(?:$|\s)/.test(link.getAttribute('class') ?? '');
    if (marked || BACKLINK_TEXT.test(normalizeSpace(link.textContent ?? ''))) link.remove();
  }
}

/**
 * Footnote references are written out as "[1]", so that "in 2021.<sup>1</sup>" does not read
 * "in 2021.1". A reference is a short label marked as one (role="doc-noteref", a link to a note
 * in the page, a note class), or a superscript after a space or punctuation or opening a block.
 * Other superscripts stay in their word ("m<sup>2</sup>" → "m2", "19<sup>th</sup>" → "19th"),
 * but a number raised after a number is an exponent: "10<sup>6</sup>" → "10^6", not "106".
 */
function writeOutNoteReferences(document: Document) {
  const marked = (el: Element) =>
    el.getAttribute('role') === 'doc-noteref' ||
    NOTE_HREF.test(el.getAttribute('href') ?? '') ||
    NOTE_WORDS.test(nameWords(el));
  // In document order, so a reference wrapping another (<a><sup>1</sup></a>) is written out whole.
  for (const el of Array.from(document.querySelectorAll('sup, a[href^="#"], [role="doc-noteref"]'))) {
    if (!el.isConnected) continue;
    const label = normalizeSpace(el.textContent ?? '');
    if (!NOTE_LABEL.test(label)) continue;
    const before = charBefore(el);
    const sup = el.tagName === 'SUP';
    const linked = Boolean(el.querySelector('a[href^="#"]') ?? el.closest('a[href^="#"]'));
    if (marked(el) || (sup && (linked || /^$|[\s.,;:!?)\]"'”’»…]/u.test(before)))) {
      el.replaceWith(document.createTextNode(/^[[(]/.test(label) ? label : `[${label}]`));
    } else if (sup && /^[-−]?\d{1,3}$/.test(label) && /\d/.test(before)) {
      el.replaceWith(document.createTextNode(`^${label}`));
    }
  }
}

/**
 * A table or a quotation in a <figure> (WordPress's wp-block-table, the <figure><blockquote>
 * <figcaption> that HTML recommends for a quotation and its source) is text, not a picture: the
 * figure is unwrapped so its table or quotation is read like any other. Its caption then names
 * the table or its source ("Source: …", "Table 1: …") or who is quoted ("— Owen Price, former
 * paramedic") and stays as a paragraph — unless the figure also holds a picture, whose caption
 * it may be: that goes with the picture. A pull quote in a figure (its class says so, or its
 * words are printed elsewhere on the page) repeats the body, and goes with the figures.
 */
function unwrapTextFigures(document: Document) {
  // the article's words, read once (unwrapping a figure keeps them): a report may hold hundreds of figures
  let page: string | undefined;
  const pageText = () => (page ??= document.body ? textOutsideFigures(document.body) : '');
  for (const figure of Array.from(document.querySelectorAll('figure'))) {
    if (!figure.isConnected) continue;
    const pullQuote = FURNITURE_WORDS.test(nameWords(figure)) || repeatsTheBody(figure, pageText);
    if (!figure.querySelector('table') && !(figure.querySelector('blockquote') && !pullQuote)) continue;
    if (!figure.querySelector('img, picture, video, audio, svg, canvas, iframe, object, embed')) {
      for (const caption of Array.from(figure.querySelectorAll('figcaption'))) {
        const paragraph = document.createElement('p');
        paragraph.append(...Array.from(caption.childNodes));
        caption.replaceWith(paragraph);
      }
    }
    figure.replaceWith(...Array.from(figure.childNodes));
  }
}

/** Quotation marks and ellipses around a pull quote's words, which the body prints without them. */
const QUOTE_EDGES = /^[\s"'“”‘’„«»‹›…]+|[\s"'“”‘’„«»‹›…]+$/gu;

/** Where a quotation's words do not count as printed again: code, figures and page furniture (a "click to tweet" box). */
const NOT_PRINTED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'FIGURE']);

/**
 * The words of a page outside scripts (a JSON-LD `articleBody` holds the whole article), figures
 * and boxes named like furniture, read without recursion (a page may nest deeply).
 */
function textOutsideFigures(body: Element): string {
  const parts: string[] = [];
  const stack: Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (NOT_PRINTED.has(el.tagName) || (el !== body && FURNITURE_WORDS.test(nameWords(el)))) continue;
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return normalizeSpace(parts.join(''));
}

/**
 * Whether a figure's quotation repeats words the article prints elsewhere (four or more of
 * them; not counting scripts, other figures or furniture): a pull quote, whatever its class — a
 * quotation of someone else is printed once.
 */
function repeatsTheBody(figure: Element, pageText: () => string): boolean {
  const quote = figure.querySelector('blockquote');
  if (!quote || figure.querySelector('table')) return false;
  const lines = Array.from(quote.querySelectorAll('p')).map((p) => normalizeSpace(p.textContent ?? '').replace(QUOTE_EDGES, ''));
  const words = (lines.length ? lines : [normalizeSpace(quote.textContent ?? '').replace(QUOTE_EDGES, '')]).filter((line) => line.split(' ').length >= 4);
  if (!words.length) return false;
  const page = pageText();
  return words.every((line) => page.includes(line));
}

/** The blockquotes a social network's embed code writes: the post's own words, with its author and date. */
const EMBEDDED_POST = ['twitter-tweet', 'twitter-video', 'instagram-media', 'tiktok-embed', 'bluesky-embed', 'mastodon-embed', 'text-post-media', 'fb-xfbml-parse-ignore', 'reddit-embed-bq', 'reddit-card']
  .map((name) => `blockquote.${name}`)
  .join(', ');
/** Class or id words of an embed's wrapper ("wp-block-embed", "social-embed", "embed-twitter"). */
const EMBED_WORDS = /(?:^|[\s_-])embed(?:$|[\s_-])/i;

/**
 * A post from a social network quoted in the story (an embedded tweet) is a quotation, as a
 * <blockquote> is: the reporter quotes it ("… wrote in a post on X:") and the story may not
 * repeat it. CMSs wrap it in a <figure> or an embed box that would be left out as a picture or
 * as social furniture, so the post's blockquote is lifted out of those wrappers, in its place;
 * the wrapper's caption, if any, goes with the wrapper.
 */
function liftEmbeddedPosts(document: Document) {
  for (const post of Array.from(document.querySelectorAll(EMBEDDED_POST))) {
    let outermost: Element | null = null;
    for (let el = post.parentElement; el && el.tagName !== 'BODY'; el = el.parentElement) {
      if (el.tagName === 'FIGURE' || EMBED_WORDS.test(nameWords(el))) outermost = el;
      else break;
    }
    outermost?.before(post);
  }
}

/**
 * An accordion's question or section title is often a heading set inside the <button> that
 * opens its panel ("<button><h3>Who sets the threat level?</h3></button>"): the heading is the
 * article's, the button only makes it clickable, so such a button is unwrapped rather than left
 * out with the page's forms. A button without a heading ("Continue reading", "Subscribe") goes.
 */
function unwrapHeadingButtons(document: Document) {
  for (const button of Array.from(document.querySelectorAll('button'))) {
    if (button.isConnected && button.querySelector('h1, h2, h3, h4, h5, h6')) button.replaceWith(...Array.from(button.childNodes));
  }
}

/**
 * A quotation's attribution set in a <footer> inside its <blockquote> ("— Leyla Demir,
 * stallholder", Bootstrap's blockquote-footer) is the article's text, not the page's footer:
 * it becomes a paragraph of the quotation before footers are left out.
 */
function keepQuotationFooters(document: Document) {
  for (const footer of Array.from(document.querySelectorAll('blockquote footer'))) {
    const paragraph = document.createElement('p');
    paragraph.append(...Array.from(footer.childNodes));
    footer.replaceWith(paragraph);
  }
}

/** The quotation marks a browser draws around <q> in a language (outer, then nested); English's elsewhere. */
const QUOTE_MARKS: Record<string, [string, string, string, string]> = {
  de: ['„', '“', '‚', '‘'],
  fr: ['« ', ' »', '“', '”'],
};
const ENGLISH_QUOTES: [string, string, string, string] = ['“', '”', '‘', '’'];
const OPENING_QUOTE = /^\s*["'“”‘’„‚«‹»]/u;

/**
 * A <q> is a quotation the browser puts in quotation marks (its text has none): the marks are
 * written out, so that "said <q>we will win</q>" reads as the page shows it, not as the
 * reporter's own words. A <q> whose text brings its own marks is left as it is.
 */
function writeOutInlineQuotes(document: Document) {
  for (const q of Array.from(document.querySelectorAll('q'))) {
    if (OPENING_QUOTE.test(q.textContent ?? '')) continue;
    const language = (q.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().split('-')[0]!;
    const [open, close, innerOpen, innerClose] = QUOTE_MARKS[language] ?? ENGLISH_QUOTES;
    const nested = Boolean(q.parentElement?.closest('q'));
    q.prepend(document.createTextNode(nested ? innerOpen : open));
    q.append(document.createTextNode(nested ? innerClose : close));
  }
}

/** DPUB-ARIA roles and class words of a note set beside its paragraph (a sidenote, a margin note, a footnote). */
const NOTE_ROLE = /^doc-(?:footnote|endnote|endnotes|footnotes)$/;
const NOTE_BOX_WORDS = /(?:^|[\s_-])(?:sidenotes?|marginnotes?|margin-notes?|footnotes?|endnotes?)(?:$|[\s_-])/i;

/**
 * A footnote set beside its paragraph in an <aside> (role="doc-footnote", a "sidenote") is the
 * note's text, as a footnote at the end of the article is: the <aside> becomes a <div>, so it is
 * not left out with the page's asides.
 */
function keepNoteAsides(document: Document) {
  for (const aside of Array.from(document.querySelectorAll('aside'))) {
    const note = NOTE_ROLE.test(aside.getAttribute('role') ?? '') || NOTE_BOX_WORDS.test(nameWords(aside));
    if (!note) continue;
    const box = document.createElement('div');
    // a hidden note (a copy for another layout) stays hidden, to be judged as any hidden box is
    for (const attribute of HIDING_ATTRIBUTES) {
      const value = aside.getAttribute(attribute);
      if (value !== null) box.setAttribute(attribute, value);
    }
    box.append(...Array.from(aside.childNodes));
    aside.replaceWith(box);
  }
}

/** An item's number as an <ol type> shows it: 3, c, C, iii, III. */
function listMarker(n: number, type: string): string {
  if (n < 1) return String(n);
  if ((type === 'a' || type === 'A') && n <= 26) return String.fromCharCode((type === 'a' ? 96 : 64) + n);
  if (type === 'i' || type === 'I') {
    const digits: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let roman = '';
    for (const [value, letters] of digits) for (; n >= value; n -= value) roman += letters;
    return type === 'I' ? roman.toUpperCase() : roman;
  }
  return String(n);
}

/** The first text node with something in it, in document order. */
function firstText(node: Node): Node | null {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3 && (child.textContent ?? '').trim()) return child;
    const found = child.nodeType === 1 ? firstText(child) : null;
    if (found) return found;
  }
  return null;
}

/** Items of an ordered list keep the number the page shows ("1. …"): "step 2" must still be findable. */
function numberOrderedLists(document: Document) {
  for (const list of Array.from(document.querySelectorAll('ol'))) {
    const items = Array.from(list.children).filter((child) => child.tagName === 'LI');
    const reversed = list.hasAttribute('reversed');
    let n = Number.parseInt(list.getAttribute('start') ?? '', 10);
    if (Number.isNaN(n)) n = reversed ? items.length : 1;
    for (const item of items) {
      const value = Number.parseInt(item.getAttribute('value') ?? '', 10);
      if (!Number.isNaN(value)) n = value;
      const text = firstText(item);
      if (text) text.textContent = `${listMarker(n, list.getAttribute('type') ?? '1')}. ${(text.textContent ?? '').trimStart()}`;
      n += reversed ? -1 : 1;
    }
  }
}

/** Class or id words of a heading's wrapper ("chapter__header", "section-header"). */
const HEADER_WORDS = /(?:^|[\s_-])header(?:$|[\s_-])/i;

/**
 * A section's heading in a wrapper of its own (<header>, "chapter__header") is the section's
 * title, but Readability takes such wrappers for page furniture and drops the heading with
 * them. A wrapper that holds a subheading (h2–h6, never the page's h1), no running prose of
 * its own, and lies in a section that does hold running prose is unwrapped, so its heading
 * stays in the article. A page's masthead or an article's header with its headline is left
 * as it is.
 */
function unwrapSectionHeaders(document: Document) {
  const wrappers = Array.from(document.querySelectorAll('header, [class], [id]')).filter(
    (el) => el.tagName === 'HEADER' || HEADER_WORDS.test(nameWords(el)),
  );
  // Whether a section holds prose, read once a section: a long report has a wrapper per
  // section in one parent, and reading the parent for each made the step quadratic. Unwrapping
  // moves only headings, so a parent's prose does not change.
  const holdsProse = new Map<Element, boolean>();
  for (const wrapper of wrappers) {
    const parent = wrapper.parentElement;
    if (!wrapper.isConnected || !parent || parent.tagName === 'BODY' || parent.tagName === 'HTML') continue;
    if (!wrapper.querySelector('h2, h3, h4, h5, h6') || wrapper.querySelector('h1')) continue;
    if (proseIn(wrapper).paragraphs > 0) continue;
    if (!holdsProse.has(parent)) holdsProse.set(parent, proseIn(parent).paragraphs > 0);
    if (!holdsProse.get(parent)) continue;
    wrapper.replaceWith(...Array.from(wrapper.childNodes));
  }
}

/**
 * A sentence's end, with its closing quotes and note markers, ending the text. Looked for
 * behind the end only: sought forward, every stop was a start that read on to the end, so a
 * paragraph of many "[?]" took time growing with its length squared (40,000 characters, 3 s).
 */
const SENTENCE_END = /(?<=[.!?…]["'”’»)\]]*(?:\[[^\]\s]{1,8}\])*)$/u;
/** A paragraph of running prose: ten words or more, ending a sentence (a note marker may follow). */
const isProse = (text: string) => text.split(' ').length >= 10 && SENTENCE_END.test(text);
const wordCount = (text: string) => (text ? text.split(' ').length : 0);

/** The running prose in an element (the elements in `skip` left out): how many paragraphs, how many words. */
function proseIn(el: Element, skip?: Set<Element>): { paragraphs: number; words: number } {
  const prose = blocksOf(el, skip).filter((b) => b.kind === 'paragraph' && isProse(b.text));
  return { paragraphs: prose.length, words: prose.reduce((n, b) => n + wordCount(b.text), 0) };
}

/**
 * The smallest element holding most of the page's running prose, in two paragraphs or more:
 * where the article is. The prose of `skip` is not counted.
 */
function proseRoot(body: Element, skip: Set<Element>): Element {
  const total = proseIn(body, skip).words;
  let root = body;
  for (;;) {
    const child = Array.from(root.children).find((c) => {
      if (skip.has(c)) return false;
      const prose = proseIn(c, skip);
      return prose.paragraphs >= 2 && prose.words * 2 > total;
    });
    if (!child) return root;
    root = child;
  }
}

/**
 * The boxes whose class names furniture but which hold the article. Saved pages of subscribers
 * wrap the body, or part of it, in "paywall-content" or "subscriber-only" boxes; the furniture
 * such words are meant for — a paywall or newsletter prompt, a bio line, "Advertisement", a list
 * of headlines — holds a sentence or two, or mostly links. So a box is the article's when it is
 * not mostly link text, holds running prose (three paragraphs, or a third of the page's), and
 * either holds most of the page's prose itself or lies where the rest of it is (`proseRoot`,
 * such boxes not counted): a cookie notice or a comment thread may hold prose too, but beside
 * the article, not in it. A hidden box is judged the same way: a mobile or AMP page saves the
 * rest of the article hidden behind a "Continue reading" button. An accordion's closed panel
 * (`panels`) holds its answer in a paragraph or two, and counts with one.
 */
function articleBoxes(body: Element, panels: ReadonlySet<Element>): Set<Element> {
  const page = proseIn(body).words;
  const candidates = Array.from(body.querySelectorAll('[class], [id], [hidden], [aria-hidden="true"], [style]')).filter((el) => {
    if (!FURNITURE_WORDS.test(nameWords(el)) && !isHidden(el)) return false;
    const words = wordCount(normalizeSpace(el.textContent ?? ''));
    const linkWords = Array.from(el.querySelectorAll('a')).reduce((n, a) => n + wordCount(normalizeSpace(a.textContent ?? '')), 0);
    const prose = proseIn(el);
    return linkWords * 2 < words && (prose.paragraphs >= 3 || (prose.paragraphs > 0 && (prose.words * 3 >= page || panels.has(el))));
  });
  const root = proseRoot(body, new Set(candidates));
  return new Set(candidates.filter((el) => proseIn(el).words * 2 > page || root.contains(el)));
}

/**
 * The closed panels of an accordion: hidden boxes that a control opens — named by its
 * aria-controls, or set right after a button or an aria-expanded toggle. Read before the
 * buttons go with the page's forms.
 */
function accordionPanels(document: Document): Set<Element> {
  const controlled = new Set(
    Array.from(document.querySelectorAll('[aria-controls]')).flatMap((el) => (el.getAttribute('aria-controls') ?? '').split(/\s+/).filter(Boolean)),
  );
  // the sibling before is the toggle: a button, or what says whether it is expanded (a heading
  // around one); a box of other buttons ("Copy link") is not, and its hidden message stays hidden
  const toggle = (el: Element | null) => Boolean(el && (el.tagName === 'BUTTON' || el.hasAttribute('aria-expanded') || el.querySelector('[aria-expanded]')));
  return new Set(
    Array.from(document.querySelectorAll('[hidden], [aria-hidden="true"], [style]')).filter(
      (el) => isHidden(el) && ((el.id && controlled.has(el.id)) || toggle(el.previousElementSibling)),
    ),
  );
}

/** Hidden from the reader until something is clicked, or from screen readers. */
const isHidden = (el: Element) =>
  el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || /(?:^|;)\s*display\s*:\s*none/i.test(el.getAttribute('style') ?? '');

/** Whether a hidden box's running prose is printed elsewhere on the page too (a copy for print or a modal): then it is not the article's. */
function printedElsewhere(box: Element, pageText: () => string): boolean {
  const first = blocksOf(box).find((b) => b.kind === 'paragraph' && isProse(b.text));
  if (!first) return false;
  const page = pageText();
  const at = page.indexOf(first.text);
  return at >= 0 && page.indexOf(first.text, at + 1) >= 0;
}

/**
 * A page that builds its article with JavaScript may save it only in its <noscript> fallback,
 * with an empty app shell around it. A <noscript> holding running prose (two paragraphs or
 * more), and more of it than the rest of the page, is that article: it is unwrapped rather than
 * left out with the other <noscript>s (a tracking pixel, a "please enable JavaScript" line).
 * Where the page holds the article too, the fallback is a copy and goes.
 */
function unwrapNoscriptArticle(body: Element): boolean {
  const fallbacks = Array.from(body.querySelectorAll('noscript'));
  const outside = proseIn(body, new Set(fallbacks)).words;
  let unwrapped = false;
  for (const fallback of fallbacks) {
    const prose = proseIn(fallback);
    if (!fallback.isConnected || prose.paragraphs < 2 || prose.words <= outside) continue;
    fallback.replaceWith(...Array.from(fallback.childNodes));
    unwrapped = true;
  }
  return unwrapped;
}

/** Where a page prints its byline. */
const BYLINE_SELECTOR = '[rel="author"], [itemprop="author"], .byline, .author-name, [class*="byline"]';

/**
 * Whether the description is printed above the byline, with no running prose between them:
 * the standfirst of a header (headline, standfirst, byline), which Readability often takes into
 * the article. The article's lead comes after the byline — or, when the byline closes the
 * article, has the rest of the body between it and the byline.
 */
function printedAboveByline(document: Document, description: string): boolean {
  const byline = document.querySelector(BYLINE_SELECTOR);
  if (!byline) return false;
  const printed = Array.from(document.querySelectorAll('p, div, h2, h3, h4, span')).filter(
    (el) => normalizeSpace(el.textContent ?? '') === description && !el.contains(byline),
  );
  const standfirst = printed.at(-1); // the innermost
  if (!standfirst || !(standfirst.compareDocumentPosition(byline) & 4)) return false;
  const between = Array.from(document.querySelectorAll('p, li, blockquote')).filter(
    (el) => standfirst.compareDocumentPosition(el) & 4 && el.compareDocumentPosition(byline) & 4 && !standfirst.contains(el),
  );
  return !between.some((el) => isProse(normalizeSpace(textOf(el))));
}

/** The fewest words an article must have for a page to count as holding one. */
export const MIN_ARTICLE_WORDS = 40;

export function extractHtml(html: string, where: string): Extracted {
  const { document } = parseHTML(html);
  const { meta: metadata, organizationAuthors } = readMetadata(document);
  const dropped: Dropped[] = [];
  // A description is the standfirst only when the page prints it (many are written for search engines).
  if (metadata.standfirst) {
    const printed = normalizeSpace(document.body?.textContent ?? '').includes(metadata.standfirst.value);
    if (printed) metadata.standfirst = { ...metadata.standfirst, from: `${metadata.standfirst.from}, printed on the page` };
    else delete metadata.standfirst;
  }

  const standfirstAboveByline = metadata.standfirst ? printedAboveByline(document, metadata.standfirst.value) : false;

  // The byline element is read before it goes (its text is not body text).
  if (!metadata.authors) {
    const byline = document.querySelector(BYLINE_SELECTOR);
    const names = bylineNames(byline?.textContent ?? '');
    if (names.length) metadata.authors = { value: names, status: 'verified', from: 'the byline on the page' };
  }

  const panels = accordionPanels(document);
  removeNoteBacklinks(document);
  writeOutNoteReferences(document);
  unwrapTextFigures(document);
  liftEmbeddedPosts(document);
  keepNoteAsides(document);
  writeOutInlineQuotes(document);
  unwrapHeadingButtons(document);
  keepQuotationFooters(document);
  const fromNoscript = document.body ? unwrapNoscriptArticle(document.body) : false;
  for (const [selector, reason] of NEVER_TEXT) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (!el.isConnected) continue; // inside something already left out
      const text = spacedText(el);
      if (reason && text) dropped.push({ reason, text });
      el.remove();
    }
  }
  const keptBoxes = document.body ? articleBoxes(document.body, panels) : new Set<Element>();
  // the page's words, read once for all the hidden boxes (an FAQ may hold thousands of panels)
  let page: string | undefined;
  const pageText = () => (page ??= normalizeSpace(document.body?.textContent ?? ''));
  for (const box of keptBoxes) {
    // The rest of the article, hidden until "Continue reading", is shown, so that Readability reads it.
    if (isHidden(box) && !printedElsewhere(box, pageText)) for (const attribute of HIDING_ATTRIBUTES) box.removeAttribute(attribute);
  }
  for (const el of Array.from(document.querySelectorAll('[class], [id], [hidden], [aria-hidden="true"]'))) {
    if (!el.isConnected) continue;
    const words = nameWords(el);
    const hidden = el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
    const match = FURNITURE_WORDS.exec(words) ?? (CAPTION_WORDS.test(words) && proseIn(el).paragraphs === 0 ? CAPTION_WORDS.exec(words) : null);
    if (!match && !hidden) continue;
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    if (!hidden && keptBoxes.has(el)) continue;
    const text = spacedText(el);
    if (text) dropped.push({ reason: hidden ? 'hidden element' : `"${match![1]!.toLowerCase()}" box`, text });
    el.remove();
  }
  numberOrderedLists(document);
  unwrapSectionHeaders(document);

  // What is left before Readability chooses, so that what it leaves out can be listed too.
  const before = document.body ? blocksOf(document.body) : [];
  const article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${article?.content ?? ''}</body></html>`);
  const blocks = blocksOf(articleDoc.body);
  // Compared with the whitespace normalised: Readability splits "one<br><br>two" into two paragraphs.
  const kept = normalizeSpace(blocks.map((b) => b.text).join(' '));
  for (const block of before) if (!kept.includes(normalizeSpace(block.text))) dropped.push({ reason: 'outside the article (Readability)', text: block.text });
  const words = blocks.reduce((n, b) => n + b.text.split(' ').length, 0);
  if (!article || words < MIN_ARTICLE_WORDS) {
    throw new NormalizeError(
      where,
      `no article found in the page (${words} words of text outside navigation, forms and page furniture). Save the page once the article has loaded ("Save page as… Web page, complete"), or copy its text into a .txt file and add that.`,
    );
  }
  if (!metadata.authors && article.byline) {
    const names = bylineNames(article.byline);
    if (names.length) metadata.authors = { value: names, status: 'verified', from: 'the byline on the page' };
  }
  if (!metadata.authors && organizationAuthors) metadata.authors = organizationAuthors;
  const notes = [`Readability found ${blocks.length} blocks`];
  if (fromNoscript) notes.push('the article is in the page\'s <noscript> fallback (the page builds it with JavaScript): read from there');
  // Many pages give their first paragraph as their description: that is the article's lead,
  // which must stay a passage, not a standfirst (the standfirst rule would take it out) —
  // unless it is printed above the byline, as a standfirst is.
  const lead = blocks.find((block) => block.kind === 'paragraph');
  if (metadata.standfirst && !standfirstAboveByline && lead && normalizeSpace(lead.text).startsWith(normalizeSpace(metadata.standfirst.value).replace(/(?:…|\.\.\.)$/, ''))) {
    notes.push(`the page's description is its first paragraph (${metadata.standfirst.from}): kept as text, not taken for a standfirst`);
    delete metadata.standfirst;
  }
  return { blocks, metadata, dropped, notes };
}
