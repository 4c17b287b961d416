import { describe, expect, it } from 'vitest';
import { readThemes } from '../../src/corpus/analysis-data';
import { contrastRatio, deltaE, VISIONS } from '../colour';

const WHITE = '#ffffff';
const DARK = '#16181d';
const themes = readThemes().themes;

describe('colour maths', () => {
  it('should give the known WCAG contrast of black on white and of a colour with itself', () => {
    expect(contrastRatio('#000000', WHITE)).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#4a60c4', '#4a60c4')).toBe(1);
  });

  it('should make red and green hard to tell apart for a deuteranope, not for normal vision', () => {
    expect(deltaE('#cc3333', '#4d8a00', 'normal')).toBeGreaterThan(50);
    expect(deltaE('#cc3333', '#4d8a00', 'deuteranopia')).toBeLessThan(deltaE('#cc3333', '#4d8a00', 'normal') / 2);
  });
});

describe('theme colours', () => {
  it.each(themes.map((t) => [t.id, t.color, t.colorDark ?? t.color] as const))(
    '%s should pass 3:1 as a mark on white and on the dark background',
    (_id, light, dark) => {
      expect(contrastRatio(light, WHITE)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(dark, DARK)).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(VISIONS)('should keep every pair at least 15 ΔE*ab apart with %s', (vision) => {
    for (const scheme of ['light', 'dark'] as const) {
      const colours = themes.map((t) => (scheme === 'light' ? t.color : (t.colorDark ?? t.color)));
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) {
          const d = deltaE(colours[i]!, colours[j]!, vision);
          expect(d, `${themes[i]!.id} vs ${themes[j]!.id} (${scheme})`).toBeGreaterThanOrEqual(15);
        }
      }
    }
  });
});
