import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  encodeTerm,
  encodeTextDirective,
  findTextDirective,
  LONG_QUOTE,
  parseFragment,
  passageFragment,
  textDirectiveFor,
  wordRange,
} from '../../src/annotations/anchoring/text-fragment';

describe('encodeTextDirective', () => {
  it('should percent-encode commas, dashes and ampersands, which the syntax reserves', () => {
    expect(encodeTextDirective({ textStart: 'Syria, Iraq & al-Qaeda' })).toBe('text=Syria%2C%20Iraq%20%26%20al%2DQaeda');
  });

  it('should encode non-ASCII characters as UTF-8 percent escapes', () => {
    expect(encodeTerm('de-facto capital – Raqqa’s “days”')).toBe(
      'de%2Dfacto%20capital%20%E2%80%93%20Raqqa%E2%80%99s%20%E2%80%9Cdays%E2%80%9D',
    );
    expect(encodeTerm('Ḥarakat al‑Shabaab')).toBe('%E1%B8%A4arakat%20al%E2%80%91Shabaab');
  });

  it('should mark prefix with a trailing dash and suffix with a leading dash', () => {
    expect(encodeTextDirective({ prefix: 'the', textStart: 'caliphate', textEnd: 'crumbles', suffix: 'ISIS' })).toBe(
      'text=the-,caliphate,crumbles,-ISIS',
    );
  });

  it('should build a passage fragment with the directive after :~:', () => {
    expect(passageFragment('cnn-3fa2c1', { textStart: 'remain and expand' })).toBe('#cnn-3fa2c1:~:text=remain%20and%20expand');
    expect(passageFragment('cnn-3fa2c1')).toBe('#cnn-3fa2c1');
  });
});

describe('parseFragment', () => {
  it('should read the passage id and every text directive', () => {
    expect(parseFragment('#cnn-3fa2c1:~:text=the-,caliphate,crumbles,-ISIS&text=Raqqa')).toEqual({
      id: 'cnn-3fa2c1',
      directives: [
        { prefix: 'the', textStart: 'caliphate', textEnd: 'crumbles', suffix: 'ISIS' },
        { textStart: 'Raqqa' },
      ],
    });
  });

  it('should decode reserved and non-ASCII characters', () => {
    expect(parseFragment('#x-000000:~:text=Syria%2C%20Iraq%20%26%20al%2DQaeda%20%E2%80%93%20%E2%80%9Cdays%E2%80%9D').directives).toEqual([
      { textStart: 'Syria, Iraq & al-Qaeda – “days”' },
    ]);
  });

  it('should return no directive for a plain passage fragment', () => {
    expect(parseFragment('#bbc-0a1b2c')).toEqual({ id: 'bbc-0a1b2c', directives: [] });
  });

  it('should skip malformed directives instead of throwing', () => {
    expect(parseFragment('#a-000000:~:text=%E0%A4%A&text=&text=a,b,c,d,e&text=un-escaped&foo=bar&text=ok').directives).toEqual([
      { textStart: 'ok' },
    ]);
  });

  it('should round-trip any directive through encode and parse', () => {
    const term = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(term, fc.option(term, { nil: undefined }), fc.option(term, { nil: undefined }), fc.option(term, { nil: undefined }), (textStart, textEnd, prefix, suffix) => {
        const directive = { textStart, ...(textEnd ? { textEnd } : {}), ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) };
        expect(parseFragment(`#p-000000:~:${encodeTextDirective(directive)}`).directives).toEqual([directive]);
      }),
    );
  });
});

describe('findTextDirective', () => {
  const text = 'ISIS is evolving. ISIS is evolving from territorial to ideological threat.';

  it('should find the first whole-word, case-insensitive match', () => {
    expect(findTextDirective(text, { textStart: 'isis IS   evolving' })).toEqual({ start: 0, end: 16 });
    expect(findTextDirective(text, { textStart: 'volving' })).toBeNull();
  });

  it('should use prefix and suffix to select a later occurrence', () => {
    expect(findTextDirective(text, { textStart: 'ISIS is evolving', suffix: 'from' })).toEqual({ start: 18, end: 34 });
    expect(findTextDirective(text, { prefix: 'evolving.', textStart: 'ISIS' })).toEqual({ start: 18, end: 22 });
  });

  it('should compare base characters only, as browsers do: accents and case ignored', () => {
    const page = 'Ḥarakat al-Shabaab, then Harakat al-Shabaab; ﬁnal words: Final words';
    expect(findTextDirective(page, { textStart: 'harakat AL-SHABAAB' })).toEqual({ start: 0, end: 18 });
    expect(findTextDirective(page, { prefix: 'then', textStart: 'Ḥarakat' })).toEqual({ start: 25, end: 32 });
    expect(findTextDirective(page, { textStart: 'final words' })).toEqual({ start: 45, end: 55 });
    // Decomposed accents (a letter followed by a combining mark) fold the same way.
    expect(findTextDirective('Raqqa; Raqqa\u0301', { prefix: ';', textStart: 'raqqá' })).toEqual({ start: 7, end: 13 });
  });

  it('should select a range from textStart to textEnd', () => {
    expect(findTextDirective(text, { textStart: 'from', textEnd: 'threat' })).toEqual({ start: text.indexOf('from'), end: text.lastIndexOf('threat') + 'threat'.length });
  });
});

