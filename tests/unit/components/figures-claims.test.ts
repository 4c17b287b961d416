/**
 * FiguresClaims: the figures table's section, or, for a dossier without grouped figures (any
 * new one), a note saying so and where an editor adds them — not "0 quantities" over an empty table.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import FiguresClaims from '../../../src/components/FiguresClaims.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

describe('FiguresClaims', () => {
  it('should say that no figures are set side by side yet, and where they are added, with no table', async () => {
    const html = await container.renderToString(FiguresClaims, { props: { groups: [], sources: [], rows: [] } });
    expect(html).toContain('No figures set side by side yet');
    expect(html).toMatch(/ in <code>content\/claims\.yaml<\/code>/);
    expect(html).not.toContain('<table');
    expect(html).not.toMatch(/\b0 quantities/);
  });
});
