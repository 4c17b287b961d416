/**
 * The page views (src/corpus/views/), on the real corpus: the model is built by getCorpus()
 * from content/articles/ (read by src/corpus/parse.ts, as in the build). Expected values are
 * computed from the corpus, never typed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readThemes } from '../../src/corpus/analysis-data';
import { dossierJsonSchema } from '../../src/corpus/dossier-json';
import { getCorpus, passageUrl, themeUrl, type Corpus } from '../../src/corpus/model';
import * as article from '../../src/corpus/views/article';
import * as data from '../../src/corpus/views/data';
import * as entity from '../../src/corpus/views/entity';
import * as figures from '../../src/corpus/views/figures';
import * as home from '../../src/corpus/views/home';
import * as search from '../../src/corpus/views/search';
import * as sources from '../../src/corpus/views/sources';
import * as theme from '../../src/corpus/views/theme';
import { compileSchema } from '../json-schema';
import { RAIL_PASSAGES_PER_THEME } from '../../src/corpus/site';
import { compareUrl, mentionPageOf } from '../../src/contract/routes';
import { MAX_SOURCES } from '../../src/client/compare/selection';

const views = { ...article, ...data, ...entity, ...figures, ...home, ...search, ...sources, ...theme };

let corpus: Corpus;
// The whole build's analysis runs here (names found afresh when the cache is cold): slow on a busy machine.
beforeAll(async () => {
  corpus = await getCorpus();
}, 120_000);

/** A paginated view's pages joined into one (what the reader sees going through them all). */
const themePage = (id: string) => {
  const pages = views.themePages(corpus, id);
  return { ...pages[0]!, columns: pages.flatMap((p) => p.columns) };
};
const entityPage = (id: string) => {
  const pages = views.entityPages(corpus, id);
  return { ...pages[0]!, groups: pages.flatMap((p) => p.groups) };
};
const entityIndex = () => {
  const pages = views.entityIndexPages(corpus);
  const groups = pages.flatMap((p) => p.groups);
  const kinds = [...new Set(groups.map((g) => g.kind))];
  return {
    sources: pages[0]!.sources ?? [],
    groups: kinds.map((kind) => ({ kind, entities: groups.filter((g) => g.kind === kind).flatMap((g) => g.entities) })),
  };
};

const passagesOn = (themeId: string, slug?: string) =>
  [...corpus.passagesById.values()].filter((p) => p.themes.includes(themeId) && (!slug || p.article === slug));

describe('searchExample', () => {
  it('should suggest the two names found in the most passages of this dossier', () => {
    const passagesOf = (e: Corpus['entities'][number]) => new Set(e.mentions.map((m) => m.passageId)).size;
    const top = [...corpus.entities].sort((a, b) => passagesOf(b) - passagesOf(a) || a.name.localeCompare(b.name)).slice(0, 2);
    expect(views.searchExample(corpus)).toBe(`e.g. ${top.map((e) => e.name).join(', ')}`);
    expect(views.searchExample({ ...corpus, entities: [] })).toBe('A word or a name');
  });
});

describe('coverageLevel', () => {
  it('should give 0 to an empty cell and 4 to the largest', () => {
    expect(views.coverageLevel(0, 17)).toBe(0);
    expect(views.coverageLevel(17, 17)).toBe(4);
    expect(views.coverageLevel(0, 0)).toBe(0);
  });

  it('should never shade a non-empty cell as empty, and never go down as counts go up', () => {
    let previous = 0;
    for (let count = 1; count <= 40; count++) {
      const level = views.coverageLevel(count, 40);
      expect(level).toBeGreaterThanOrEqual(1);
      expect(level).toBeGreaterThanOrEqual(previous);
      previous = level;
    }
  });
});

