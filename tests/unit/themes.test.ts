import { describe, expect, it } from 'vitest';
import { parseThemeOverrides, parseThemes, readThemes } from '../../src/corpus/analysis-data';
import type { ThemesFile } from '../../src/corpus/analysis-schema';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { tokenize as tokensOf } from '../../src/corpus/text';
import { autoTagPassages, backgroundWords, compileThemes, opensWithReference, scorePassages, scoreTagging, scoreText, tagPassages } from '../../src/corpus/themes';

const TAXONOMY = [
  'territorial-collapse',
  'underground-insurgency',
  'foreign-fighters',
  'returnees-and-europe',
  'affiliates-and-new-fronts',
  'virtual-caliphate',
  'inspired-attacks',
  'al-qaeda-and-rivals',
  'turkey-and-borders',
  'justice-and-deradicalisation',
  'counterterrorism-strategy',
];

const themesFile = (yaml: string) => parseThemes(yaml, 'test-themes.yaml');

const SMALL = themesFile(`
threshold: 2
themes:
  - id: returnees
    label: Returnees
    description: Fighters going home.
    color: "#4a60c4"
    match:
      returnee: 2
      return home: 2
      europe: 1
      west africa: -1
    exclude: [never returned]
  - id: online
    label: Online
    description: The internet.
    color: "#ad43a1"
    threshold: 1
    match:
      "=virtual": 1
      lose * territory: 1
`);

const passage = (id: string, text: string, order = 0, article = 'a', section: PassageLike['section'] = null): PassageLike => ({
  id,
  article,
  order,
  section,
  text,
});

describe('content/themes.yaml', () => {
  it('should define exactly the eleven themes of the taxonomy, in order, each with label and description', () => {
    const themes = readThemes();
    expect(themes.themes.map((t) => t.id)).toEqual(TAXONOMY);
    for (const t of themes.themes) {
      expect(t.label.length).toBeGreaterThan(3);
      expect(t.description.length).toBeGreaterThan(40);
    }
    expect(() => compileThemes(themes)).not.toThrow();
  });
});

