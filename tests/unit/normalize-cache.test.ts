/**
 * The normaliser's memory between runs (scripts/normalize/cache.ts): an article whose source,
 * manifest entry and output are as the last run left them is taken as it is; any change to
 * one of them normalises it again, with the same result as a run without memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NORMALIZE_CACHE_FILE, codeVersion } from '../../scripts/normalize/cache.ts';
import { normalizeCorpus, type CorpusResult } from '../../scripts/normalize/corpus.ts';
import { entry, manifest, tempCorpus, type TempCorpus } from '../fixtures/normalize/helpers.ts';

const one = 'An opening paragraph about the first source.\n\nA heading\n\nA second paragraph, longer than the first one, about what came next.\n';
const two = 'Source two has one paragraph per line.\nIts second paragraph says something else.\nAnd a third one closes it.\n';
const three = 'A third source, added later.\n\nWith a paragraph of its own.\n';

let corpus: TempCorpus;
let cacheDir: string;
let lines: string[];

const run = (options: { check?: boolean; cache?: boolean } = {}): Promise<CorpusResult> => {
  lines = [];
  return normalizeCorpus({
    sourcesDir: corpus.sourcesDir,
    outDir: corpus.outDir,
    root: corpus.root,
    check: options.check ?? false,
    log: (line) => lines.push(line),
    cacheDir: options.cache === false ? false : cacheDir,
  });
};
const recalledLine = () => lines.find((line) => line.startsWith('[cache]')) ?? null;

beforeEach(async () => {
  corpus = tempCorpus();
  cacheDir = join(corpus.root, 'cache');
  corpus.writeManifest(manifest(entry('src-one'), entry('src-two')));
  corpus.writeSource('src-one.txt', one);
  corpus.writeSource('src-two.txt', two);
  await run();
});
afterEach(() => corpus.cleanup());

describe('normalize: memory between runs', () => {
  it('takes unchanged articles as they are, with the same reports as normalising them', async () => {
    const fresh = await run({ cache: false });
    const remembered = await run();
    expect(recalledLine()).toBe('[cache] 2 of 2 articles as the last run left them (same source, entry, code and output): not normalised again');
    expect(remembered.written).toBe(false);
    expect(remembered.articles).toEqual(fresh.articles);
  });

  it('normalises only the article added, and gives the output a run without memory gives', async () => {
    corpus.writeManifest(manifest(entry('src-one'), entry('src-two'), entry('src-three')));
    corpus.writeSource('src-three.txt', three);
    const added = await run();
    expect(recalledLine()).toContain('[cache] 2 of 3 articles');
    expect(added.outOfDate).toEqual(['content/articles/src-three.md']);
    const withMemory = corpus.snapshot();
    const without = await run({ check: true, cache: false });
    expect(without.outOfDate).toEqual([]);
    expect(corpus.snapshot()).toEqual(withMemory);
  });

  it('normalises again an article whose source, entry or output changed', async () => {
    corpus.writeSource('src-two.txt', `${two}A fourth paragraph.\n`);
    await run();
    expect(recalledLine()).toContain('[cache] 1 of 2 articles');
    expect(readFileSync(join(corpus.outDir, 'src-two.md'), 'utf8')).toContain('A fourth paragraph.');

    corpus.writeManifest(manifest(entry('src-one', { outlet: 'Another Outlet' }), entry('src-two')));
    await run();
    expect(recalledLine()).toContain('[cache] 1 of 2 articles');
    expect(readFileSync(join(corpus.outDir, 'src-one.md'), 'utf8')).toContain('Another Outlet');

    // an output edited by hand is put back, as without memory
    const path = join(corpus.outDir, 'src-one.md');
    const normalised = readFileSync(path, 'utf8');
    writeFileSync(path, normalised.replace('opening', 'edited'));
    const mended = await run();
    expect(recalledLine()).toContain('[cache] 1 of 2 articles');
    expect(mended.outOfDate).toEqual(['content/articles/src-one.md']);
    expect(readFileSync(path, 'utf8')).toBe(normalised);
  });

  it('is not used by a check unless asked, and a broken cache only means normalising everything', async () => {
    lines = [];
    const checked = await normalizeCorpus({ sourcesDir: corpus.sourcesDir, outDir: corpus.outDir, root: corpus.root, check: true, log: (line) => lines.push(line) });
    expect(checked.outOfDate).toEqual([]);
    expect(recalledLine()).toBeNull();
    writeFileSync(join(cacheDir, NORMALIZE_CACHE_FILE), '{ not json');
    const result = await run();
    expect(recalledLine()).toBeNull();
    expect(result.outOfDate).toEqual([]);
    await run();
    expect(recalledLine()).toContain('[cache] 2 of 2 articles');
  });

  it('hashes the normaliser’s own code, so a change to it normalises everything again', async () => {
    expect(await codeVersion()).toMatch(/^[\w-]{43}$/);
    expect(await codeVersion()).toBe(await codeVersion());
    expect(await codeVersion(corpus.root)).not.toBe(await codeVersion());
  });
});
