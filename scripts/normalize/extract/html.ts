/**
 * A saved web page → the article's blocks and the page's own metadata.
 *
 * Metadata is read first, from the page as saved: schema.org JSON-LD (NewsArticle,
 * Article, BlogPosting, Report…), Open Graph and `article:*` tags, other `<meta>` tags,
 * `<link rel=canonical>`, `<title>`. Then what is never article text is taken out of the
 * page (scripts, navigation, asides, forms, figures and their captions, related/share/
 * newsletter/ad boxes — each listed in `dropped`), Mozilla's Readability finds the
 * article, and its HTML is walked into headings and paragraphs.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { NormalizeError } from '../errors.ts';
import { normalizeSpace } from '../text.ts';
import { parseDate } from './dates.ts';
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
  /(?:^|[\s_-])(related|recirc|newsletter|newsletters|signup|share|sharing|social|promo|promotion|advert|advertisement|ads?|ad-slot|sponsor|sponsored|subscribe|subscription|paywall|cookie|cookies|consent|comments?|breadcrumbs?|tags|topics|author-bio|bio|read-more|readmore|more-on|recommended|outbrain|taboola|most-read|popular|toolbar|print)(?:$|[\s_-])/i;

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

function readMetadata(document: Document): SourceMetadata {
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

  const article = jsonLdObjects(document).find((o) => asArray(o['@type'] as string | string[]).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)));
  if (article) {
    const type = asArray(article['@type'] as string | string[]).find((t) => ARTICLE_TYPES.test(t))!;
    const headline = str(article.headline) ?? str(article.name);
    if (headline) meta.headline = found(headline, `JSON-LD ${type}.headline`);
    const authors = asArray(article.author as unknown).map(personName).filter((n): n is string => Boolean(n));
    if (authors.length) meta.authors = found(authors, `JSON-LD ${type}.author`);
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
    if (m && !/^https?:\/\//.test(m[1])) meta.authors = found(m[1].replace(/^By\s+/i, '').split(/\s*(?:,|;| and | & )\s*/).filter(Boolean), tag(m[0]));
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
  if (!meta.headline) {
    const title = str(document.querySelector('title')?.textContent);
    // "Headline | Outlet": the part before the last separator, a guess.
    if (title) meta.headline = found(title.replace(/\s+[|–—-]\s+[^|–—-]{1,40}$/, ''), '<title>', 'inferred');
  }
  return meta;
}

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'DIV', 'SECTION', 'ARTICLE', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'HEADER', 'MAIN', 'HR', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'DETAILS', 'SUMMARY']);

/** Readability's article HTML → headings and paragraphs, in order. */
function blocksOf(root: Element): Block[] {
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
      if (!BLOCK.has(el.tagName)) {
        if (el.tagName === 'BR') inline += ' ';
        else inline += el.textContent ?? '';
        continue;
      }
      flush();
      if (/^H[1-6]$/.test(el.tagName)) {
        const text = normalizeSpace(el.textContent ?? '');
        if (text) blocks.push({ kind: 'heading', text });
      } else if (el.tagName === 'P' || el.tagName === 'PRE' || el.tagName === 'DT' || el.tagName === 'DD' || el.tagName === 'TR') {
        const text = normalizeSpace(el.tagName === 'TR' ? Array.from(el.children).map((c) => c.textContent ?? '').join(' | ') : (el.textContent ?? ''));
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

/** The fewest words an article must have for a page to count as holding one. */
export const MIN_ARTICLE_WORDS = 40;

export function extractHtml(html: string, where: string): Extracted {
  const { document } = parseHTML(html);
  const metadata = readMetadata(document);
  const dropped: Dropped[] = [];
  // A description is the standfirst only when the page prints it (many are written for search engines).
  if (metadata.standfirst) {
    const printed = normalizeSpace(document.body?.textContent ?? '').includes(metadata.standfirst.value);
    if (printed) metadata.standfirst = { ...metadata.standfirst, from: `${metadata.standfirst.from}, printed on the page` };
    else delete metadata.standfirst;
  }

  // The byline element is read before it goes (its text is not body text).
  if (!metadata.authors) {
    const byline = document.querySelector('[rel="author"], [itemprop="author"], .byline, .author-name, [class*="byline"]');
    const names = str(byline?.textContent)?.replace(/^By\s+/i, '').split(/\s*(?:,| and | & )\s*/).filter((n) => n && n.split(' ').length <= 5);
    if (names?.length) metadata.authors = { value: names, status: 'verified', from: 'the byline on the page' };
  }

  for (const [selector, reason] of NEVER_TEXT) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      if (!el.isConnected) continue; // inside something already left out
      const text = spacedText(el);
      if (reason && text) dropped.push({ reason, text });
      el.remove();
    }
  }
  for (const el of Array.from(document.querySelectorAll('[class], [id], [hidden], [aria-hidden="true"]'))) {
    if (!el.isConnected) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const hidden = el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
    const match = FURNITURE_WORDS.exec(words);
    if (!match && !hidden) continue;
    if (el.tagName === 'BODY' || el.tagName === 'HTML' || el.tagName === 'ARTICLE' || el.tagName === 'MAIN') continue;
    const text = spacedText(el);
    if (text) dropped.push({ reason: hidden ? 'hidden element' : `"${match![1]!.toLowerCase()}" box`, text });
    el.remove();
  }

  // What is left before Readability chooses, so that what it leaves out can be listed too.
  const before = document.body ? blocksOf(document.body) : [];
  const article = new Readability(document as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${article?.content ?? ''}</body></html>`);
  const blocks = blocksOf(articleDoc.body);
  const kept = blocks.map((b) => b.text).join('\n');
  for (const block of before) if (!kept.includes(block.text)) dropped.push({ reason: 'outside the article (Readability)', text: block.text });
  const words = blocks.reduce((n, b) => n + b.text.split(' ').length, 0);
  if (!article || words < MIN_ARTICLE_WORDS) {
    throw new NormalizeError(
      where,
      `no article found in the page (${words} words of text outside navigation, forms and page furniture). Save the page once the article has loaded ("Save page as… Web page, complete"), or copy its text into a .txt file and add that.`,
    );
  }
  if (!metadata.authors && article.byline) {
    const names = normalizeSpace(article.byline).replace(/^By\s+/i, '').split(/\s*(?:,| and | & )\s*/).filter(Boolean);
    if (names.length && names.every((n) => n.split(' ').length <= 5)) metadata.authors = { value: names, status: 'verified', from: 'the byline on the page' };
  }
  return { blocks, metadata, dropped, notes: [`Readability found ${blocks.length} blocks`] };
}
