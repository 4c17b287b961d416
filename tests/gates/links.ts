/**
 * The link check: every internal reference in the built site — `href`, `src`, `srcset`,
 * form `action`, `data-permalink`, CSS `url()` — must resolve to a file of the site, and
 * every `#fragment` in it to an element with that id in the target page.
 *
 * Works on the files in dist/ alone (no server): a site path resolves the way a static
 * host serves it ("/a/" → a/index.html). Absolute URLs count as internal when they are on
 * the site's own origin (read from the home page's canonical link).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { listFiles, sitePathOf } from './site';

export interface LinkReference {
  /** Site path of the page (or stylesheet) holding the reference. */
  from: string;
  /** The reference as written. */
  href: string;
  /** Where it was found, e.g. `<a class="passage-permalink">` or `url()`. */
  where: string;
}

export interface BrokenLink extends LinkReference {
  reason: string;
}

export interface LinkReport {
  /** Internal references checked. */
  checked: number;
  broken: BrokenLink[];
}

const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'dataPermalink'],
  area: ['href'],
  link: ['href'],
  form: ['action'],
  script: ['src'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
};
/** `data-permalink` is the passage tools' contract (see the README), on whatever element carries it. */
const ANY_ELEMENT_ATTRIBUTES = ['dataPermalink'];

const BASE = 'http://site.invalid';
const parser = rehype();

interface ParsedPage {
  ids: Set<string>;
  refs: LinkReference[];
}

function describe(node: Element): string {
  const cls = node.properties.className;
  const classes = Array.isArray(cls) && cls.length ? ` class="${cls.join(' ')}"` : '';
  const id = node.properties.id ? ` id="${String(node.properties.id)}"` : '';
  return `<${node.tagName}${id}${classes}>`;
}

function parsePage(path: string, html: string): ParsedPage {
  const tree = parser.parse(html) as Root;
  const ids = new Set<string>();
  const refs: LinkReference[] = [];
  visit(tree, 'element', (node: Element) => {
    const { id, name } = node.properties;
    if (id !== undefined) ids.add(String(id));
    if (node.tagName === 'a' && name !== undefined) ids.add(String(name));
    const attributes = new Set([...(LINK_ATTRIBUTES[node.tagName] ?? []), ...ANY_ELEMENT_ATTRIBUTES]);
    for (const attribute of attributes) {
      const value = node.properties[attribute];
      if (value === undefined || value === null || value === false) continue;
      const hrefs = attribute === 'srcSet' ? srcsetUrls(value) : [String(value)];
      for (const href of hrefs) refs.push({ from: path, href, where: describe(node) });
    }
  });
  return { ids, refs };
}

function srcsetUrls(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return text
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function cssReferences(path: string, css: string): LinkReference[] {
  const refs: LinkReference[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    refs.push({ from: path, href: match[2]!, where: 'url()' });
  }
  return refs;
}

/** The origin the site calls its own: the home page's canonical link, if it has one. */
function siteOrigin(dist: string): string | null {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  const tree = parser.parse(home) as Root;
  let origin: string | null = null;
  visit(tree, 'element', (node: Element) => {
    const rel = node.properties.rel;
    if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('canonical') && node.properties.href) {
      origin = new URL(String(node.properties.href)).origin;
    }
  });
  return origin;
}

/** Checks every internal reference of the site built in `dist`. */
export function checkLinks(dist: string): LinkReport {
  const files = new Set(listFiles(dist));
  const origin = siteOrigin(dist);
  const pages = new Map<string, ParsedPage>();
  const refs: LinkReference[] = [];

  for (const file of files) {
    if (file.endsWith('.html')) {
      const page = parsePage(sitePathOf(file), readFileSync(join(dist, file), 'utf8'));
      pages.set(file, page);
      refs.push(...page.refs);
    } else if (file.endsWith('.css')) {
      refs.push(...cssReferences(`/${file}`, readFileSync(join(dist, file), 'utf8')));
    }
  }

  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const ref of refs) {
    const result = resolveReference(ref, { files, pages, origin });
    if (result === 'external') continue;
    checked++;
    if (result !== 'ok') broken.push({ ...ref, reason: result });
  }
  return { checked, broken };
}

interface SiteIndex {
  files: Set<string>;
  pages: Map<string, ParsedPage>;
  origin: string | null;
}

/** 'ok', 'external', or why the reference does not resolve. */
function resolveReference(ref: LinkReference, site: SiteIndex): string {
  const href = ref.href.trim();
  if (href === '') return 'empty reference';
  let url: URL;
  try {
    url = new URL(href, BASE + ref.from);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'external';
  if (url.origin !== BASE) {
    if (url.origin !== site.origin) return 'external';
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return `the path ${url.pathname} is not valid percent-encoding`;
  }
  const file = targetFile(pathname, site.files);
  if (!file) {
    if (site.files.has(`${pathname.slice(1)}/index.html`)) {
      return `no trailing slash: ${pathname} only exists as ${pathname}/ (the site uses trailingSlash: 'always')`;
    }
    return `no file for ${pathname} in the built site`;
  }

  const fragment = fragmentOf(url.hash);
  if (fragment === null) return 'ok';
  const page = site.pages.get(file);
  if (!page) return `#${fragment} points into ${file}, which is not an HTML page`;
  if (page.ids.has(fragment) || fragment === 'top') return 'ok';
  return `no element with id="${fragment}" in ${sitePathOf(file)}`;
}

function targetFile(pathname: string, files: Set<string>): string | null {
  const rel = pathname.slice(1);
  if (rel === '' || rel.endsWith('/')) {
    const index = `${rel}index.html`;
    return files.has(index) ? index : null;
  }
  return files.has(rel) ? rel : null;
}

/** The element id a hash names, or null for none ("", "#", or a bare text directive). */
function fragmentOf(hash: string): string | null {
  if (!hash || hash === '#') return null;
  // A text fragment (#id:~:text=…) names an element before the directive, if anything.
  const id = hash.slice(1).split(':~:')[0]!;
  if (!id) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/**
 * A readable report: broken references grouped by why they are broken (one missing page is
 * usually linked from many places), most frequent first, each with a few of its places.
 */
export function summarizeBrokenLinks(broken: BrokenLink[], examples = 3): string {
  const groups = new Map<string, BrokenLink[]>();
  for (const link of broken) groups.set(link.reason, [...(groups.get(link.reason) ?? []), link]);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([reason, links]) => {
      const pages = new Set(links.map((l) => l.from)).size;
      const distinct = [...new Map(links.map((l) => [l.from, l])).values()];
      const places = distinct.slice(0, examples).map((l) => `    ${l.from}  ${l.where}  ${l.href}`);
      const more = links.length > places.length ? [`    … and ${links.length - places.length} more`] : [];
      return [`  ${reason}  (${links.length}× from ${pages} page${pages === 1 ? '' : 's'})`, ...places, ...more].join('\n');
    })
    .join('\n');
}
