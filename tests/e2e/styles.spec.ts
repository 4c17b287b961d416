/**
 * Stylesheets are split by page region (src/client/README.md, "Styles"), so a region's rules
 * must stay in their region: the frame every page shares (site header and footer) is styled
 * the same on one page of every type, wide and narrow, as on the home page. (The compare
 * view's bare `kbd` rule once restyled the header's "/" key on the compare pages.)
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { builtPages } from '../gates/site';

/** The first page of every type that has the frame (share pages have none). */
const framed = new Map<string, string>();
for (const { type, path, file } of builtPages()) {
  if (!framed.has(type) && readFileSync(file, 'utf8').includes('class="site-header"')) framed.set(type, path);
}

/** Sizes the layout resolves (they follow the page's scrollbar, not its stylesheets). */
const RESOLVED = new Set(['width', 'height', 'inline-size', 'block-size', 'perspective-origin', 'transform-origin']);

/** Every computed style of the header, the footer and what they hold, in document order. */
async function frameStyles(page: Page): Promise<{ element: string; style: Record<string, string> }[]> {
  return page.evaluate(() => {
    // The current section's link is marked on purpose; compare the frame as if none were.
    for (const link of document.querySelectorAll('.site-header [aria-current]')) link.removeAttribute('aria-current');
    const elements = document.querySelectorAll('.site-header, .site-header *, .site-footer, .site-footer *');
    return [...elements].map((el) => {
      const cs = getComputedStyle(el);
      const style: Record<string, string> = {};
      for (const name of cs) style[name] = cs.getPropertyValue(name);
      return { element: `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}`, style };
    });
  });
}

for (const width of [1280, 360]) {
  test(`the site header and footer look the same on every page type at ${width} px`, async ({ page }) => {
    // One page of every type in one test: its time grows with the number of types.
    test.setTimeout(framed.size * 10_000);
    expect(framed.size).toBeGreaterThan(5);
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const home = await frameStyles(page);
    const differences: string[] = [];
    for (const [type, path] of framed) {
      await page.goto(path);
      const here = await frameStyles(page);
      expect(here.map((e) => e.element), `${path}: the frame's elements`).toEqual(home.map((e) => e.element));
      here.forEach(({ element, style }, i) => {
        for (const [name, value] of Object.entries(style)) {
          // Custom properties a page defines (annotations.css's highlight colours) only inherit.
          if (!RESOLVED.has(name) && !name.startsWith('--') && value !== home[i]!.style[name]) {
            differences.push(`${type} ${path}: ${element} ${name} is ${value}, ${home[i]!.style[name]} on the home page`);
          }
        }
      });
    }
    expect(differences).toEqual([]);
  });
}
