import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, materialFrom, splitSentences } from '../../scripts/bench/corpus';
import { readRealDossier, writeSyntheticSources } from '../../scripts/bench/real';
import { normalizeCorpus } from '../../scripts/normalize/corpus';

const material = materialFrom(readRealDossier(process.cwd()));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('splitSentences', () => {
  it('should split at sentence ends but not after initials or abbreviations', () => {
    expect(splitSentences('Colin P. Clarke wrote it. U.S. officials agree. Dr. Vidino said: “No.” Then it ended!')).toEqual([
      'Colin P. Clarke wrote it.',
      'U.S. officials agree.',
      'Dr. Vidino said: “No.”',
      'Then it ended!',
    ]);
  });
});

describe('materialFrom', () => {
  it('should learn sentences, headings, boilerplate runs and names from the real dossier', () => {
    expect(material.sentences.length).toBeGreaterThan(150);
    expect(material.headings).toContain('Going to ground');
    expect(material.boilerplate.some((run) => run.includes('© Reuters'))).toBe(true);
    // the newsletter box is one run, so the normaliser's span rule can remove it whole
    expect(material.boilerplate.some((run) => run[0] === 'Close [ x ] More from DefenseOne' && run.length > 3)).toBe(true);
    expect(material.names).toContain('Raqqa');
  });
});

describe('generateCorpus', () => {
  it('should give the same corpus for the same seed and another for another seed', () => {
    const a = generateCorpus(material, 12, { seed: 'x' });
    const b = generateCorpus(material, 12, { seed: 'x' });
    const c = generateCorpus(material, 12, { seed: 'y' });
    expect(b).toEqual(a);
    expect(c.articles.map((x) => x.text)).not.toEqual(a.articles.map((x) => x.text));
  });

  it('should make a corpus the normaliser takes whole: about 30 passages an article, headings, boilerplate removed, names varied', async () => {
    const corpus = generateCorpus(material, 40, { seed: 3 });
    expect(new Set(corpus.manifest.articles.map((a) => a.idPrefix)).size).toBe(40);

    const root = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
    dirs.push(root);
    writeSyntheticSources(root, corpus);
    const result = await normalizeCorpus({
      sourcesDir: join(root, 'content/sources'),
      outDir: join(root, 'content/articles'),
      root,
    });
    expect(result.articles).toHaveLength(40);
    const passages = result.articles.map((a) => a.stats.passageCount);
    const mean = passages.reduce((x, y) => x + y, 0) / passages.length;
    expect(mean).toBeGreaterThan(22);
    expect(mean).toBeLessThan(38);
    expect(result.articles.filter((a) => a.headings.length > 0).length).toBeGreaterThan(10);
    expect(result.articles.reduce((n, a) => n + a.removed.length, 0)).toBeGreaterThan(40);

    const boilerplateLines = new Set(material.boilerplate.flat());
    const bodies = result.articles.map((a) => a.markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
    const leftovers = bodies.flatMap((body) => body.split('\n').filter((line) => boilerplateLines.has(line.trim())));
    expect(leftovers).toEqual([]);

    const capitalised = (t: string) => new Set(t.match(/(?<= )\p{Lu}\p{Ll}{2,}/gu) ?? []);
    const real = capitalised(material.sentences.join(' '));
    const newNames = [...capitalised(bodies.join(' '))].filter((w) => !real.has(w));
    expect(newNames.length).toBeGreaterThan(20);
  });
});
