import { describe, expect, it } from 'vitest';
import { changedPages, pageDigests } from '../../scripts/bench/pipeline';
import { scratchTree } from '../scratch';

/** A built site in a scratch folder: file path → its HTML. */
const site = (files: Record<string, string>) => scratchTree('dossier-changed', files);

describe('changedPages', () => {
  it('should count, per page type, the pages both builds have and those whose bytes differ', () => {
    const before = site({
      'index.html': '<p>2 articles</p>',
      'articles/a/index.html': '<p>a</p>',
      'articles/b/index.html': '<p>b</p>',
      'articles/gone/index.html': '<p>removed since</p>',
    });
    const after = site({
      'index.html': '<p>3 articles</p>',
      'articles/a/index.html': '<p>a</p>',
      'articles/b/index.html': '<p>b, with a link to c</p>',
      'articles/c/index.html': '<p>new</p>',
    });
    const rows = changedPages(pageDigests(before), pageDigests(after));
    // The added page and the removed one are in neither count; types sorted by name.
    expect(rows).toEqual([
      { type: 'article', pages: 2, changed: 1 },
      { type: 'home', pages: 1, changed: 1 },
    ]);
  });

  it('should find no change between two identical builds', () => {
    const files = { 'index.html': '<p>home</p>', 'articles/a/index.html': '<p>a</p>' };
    const rows = changedPages(pageDigests(site(files)), pageDigests(site(files)));
    expect(rows.reduce((n, row) => n + row.changed, 0)).toBe(0);
    expect(rows.reduce((n, row) => n + row.pages, 0)).toBe(2);
  });
});
