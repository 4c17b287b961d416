/**
 * The fixture corpus (tests/fixtures/sources/): short sources written in the styles of
 * different kinds of outlet, each with the body it must produce and the lines the rules
 * must remove, by rule. Every body paragraph is kept whole, every furniture line removed.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture, fixtureNames, runFixture } from '../fixtures/sources/run.ts';

describe('normalize: the fixture corpus of outlet styles', () => {
  it('should hold at least ten sources', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(10);
  });

  for (const name of fixtureNames()) {
    describe(name, () => {
      it('should keep exactly the expected body, every paragraph whole and in order', async () => {
        const fixture = loadFixture(name);
        const result = await runFixture(fixture);
        expect(result.body).toEqual(fixture.body);
      });

      it('should remove exactly the expected lines, each by the expected rule', async () => {
        const fixture = loadFixture(name);
        const result = await runFixture(fixture);
        expect(result.removed).toEqual(fixture.removed);
      });

      if (loadFixture(name).dropped) {
        it('should leave out before the rules exactly what the case lists (page furniture of a PDF)', async () => {
          const fixture = loadFixture(name);
          const result = await runFixture(fixture);
          expect(result.dropped).toEqual(fixture.dropped);
        });
      }

      it('should warn exactly where the case says (a repeated body paragraph) and nowhere else', async () => {
        const fixture = loadFixture(name);
        const result = await runFixture(fixture);
        const warnings = result.log.filter((line) => line.includes('warning:'));
        expect(warnings).toHaveLength(fixture.warnings.length);
        fixture.warnings.forEach((expected, i) => expect(warnings[i]).toContain(expected));
      });
    });
  }
});
