/**
 * Compares the computed style of every element (and its ::before/::after) between two builds
 * of the site, page by page, in light, dark, narrow (360 px), medium and print rendering: the
 * check that a stylesheet refactor changed where rules live, not what the reader sees.
 *
 *   npx tsx scripts/style-diff.ts --before /tmp/dist-main --after dist [--port 4401] [path…]
 *
 * Prints each difference once per (page, rendering, property, values, element), with how many
 * elements show it, and exits 1 when there is any. Hover and focus states are not covered.
 * With `--screenshots DIR`, also takes a full-page screenshot of each page in both builds, saves
 * the new one (to look at) and the old one too when their pixels differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchOptions } from '../tests/browser';
import { serveDist } from './lib/static-server';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    before: { type: 'string' },
    after: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4401' },
    renderings: { type: 'string', default: 'light,dark,medium,narrow,print' },
    screenshots: { type: 'string' },
  },
});
if (!values.before) {
  console.error('style-diff: give the build to compare against, e.g. --before /tmp/dist-main');
  process.exit(2);
}

const PAGES = positionals.length
  ? positionals
  : [
      '/',
      '/articles/cnn-isis-2-0/',
      '/articles/cnn-isis-2-0/#cnn-e134f7',
      '/search/',
      '/search/?q=mosul',
      '/themes/',
      '/themes/foreign-fighters/',
      '/entities/',
      '/entities/abu-bakr-al-baghdadi/',
      '/compare/',
      '/compare/cnn-isis-2-0--bbc-returning-fighters/',
      '/figures/',
      '/notebook/',
      '/404.html',
    ];

interface Rendering {
  name: string;
  width: number;
  dark?: boolean;
  print?: boolean;
}
const RENDERINGS: Rendering[] = [
  { name: 'light', width: 1280 },
  { name: 'dark', width: 1280, dark: true },
  { name: 'medium', width: 900 },
  { name: 'narrow', width: 360 },
  { name: 'print', width: 1280, print: true },
].filter((r) => values.renderings!.split(',').includes(r.name));

/** Element key → "class list" and property → value, for the element and its pseudo-elements. */
type Snapshot = Record<string, { cls: string; style: Record<string, string> }>;

// Plain JavaScript, sent as text (tsx would wrap named functions in a helper the page lacks).
// Styles are sent once each, as one string, and elements point at them: pages repeat styles a lot.
const SNAPSHOT = `(() => {
  const props = [...getComputedStyle(document.body)];
  const table = new Map();
  const keys = [];
  const refs = [];
  const classes = [];
  const keyOf = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      const parent = node.parentElement;
      const index = [...parent.children].filter((c) => c.tagName === node.tagName).indexOf(node);
      parts.unshift(node.tagName.toLowerCase() + (index ? '[' + index + ']' : ''));
    }
    return parts.join('>');
  };
  const add = (key, cls, cs) => {
    const text = props.map((p) => cs.getPropertyValue(p)).join('\u0001');
    if (!table.has(text)) table.set(text, table.size);
    keys.push(key);
    classes.push(cls);
    refs.push(table.get(text));
  };
  for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
    const key = keyOf(el);
    const cls = el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '');
    add(key, cls, getComputedStyle(el));
    for (const pseudo of ['::before', '::after']) {
      const cs = getComputedStyle(el, pseudo);
      if (cs.content !== 'none' && cs.content !== 'normal') add(key + pseudo, cls + pseudo, cs);
    }
  }
  return { props, keys, classes, refs, styles: [...table.keys()] };
})()`;

interface Raw {
  props: string[];
  keys: string[];
  classes: string[];
  refs: number[];
  styles: string[];
}

async function snapshot(page: Page): Promise<Snapshot> {
  const raw = (await page.evaluate(SNAPSHOT)) as Raw;
  const styles = raw.styles.map((text) => {
    const values = text.split('\u0001');
    return Object.fromEntries(raw.props.map((p, i) => [p, values[i]!]));
  });
  return Object.fromEntries(raw.keys.map((key, i) => [key, { cls: raw.classes[i]!, style: styles[raw.refs[i]!]! }]));
}

async function load(page: Page, url: string): Promise<Snapshot> {
  await page.goto(url, { waitUntil: 'load' });
  // A search page with a query: its results come from Pagefind, after the load.
  if (new URL(url).searchParams.has('q')) await page.locator('.search-result').first().waitFor({ timeout: 20_000 });
  // Custom elements upgrade, arrival marks settle; both builds wait the same.
  await page.waitForTimeout(new URL(url).hash ? 2600 : 400);
  return snapshot(page);
}

async function pageFor(browser: Browser, rendering: Rendering): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: rendering.width, height: 900 },
    colorScheme: rendering.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  if (rendering.print) await page.emulateMedia({ media: 'print' });
  return page;
}

const before = await serveDist(Number(values.port), values.before);
const after = await serveDist(Number(values.port) + 100, values.after);
const browser = await chromium.launch(launchOptions());
let differences = 0;
try {
  for (const rendering of RENDERINGS) {
    const pageA = await pageFor(browser, rendering);
    const pageB = await pageFor(browser, rendering);
    for (const path of PAGES) {
      const a = await load(pageA, new URL(path, before.url).href);
      const b = await load(pageB, new URL(path, after.url).href);
      const grouped = new Map<string, { count: number; example: string }>();
      const note = (what: string, key: string) => {
        const seen = grouped.get(what);
        if (seen) seen.count++;
        else grouped.set(what, { count: 1, example: key });
      };
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const x = a[key];
        const y = b[key];
        if (!x || !y) {
          note(`${x ? 'only before' : 'only after'}: ${(x ?? y)!.cls}`, key);
          continue;
        }
        for (const prop of new Set([...Object.keys(x.style), ...Object.keys(y.style)])) {
          if (x.style[prop] !== y.style[prop]) note(`${x.cls} ${prop}: ${x.style[prop]} → ${y.style[prop]}`, key);
        }
      }
      if (values.screenshots) {
        const name = `${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${rendering.name}`;
        const [shotA, shotB] = [await pageA.screenshot({ fullPage: true }), await pageB.screenshot({ fullPage: true })];
        mkdirSync(values.screenshots, { recursive: true });
        writeFileSync(join(values.screenshots, `${name}.png`), shotB);
        if (!shotA.equals(shotB)) {
          writeFileSync(join(values.screenshots, `${name}.before.png`), shotA);
          note('screenshot: the pixels differ', `${name}.png`);
        }
      }
      console.log(`${path} [${rendering.name}]: ${Object.keys(a).length} elements, ${grouped.size} differences`);
      for (const [what, { count, example }] of grouped) console.log(`  ${what}  (×${count}, e.g. ${example})`);
      differences += grouped.size;
    }
    await pageA.context().close();
    await pageB.context().close();
  }
} finally {
  await browser.close();
  await before.close();
  await after.close();
}
process.exit(differences ? 1 : 0);
