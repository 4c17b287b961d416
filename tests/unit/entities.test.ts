import { describe, expect, it } from 'vitest';
import { parseEntities, readEntities } from '../../src/corpus/analysis-data';
import type { PassageLike } from '../../src/corpus/analysis-types';
import { entityId, extractEntities, firstMentions, keywordInContext, needsParser } from '../../src/corpus/entities';

const ALIASES = parseEntities(
  `
entities:
  - name: Islamic State
    kind: organization
    aliases: [ISIS, Isis, ISIL, Islamic State group]
    caseSensitive: [IS]
  - name: Islamic State in Northern Sinai
    kind: organization
    aliases: [ISNS]
  - name: al-Qaeda
    kind: organization
    aliases: [al Qaeda]
  - name: Raqqa
    kind: place
  - name: Bruce Hoffman
    kind: person
    caseSensitive: [Hoffman]
stopEntities: [President]
`,
  'test-entities.yaml',
);

const passage = (id: string, text: string): PassageLike => ({ id, article: id.split('-')[0]!, order: 0, section: null, text });

const PASSAGES = [
  passage('cnn-000001', 'ISIS is on the back foot. Isis, ISIL and the Islamic State group are one; IS is too.'),
  passage('bbc-000001', 'Al Qaeda and al-Qaeda are the same group, says Bruce Hoffman. Hoffman is right.'),
  passage('cnn-000002', 'The Islamic State in Northern Sinai (ISNS) is an affiliate, far from Raqqa.'),
];

