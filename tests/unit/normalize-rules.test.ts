/**
 * The boilerplate rules (scripts/normalize/rules.ts) and their engine: each rule
 * removes its examples and leaves its near misses; spans, placeholders and
 * repeated lines behave; no sentence of the five articles is claimed by mistake.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifestSchema, sourceEntrySchema, type SourceEntry } from '../../src/corpus/schema.ts';
import { findBoilerplate } from '../../scripts/normalize/boilerplate.ts';
import { isSpanRule, rules, type Rule } from '../../scripts/normalize/rules.ts';
import { entry as entryFixture } from '../fixtures/normalize/helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const realManifest = manifestSchema.parse(parseYaml(readFileSync(join(root, 'content/sources/sources.yaml'), 'utf8')));
const byName = (name: string) => rules.find((rule) => rule.name === name)!;
const claimedBy = (texts: string[], entry: SourceEntry, ruleList: readonly Rule[] = rules) => {
  const claims = findBoilerplate(texts, ruleList, entry).claims;
  return texts.map((_, i) => claims.find((c) => c.index === i)?.rule ?? null);
};

/** An entry whose manifest values make the examples of headline/standfirst/author rules apply. */
const exampleEntry = (): SourceEntry =>
  sourceEntrySchema.parse(
    entryFixture('example', {
      headline: { value: 'What ISIS Will Do After Mosul Falls' },
      standfirst: 'They have options, write two terrorism scholars.',
      authors: [{ name: 'Dr Lorenzo Vidino' }],
    }),
  );

describe('normalize rules: the list', () => {
  it('should name every rule uniquely in kebab-case, with a description', () => {
    const names = rules.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules) {
      expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  for (const rule of rules) {
    it(`${rule.name}: should claim its examples (first match wins) and leave its near misses`, () => {
      const entry = exampleEntry();
      for (const example of rule.examples) {
        if (isSpanRule(rule)) expect(claimedBy([example, 'Body text.'], entry, [rule])[0]).toBeNull(); // unclosed
        else expect(claimedBy(['Some real text.', example, 'More real text.'], entry)[1]).toBe(rule.name);
      }
      for (const keep of rule.keeps ?? []) expect(claimedBy(['Some real text.', keep], entry, [rule])[1]).toBeNull();
    });
  }
});

describe('normalize rules: the engine', () => {
  it('should remove a span from its opening line to its closing line, inclusive, and nothing after', () => {
    const texts = ['Real text.', 'Close [ x ] More from DefenseOne', 'Thank you for subscribing.', '• A report title', 'When you download a report, your information may be shared with the underwriters of that document.', 'Real text after.'];
    expect(claimedBy(texts, exampleEntry())).toEqual([null, 'newsletter-promo', 'newsletter-promo', 'newsletter-promo', 'newsletter-promo', null]);
  });

  it('should remove nothing for a span that never closes, and report it', () => {
    const texts = ['Real text.', 'Close [ x ] More from DefenseOne', 'Thank you for subscribing.'];
    const result = findBoilerplate(texts, [byName('newsletter-promo')], exampleEntry());
    expect(result.claims).toEqual([]);
    expect(result.unclosed).toEqual([{ rule: 'newsletter-promo', index: 1 }]);
  });

  it('should remove a line printed twice, both times', () => {
    const caption = 'An Iraqi soldier inspects a recently-discovered train tunnel.';
    expect(claimedBy([caption, 'Credit', caption, 'Body.'], exampleEntry(), [byName('photo-caption-twice')])).toEqual([
      'photo-caption-twice', null, 'photo-caption-twice', null,
    ]);
  });

  it('should never match {headline} or {standfirst} when the manifest has none', () => {
    const entry = sourceEntrySchema.parse(entryFixture('x', { headline: { value: null, status: 'unknown' }, standfirst: null }));
    expect(claimedBy(['', 'null', 'Text.'], entry, [byName('headline'), byName('standfirst')])).toEqual([null, null, null]);
  });

  it('should compare the headline after whitespace normalisation (the raw line has a no-break space)', () => {
    const entry = sourceEntrySchema.parse(entryFixture('x', { headline: { value: 'What ISIS Will Do After Mosul\u00a0Falls' } }));
    expect(claimedBy(['What ISIS Will Do After Mosul Falls'], entry)).toEqual(['headline']);
  });

  it('should escape author names used in a pattern', () => {
    const entry = sourceEntrySchema.parse(entryFixture('x', { authors: [{ name: 'J. (Jo) Doe+' }] }));
    expect(claimedBy(['J. (Jo) Doe+ is a professor.', 'J  (Jo) Doee is a professor.'], entry, [byName('author-role')])).toEqual([
      'author-role', null,
    ]);
  });

  it('should never match {authors} when there are none', () => {
    const entry = sourceEntrySchema.parse(entryFixture('x', { authors: [] }));
    expect(claimedBy([' is here.', 'Anyone is here.'], entry, [byName('author-role')])).toEqual([null, null]);
  });
});

describe('normalize rules: the five real articles', () => {
  it('should claim no line that is article text', () => {
    // Lines of the raw files that are article text (headings included): everything
    // except the boilerplate lines listed in tests/unit/normalize.test.ts, spot-checked here.
    const sentences = [
      'ISIS is on the back foot.',
      'So what could ISIS 2.0 look like?',
      'Going to ground',
      'Neighbouring countries, such as Jordan and Lebanon, have similar fears.',
      'Similar dynamics can be observed throughout the continent.',
      'What is preventing authorities from arresting, prosecuting and convicting returning foreign fighters?',
      'The fall of the “caliphate” closes a chapter, but a new one is about to be opened.',
      'Report: ISIS is Out of Heavy Weapons',
      'The Islamic State is reeling. With its finances cut in half over the past six months.',
    ];
    for (const entry of realManifest.articles) expect(claimedBy(sentences, entry)).toEqual(sentences.map(() => null));
  });
});