describe('theme rules', () => {
  it('should match phrases by stem, so plural and inflected forms count', () => {
    const tags = autoTagPassages([passage('a-000001', 'The returnees will try to returning home soon.')], SMALL);
    expect(tags.get('a-000001')).toEqual(['returnees']);
  });

  it('should leave text in another language untagged, whatever words it shares with the rules; regional English is read', () => {
    const text = 'The returnees will try to returning home soon.';
    const tags = autoTagPassages(
      [
        { ...passage('a-000001', text), language: 'fr' },
        { ...passage('b-000001', text), article: 'b', language: 'en-GB' },
      ],
      SMALL,
    );
    expect(tags.get('a-000001')).toEqual([]);
    expect(tags.get('b-000001')).toEqual(['returnees']);
    // an editor may still tag it by hand
    const tagged = tagPassages([{ ...passage('a-000001', text), language: 'fr' }], SMALL, parseThemeOverrides('a-000001: { add: [returnees] }'));
    expect(tagged.get('a-000001')).toEqual(['returnees']);
  });

  it('should count a phrase at most twice', () => {
    const [score] = scoreText('Returnee, returnee, returnee, returnee.', compileThemes(SMALL));
    expect(score!.hits).toEqual([{ phrase: 'returnee', count: 2, weight: 2 }]);
    expect(score!.score).toBe(4);
  });

  it('should stay below the threshold on a single weak mention', () => {
    const tags = autoTagPassages([passage('a-000001', 'Europe was quiet.')], SMALL);
    expect(tags.get('a-000001')).toEqual([]);
  });

  it('should let negative weights count against a theme', () => {
    const scores = scoreText('A returnee came back from West Africa.', compileThemes(SMALL));
    expect(scores[0]!.score).toBe(1);
    expect(scores[0]!.applies).toBe(false);
  });

  it('should keep a theme off when an exclusion phrase occurs', () => {
    const [score] = scoreText('The returnee never returned home.', compileThemes(SMALL));
    expect(score!.score).toBeGreaterThanOrEqual(2);
    expect(score!.excludedBy).toBe('never returned');
    expect(score!.applies).toBe(false);
  });

  it('should let * stand for up to three words, and no more', () => {
    const compiled = compileThemes(SMALL);
    expect(scoreText('They lose much of their territory.', compiled)[1]!.applies).toBe(true);
    expect(scoreText('They lose, in the end and for good, territory.', compiled)[1]!.applies).toBe(false);
  });

  it('should match =word exactly rather than by stem', () => {
    const compiled = compileThemes(SMALL);
    expect(scoreText('A virtual caliphate.', compiled)[1]!.applies).toBe(true);
    expect(scoreText('It is virtually impossible.', compiled)[1]!.applies).toBe(false);
  });

  it('should lend a share of the section heading and of the previous passage', () => {
    const withContext: ThemesFile = { ...SMALL, context: { section: 0.5, previous: 0.5, continuation: 0 } };
    const section = { id: 'the-returnee-question', title: 'The returnee question' };
    const passages = [
      passage('a-000001', 'A returnee went back to Europe.', 0),
      passage('a-000002', 'Europe worries about them.', 1, 'a', section),
      passage('b-000001', 'Europe worries about them.', 0, 'b'),
    ];
    const scores = scorePassages(passages, withContext);
    // own 1 (europe) + 0.5 × heading 2 (returnee) + 0.5 × previous 3
    expect(scores.get('a-000002')![0]!.score).toBe(3.5);
    expect(scores.get('a-000002')![0]!.fromContext).toBe(2.5);
    expect(autoTagPassages(passages, withContext).get('a-000002')).toEqual(['returnees']);
    // The same text without that context stays below the threshold.
    expect(autoTagPassages(passages, withContext).get('b-000001')).toEqual([]);
  });

  it('should carry a theme on to a passage that opens by referring back, within its section only', () => {
    const carrying: ThemesFile = { ...SMALL, context: { section: 0, previous: 0, continuation: 0.6 } };
    const one = { id: 'one', title: 'One' };
    const two = { id: 'two', title: 'Two' };
    const passages = [
      passage('a-000001', 'Every returnee was questioned at the airport.', 0, 'a', one),
      passage('a-000002', 'Most of them said nothing about Europe.', 1, 'a', one),
      // A second "they" paragraph: the subject carries on down the run…
      passage('a-000003', 'Some of these men spoke later, about Europe.', 2, 'a', one),
      // …but not across a heading, nor into a paragraph that starts afresh.
      passage('a-000004', 'They said nothing about Europe.', 3, 'a', two),
      passage('b-000001', 'Every returnee was questioned at the airport.', 0, 'b', one),
      passage('b-000002', 'The airport said nothing about Europe.', 1, 'b', one),
    ];
    const tags = autoTagPassages(passages, carrying);
    expect(tags.get('a-000002')).toEqual(['returnees']);
    expect(tags.get('a-000003')).toEqual(['returnees']);
    expect(tags.get('a-000004')).toEqual([]);
    expect(tags.get('b-000002')).toEqual([]);
    // own 1 (europe) + 0.6 of the threshold 2
    expect(scorePassages(passages, carrying).get('a-000002')![0]!.score).toBe(2.2);
    // With no continuation share the same run stops at its first paragraph.
    expect(autoTagPassages(passages, { ...carrying, context: { section: 0, previous: 0, continuation: 0 } }).get('a-000002')).toEqual([]);
  });

  it('should read a passage as referring back only when a referring word opens it', () => {
    expect(opensWithReference('They will try to use migrant routes.')).toBe(true);
    expect(opensWithReference('Such attacks ensure a flow of recruits.')).toBe(true);
    expect(opensWithReference('If detecting them is a problem, so is the rest.')).toBe(true);
    // "it" mostly names the group itself, or nothing.
    expect(opensWithReference('It is plausible that the group will adapt.')).toBe(false);
    expect(opensWithReference('Europe has long worried about what the returnees would do next with them.')).toBe(false);
  });

  it('should reject two phrases that stem alike, naming the file and the theme', () => {
    const twins = themesFile(`
threshold: 2
themes:
  - id: attacks
    label: Attacks
    description: Attacks.
    color: "#95577b"
    match: { attack: 1, attacks: 1 }
`);
    expect(() => compileThemes(twins, 'content/themes.yaml')).toThrow(
      /content\/themes\.yaml: theme "attacks": phrases "attack" and "attacks" match the same words/,
    );
  });

  it('should reject a themes file that breaks the schema, naming the file and field', () => {
    expect(() => themesFile('threshold: 2\nthemes:\n  - id: x\n    label: X\n    description: d\n    color: red\n    match: {a: 1}\n')).toThrow(
      /test-themes\.yaml:6: field themes\[0\]\.color: a colour as #rrggbb/,
    );
  });
});

