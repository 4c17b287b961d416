import { describe, expect, it } from 'vitest';
import { findNumbers, markNumbers, numberSentences, splitSentences } from '../../src/corpus/numbers';

const texts = (spans: { text: string }[]) => spans.map((s) => s.text);

describe('splitSentences', () => {
  it('should split at full stops, question and exclamation marks followed by a new sentence', () => {
    expect(texts(splitSentences('ISIS is reeling. Where will they go? Nobody knows!'))).toEqual([
      'ISIS is reeling.',
      'Where will they go?',
      'Nobody knows!',
    ]);
  });

  it('should keep closing quotes with their sentence and give offsets into the text', () => {
    const text = 'He said “No.” Then he left.';
    const spans = splitSentences(text);
    expect(texts(spans)).toEqual(['He said “No.”', 'Then he left.']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('should not split after initials, dotted abbreviations or titles', () => {
    expect(texts(splitSentences('Colin P. Clarke wrote it. U.S. forces and Dr. Vidino agree.'))).toEqual([
      'Colin P. Clarke wrote it.',
      'U.S. forces and Dr. Vidino agree.',
    ]);
  });

  it('should not split before a lower-case word', () => {
    expect(texts(splitSentences('It costs approx. ten dollars.'))).toEqual(['It costs approx. ten dollars.']);
  });
});

describe('findNumbers', () => {
  it('should find figures with thousands separators, decimals and percentages', () => {
    expect(texts(findNumbers('Roughly 30,000 joined; 75% were killed; 1.5 million fled; 20 per cent stayed.'))).toEqual([
      '30,000',
      '75%',
      '1.5',
      'million',
      '20 per cent',
    ]);
  });

  it('should find number words, but not "one"', () => {
    expect(texts(findNumbers('One of them said hundreds, a dozen or three.'))).toEqual(['hundreds', 'dozen', 'three']);
  });

  it('should leave out years, 9/11-style dates and version labels', () => {
    expect(findNumbers('Since 2014, after 9/11, ISIS 2.0 and the ISIS, 2.0 model')).toEqual([]);
    expect(findNumbers('Web 2.0, Industry 4.0, al-Qaeda 2.0 and version 1.1 of the plan')).toEqual([]);
  });

  it('should keep a decimal after a name when a scale follows it, or after a word that is no name', () => {
    expect(texts(findNumbers('In Iraq 1.5 million fled; Syria 2.5 per cent; rates rose 2.5 times'))).toEqual(['1.5', 'million', '2.5 per cent', '2.5']);
    expect(texts(findNumbers('Around 2.5 tonnes of explosives were seized.'))).toEqual(['2.5']);
    expect(texts(findNumbers('Nearly 3.5 times as many fled, and in Germany 2.5 times more.'))).toEqual(['3.5', '2.5']);
  });

  it('should not take digits inside words or ids', () => {
    expect(findNumbers('cnn-3fa2c1 and G20')).toEqual([]);
  });

  it('should give offsets into the sentence', () => {
    const sentence = 'up to 6,500 fighters';
    const [n] = findNumbers(sentence);
    expect(sentence.slice(n!.start, n!.end)).toBe('6,500');
  });
});

describe('numberSentences', () => {
  const articles = [
    {
      slug: 'a',
      passages: [
        { id: 'a-000001', order: 0, text: 'No figures here. Or here.' },
        { id: 'a-000002', order: 1, text: 'In 2017 nothing. About 6,000 left. The rest stayed.' },
      ],
    },
  ];

  it('should list only the sentences that carry a number, with their passage', () => {
    const found = numberSentences(articles);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ article: 'a', passageId: 'a-000002', passageOrder: 1 });
    expect(found[0]!.sentence.text).toBe('About 6,000 left.');
    expect(articles[0]!.passages[1]!.text.slice(found[0]!.sentence.start, found[0]!.sentence.end)).toBe('About 6,000 left.');
  });

  it('should cut a sentence into plain and number parts that join back to it', () => {
    const [found] = numberSentences(articles);
    const parts = markNumbers(found!);
    expect(parts).toEqual([
      { text: 'About ', isNumber: false },
      { text: '6,000', isNumber: true },
      { text: ' left.', isNumber: false },
    ]);
  });
});
