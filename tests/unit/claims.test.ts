import { describe, expect, it } from 'vitest';
import { readArticles } from '../e2e/corpus';
import { ClaimsError, claimBar, claimsTable, groupsQuoting, loadClaims, parseClaims, resolveClaims } from '../../src/corpus/claims';

const sources = [
  {
    slug: 'alpha',
    passages: [
      { id: 'al-000001', order: 0, text: 'Roughly 30,000 foreign fighters joined IS.' },
      { id: 'al-000002', order: 1, text: 'About 6,000 of its citizens left to join.' },
    ],
  },
  { slug: 'beta', passages: [{ id: 'be-000001', order: 0, text: 'Tens of thousands came from dozens of countries.' }] },
];

const yaml = (claims: string) => `groups:
  - id: foreign-fighters
    label: Foreign fighters in total
    counts: fighters from abroad
    claims:
${claims}`;

const good = yaml(`      - source: alpha
        quote: Roughly 30,000 foreign fighters
        figure: about 30,000
        value: 30000
      - source: beta
        quote: Tens of thousands came
        figure: tens of thousands
`);

describe('parseClaims', () => {
  it('should place every quote in its passage', () => {
    const [group] = parseClaims(good, sources);
    expect(group!.claims.map((c) => [c.source, c.passageId, c.passageOrder, c.start])).toEqual([
      ['alpha', 'al-000001', 0, 0],
      ['beta', 'be-000001', 0, 0],
    ]);
  });

  it('should fail on a quote that is not in the text, naming the claim, the source, the line and the nearest text', () => {
    const text = yaml(`      - source: alpha
        quote: Roughly 30.000 foreign fighters
        figure: about 30,000
`);
    expect(() => parseClaims(text, sources, 'claims.yaml')).toThrow(ClaimsError);
    try {
      parseClaims(text, sources, 'claims.yaml');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('claims.yaml:7');
      expect(message).toContain('claim "foreign-fighters" (Foreign fighters in total)');
      expect(message).toContain('source "alpha"');
      expect(message).toContain('Nearest: passage al-000001 reads “Roughly 30,000 foreign fighters”');
    }
  });

  it('should fail on a quote found only in another source', () => {
    const text = yaml(`      - source: beta
        quote: Roughly 30,000 foreign fighters
        figure: about 30,000
`);
    expect(() => parseClaims(text, sources)).toThrow(/source "beta": the quote “Roughly 30,000 foreign fighters” is in none of its passages/);
  });

  it('should fail on an unknown source', () => {
    const text = yaml(`      - source: gamma
        quote: Roughly 30,000 foreign fighters
        figure: about 30,000
`);
    expect(() => parseClaims(text, sources)).toThrow(/unknown source "gamma"/);
  });

  it('should report every problem at once', () => {
    const text = yaml(`      - source: alpha
        quote: Not in the text at all
        figure: x
      - source: beta
        quote: Not there either, really
        figure: y
`);
    expect(() => parseClaims(text, sources)).toThrow(/^content\/claims\.yaml:7: 2 claims not found in the text/);
  });

  it('should reject a malformed file with the field and line at fault', () => {
    const text = yaml(`      - source: alpha
        quote: Roughly 30,000 foreign fighters
        figure: about 30,000
        value: [40000, 30000]
`);
    expect(() => parseClaims(text, sources, 'claims.yaml')).toThrow(/claims\.yaml:9: field groups\[0\]\.claims\[0\]\.value: .*low first/);
  });
});

describe('resolveClaims', () => {
  it('should take a quote verbatim only (no case or punctuation folding)', () => {
    const file = {
      groups: [{ id: 'g', label: 'G', counts: 'c', claims: [{ source: 'alpha', quote: 'roughly 30,000 foreign fighters', figure: 'x' }] }],
    };
    const { groups, problems } = resolveClaims(file, sources);
    expect(groups[0]!.claims).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});

describe('claimsTable and claimBar', () => {
  const groups = parseClaims(good, sources);

  it('should give one column per source that makes a claim, in the order given', () => {
    const table = claimsTable(groups, ['beta', 'gamma', 'alpha']);
    expect(table.sources).toEqual(['beta', 'alpha']);
    expect(table.rows[0]!.cells.map((c) => c.claims.length)).toEqual([1, 1]);
  });

  it('should scale bars only when at least two claims in the row have values', () => {
    const table = claimsTable(groups, ['alpha', 'beta']);
    expect(table.rows[0]!.scale).toBeNull();
    expect(claimBar(groups[0]!.claims[0]!, 60000)).toEqual({ low: 0.5, high: 0.5 });
    expect(claimBar({ source: 'a', quote: 'q', figure: 'f', value: [15000, 30000] }, 60000)).toEqual({ low: 0.25, high: 0.5 });
    expect(claimBar(groups[0]!.claims[1]!, 60000)).toBeNull();
  });

  it('should tell which groups quote a stretch of a passage', () => {
    expect(groupsQuoting(groups, 'al-000001', 0, 10).map((g) => g.id)).toEqual(['foreign-fighters']);
    expect(groupsQuoting(groups, 'al-000002', 0, 10)).toEqual([]);
  });
});

describe('content/claims.yaml', () => {
  const groups = loadClaims(readArticles());
  const rowOf = (source: string, words: string) => groups.filter((g) => g.claims.some((c) => c.source === source && c.quote.includes(words)));

  it('should have every quote in the current articles', () => {
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.claims.length, group.id).toBeGreaterThan(0);
  });

  it('should never put casualties (killed and wounded) in a row with people killed', () => {
    for (const g of groups) {
      const casualties = g.claims.some((c) => /casualt/i.test(c.quote));
      const killed = g.claims.some((c) => /\bkill(ed|ing)\b/i.test(c.quote));
      expect(casualties && killed, g.id).toBe(false);
    }
  });

  it('should keep the figures two sources give for ISIS’s finances side by side', () => {
    const [cnn] = rowOf('cnn-isis-2-0', 'finances slashed');
    expect(cnn, 'CNN on finances').toBeTruthy();
    expect(rowOf('defenseone-after-mosul', 'cut in half')).toEqual([cnn]);
  });

  it('should count the BBC’s “hundreds of battle-hardened fighters” among the returnees, beside its estimate', () => {
    const [row] = rowOf('bbc-returning-fighters', 'hundreds of battle-hardened fighters');
    expect(row).toBeTruthy();
    expect(row!.claims.some((c) => c.quote.includes('number of returnees'))).toBe(true);
  });

  it('should quote every source that puts a figure on attacks in Turkey', () => {
    const sources = new Set(groups.filter((g) => /turkey/i.test(g.label)).flatMap((g) => g.claims.map((c) => c.source)));
    expect([...sources].sort()).toEqual(['bbc-returning-fighters', 'ft-global-strategy']);
  });

  it('should say in each row what is counted, each row differently', () => {
    const counts = groups.map((g) => g.counts.toLowerCase());
    expect(new Set(counts).size).toBe(counts.length);
  });
});
