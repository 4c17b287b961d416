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
import { findBoilerplate, findStandfirst } from '../../scripts/normalize/boilerplate.ts';
import { looksLikeHeading } from '../../scripts/normalize/stages/detect-headings.ts';
import { isSpanRule, rules, type Rule, type SpanRule } from '../../scripts/normalize/rules.ts';
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
    const texts = ['Real text.', 'More from Example Weekly', 'Thank you for subscribing.', '• A report title', 'When you download a report, your information may be shared with the underwriters of that document.', 'Real text after.'];
    expect(claimedBy(texts, exampleEntry(), [byName('promo-box')])).toEqual([null, 'promo-box', 'promo-box', 'promo-box', 'promo-box', null]);
  });

  it('should remove nothing for a span that never closes, and report it', () => {
    const texts = ['Real text.', 'More from Example Weekly', 'A blurb about a report.'];
    const result = findBoilerplate(texts, [byName('promo-box')], exampleEntry());
    expect(result.claims).toEqual([]);
    expect(result.unclosed).toEqual([{ rule: 'promo-box', index: 1 }]);
  });

  it('should not let a span run further than its maxParagraphs (a stray opener cannot eat the article)', () => {
    const rule = byName('promo-box') as SpanRule;
    const body = Array.from({ length: rule.maxParagraphs + 5 }, (_, i) => `Body paragraph ${i}.`);
    const texts = ['You might also like', ...body, 'Read our privacy policy for how we use your data.'];
    const result = findBoilerplate(texts, [rule], exampleEntry());
    expect(result.claims).toEqual([]);
    expect(result.unclosed).toEqual([{ rule: 'promo-box', index: 0 }]);
  });

  it('should remove a short line printed twice, both times', () => {
    const label = 'Mosul, March 2017';
    expect(claimedBy([label, 'A body paragraph.', label, 'Body.'], exampleEntry(), [byName('repeated-furniture')])).toEqual([
      'repeated-furniture', null, 'repeated-furniture', null,
    ]);
  });

  it('should remove a long caption printed twice when it sits beside a picture credit', () => {
    const caption = 'An Iraqi soldier inspects a recently discovered tunnel that belonged to the old railway line, which the group used to move fighters, on March 5, 2017.';
    const texts = [caption, 'Jane Roe/AP', 'Share', caption, 'Body.'];
    expect(claimedBy(texts, exampleEntry())).toEqual(['repeated-furniture', 'agency-credit', 'toolbar', 'repeated-furniture', null]);
  });

  it('should keep a transcript\'s speaker labels, which take turns before what each says', () => {
    const texts = ['HOST', 'Welcome back to the programme.', 'RHYS', 'Thanks for having me.', 'HOST', 'What did you see?', 'RHYS', 'Very little, at first.'];
    expect(claimedBy(texts, exampleEntry())).toEqual(texts.map(() => null));
  });

  it('should still remove two captions each printed twice, which do not take turns', () => {
    const texts = ['Mosul, March 2017', 'Body one.', 'Mosul, March 2017', 'Body two.', 'Raqqa, June 2017', 'Body three.', 'Raqqa, June 2017', 'Body four.'];
    expect(claimedBy(texts, exampleEntry(), [byName('repeated-furniture')])).toEqual(['repeated-furniture', null, 'repeated-furniture', null, 'repeated-furniture', null, 'repeated-furniture', null]);
  });

  it('should remove a table of contents but keep the section headings it lists', () => {
    const headings = ['Summary', '1. Introduction', '2. Findings', '3. Recommendations'];
    const texts = ['Contents', ...headings, ...headings.flatMap((heading) => [heading, `The text of ${heading.toLowerCase()} runs on for a sentence.`])];
    const claims = claimedBy(texts, exampleEntry());
    expect(claims.slice(1, 5)).toEqual(headings.map(() => 'repeated-furniture'));
    expect(claims.slice(5)).toEqual(texts.slice(5).map(() => null));
  });

  it('should remove a live blog\'s short list of key events under its label, but keep the entry headings it lists', () => {
    const texts = ['Key events', 'Man detained, hostages freed', 'Negotiators make contact', '11:31', 'Man detained, hostages freed', 'The man has been detained, police said.', '09:48', 'Negotiators make contact', 'Negotiators have spoken to the man by telephone.'];
    const claims = claimedBy(texts, exampleEntry());
    expect(claims.slice(0, 3)).toEqual(['repeated-furniture', 'repeated-furniture', 'repeated-furniture']);
    expect(claims.slice(3)).toEqual(texts.slice(3).map(() => null));
  });

  it('should still remove both copies of two short lines printed twice without a contents label', () => {
    const texts = ['Sign up now', 'Watch live', 'The court sat.', 'Sign up now', 'Watch live', 'The judge returned.'];
    expect(claimedBy(texts, exampleEntry(), [byName('repeated-furniture')])).toEqual(['repeated-furniture', 'repeated-furniture', null, 'repeated-furniture', 'repeated-furniture', null]);
  });

  it('should keep every entry time of a live blog, even at the top and when two entries share a minute', () => {
    const texts = ['09:05 BST', 'The court sat.', '09:41 BST', 'The defendant spoke.', '11:02 BST', 'A break.', '11:02 BST', 'The judge returned.'];
    expect(claimedBy(texts, exampleEntry())).toEqual(texts.map(() => null));
  });

  it('should take a date or time alone for the article\'s own only near the top: a live blog\'s entry times stay', () => {
    const body = Array.from({ length: 10 }, (_, i) => `Entry ${i} of the live blog, with what happened.`);
    const texts = ['Tue 4 June 2024 09:00 BST', ...body.slice(0, 8), '14:03 BST', body[8]!, '12 March 2022', body[9]!, 'Updated 15:55 BST'];
    const claims = claimedBy(texts, exampleEntry());
    expect(claims[0]).toBe('timestamp');
    expect(claims.slice(1, -1).every((rule) => rule === null)).toBe(true);
    expect(claims.at(-1)).toBe('update-line');
  });

  it('should read a long row of times, dates and date words one way, so a row that ends in another word is kept at once', () => {
    // "10:32 am" was a time, or a time and "am"; "2024-03-12" a date, or three numbers: a row
    // of forty of them that was no date line was tried every way (hours)
    const times = Array.from({ length: 40 }, (_, i) => `${10 + (i % 12)}:${String(i).padStart(2, '0')} am`).join(' | ');
    const dates = Array.from({ length: 40 }, (_, i) => `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10.32 Uhr`).join(' | ');
    const words = Array.from({ length: 40 }, () => '12 mar الاثنين').join(' ');
    const texts = [`Updated ${times}`, 'The court sat.', `${times} | Total`, `Updated ${dates} | Total`, `By Dr Lorenzo Vidino | ${times} | Total`, `Updated ${words} x`, `Updated ${dates}`];
    expect(claimedBy(texts, exampleEntry())).toEqual(['update-line', null, null, null, null, null, 'update-line']);
  });

  it('should keep a table\'s source line under its last row, and remove the same line elsewhere as a map credit', () => {
    const texts = [
      'The attacks were spread across the region.',
      'Country | Attacks | Killed',
      'Iraq | 260 | 3',
      'Source: Conflict Watch incident database.',
      'The figures were compiled from local reports.',
      'Source: Conflict Watch incident database.',
    ];
    expect(claimedBy(texts, exampleEntry())).toEqual([null, null, null, null, null, 'map-credit']);
  });

  it('should keep a short sentence printed twice ("No."), and report it', () => {
    const texts = ['Did they return?', 'No.', 'Were they charged?', 'No.', 'The ministry declined to comment.'];
    const result = findBoilerplate(texts, rules, exampleEntry());
    expect(result.claims).toEqual([]);
    expect(result.repeatedKept).toEqual([[1, 3]]);
  });

  it('should keep a body paragraph printed twice, both times, and report it', () => {
    const paragraph = 'The group has lost almost all of the territory it held in 2014, but it has not lost its ability to strike.';
    const texts = ['Intro.', paragraph, 'Middle.', paragraph, 'End.'];
    const result = findBoilerplate(texts, rules, exampleEntry());
    expect(result.claims).toEqual([]);
    expect(result.repeatedKept).toEqual([[1, 3]]);
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

describe('normalize rules: honorifics', () => {
  it('should match an author printed with or without the honorific the manifest keeps apart', () => {
    const entry = sourceEntrySchema.parse(entryFixture('x', { authors: [{ name: 'Jane Roe', honorific: 'Prof' }] }));
    expect(
      claimedBy(['Prof Jane Roe is a lecturer in war studies.', 'Prof. Jane Roe is a lecturer.', 'Jane Roe is a lecturer.', 'Dr Jane Roe is here.'], entry, [byName('author-role')]),
    ).toEqual(['author-role', 'author-role', 'author-role', null]);
  });
});

describe('normalize rules: a standfirst the manifest does not record', () => {
  const detect = (texts: string[], headline: string) => {
    const entry = sourceEntrySchema.parse(entryFixture('x', { headline: { value: headline }, authors: [{ name: 'Jane Roe' }] }));
    const claims = claimedBy(texts, entry).map((rule) => rule ?? undefined);
    return findStandfirst(texts, claims, looksLikeHeading);
  };

  it('should find the paragraph between the headline and the first section heading', () => {
    const texts = ['The long wait', 'A summary sentence that stands apart from the body.', 'The first section', 'Body text follows here, at length.'];
    expect(detect(texts, 'The long wait')).toEqual({ index: 1, reason: 'the one paragraph between the headline and the first section heading' });
  });

  it('should find the paragraph between the headline and the byline', () => {
    const texts = ['The long wait', 'A summary sentence that stands apart from the body.', 'By Jane Roe', '4 June 2021', 'Body text follows here.'];
    expect(detect(texts, 'The long wait')?.index).toBe(1);
  });

  it('should take a paragraph printed after the byline and date for the lead, not a standfirst', () => {
    const texts = ['The long wait', 'By Jane Roe', '4 June 2021', 'The first paragraph of the body says what happened.', 'A long campaign', 'Body text follows here, at length.'];
    expect(detect(texts, 'The long wait')).toBeNull();
  });

  it('should find none when the first paragraph runs straight into the body, or there is no headline line', () => {
    expect(detect(['The long wait', 'The first paragraph of the body.', 'The second paragraph of the body.'], 'The long wait')).toBeNull();
    expect(detect(['A summary sentence.', 'By Jane Roe', 'Body.'], 'Not in the text')).toBeNull();
  });
});