describe('themePage', () => {
  it('should give every source a column, in publication order, holding exactly its passages on the theme', () => {
    for (const theme of corpus.themes) {
      const page = themePage(theme.id);
      expect(page.columns.map((c) => c.source.slug)).toEqual(corpus.articles.map((a) => a.slug));
      for (const column of page.columns) {
        const expected = passagesOn(theme.id, column.source.slug).map((p) => p.id);
        expect(column.passages.map((p) => p.id)).toEqual(expected);
        expect(column.source.anchor).toBe(`source-${column.source.slug}`);
      }
      expect(page.total).toBe(passagesOn(theme.id).length);
    }
  });

  it('should link each passage to its place in its article, and list the passage’s other themes', () => {
    const page = themePage(corpus.themes[0]!.id);
    const passage = page.columns.flatMap((c) => c.passages)[0]!;
    const model = corpus.passagesById.get(passage.id)!;
    expect(passage.url).toBe(passageUrl(model));
    expect(passage.otherThemes.map((t) => t.id)).toEqual(model.themes.filter((t) => t !== corpus.themes[0]!.id));
  });

  it('should have at least one theme on which some source is silent (the page must say so)', () => {
    const silent = corpus.themes.some((t) => themePage(t.id).columns.some((c) => c.passages.length === 0));
    expect(silent).toBe(true);
  });

  it('should name the silent sources as lists do, so that two articles of one outlet are told apart', () => {
    const theme = corpus.themes.find((t) => themePage(t.id).silent.count > 0)!;
    const silent = themePage(theme.id).columns.filter((c) => c.passages.length === 0);
    // the same corpus with one outlet for every article
    const outlet = corpus.articles[0]!.meta.outlet;
    const variant = { ...corpus, articles: corpus.articles.map((a) => ({ ...a, meta: { ...a.meta, outlet } })) };
    const page = views.themePages(variant, theme.id)[0]!;
    expect(page.silent.named).toEqual(silent.map((c) => `${outlet}: ${c.source.headline}`));
  });

  it('should refuse an unknown theme, naming it', () => {
    expect(() => views.themePages(corpus, 'no-such-theme')).toThrow(/no-such-theme/);
  });

  it('should not call a source in another language silent: it is not read for themes', () => {
    // the corpus with its first article in French (its passages then carry no theme)
    const [french, ...rest] = corpus.articles;
    const other = { ...french!, meta: { ...french!.meta, language: 'fr' }, passages: french!.passages.map((p) => ({ ...p, themes: [], language: 'fr' })) };
    const variant = { ...corpus, articles: [other, ...rest] };
    for (const t of corpus.themes) {
      const page = views.themePages(variant, t.id)[0]!;
      expect(page.unread).toEqual({ named: [french!.meta.outlet], count: 1 });
      expect(page.silent.named ?? []).not.toContain(french!.meta.outlet);
      expect(page.speaking + page.silent.count + page.unread.count).toBe(page.sources);
    }
  });
});

describe('coverageMatrix', () => {
  it('should hold, for every theme and source, the number of passages its theme page column shows', () => {
    const matrix = views.coverageMatrix(corpus);
    expect(matrix.rows.map((r) => r.theme.id)).toEqual(corpus.themes.map((t) => t.id));
    for (const row of matrix.rows) {
      const page = themePage(row.theme.id);
      for (const cell of row.cells) {
        const column = page.columns.find((c) => c.source.slug === cell.source.slug)!;
        expect(cell.count).toBe(column.passages.length);
        const holding = views.themePages(corpus, row.theme.id).find((p) => p.columns.some((c) => c.source.slug === cell.source.slug))!;
        expect(cell.href).toBe(`${themeUrl(row.theme.id, holding.paging.page)}#${column.source.anchor}`);
        expect(cell.level).toBe(views.coverageLevel(cell.count, matrix.max));
      }
      expect(row.total).toBe(page.total);
    }
    expect(matrix.max).toBe(Math.max(...matrix.rows.flatMap((r) => r.cells.map((c) => c.count))));
  });
});

