/**
 * The stylesheets' cascade does not depend on the order Astro links them in (src/client/README.md,
 * "Styles"): global rules are in the layer "base", shared building blocks in "shared", and every
 * layered file declares that order first, since whichever file a page links first sets it.
 */
import { globSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

const ORDER = '@layer base, shared;';
const sheets = globSync('src/styles/*.css').sort();
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '').trim();

/** The top-level statements and blocks of a stylesheet, as text (comments removed). */
function topLevel(css: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const text = withoutComments(css);
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      parts.push(text.slice(start, i + 1).trim());
      start = i + 1;
    } else if (c === ';' && depth === 0) {
      parts.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  return parts.filter(Boolean);
}

describe('stylesheets', () => {
  it('should declare the layer order first in every stylesheet that uses a layer', () => {
    const layered = sheets.filter((file) => readFileSync(file, 'utf8').includes('@layer'));
    expect(layered.map((f) => basename(f))).toContain('global.css');
    for (const file of layered) expect(topLevel(readFileSync(file, 'utf8'))[0], file).toBe(ORDER);
  });

  it('should keep every rule of global.css in the layer "base"', () => {
    const [order, ...rest] = topLevel(readFileSync('src/styles/global.css', 'utf8'));
    expect(order).toBe(ORDER);
    expect(rest.map((block) => block.slice(0, block.indexOf('{')).trim())).toEqual(['@layer base']);
  });

  it('should import each stylesheet from a page or a component, and only global.css from the layout', () => {
    const sources = globSync('src/{pages,components,layouts}/**/*.astro').map((file) => ({ file, text: readFileSync(file, 'utf8') }));
    const importers = (sheet: string) =>
      sources.filter(({ text }) => new RegExp(`import '[./]*/styles/${sheet.replace('.', '\\.')}'`).test(text)).map((s) => s.file);
    for (const sheet of sheets.map((f) => basename(f))) {
      expect(importers(sheet), `${sheet} is imported nowhere`).not.toEqual([]);
      if (sheet !== 'global.css') expect(importers(sheet), sheet).not.toContain('src/layouts/Base.astro');
    }
    expect(importers('global.css')).toEqual(['src/layouts/Base.astro']);
  });
});
