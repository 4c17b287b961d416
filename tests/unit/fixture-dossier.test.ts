/**
 * The fixture dossier (tests/fixtures/dossier/) the browser feature tests run against: its
 * generated articles are what the normaliser makes of its sources today, and it holds what the
 * feature tests need (a retired passage id, a published note on a passage that exists).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeCorpus } from '../../scripts/normalize/corpus';
import { fixtureArticles, fixtureNotes } from '../e2e/features/fixture';
import { FIXTURE_DOSSIER } from '../fixture-site';

describe('the fixture dossier', () => {
  it('should have articles that the normaliser would write unchanged (re-run it in that folder if not)', async () => {
    const result = await normalizeCorpus({
      root: FIXTURE_DOSSIER,
      sourcesDir: 'content/sources',
      outDir: 'content/articles',
      check: true,
    });
    expect(result.outOfDate).toEqual([]);
  });

  it('should be small, with one retired passage id and a published note on a live passage', () => {
    const articles = fixtureArticles();
    expect(articles.length).toBeGreaterThanOrEqual(2);
    expect(articles.length).toBeLessThanOrEqual(4);
    const retired = articles.flatMap((a) => Object.entries(a.meta.retiredIds));
    expect(retired).toHaveLength(1);
    const ids = new Set(articles.flatMap((a) => a.passages.map((p) => p.id)));
    expect(ids.has(retired[0]![1])).toBe(true);
    const notes = fixtureNotes();
    expect(notes).toHaveLength(1);
    expect(ids.has(notes[0]!.passageId)).toBe(true);
    // every input the real dossier has, so the fixture builds the same pages
    expect(readdirSync(`${FIXTURE_DOSSIER}/content`).sort()).toEqual(readdirSync('content').sort());
  });
});