describe('themeIndex', () => {
  it('should count each theme’s passages per source', () => {
    for (const summary of views.themeIndex(corpus)) {
      for (const { source, count } of summary.perSource) {
        expect(count).toBe(passagesOn(summary.theme.id, source.slug).length);
      }
      expect(summary.total).toBe(passagesOn(summary.theme.id).length);
      expect(summary.complete).toBe(true);
      expect(summary.speaking).toBe(summary.perSource.filter((s) => s.count > 0).length);
    }
  });

  it('should list only the sources with the most passages when the dossier has more sources than it lists', () => {
    const listMax = 2;
    for (const summary of views.themeIndex(corpus, listMax)) {
      const speaking = corpus.articles
        .map((a) => ({ slug: a.slug, count: passagesOn(summary.theme.id, a.slug).length }))
        .filter((s) => s.count > 0);
      expect(summary.complete).toBe(false);
      expect(summary.sources).toBe(corpus.articles.length);
      expect(summary.speaking).toBe(speaking.length);
      expect(summary.perSource.length).toBe(Math.min(listMax, speaking.length));
      // none left out has more passages than one listed
      const listed = new Set(summary.perSource.map((s) => s.source.slug));
      const least = Math.min(...summary.perSource.map((s) => s.count));
      for (const s of speaking) if (!listed.has(s.slug)) expect(s.count).toBeLessThanOrEqual(least);
      for (const { source, count } of summary.perSource) expect(count).toBe(passagesOn(summary.theme.id, source.slug).length);
      expect(summary.total).toBe(passagesOn(summary.theme.id).length);
    }
  });
});

