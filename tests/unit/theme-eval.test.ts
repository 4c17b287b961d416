import { describe, expect, it } from 'vitest';
import { parseThemes } from '../../src/corpus/analysis-data';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { autoTagPassages, scoreTagging } from '../../src/corpus/themes';
import { confusion, fitCalibration, leaveOneArticleOut, rulesHeldOut } from '../../scripts/lib/theme-eval';

const THEMES = parseThemes(
  `
threshold: 2
context: { section: 0, previous: 0, continuation: 0 }
themes:
  - id: courts
    label: Courts
    description: Trials.
    color: "#8484f7"
    match: { court: 2, trial: 1 }
  - id: borders
    label: Borders
    description: Borders.
    color: "#5f8fd7"
    match: { border: 2, smuggler: 1 }
`,
  'test-themes.yaml',
);

const p = (article: string, order: number, text: string): PassageLike => ({ id: `${article}-${String(order).padStart(6, '0')}`, article, order, section: null, text });

// Two outlets write in two styles: "a" keeps to the subject from one paragraph to the next
// ("they", "them"), so borrowing from the previous paragraph pays there and nowhere else.
const PASSAGES = [
  p('a', 0, 'Smugglers took them over the border.'),
  p('a', 1, 'They paid the smuggler twice.'),
  p('a', 2, 'The court opened the trial.'),
  p('a', 3, 'They heard the trial in full.'),
  p('b', 0, 'The border was closed.'),
  p('b', 1, 'A trial began at the court.'),
  p('b', 2, 'The weather was fine.'),
];
const LABELS = new Map<string, string[]>([
  ['a-000000', ['borders']],
  ['a-000001', ['borders']],
  ['a-000002', ['courts']],
  ['a-000003', ['courts']],
  ['b-000000', ['borders']],
  ['b-000001', ['courts']],
  ['b-000002', []],
]);

describe('leaveOneArticleOut', () => {
  it('should never show a model the labels of the article it tags', () => {
    const seen: string[][] = [];
    leaveOneArticleOut(PASSAGES, LABELS, (train, test) => {
      seen.push(train.map((x) => x.article));
      expect(train.some((x) => x.article === test[0]!.article)).toBe(false);
      return new Map(test.map((x) => [x.id, []]));
    });
    expect(seen).toEqual([['b', 'b', 'b'], ['a', 'a', 'a', 'a']]);
  });

  it('should score a calibration fitted elsewhere below the one fitted on the same labels', () => {
    const grid = [
      { context: { section: 0, previous: 0, continuation: 0 }, decision: { relative: 0, fallback: 1 } },
      { context: { section: 0, previous: 1, continuation: 0 }, decision: { relative: 0, fallback: 1 } },
    ];
    // Fitted on article a, borrowing from the previous paragraph wins…
    expect(fitCalibration(PASSAGES.filter((x) => x.article === 'a'), LABELS, THEMES, grid)).toBe(grid[1]);
    // …and on b it does not, so a held-out score differs from a training score.
    expect(fitCalibration(PASSAGES.filter((x) => x.article === 'b'), LABELS, THEMES, grid)).toBe(grid[0]);
    const ids = ['courts', 'borders'];
    const best = fitCalibration(PASSAGES, LABELS, THEMES, grid);
    const training = scoreTagging(autoTagPassages(PASSAGES, { ...THEMES, ...best }), LABELS, ids).micro.f1;
    const heldOut = scoreTagging(rulesHeldOut(PASSAGES, LABELS, THEMES, grid), LABELS, ids).micro.f1;
    expect(heldOut).toBeLessThan(training);
  });
});

describe('confusion', () => {
  it('should say which themes a theme is wrongly given for, and what a missed passage got instead', () => {
    const tags = new Map([
      ['x1', ['borders']],
      ['x2', ['borders']],
      ['x3', []],
    ]);
    const gold = new Map([
      ['x1', ['courts']],
      ['x2', []],
      ['x3', ['borders']],
    ]);
    const [courts, borders] = confusion(tags, gold, ['courts', 'borders']);
    expect(courts!.missedFor).toEqual(new Map([['borders', 1]]));
    expect(borders!.taggedInsteadOf).toEqual(new Map([['courts', 1], ['off-topic', 1]]));
    expect(borders!.missedFor).toEqual(new Map([['nothing else', 1]]));
  });
});
