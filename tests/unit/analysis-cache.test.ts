import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedNameFinder, cachedStems, cachedThemeScores, namesCacheVersion, themesCacheVersion } from '../../src/corpus/analysis-cache';
import { parseEntities, parseThemes } from '../../src/corpus/analysis-data';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { extractEntities, nameFinder } from '../../src/corpus/entities';
import { relatedPassages } from '../../src/corpus/related';
import { scorePassages, tagPassages } from '../../src/corpus/themes';
import { scratchDir } from '../scratch';

const ALIASES = parseEntities(
  `
entities:
  - name: Islamic State
    kind: organization
    aliases: [ISIS, ISIL]
  - name: Raqqa
    kind: place
stopEntities: [President]
`,
  'test-entities.yaml',
);

const passage = (id: string, text: string): PassageLike => ({ id, article: id.split('-')[0]!, order: 0, section: null, text });
const PASSAGES = [
  passage('cnn-000001', 'ISIS lost Raqqa in 2017, said Brett McGurk in Washington.'),
  passage('bbc-000001', 'Abu Bakr al-Baghdadi spoke from Mosul; ISIL fighters fled to Idlib.'),
  passage('bbc-000002', 'ISIS lost Raqqa in 2017, said Brett McGurk in Washington.'),
];

const scratch = () => join(scratchDir('dossier-cache'), 'names.json');

describe('cachedNameFinder', () => {
  it('should give the same entities as finding every name afresh', () => {
    const names = cachedNameFinder(ALIASES, scratch());
    expect(extractEntities(PASSAGES, ALIASES, { findNames: names.findNames })).toEqual(extractEntities(PASSAGES, ALIASES));
  });

  it('should answer a rebuild from the cache, and compute only new texts', () => {
    const file = scratch();
    const first = cachedNameFinder(ALIASES, file);
    const cold = extractEntities(PASSAGES.slice(0, 2), ALIASES, { findNames: first.findNames });
    first.save();
    expect(first.stats()).toEqual({ hits: 0, misses: 2 });

    const second = cachedNameFinder(ALIASES, file);
    const added = passage('ft-000001', 'In Tunisia, the ISIS recruiters of Ben Gardane were known.');
    const warm = extractEntities([...PASSAGES.slice(0, 2), added], ALIASES, { findNames: second.findNames });
    expect(second.stats()).toEqual({ hits: 2, misses: 1 });
    expect(warm).toEqual(extractEntities([...PASSAGES.slice(0, 2), added], ALIASES));
    expect(warm.entities.length).toBeGreaterThan(cold.entities.length);
  });

  it('should count a text repeated in two passages once, and keep only the texts of the last build', () => {
    const file = scratch();
    const names = cachedNameFinder(ALIASES, file);
    extractEntities(PASSAGES, ALIASES, { findNames: names.findNames });
    expect(names.stats()).toEqual({ hits: 1, misses: 2 });
    names.save();
    const again = cachedNameFinder(ALIASES, file);
    extractEntities(PASSAGES.slice(0, 1), ALIASES, { findNames: again.findNames });
    again.save();
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).names)).toHaveLength(1);
  });

  it('should find the names of the texts it lacks in worker threads, the same as on the main thread, and count them as computed', async () => {
    const file = scratch();
    const texts = [...PASSAGES.map((p) => p.text), 'In Tunisia, the ISIS recruiters of Ben Gardane were known.', 'Officials in Baghdad met envoys from Ankara.'];
    const names = cachedNameFinder(ALIASES, file);
    await names.prefill(texts, { workers: 2, minTexts: 0 });
    expect(names.stats()).toEqual({ hits: 0, misses: 4 });
    const fresh = nameFinder(ALIASES);
    for (const text of texts) expect(names.findNames(text)).toEqual(fresh(text));
    // The repeated text was read once before: one hit; the prefilled answers were not hits.
    expect(names.stats()).toEqual({ hits: 1, misses: 4 });
  });

  it('should leave a few texts to the main thread (no worker is worth starting for them)', async () => {
    const names = cachedNameFinder(ALIASES, scratch());
    await names.prefill(PASSAGES.map((p) => p.text));
    expect(names.stats()).toEqual({ hits: 0, misses: 0 });
  });

  it('should drop the whole cache when the curated list changes', () => {
    const file = scratch();
    const first = cachedNameFinder(ALIASES, file);
    extractEntities(PASSAGES, ALIASES, { findNames: first.findNames });
    first.save();
    const changed = { ...ALIASES, entities: [...ALIASES.entities, { ...ALIASES.entities[1]!, name: 'Brett McGurk', kind: 'person' as const, aliases: ['McGurk'] }] };
    expect(namesCacheVersion(changed)).not.toBe(namesCacheVersion(ALIASES));
    const second = cachedNameFinder(changed, file);
    const index = extractEntities(PASSAGES, changed, { findNames: second.findNames });
    expect(second.stats().hits).toBe(1); // only the repeated text, found in this run
    expect(index).toEqual(extractEntities(PASSAGES, changed));
  });

  it('should treat an unreadable cache file as no cache', () => {
    const file = scratch();
    writeFileSync(file, '{ not json');
    const names = cachedNameFinder(ALIASES, file);
    expect(extractEntities(PASSAGES, ALIASES, { findNames: names.findNames })).toEqual(extractEntities(PASSAGES, ALIASES));
    expect(names.stats().misses).toBe(2);
  });
});

