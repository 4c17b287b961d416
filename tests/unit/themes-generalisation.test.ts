/**
 * The theme rules on passages of other outlets' kind (tests/fixtures/theme-generalisation/),
 * written for this test and not taken from the five articles: the rules must name each
 * theme's concept, not the five articles' phrasing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readThemes } from '../../src/corpus/analysis-data';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { autoTagPassages } from '../../src/corpus/themes';
import { parseYamlWithSchema } from '../../src/corpus/yaml';

const FILE = 'tests/fixtures/theme-generalisation/passages.yaml';
const fixtureSchema = z.strictObject({
  articles: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
      passages: z.array(
        z.strictObject({
          section: z.string().optional(),
          text: z.string().min(1),
          themes: z.array(z.string()),
          also: z.array(z.string()).default([]),
        }),
      ),
    }),
  ),
});

const fixture = parseYamlWithSchema(readFileSync(FILE, 'utf8'), fixtureSchema, FILE);
const themes = readThemes();
const known = new Set(themes.themes.map((t) => t.id));

const cases = fixture.articles.flatMap((article) =>
  article.passages.map((p, order) => {
    const passage: PassageLike = {
      id: `${article.id}-${String(order).padStart(6, '0')}`,
      article: article.id,
      order,
      section: p.section ? { id: p.section.toLowerCase().replace(/\W+/g, '-'), title: p.section } : null,
      text: p.text,
    };
    return { passage, want: p.themes, also: p.also };
  }),
);
const tags = autoTagPassages(
  cases.map((c) => c.passage),
  themes,
);

describe('theme rules on passages from other outlets', () => {
  it('should name only themes that exist, and cover every theme', () => {
    for (const { want, also } of cases) for (const t of [...want, ...also]) expect(known).toContain(t);
    const covered = new Set(cases.flatMap((c) => c.want));
    expect([...known].filter((t) => !covered.has(t))).toEqual([]);
  });

  it.each(cases.map((c) => [c.passage.id, c] as const))('%s: should be tagged with what it is about, and nothing far from it', (_, c) => {
    const got = tags.get(c.passage.id) ?? [];
    const allowed = new Set([...c.want, ...c.also]);
    expect({ missing: c.want.filter((t) => !got.includes(t)), unexpected: got.filter((t) => !allowed.has(t)) }).toEqual({
      missing: [],
      unexpected: [],
    });
  });
});
