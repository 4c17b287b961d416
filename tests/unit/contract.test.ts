import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_ATTRIBUTES,
  ARTICLE_CLASSES,
  articleUrl,
  compareUrl,
  compareSourceUrl,
  entityIndexUrl,
  homeUrl,
  entityUrl,
  idPrefixOf,
  isPassageId,
  MalformedPassageMarker,
  PAGE_IDS,
  pairUrl,
  compareLayoutUrl,
  parseFragment,
  parseRoute,
  parseSearchUrl,
  passageMarker,
  passageUrl,
  quoteUrl,
  readPassageMarker,
  searchHitUrl,
  searchUrl,
  shareUrl,
  themeUrl,
} from '../../src/contract';
import { parseArticleBody } from '../../src/corpus/parse';

describe('contract: passage ids', () => {
  it('should accept a prefix and six or more hex digits, and nothing else', () => {
    expect(isPassageId('cnn-3fa2c1')).toBe(true);
    expect(isPassageId('ft2-3fa2c1d')).toBe(true);
    for (const bad of ['cnn-3fa2c', 'CNN-3fa2c1', 'cnn_3fa2c1', '1cnn-3fa2c1', 'cnn-3fa2cg', 'abcdefghi-3fa2c1', '']) {
      expect(isPassageId(bad), bad).toBe(false);
    }
  });

  it("should name a passage's article by its id prefix", () => {
    expect(idPrefixOf('bbc-1f3a9c')).toBe('bbc');
    expect(idPrefixOf('not an id')).toBeNull();
  });

  it('should read back every marker it writes', () => {
    expect(readPassageMarker(passageMarker('cnn-3fa2c1'))).toBe('cnn-3fa2c1');
  });

  it('should read a marker whose spacing was touched by hand', () => {
    expect(readPassageMarker('<!--passage   cnn-3fa2c1-->')).toBe('cnn-3fa2c1');
    expect(readPassageMarker('  <!-- passage cnn-3fa2c1 -->\n')).toBe('cnn-3fa2c1');
  });

  it('should refuse a marker with a broken id instead of skipping it', () => {
    expect(() => readPassageMarker('<!-- passage cnn-3fa2 -->')).toThrow(MalformedPassageMarker);
    expect(() => readPassageMarker('<!-- passage -->')).toThrow(MalformedPassageMarker);
  });

  it('should leave other HTML comments alone', () => {
    expect(readPassageMarker('<!-- a note -->')).toBeNull();
    expect(readPassageMarker('<!-- passages below -->')).toBeNull();
  });
});

