import { describe, expect, it } from 'vitest';
import { readEntities, readThemeOverrides, readThemes } from '../../src/corpus/analysis-data';
import { analyse } from '../../src/corpus/analysis';
import { buildDossierJson, dossierJsonSchema, dossierSchema } from '../../src/corpus/dossier-json';
import { readArticlesFromDisk } from '../../src/corpus/read-articles';
import { compileSchema } from '../json-schema';

const articles = readArticlesFromDisk();
const passages = articles.flatMap((a) => a.passages);
const themes = readThemes();
const analysis = analyse({ passages, themes, overrides: readThemeOverrides(), entityAliases: readEntities() });
const dossier = buildDossierJson({
  title: 'ISIS after the caliphate',
  description: 'Five articles.',
  articles,
  themes,
  passageThemes: analysis.passageThemes,
  related: analysis.related,
  entities: analysis.entities,
});
// What would be written to /data/dossier.json: plain JSON, round-tripped.
const json = JSON.parse(JSON.stringify(dossier)) as unknown;
const validate = compileSchema(dossierJsonSchema());

describe('buildDossierJson', () => {
  it('should produce a file that validates against the JSON Schema', () => {
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('should also satisfy the zod schema it was derived from', () => {
    expect(() => dossierSchema.parse(json)).not.toThrow();
  });

  it('should fail validation when a passage loses a required field or gains an unknown one', () => {
    const broken = structuredClone(json) as { passages: Record<string, unknown>[] };
    delete broken.passages[0]!.themes;
    expect(validate(broken)).toBe(false);
    const extra = structuredClone(json) as { passages: Record<string, unknown>[] };
    extra.passages[0]!.colour = 'red';
    expect(validate(extra)).toBe(false);
  });

  it('should hold every article and passage, with metadata certainty and consistent references', () => {
    expect(dossier.articles.map((a) => a.slug).sort()).toEqual(articles.map((a) => a.slug).sort());
    expect(dossier.passages).toHaveLength(passages.length);
    const bbc = dossier.articles.find((a) => a.slug === 'bbc-returning-fighters')!;
    expect(bbc.meta.completeness).toBe('excerpt');
    expect(bbc.meta.url.status).toBe('unknown');
    const ids = new Set(dossier.passages.map((p) => p.id));
    const themeIds = new Set(dossier.themes.map((t) => t.id));
    const entityIds = new Set(dossier.entities.map((e) => e.id));
    for (const p of dossier.passages) {
      for (const r of p.related) expect(ids.has(r.id)).toBe(true);
      for (const t of p.themes) expect(themeIds.has(t)).toBe(true);
      for (const m of p.entities) {
        expect(entityIds.has(m.entity)).toBe(true);
        expect(p.text.slice(m.start, m.end)).toBe(m.text);
      }
    }
    for (const t of dossier.themes) {
      expect(t.passageCount).toBe(dossier.passages.filter((p) => p.themes.includes(t.id)).length);
    }
  });

  it('should be deterministic', () => {
    const again = buildDossierJson({
      title: 'ISIS after the caliphate',
      description: 'Five articles.',
      articles,
      themes,
      passageThemes: analysis.passageThemes,
      related: analysis.related,
      entities: analysis.entities,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(dossier));
  });
});