describe('entityIndex', () => {
  it('should list every entity once, under its kind, with its mentions per source adding up to its total', () => {
    const { groups, sources } = entityIndex();
    const listed = groups.flatMap((g) => g.entities.map((e) => e.entity.id));
    expect(listed.sort()).toEqual(corpus.entities.map((e) => e.id).sort());
    for (const group of groups) {
      for (const summary of group.entities) {
        expect(summary.entity.kind).toBe(group.kind);
        expect(summary.perSource.map((s) => s.source.slug)).toEqual(sources.map((s) => s.slug));
        expect(summary.perSource.reduce((n, s) => n + s.count, 0)).toBe(summary.total);
        expect(summary.total).toBe(summary.entity.mentions.length);
      }
      const totals = group.entities.map((e) => e.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    }
  });
});

describe('entityPage', () => {
  it('should show every mention as a keyword-in-context line, grouped by source, linking to its passage', () => {
    for (const entity of corpus.entities) {
      const page = entityPage(entity.id);
      const lines = page.groups.flatMap((g) => g.lines);
      expect(lines).toHaveLength(entity.mentions.length);
      for (const group of page.groups) {
        for (const line of group.lines) {
          const passage = corpus.passagesById.get(line.passageId)!;
          expect(passage.article).toBe(group.source.slug);
          expect(line.url).toBe(passageUrl(passage));
          // the line is the passage's own words around the mention
          const unclipped = `${line.before}${line.match}${line.after}`.replace(/^…|…$/g, '');
          expect(passage.text).toContain(unclipped);
          expect(entity.mentions.some((m) => m.passageId === line.passageId && m.text === line.match)).toBe(true);
        }
      }
      const naming = new Set(page.groups.map((g) => g.source.slug));
      expect(page.naming).toBe(naming.size);
      expect(page.silent.count).toBe(corpus.articles.length - naming.size);
      expect(page.silent.named).toEqual(corpus.articles.filter((a) => !naming.has(a.slug)).map((a) => a.meta.outlet));
    }
  });

  it('should keep a keyword-in-context line short: a few words either side', () => {
    const entity = corpus.entities[0]!;
    for (const line of entityPage(entity.id).groups.flatMap((g) => g.lines)) {
      expect(line.before.length).toBeLessThanOrEqual(50);
      expect(line.after.length).toBeLessThanOrEqual(50);
    }
  });
});

describe('themesInArticle', () => {
  it('should list, per theme, up to RAIL_PASSAGES_PER_THEME passages from the other sources, one from each in turn, in publication and reading order', () => {
    const order = new Map([...corpus.passagesById.values()].map((p, i) => [p.id, i]));
    const slugOrder = new Map(corpus.articles.map((a, i) => [a.slug, i]));
    for (const current of corpus.articles) {
      for (const { theme, count, elsewhere, elsewhereTotal } of views.themesInArticle(corpus, current)) {
        expect(count).toBe(passagesOn(theme.id, current.slug).length);
        expect(elsewhereTotal).toBe(passagesOn(theme.id).length - count);
        const others = corpus.articles.filter((a) => a !== current).map((a) => passagesOn(theme.id, a.slug)).filter((l) => l.length);
        expect(elsewhere.length).toBe(Math.min(RAIL_PASSAGES_PER_THEME, elsewhereTotal));
        const picked = elsewhere.map((e) => corpus.passagesById.get(e.id)!);
        for (const p of picked) expect(p.themes).toContain(theme.id);
        expect(picked.every((p) => p.article !== current.slug)).toBe(true);
        // in publication order, then reading order
        const keys = picked.map((p) => [slugOrder.get(p.article)!, order.get(p.id)!] as const);
        expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
        // taken in turn: each source gives a prefix of its passages, and no source gives two
        // more than another unless that one has no more to give
        const perSource = others.map((list) => list.filter((p) => picked.includes(p)).length);
        others.forEach((list, i) => expect(picked.filter((p) => p.article === list[0]!.article)).toEqual(list.slice(0, perSource[i])));
        const most = Math.max(0, ...perSource);
        others.forEach((list, i) => expect(perSource[i]! >= most - 1 || perSource[i] === list.length).toBe(true));
      }
    }
  });

  it('should link each theme to the compare view on this article and the first sources that speak to it, at the theme’s row', () => {
    for (const current of corpus.articles) {
      for (const { theme, compare } of views.themesInArticle(corpus, current)) {
        const others = corpus.articles.filter((a) => a !== current && passagesOn(theme.id, a.slug).length).slice(0, MAX_SOURCES - 1);
        if (!others.length) {
          expect(compare).toBeNull();
          continue;
        }
        // in publication order, as the pair pages are named
        const chosen = corpus.articles.filter((a) => a === current || others.includes(a)).map((a) => a.slug);
        expect(compare).toBe(`${compareUrl(chosen)}#t-${theme.id}`);
      }
    }
  });

  it('should compare an article the view does not hold with the sources nearest it in time, on the view that fetches them', () => {
    const before = process.env.DOSSIER_PAGE_SIZE;
    process.env.DOSSIER_PAGE_SIZE = '1'; // the view holds the most recent source only
    try {
      const { articles } = corpus;
      let checked = 0;
      for (const current of articles.slice(0, -1)) {
        for (const { theme, compare } of views.themesInArticle(corpus, current)) {
          const speaking = articles.filter((a) => a !== current && passagesOn(theme.id, a.slug).length);
          if (!speaking.length) {
            expect(compare).toBeNull();
            continue;
          }
          const at = articles.indexOf(current);
          const distance = (a: Corpus['articles'][number]) => Math.abs(articles.indexOf(a) - at);
          const chosen = compare!.match(/sources=([^#]+)/)![1]!.split(',');
          expect(compare!.startsWith('/compare/?sources='), 'no pair page: the view fetches what it does not hold').toBe(true);
          expect(chosen).toContain(current.slug);
          expect(chosen).toEqual(articles.map((a) => a.slug).filter((slug) => chosen.includes(slug)));
          const others = speaking.filter((a) => chosen.includes(a.slug));
          expect(others).toHaveLength(Math.min(MAX_SOURCES - 1, speaking.length));
          // none left out is nearer than one taken
          const farthest = Math.max(...others.map(distance));
          for (const a of speaking) if (!chosen.includes(a.slug)) expect(distance(a)).toBeGreaterThanOrEqual(farthest);
          expect(compare!.endsWith(`#t-${theme.id}`)).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    } finally {
      if (before === undefined) delete process.env.DOSSIER_PAGE_SIZE;
      else process.env.DOSSIER_PAGE_SIZE = before;
    }
  });
});

describe('nearest', () => {
  const list = Array.from({ length: 10 }, (_, i) => i);
  it('should take the items nearest the given one, the earlier of two as near first, skipping those left out', () => {
    expect(views.nearest(list, 5, () => true, 4)).toEqual([4, 6, 3, 7]);
    expect(views.nearest(list, 5, (n) => n % 2 === 0, 3)).toEqual([4, 6, 2]);
    expect(views.nearest(list, 0, () => true, 3)).toEqual([1, 2, 3]);
    expect(views.nearest(list, 9, (n) => n < 3, 5)).toEqual([2, 1, 0]);
    expect(views.nearest(list, 4, () => false, 2)).toEqual([]);
  });
});

describe('nearbySources', () => {
  const list = Array.from({ length: 20 }, (_, i) => ({ slug: `a${i}` }) as Corpus['articles'][number]);
  const slugs = (shown: { slug: string }[]) => shown.map((a) => a.slug);

  it('should list every source when there are few', () => {
    const few = list.slice(0, 5);
    expect(views.nearbySources(few, few[2]!, 9)).toEqual({ shown: few, total: 5, homePage: 1 });
  });

  it('should list a fixed number around the current source, however many there are', () => {
    expect(slugs(views.nearbySources(list, list[10]!, 9).shown)).toEqual(['a6', 'a7', 'a8', 'a9', 'a10', 'a11', 'a12', 'a13', 'a14']);
    expect(slugs(views.nearbySources(list, list[0]!, 9).shown)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(slugs(views.nearbySources(list, list[19]!, 9).shown)).toEqual(['a11', 'a12', 'a13', 'a14', 'a15', 'a16', 'a17', 'a18', 'a19']);
    expect(views.nearbySources(list, list[19]!, 9).total).toBe(20);
  });
});

describe('search filters', () => {
  it('should give every entity a distinct filter value', () => {
    const values = [...views.entityFilterValues(corpus).values()];
    expect(new Set(values).size).toBe(values.length);
  });

  it('should give a passage its theme labels and the names of the entities it mentions', () => {
    const values = views.entityFilterValues(corpus);
    for (const passage of corpus.passagesById.values()) {
      const filters = views.passageFilters(corpus, passage);
      expect(filters.themes).toEqual(passage.themes.map((t) => corpus.themesById.get(t)!.label));
      const mentioned = corpus.entities.filter((e) => e.mentions.some((m) => m.passageId === passage.id));
      expect(filters.entities.sort()).toEqual(mentioned.map((e) => values.get(e.id)!).sort());
    }
  });

  it('should offer facets whose counts are the passages carrying each value', () => {
    const facets = views.searchFacets(corpus);
    const passages = [...corpus.passagesById.values()];
    // one value per article, known to the index by its passage-id prefix
    expect(facets.source.map((o) => o.value)).toEqual(corpus.articles.map((a) => a.meta.idPrefix));
    for (const option of facets.source) {
      expect(option.passages).toBe(corpus.articles.find((a) => a.meta.idPrefix === option.value)!.passages.length);
    }
    for (const option of facets.theme) expect(option.passages).toBe(passagesOn(option.param).length);
    for (const option of facets.entity) {
      const entity = corpus.entitiesById.get(option.param)!;
      expect(option.passages).toBe(passages.filter((p) => entity.mentions.some((m) => m.passageId === p.id)).length);
    }
    const counts = facets.entity.map((o) => o.passages);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('dossierData', () => {
  it('should validate against the published JSON Schema and agree with the model the pages render', () => {
    const data = JSON.parse(
      JSON.stringify(views.dossierData(corpus, readThemes())),
    ) as ReturnType<typeof views.dossierData>;
    const validate = compileSchema(dossierJsonSchema());
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.passages).toHaveLength(corpus.passagesById.size);
    for (const p of data.passages) {
      const model = corpus.passagesById.get(p.id)!;
      expect(p.themes).toEqual(model.themes);
      expect(p.related.map((r) => r.id)).toEqual(model.related.map((r) => r.id));
      expect(p.url).toBe(passageUrl(model));
    }
    expect(data.entities.map((e) => e.id)).toEqual(corpus.entities.map((e) => e.id));
  });
});

describe('pages about the whole dossier, cut into pages', () => {
  // Every list holds two items a page (as in a build with DOSSIER_PAGE_SIZE=2): the real dossier then needs several.
  beforeAll(() => {
    process.env.DOSSIER_PAGE_SIZE = '2';
  });
  afterAll(() => {
    delete process.env.DOSSIER_PAGE_SIZE;
  });
  const check = <P extends { paging: { page: number; pages: number; total: number; first: number } }, T>(pages: P[], items: (p: P) => T[], all: T[]) => {
    expect(pages.length).toBe(Math.max(1, Math.ceil(all.length / 2)));
    pages.forEach((p, i) => {
      expect(p.paging).toMatchObject({ page: i + 1, pages: pages.length, total: all.length, first: i * 2 });
      expect(items(p).length).toBeLessThanOrEqual(2);
    });
    expect(pages.flatMap(items)).toEqual(all);
  };

  it('should give a column to each source with passages on a theme, a page of them at a time, and list the others on the last page', () => {
    for (const theme of corpus.themes) {
      const pages = views.themePages(corpus, theme.id);
      const speaking = corpus.articles.filter((a) => a.passages.some((p) => p.themes.includes(theme.id)));
      check(pages, (p) => p.columns.map((c) => c.source.slug), speaking.map((a) => a.slug));
      for (const column of pages.flatMap((p) => p.columns)) expect(column.passages.length).toBeGreaterThan(0);
      const last = pages.at(-1)!;
      expect(pages.slice(0, -1).every((p) => p.apart === null)).toBe(true);
      const apart = [...(last.apart?.silent ?? []), ...(last.apart?.unread ?? [])].map((s) => s.source.slug);
      expect(apart.length).toBe(last.silent.count + last.unread.count);
      // every source once: in a column or in the list after the last page's
      expect([...speaking.map((a) => a.slug), ...apart].sort()).toEqual(corpus.articles.map((a) => a.slug).sort());
      expect(last.layout.apart.map((i) => corpus.articles[i]!.slug).sort()).toEqual([...apart].sort());
    }
  });

  it('should give every source a column, silent ones too, on a theme whose sources fit one page', () => {
    process.env.DOSSIER_PAGE_SIZE = String(corpus.articles.length);
    try {
      for (const theme of corpus.themes) {
        const [page, ...more] = views.themePages(corpus, theme.id);
        expect(more).toHaveLength(0);
        expect(page!.columns.map((c) => c.source.slug)).toEqual(corpus.articles.map((a) => a.slug));
        expect(page!.apart).toBeNull();
        expect(page!.layout.apart).toEqual([]);
      }
    } finally {
      process.env.DOSSIER_PAGE_SIZE = '2';
    }
  });

  it('should spread an entity’s mentions over pages, in corpus order', () => {
    for (const entity of corpus.entities) {
      const ids = entity.mentions.map((m) => m.passageId);
      check(views.entityPages(corpus, entity.id), (p) => p.groups.flatMap((g) => g.lines.map((l) => l.passageId)), ids);
    }
  });

  it('should start each year of an entity’s mentions on the page and at the source where its first mention is', () => {
    const yearOf = (slug: string) => corpus.articlesBySlug.get(slug)!.meta.published.value?.slice(0, 4) ?? 'Undated';
    for (const entity of corpus.entities) {
      const pages = views.entityPages(corpus, entity.id);
      // the years of its mentions, in the order read through the pages, each with where it is first met
      const met: { year: string; slug: string; page: number }[] = [];
      for (const page of pages)
        for (const group of page.groups)
          if (met.at(-1)?.year !== yearOf(group.source.slug)) met.push({ year: yearOf(group.source.slug), slug: group.source.slug, page: page.paging.page });
      for (const page of pages) expect(page.years.map(({ year, slug, page }) => ({ year, slug, page }))).toEqual(met);
    }
  });

  it('should know, for each source that names an entity, the page where its mentions begin', () => {
    for (const entity of corpus.entities) {
      const pages = views.entityPages(corpus, entity.id);
      const places = views.mentionPlaces(corpus, entity.id);
      if (pages.length === 1) expect(places).toBeNull();
      else
        corpus.articles.forEach((article, i) => {
          const first = pages.find((p) => p.groups.some((g) => g.source.slug === article.slug));
          expect(mentionPageOf(i, places!)).toBe(first?.paging.page ?? null);
        });
    }
  });

  it('should spread the entity index over pages, and link each kind to the page where its list starts', () => {
    const pages = views.entityIndexPages(corpus);
    check(pages, (p) => p.groups.flatMap((g) => g.entities.map((e) => e.entity.id)), pages.flatMap((p) => p.groups.flatMap((g) => g.entities.map((e) => e.entity.id))));
    expect(pages.flatMap((p) => p.groups.flatMap((g) => g.entities))).toHaveLength(corpus.entities.length);
    for (const kind of pages[0]!.kinds) {
      const first = pages.find((p) => p.groups.some((g) => g.kind === kind.kind))!;
      expect(kind.page).toBe(first.paging.page);
      expect(kind.anchor).toBe(`${kind.kind}-title`);
    }
  });

  it('should spread the home page’s sources over pages, each page with the coverage columns of its own sources', () => {
    const pages = views.homePages(corpus);
    check(pages, (p) => p.articles.map((a) => a.slug), corpus.articles.map((a) => a.slug));
    const whole = views.coverageMatrix(corpus);
    for (const page of pages) {
      expect(page.matrix.sources.map((s) => s.slug)).toEqual(page.articles.map((a) => a.slug));
      // the same scale and whole-dossier totals on every page, the cells of the whole matrix
      expect(page.matrix.max).toBe(whole.max);
      page.matrix.rows.forEach((row, r) => {
        expect(row.total).toBe(whole.rows[r]!.total);
        for (const cell of row.cells) expect(cell).toEqual(whole.rows[r]!.cells.find((c) => c.source.slug === cell.source.slug));
      });
    }
  });

  it('should spread the number sentences over pages by source, every sentence once, the table the same on each', () => {
    const pages = views.figuresPages(corpus);
    check(pages, (p) => p.sentencesBySource.map((s) => s.article.slug), corpus.articles.map((a) => a.slug));
    const sentences = pages.flatMap((p) => p.sentencesBySource.flatMap((s) => s.sentences.map((x) => x.sentence)));
    expect(sentences).toHaveLength(corpus.numberSentences.length);
    expect(new Set(sentences)).toEqual(new Set(corpus.numberSentences));
    for (const page of pages) {
      expect(page.sentenceCount).toBe(corpus.numberSentences.length);
      for (const { article, sentences } of page.sentencesBySource) for (const { sentence } of sentences) expect(sentence.article).toBe(article.slug);
    }
  });

  it('should send the article rail’s "All sources" to the home page’s page that lists the article', () => {
    const pages = views.homePages(corpus);
    for (const article of corpus.articles) {
      const holding = pages.find((p) => p.articles.includes(article))!;
      expect(views.nearbySources(corpus.articles, article).homePage).toBe(holding.paging.page);
    }
  });

  it('should link a coverage cell to the theme page that shows its source, in a column or in the list after them', () => {
    for (const row of views.coverageMatrix(corpus).rows) {
      for (const cell of row.cells) {
        const slug = cell.source.slug;
        const holding = views
          .themePages(corpus, row.theme.id)
          .find((p) => p.columns.some((c) => c.source.slug === slug) || [...(p.apart?.silent ?? []), ...(p.apart?.unread ?? [])].some((s) => s.source.slug === slug))!;
        expect(cell.href).toBe(`${themeUrl(row.theme.id, holding.paging.page)}#${cell.source.anchor}`);
      }
    }
  });
});