describe('wordRange', () => {
  it('should widen a selection to whole words and drop surrounding spaces', () => {
    const t = 'the caliphate crumbles';
    expect(wordRange(t, 6, 16)).toEqual({ start: 4, end: 22 });
    expect(wordRange(t, 3, 14)).toEqual({ start: 4, end: 13 });
  });
});

describe('textDirectiveFor', () => {
  const passage = 'For some ISIS fighters, there will be no escape from the battles of Mosul and Raqqa. Nor do they want one. Urged on by the messages of al-Adnani and al-Baghdadi, they will embrace martyrdom in the alleyways of Mosul and the wide expanses of the Jazeera desert.';
  const select = (quote: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = passage.indexOf(quote, at + 1);
    return [at, at + quote.length] as const;
  };
  const roundTrip = (start: number, end: number) => {
    const d = textDirectiveFor(passage, start, end);
    const parsed = parseFragment(`#cnn-72990c:~:${encodeTextDirective(d)}`).directives[0]!;
    return { d, found: findTextDirective(passage, parsed) };
  };

  it('should use the bare quote when it is unique', () => {
    const [s, e] = select('Nor do they want one');
    expect(textDirectiveFor(passage, s, e)).toEqual({ textStart: 'Nor do they want one' });
  });

  it('should add context when the quote is not unique', () => {
    const [s, e] = select('Mosul', 1);
    const { d, found } = roundTrip(s, e);
    expect(d.textStart).toBe('Mosul');
    expect(d.prefix ?? d.suffix).toBeTruthy();
    expect(found).toEqual({ start: s, end: e });
  });

  it('should link a long quote by its first and last words', () => {
    const [s, e] = select('Urged on by the messages of al-Adnani and al-Baghdadi, they will embrace martyrdom in the alleyways of Mosul');
    expect(e - s).toBeGreaterThan(LONG_QUOTE);
    const { d, found } = roundTrip(s, e);
    expect(d.textStart).toBe('Urged on by the');
    expect(d.textEnd).toBe('the alleyways of Mosul');
    expect(found).toEqual({ start: s, end: e });
  });

  it('should widen a selection that cuts words in half', () => {
    const [s] = select('escape from');
    const d = textDirectiveFor(passage, s + 2, s + 8);
    expect(d).toEqual({ textStart: 'escape from' });
  });

  it('should check uniqueness against the whole scope, not only the passage', () => {
    const other = 'Nor do they want one thing.';
    const scopeText = `${other}\n\n${passage}`;
    const [s, e] = select('Nor do they want one');
    const d = textDirectiveFor(passage, s, e, { text: scopeText, offset: other.length + 2 });
    expect(d.prefix ?? d.suffix).toBeTruthy();
    expect(findTextDirective(scopeText, d)).toEqual({ start: other.length + 2 + s, end: other.length + 2 + e });
  });

  it('should add context when the quote also occurs outside the passage with other accents or case', () => {
    const heading = 'ISIS REMAINS ACTIVE IN MANY OF THESE PLACES';
    const text = 'Even as it is under pressure, Isis remains active in many of these places.';
    const scope = { text: `${heading}\n${text}`, offset: heading.length + 1 };
    const start = text.indexOf('Isis remains');
    const d = textDirectiveFor(text, start, start + 'Isis remains active'.length, scope);
    expect(d.prefix ?? d.suffix).toBeTruthy();
    expect(findTextDirective(scope.text, d)).toEqual({ start: scope.offset + start, end: scope.offset + start + 'Isis remains active'.length });
    const accented = { text: `Pressure — Présidence\n${'under pressure, the presidence'}`, offset: 'Pressure — Présidence'.length + 1 };
    const passage = 'under pressure, the presidence';
    const at = passage.indexOf('presidence');
    const linked = textDirectiveFor(passage, at, at + 10, accented);
    expect(findTextDirective(accented.text, linked)).toEqual({ start: accented.offset + at, end: accented.offset + at + 10 });
    expect(linked.prefix).toBeTruthy();
  });

  it('should select exactly the chosen words for any selection', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: passage.length - 1 }), fc.integer({ min: 1, max: 140 }), (start, length) => {
        const end = Math.min(passage.length, start + length);
        const range = wordRange(passage, start, end);
        fc.pre(range.end > range.start);
        const { found } = roundTrip(start, end);
        expect(found).toEqual(range);
      }),
      { numRuns: 200 },
    );
  });
});
