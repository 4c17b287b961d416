import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitAcrossPassages } from '../../src/annotations/anchoring/split-selection';

const passages = [
  { id: 'src-000001', text: 'The group lost its last town in March.' },
  { id: 'src-000002', text: '   ' },
  { id: 'src-000003', text: 'Its fighters scattered into the desert, and some went home.' },
  { id: 'src-000004', text: 'Officials expect attacks to continue.' },
];

describe('splitAcrossPassages', () => {
  it('should keep a selection inside one passage as one range', () => {
    expect(splitAcrossPassages(passages, { index: 0, offset: 4 }, { index: 0, offset: 9 })).toEqual([{ passageId: 'src-000001', start: 4, end: 9 }]);
  });

  it('should cut a selection over two passages at the passage boundary', () => {
    expect(splitAcrossPassages(passages, { index: 2, offset: 40 }, { index: 3, offset: 9 })).toEqual([
      { passageId: 'src-000003', start: 40, end: 59 },
      { passageId: 'src-000004', start: 0, end: 9 },
    ]);
  });

  it('should take middle passages whole and leave out parts that are only white space', () => {
    const march = passages[0]!.text.indexOf(' March');
    const parts = splitAcrossPassages(passages, { index: 0, offset: march }, { index: 3, offset: 0 });
    expect(parts).toEqual([
      { passageId: 'src-000001', start: march + 1, end: passages[0]!.text.length },
      { passageId: 'src-000003', start: 0, end: passages[2]!.text.length },
    ]);
  });

  it('should accept the ends in either order (a selection made backwards)', () => {
    expect(splitAcrossPassages(passages, { index: 3, offset: 9 }, { index: 2, offset: 40 })).toEqual(
      splitAcrossPassages(passages, { index: 2, offset: 40 }, { index: 3, offset: 9 }),
    );
  });

  it('should cover exactly the selected non-space text, each part inside its passage', () => {
    const point = fc.integer({ min: 0, max: passages.length - 1 }).chain((index) =>
      fc.record({ index: fc.constant(index), offset: fc.integer({ min: 0, max: passages[index]!.text.length }) }),
    );
    fc.assert(
      fc.property(point, point, (a, b) => {
        const parts = splitAcrossPassages(passages, a, b);
        const [from, to] = a.index < b.index || (a.index === b.index && a.offset <= b.offset) ? [a, b] : [b, a];
        const selected = passages
          .slice(from.index, to.index + 1)
          .map((p, i, all) => p.text.slice(i === 0 ? from.offset : 0, i === all.length - 1 ? to.offset : p.text.length))
          .join(' ');
        expect(parts.map((p) => passages.find((x) => x.id === p.passageId)!.text.slice(p.start, p.end)).join(' ').replace(/\s+/g, ' ')).toBe(
          selected.replace(/\s+/g, ' ').trim(),
        );
        for (const p of parts) expect(p.end).toBeGreaterThan(p.start);
        expect(new Set(parts.map((p) => p.passageId)).size).toBe(parts.length);
      }),
    );
  });
});