describe('contract: routes', () => {
  it('should build every reading route and read it back', () => {
    expect(parseRoute(articleUrl('cnn-isis-2-0'))).toEqual({ page: 'article', slug: 'cnn-isis-2-0' });
    expect(parseRoute(shareUrl('cnn-3fa2c1'))).toEqual({ page: 'share', passageId: 'cnn-3fa2c1' });
    expect(parseRoute(pairUrl('a-b', 'c'))).toEqual({ page: 'pair', a: 'a-b', b: 'c', layout: 'theme' });
    expect(parseRoute(compareLayoutUrl('text', ['a-b', 'c']))).toEqual({ page: 'pair', a: 'a-b', b: 'c', layout: 'text' });
    expect(parseRoute(compareLayoutUrl('text'))).toBeNull();
    expect(parseRoute('/p/not-an-id/')).toBeNull();
    expect(parseRoute('/elsewhere/')).toBeNull();
  });

  it('should give a paginated page a path of its own after the first, and read its number back', () => {
    expect(themeUrl('water', 1)).toBe(themeUrl('water'));
    for (const n of [1, 2, 17]) {
      expect(parseRoute(themeUrl('water-supply', n))).toEqual({ page: 'theme', themeId: 'water-supply', pageNumber: n });
      expect(parseRoute(entityUrl('harbour-board', n))).toEqual({ page: 'entity', entityId: 'harbour-board', pageNumber: n });
    }
    expect(entityIndexUrl(1)).toBe('/entities/');
    expect(entityIndexUrl(3)).toBe('/entities/page/3/');
    expect(parseRoute(entityIndexUrl(3))).toBeNull();
    expect(homeUrl(1)).toBe('/');
    expect(homeUrl(2)).toBe('/page/2/');
    expect(parseRoute(homeUrl(2))).toBeNull();
    expect(parseRoute('/themes/water/0/')).toBeNull();
  });

  it('should put a passage and a quote on its article page', () => {
    expect(passageUrl({ article: 'bbc-x', id: 'bbc-1f3a9c' })).toBe('/articles/bbc-x/#bbc-1f3a9c');
    const url = quoteUrl('bbc-x', 'bbc-1f3a9c', { textStart: 'Tunisia, al-Qaeda' });
    expect(url).toBe('/articles/bbc-x/#bbc-1f3a9c:~:text=Tunisia%2C%20al%2DQaeda');
    expect(parseFragment(url.slice(url.indexOf('#')))).toEqual({ id: 'bbc-1f3a9c', directives: [{ textStart: 'Tunisia, al-Qaeda' }] });
  });

  it('should read a fragment with a stray % without throwing', () => {
    expect(parseFragment('#100%')).toEqual({ id: '', directives: [] });
    expect(parseFragment('#cnn-3fa2c1:~:text=%E0%A4%A')).toEqual({ id: 'cnn-3fa2c1', directives: [] });
  });

  it('should round-trip a search with facets', () => {
    const url = searchUrl('al-Qaeda & co', { source: ['BBC News', 'CNN'], theme: ['foreign-fighters'] });
    expect(url.startsWith('/search/?')).toBe(true);
    expect(parseSearchUrl(url.slice(url.indexOf('?')))).toEqual({
      query: 'al-Qaeda & co',
      filters: { source: ['BBC News', 'CNN'], theme: ['foreign-fighters'], entity: [] },
    });
    expect(searchUrl()).toBe('/search/');
  });

  it('should link a search hit to its passage with the query to mark', () => {
    expect(searchHitUrl({ article: 'a', id: 'a-123456' }, 'Tunisia fighters')).toBe('/articles/a/?hl=Tunisia+fighters#a-123456');
    expect(searchHitUrl({ article: 'a', id: 'a-123456' }, '')).toBe('/articles/a/#a-123456');
  });

  it("should send two sources to their pair's page and more to the view", () => {
    expect(compareUrl(['a', 'b'])).toBe('/compare/a--b/');
    expect(compareUrl(['a', 'b', 'c'])).toBe('/compare/?sources=a,b,c');
    expect(compareUrl(['a', 'b'], false), 'a pair with no page of its own').toBe('/compare/?sources=a,b');
  });

  it('should give each source the view does not hold a page per layout, apart from pair pages', () => {
    expect(compareSourceUrl('a', 'theme')).toBe('/compare/source/a/');
    expect(compareSourceUrl('a', 'text')).toBe('/compare/source/a/full-text/');
  });

  it('should build each compare page in both layouts: by theme at its address, the full text under full-text/', () => {
    expect(compareLayoutUrl('theme')).toBe('/compare/');
    expect(compareLayoutUrl('text')).toBe('/compare/full-text/');
    expect(compareLayoutUrl('theme', ['a', 'b'])).toBe('/compare/a--b/');
    expect(compareLayoutUrl('text', ['a', 'b'])).toBe('/compare/a--b/full-text/');
  });
});

describe('contract: the article page DOM is the one the README documents', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf("## The article page's DOM"), readme.indexOf('\n## ', readme.indexOf("## The article page's DOM") + 5));

  it.each([...Object.values(ARTICLE_CLASSES), ...Object.values(ARTICLE_ATTRIBUTES), ...Object.values(PAGE_IDS)])(
    'should document %s',
    (name) => {
      expect(section).toContain(name);
    },
  );
});

describe('contract: reading an article body', () => {
  it('should name the file and line of a paragraph without a marker', () => {
    expect(() => parseArticleBody('<!-- passage a-123456 -->\nOne.\n\nTwo.\n', 'x.md', 10)).toThrow(/^x\.md:13: paragraph without a passage id/);
  });

  it('should name the file and line of a broken marker', () => {
    expect(() => parseArticleBody('\n<!-- passage a-12 -->\nOne.\n', 'x.md')).toThrow(/^x\.md:2: .*passage marker without a valid passage id/);
  });

  it('should refuse a marker that is not followed by its paragraph', () => {
    expect(() => parseArticleBody('<!-- passage a-123456 -->\n\n## Heading\n', 'x.md')).toThrow(/x\.md:1: the marker for passage a-123456 is not followed by its paragraph/);
  });
});