describe('background clauses and supporting phrases', () => {
  const COUNTING = themesFile(`
threshold: 2
background: 0.5
themes:
  - id: territory
    label: Territory
    description: Losing ground.
    color: "#d85250"
    match: { lose * territory: 2 }
  - id: fighters
    label: Fighters
    description: Foreign fighters.
    color: "#bc8b0f"
    match: { foreign * fighter: 1 }
    support: { thousands: 1, estimate: 1 }
`);
  const score = (text: string, id: string, file: ThemesFile = COUNTING) =>
    scoreText(text, compileThemes(file), undefined, file.background).find((s) => s.themeId === id)!.score;
  const marked = (text: string) => {
    const words = text.match(/[\p{L}']+/gu)!;
    const flags = backgroundWords(text, tokensOf(text));
    return words.filter((_, i) => flags[i]).join(' ');
  };

  it('should mark a clause opened by "amid" or "despite" as background, up to the punctuation that ends it', () => {
    expect(marked('Amid the loss of its territory, the group kept publishing.')).toBe('Amid the loss of its territory');
    expect(marked('The army advanced – despite fierce resistance. Then it stopped.')).toBe('despite fierce resistance');
    expect(marked('The group lost its territory and its leaders.')).toBe('');
  });

  it('should count a phrase in a background clause for `background` of its weight, and in the main clause in full', () => {
    expect(score('Amid attempts to lose no more territory, the group published videos.', 'territory')).toBe(1);
    expect(score('The group will lose its territory, despite the videos.', 'territory')).toBe(2);
    // Without `background` in the file, a background clause counts like any other.
    const flat = themesFile(`threshold: 2
themes: [{ id: territory, label: T, description: D, color: "#d85250", match: { lose * territory: 2 } }]`);
    expect(score('Amid attempts to lose no more territory, the group published videos.', 'territory', flat)).toBe(2);
  });

  it('should count supporting phrases only beside a phrase that names the theme', () => {
    expect(score('Officials estimate that thousands of returnees are back.', 'fighters')).toBe(0);
    expect(score('Officials estimate that thousands of foreign fighters went.', 'fighters')).toBe(3);
  });
});

describe('the decision: main subjects, fallback and off-topic', () => {
  const THREE = themesFile(`
threshold: 2
decision: { relative: 0.5, fallback: 0.5 }
themes:
  - id: courts
    label: Courts
    description: Trials.
    color: "#8484f7"
    match: { court: 2, trial: 2, judge: 2 }
  - id: borders
    label: Borders
    description: Borders.
    color: "#5f8fd7"
    match: { border: 2, passport: 1 }
  - id: online
    label: Online
    description: The internet.
    color: "#ad43a1"
    match: { online: 2 }
`);
  const tag = (text: string, file: ThemesFile = THREE) => autoTagPassages([passage('a-000001', text)], file).get('a-000001');

  it('should drop a theme over its threshold that is only an aside beside the main subject', () => {
    // courts 2 × (court, trial, judge) = 6 → 3× its threshold; borders 2 → 1×, under half of 3×.
    expect(tag('The court heard the trial; the judge asked about the border.')).toEqual(['courts']);
    // Without the relative rule both apply, as they did before.
    expect(tag('The court heard the trial; the judge asked about the border.', { ...THREE, decision: { relative: 0, fallback: 1 } })).toEqual([
      'courts',
      'borders',
    ]);
  });

  it('should keep two themes of comparable strength', () => {
    expect(tag('The court ruled on the border.')).toEqual(['courts', 'borders']);
  });

  it('should give a passage under every threshold its strongest theme when that comes close', () => {
    expect(tag('He showed his passport.')).toEqual(['borders']);
    expect(tag('He showed his passport.', { ...THREE, decision: { relative: 0.5, fallback: 1 } })).toEqual([]);
  });

  it('should leave a passage about none of the themes off-topic (no theme)', () => {
    expect(tag('So what comes next?')).toEqual([]);
  });
});

describe('tagPassages with overrides', () => {
  const passages = [passage('cnn-3fa2c1', 'A returnee came home.'), passage('cnn-9b04de', 'Nothing to see.')];

  it('should add and remove themes by hand, keeping taxonomy order', () => {
    const overrides = parseThemeOverrides(`
cnn-3fa2c1: { remove: [returnees], add: [online] }
cnn-9b04de: { add: [online, returnees] }
`);
    const tags = tagPassages(passages, SMALL, overrides);
    expect(tags.get('cnn-3fa2c1')).toEqual(['online']);
    expect(tags.get('cnn-9b04de')).toEqual(['returnees', 'online']);
  });

  it('should accept an empty overrides file', () => {
    expect(parseThemeOverrides('# nothing yet\n')).toEqual({});
    expect(tagPassages(passages, SMALL, parseThemeOverrides(''))).toEqual(autoTagPassages(passages, SMALL));
  });

  it('should throw, naming the file and the id, for a passage that does not exist', () => {
    const overrides = parseThemeOverrides('cnn-000000: { add: [online] }');
    expect(() => tagPassages(passages, SMALL, overrides)).toThrow(
      'content/theme-overrides.yaml: override for passage "cnn-000000", but no passage has that id.',
    );
  });

  it('should point to the surviving passage when the id was retired', () => {
    const overrides = parseThemeOverrides('cnn-01d1d0: { add: [online] }');
    expect(() => tagPassages(passages, SMALL, overrides, { retiredIds: { 'cnn-01d1d0': 'cnn-3fa2c1' } })).toThrow(
      /retired by the normaliser; its text now belongs to cnn-3fa2c1/,
    );
  });

  it('should throw, naming the file, the passage and the theme, for an unknown theme', () => {
    const overrides = parseThemeOverrides('cnn-3fa2c1: { add: [no-such-theme] }');
    expect(() => tagPassages(passages, SMALL, overrides, { overridesFile: 'my-overrides.yaml' })).toThrow(
      'my-overrides.yaml: override for passage "cnn-3fa2c1" names unknown theme "no-such-theme"',
    );
  });

  it('should refuse a theme both added and removed', () => {
    expect(() => parseThemeOverrides('cnn-3fa2c1: { add: [online], remove: [online] }')).toThrow(
      /both added and removed/,
    );
  });
});

describe('scoreTagging', () => {
  it('should compute per-theme and micro precision, recall and F1', () => {
    const gold = new Map([
      ['p1', ['x']],
      ['p2', ['x', 'y']],
      ['p3', []],
    ]);
    const predicted = new Map([
      ['p1', ['x']],
      ['p2', ['y']],
      ['p3', ['y']],
    ]);
    const s = scoreTagging(predicted, gold, ['x', 'y']);
    expect(s.perTheme[0]).toMatchObject({ themeId: 'x', tp: 1, fp: 0, fn: 1, precision: 1, recall: 0.5 });
    expect(s.perTheme[1]).toMatchObject({ themeId: 'y', tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1 });
    expect(s.micro.tp).toBe(2);
    expect(s.micro.f1).toBeCloseTo(2 / 3);
  });
});