describe('extractEntities', () => {
  const index = extractEntities(PASSAGES, ALIASES);
  const byId = new Map(index.entities.map((e) => [e.id, e]));

  it('should merge every alias of an entity into one, with the canonical name', () => {
    const is = byId.get('islamic-state')!;
    expect(is.name).toBe('Islamic State');
    expect(is.kind).toBe('organization');
    expect(is.mentions.map((m) => m.text)).toEqual(['ISIS', 'Isis', 'ISIL', 'Islamic State group', 'IS']);
    const aq = byId.get('al-qaeda')!;
    expect(aq.mentions.map((m) => m.text)).toEqual(['Al Qaeda', 'al-Qaeda']);
  });

  it('should give exact character offsets into the passage text', () => {
    const texts = new Map(PASSAGES.map((p) => [p.id, p.text]));
    for (const e of index.entities) {
      for (const m of e.mentions) expect(texts.get(m.passageId)!.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('should match case-sensitive aliases only as written ("IS", not "is")', () => {
    const mentions = byId.get('islamic-state')!.mentions.filter((m) => m.passageId === 'cnn-000001');
    expect(mentions.filter((m) => m.text.toLowerCase() === 'is')).toHaveLength(1);
    expect(byId.get('bruce-hoffman')!.mentions.map((m) => m.text)).toEqual(['Bruce Hoffman', 'Hoffman']);
  });

  it('should prefer the longest of overlapping names', () => {
    const sinai = byId.get('islamic-state-in-northern-sinai')!;
    expect(sinai.mentions.map((m) => m.text)).toEqual(['Islamic State in Northern Sinai', 'ISNS']);
    expect(byId.get('islamic-state')!.mentions.some((m) => m.passageId === 'cnn-000002')).toBe(false);
  });

  it('should keep names compromise finds that the curated list lacks, and drop stop-entities', () => {
    const found = extractEntities(
      [passage('ft-000001', 'President Barack Obama met Angela Merkel in Berlin.')],
      parseEntities('entities: []\nstopEntities: [President]\n'),
    );
    const names = found.entities.map((e) => `${e.kind}:${e.name}`);
    expect(names).toContain('place:Berlin');
    expect(names.some((n) => n.startsWith('person:') && n.includes('Merkel'))).toBe(true);
    expect(names).not.toContain('person:President');
  });

  it('should trim punctuation and possessives from compromise spans', () => {
    const found = extractEntities([passage('ft-000001', 'They met in Berlin, then in Russia’s capital.')], parseEntities('entities: []'));
    const texts = found.entities.flatMap((e) => e.mentions.map((m) => m.text));
    expect(texts).toContain('Berlin');
    expect(texts).toContain('Russia');
  });

  it('should work on the real articles with the curated file, merging the group’s names', () => {
    // The shipped alias file must validate; its ISIS entry merges ISIS, IS, Isis and Islamic State.
    const real = readEntities();
    const is = real.entities.find((e) => e.name === 'Islamic State')!;
    expect([...is.aliases, ...is.caseSensitive]).toEqual(expect.arrayContaining(['ISIS', 'Isis', 'ISIL', 'IS']));
  });
});

describe('entities file', () => {
  it('should refuse an alias claimed by two entities, naming the file', () => {
    expect(() =>
      parseEntities(
        'entities:\n  - { name: A, kind: place, aliases: [X] }\n  - { name: B, kind: place, aliases: [x] }\n',
        'content/entities.yaml',
      ),
    ).toThrow(/content\/entities\.yaml:3: field entities\[1\]: "x" is claimed by both "A" and "B"/);
  });
});

describe('entity helpers', () => {
  it('should make ascii ids from names', () => {
    expect(entityId('Abu Bakr al-Baghdadi')).toBe('abu-bakr-al-baghdadi');
    expect(entityId('King’s College London')).toBe('kings-college-london');
  });

  it('should list the first mention of each entity per passage, in text order', () => {
    const index = extractEntities(PASSAGES, ALIASES);
    const first = firstMentions(index).get('cnn-000001')!;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ entityId: 'islamic-state', start: 0, end: 4 });
  });

  it('should cut keyword-in-context lines at word boundaries', () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank today.';
    const start = text.indexOf('lazy');
    const line = keywordInContext(text, { start, end: start + 4 }, 12);
    expect(line.match).toBe('lazy');
    expect(line.before).toBe('…over the ');
    expect(line.after).toBe(' dog near…');
  });
});

describe('demonyms and collective actors', () => {
  const TABLE = parseEntities(
    `
entities:
  - name: Egypt
    kind: place
    demonyms: [Egyptian, Egyptians]
  - name: Morocco
    kind: place
    demonyms: [Moroccan, Moroccans]
  - name: Soviet Union
    kind: place
    demonyms: [Soviet, Soviets]
  - name: Europe
    kind: place
    demonyms: [European, Europeans]
  - name: European Union
    kind: organization
    caseSensitive: [EU]
  - name: US-led coalition
    kind: organization
    aliases: [American-led international coalition, the coalition]
`,
    'test-entities.yaml',
  );
  const PASSAGES = [
    passage('wp-000001', 'Egyptian police said two Moroccans had crossed the border.'),
    passage('wp-000002', 'Veterans of the war against the Soviets joined the European Union debate.'),
    passage('wp-000003', 'The American-led international coalition struck again; the coalition said so.'),
    passage('wp-000004', 'Egypt and Morocco signed an accord; a loose coalition of parties objected.'),
  ];
  const index = extractEntities(PASSAGES, TABLE);
  const mentions = (id: string) => index.entities.find((e) => e.id === id)?.mentions.map((m) => `${m.passageId}:${m.text}`) ?? [];

  it('should resolve a demonym or nationality adjective to its place', () => {
    expect(mentions('egypt')).toEqual(['wp-000001:Egyptian', 'wp-000004:Egypt']);
    expect(mentions('morocco')).toEqual(['wp-000001:Moroccans', 'wp-000004:Morocco']);
    expect(mentions('soviet-union')).toEqual(['wp-000002:Soviets']);
  });

  it('should let a longer name win over a demonym inside it', () => {
    expect(mentions('european-union')).toEqual(['wp-000002:European Union']);
    expect(mentions('europe')).toEqual([]);
  });

  it('should match demonyms only as written, with their capital', () => {
    const lower = extractEntities([passage('wp-000009', 'an egyptian-style reform, soviets of workers')], TABLE);
    expect(lower.entities).toEqual([]);
  });

  it('should make a collective actor an entity, and leave a coalition of others alone', () => {
    expect(mentions('us-led-coalition')).toEqual(['wp-000003:American-led international coalition', 'wp-000003:the coalition']);
  });

  it('should refuse a demonym written in lower case, naming the file', () => {
    expect(() => parseEntities('entities:\n  - name: Egypt\n    kind: place\n    demonyms: [egyptian]\n', 'x.yaml')).toThrow(/x\.yaml[\s\S]*capital/);
  });

  it('should refuse a demonym claimed by two places', () => {
    expect(() =>
      parseEntities('entities:\n  - { name: A, kind: place, demonyms: [Ab] }\n  - { name: B, kind: place, demonyms: [Ab] }\n', 'x.yaml'),
    ).toThrow(/"Ab" is claimed by both "A" and "B"/);
  });
});

describe('needsParser (skipping compromise where the curated list has every name)', () => {
  it('should skip a passage whose capitalised words are all curated mentions or common sentence openers', () => {
    const text = 'The group lost Mosul. But Raqqa held.';
    const taken = [
      { start: text.indexOf('Mosul'), end: text.indexOf('Mosul') + 5 },
      { start: text.indexOf('Raqqa'), end: text.indexOf('Raqqa') + 5 },
    ];
    expect(needsParser(text, taken)).toBe(false);
  });

  it('should parse when a capitalised word is left over, at a sentence start or inside one', () => {
    expect(needsParser('Berlin is far.', [])).toBe(true);
    expect(needsParser('They met Angela Merkel.', [])).toBe(true);
    expect(needsParser('They met in al-Raqqa.', [])).toBe(true);
  });

  it('should still find names the curated list lacks', () => {
    const found = extractEntities([passage('ft-000002', 'The minister flew to Berlin.')], parseEntities('entities: []\n'));
    expect(found.entities.map((e) => `${e.kind}:${e.name}`)).toContain('place:Berlin');
  });
});