const THEMES = parseThemes(
  `
threshold: 2
themes:
  - id: returnees
    label: Returnees
    description: Fighters going home.
    color: "#4a60c4"
    match:
      returnee: 2
      lose * territory: 1
    exclude: [never returned]
  - id: places
    label: Places
    description: Where it happens.
    color: "#ad43a1"
    threshold: 1
    match:
      raqqa: 1
      "=idlib": 1
`,
  'test-themes.yaml',
);
const TEXTS = [
  ...PASSAGES,
  passage('ft-000001', 'Returnees who never returned to Raqqa worried Washington.'),
  passage('ft-000002', 'They lose more territory each month; returnees follow.'),
];

describe('cachedThemeScores', () => {
  it('should score passages exactly as without a cache, cold and warm', () => {
    const file = join(scratchDir('dossier-cache'), 'themes.json');
    const fresh = scorePassages(TEXTS, THEMES);
    const cold = cachedThemeScores(THEMES, file);
    expect(scorePassages(TEXTS, THEMES, { ownScores: cold.get })).toEqual(fresh);
    cold.save();
    const warm = cachedThemeScores(THEMES, file);
    expect(scorePassages(TEXTS, THEMES, { ownScores: warm.get })).toEqual(fresh);
    expect(tagPassages(TEXTS, THEMES, {}, { ownScores: warm.get })).toEqual(tagPassages(TEXTS, THEMES));
    expect(warm.stats().misses).toBe(0);
  });

  it('should drop the whole cache when a rule changes', () => {
    const file = join(scratchDir('dossier-cache'), 'themes.json');
    const first = cachedThemeScores(THEMES, file);
    scorePassages(TEXTS, THEMES, { ownScores: first.get });
    first.save();
    const changed = { ...THEMES, themes: THEMES.themes.map((t, i) => (i === 0 ? { ...t, match: { ...t.match, washington: 2 } } : t)) };
    expect(themesCacheVersion(changed)).not.toBe(themesCacheVersion(THEMES));
    const second = cachedThemeScores(changed, file);
    const scores = scorePassages(TEXTS, changed, { ownScores: second.get });
    expect(scores).toEqual(scorePassages(TEXTS, changed));
    expect(scores.get('ft-000001')![0]!.hits.map((h) => h.phrase)).toContain('washington');
  });
});

describe('cachedStems', () => {
  it('should give the same related passages as stemming afresh, and answer a rebuild from the cache', () => {
    const file = join(scratchDir('dossier-cache'), 'stems.json');
    const themes = tagPassages(TEXTS, THEMES);
    const fresh = relatedPassages(TEXTS, themes, { threshold: 0.05, minSimilarity: 0.05 });
    const cold = cachedStems(file);
    expect(relatedPassages(TEXTS, themes, { threshold: 0.05, minSimilarity: 0.05, stemsOf: cold.get })).toEqual(fresh);
    cold.save();
    const warm = cachedStems(file);
    expect(relatedPassages(TEXTS, themes, { threshold: 0.05, minSimilarity: 0.05, stemsOf: warm.get })).toEqual(fresh);
    expect(warm.stats()).toEqual({ hits: TEXTS.length, misses: 0 });
    expect([...fresh.values()].some((links) => links.length > 0)).toBe(true);
  });
});
