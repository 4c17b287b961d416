/**
 * ThemeColumns: a theme page's sources stand side by side on a wide screen only while the
 * columns can hold a line of text; a page of more sources is stacked, with its jump links.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ThemeColumns from '../../../src/components/ThemeColumns.astro';
import { THEME_SIDE_BY_SIDE_MAX } from '../../../src/corpus/site';
import type { ThemePage } from '../../../src/corpus/views/theme';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function pageOf(sources: number): ThemePage {
  const theme = { id: 'exodus', label: 'Exodus', description: 'Leaving.', color: '#336699' } as unknown as ThemePage['theme'];
  const columns = Array.from({ length: sources }, (_, i) => ({
    source: { slug: `s${i}`, outlet: `Outlet ${i}`, headline: `Headline ${i}`, url: `/articles/s${i}/`, anchor: `source-s${i}` },
    date: { text: `${i + 1} March 2017`, iso: `2017-03-${String(i + 1).padStart(2, '0')}` },
    passages: [{ id: `s${i}-00aa1${i % 10}`, url: `/articles/s${i}/#s${i}-00aa1${i % 10}`, section: null, text: `Words of source ${i}.`, otherThemes: [] }],
  }));
  return {
    theme,
    total: sources,
    sources,
    speaking: sources,
    silent: { named: [], count: 0 },
    unread: { named: [], count: 0 },
    columns,
    apart: null,
    years: [],
    layout: { perPage: sources, sources, apart: [] },
    otherThemes: [],
    paging: { page: 1, pages: 1, first: 1, last: sources, total: sources } as unknown as ThemePage['paging'],
  };
}

const layouts = (html: string) => [...html.matchAll(/class="theme-(?:jump|columns)"[^>]*data-layout="([^"]+)"/g)].map((m) => m[1]);

describe('ThemeColumns', () => {
  it('should set a page of up to THEME_SIDE_BY_SIDE_MAX sources side by side', async () => {
    for (const sources of [1, THEME_SIDE_BY_SIDE_MAX]) {
      const html = await container.renderToString(ThemeColumns, { props: { page: pageOf(sources) } });
      expect(layouts(html)).toEqual(['side-by-side', 'side-by-side']);
      expect(html.match(/class="theme-column"/g)).toHaveLength(sources);
    }
  });

  it('should name each column by its outlet, headline and date, so that two articles of one outlet are told apart', async () => {
    const page = pageOf(3);
    page.columns[2]!.source.outlet = page.columns[1]!.source.outlet;
    page.columns[2]!.source.headline = page.columns[1]!.source.headline; // a live page saved twice
    const html = await container.renderToString(ThemeColumns, { props: { page } });
    for (const match of html.matchAll(/<section[^>]*aria-labelledby="([^"]+)"/g)) {
      const ids = match[1]!.split(' ');
      expect(ids).toHaveLength(3);
      for (const id of ids) expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/id="source-s2-headline"[^>]*>Headline 1</);
    expect(html).toMatch(/<time id="source-s2-date" datetime="2017-03-03">\s*3 March 2017\s*<\/time>/);
    // the jump links say which is which by date where an outlet has two; the others need not
    const jumps = [...html.matchAll(/<a href="#source-s\d"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());
    expect(jumps).toEqual(['Outlet 0 1', 'Outlet 1 (2 March 2017) 1', 'Outlet 1 (3 March 2017) 1']);
  });

  it('should stack a page of more sources, every one of them still there', async () => {
    const sources = THEME_SIDE_BY_SIDE_MAX + 1;
    const html = await container.renderToString(ThemeColumns, { props: { page: pageOf(sources) } });
    expect(layouts(html)).toEqual(['stacked', 'stacked']);
    expect(html.match(/class="theme-column"/g)).toHaveLength(sources);
    expect(html.match(/<a href="#source-s\d+"/g)).toHaveLength(sources);
  });
});
