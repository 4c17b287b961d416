/**
 * Passage ids are a public API: they must survive re-runs, edits elsewhere, small
 * edits in place, insertions and deletions; retired ids must lead somewhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { passageIdSchema } from '../../src/corpus/schema.ts';
import { assignPassageIds, freshId, similarity, SIMILARITY_THRESHOLD } from '../../scripts/normalize/passage-ids.ts';
import { parsePreviousArticle } from '../../scripts/normalize/previous-output.ts';
import { splitArticleFile } from '../../src/corpus/parse.ts';
import { normalizeCorpus } from '../../scripts/normalize/corpus.ts';
import type { PreviousArticle } from '../../scripts/normalize/types.ts';
import { entry, manifest, tempCorpus, type TempCorpus } from '../fixtures/normalize/helpers.ts';

const paragraphs = [
  'ISIS is on the back foot.',
  'Nearly three years since the group’s elusive leader declared a self-styled Islamic State, ISIS is reeling from losses.',
  'It is fast losing its grip on Mosul, its biggest hub in Iraq, and its de-facto capital in Syria is all but surrounded.',
  'But it’s not just territory that the militant group is losing.',
  'Over the last six months, ISIS has seen its finances slashed, media operations crippled and several leaders killed.',
  'So what could ISIS 2.0 look like?',
];

/** The first run, then "the previous output" made from it. */
function firstRun(texts: readonly string[] = paragraphs) {
  const result = assignPassageIds({ prefix: 'cnn', texts, previous: null });
  const previous: PreviousArticle = {
    passages: texts.map((text, i) => ({ id: result.ids[i]!, text })),
    retiredIds: result.retiredIds,
  };
  return { ids: result.ids, previous };
}

const rerun = (texts: readonly string[], previous: PreviousArticle) =>
  assignPassageIds({ prefix: 'cnn', texts, previous });

describe('passage-ids: fresh ids', () => {
  it('should derive an id from a hash of the text: prefix and six hex digits', () => {
    const { ids } = firstRun();
    const digest = createHash('sha256').update(paragraphs[0]!).digest('hex');
    expect(ids[0]).toBe(`cnn-${digest.slice(0, 6)}`);
    for (const id of ids) expect(passageIdSchema.parse(id)).toMatch(/^cnn-[0-9a-f]{6}$/);
  });

  it('should be deterministic', () => {
    expect(firstRun().ids).toEqual(firstRun().ids);
  });

  it('should extend the hash on a collision', () => {
    const digest = createHash('sha256').update('some text').digest('hex');
    const taken = new Set([`p-${digest.slice(0, 6)}`]);
    expect(freshId('p', 'some text', taken)).toBe(`p-${digest.slice(0, 7)}`);
    taken.add(`p-${digest.slice(0, 7)}`);
    expect(freshId('p', 'some text', taken)).toBe(`p-${digest.slice(0, 8)}`);
  });

  it('should give two identical paragraphs two ids, and keep them in order on a re-run', () => {
    const texts = ['Same words.', 'Between them.', 'Same words.'];
    const { ids, previous } = firstRun(texts);
    expect(new Set(ids).size).toBe(3);
    expect(ids[2]!.startsWith(ids[0]!)).toBe(true); // the later one is the lengthened hash
    expect(rerun(texts, previous).ids).toEqual(ids);
  });
});

describe('passage-ids: memory of the previous output', () => {
  it('should change nothing when nothing changed', () => {
    const { ids, previous } = firstRun();
    const again = rerun(paragraphs, previous);
    expect(again.ids).toEqual(ids);
    expect(again.retiredIds).toEqual({});
    expect(again.report).toEqual({ exact: 6, similar: 0, fresh: 0, retired: [] });
  });

  it('should keep the id of a paragraph with a typo fixed', () => {
    const { ids, previous } = firstRun();
    const edited = paragraphs.with(1, paragraphs[1]!.replace('elusive', 'elusvie'));
    const again = rerun(edited, previous);
    expect(again.ids).toEqual(ids);
    expect(again.report).toMatchObject({ exact: 5, similar: 1, fresh: 0 });
  });

  it('should keep the id of a short paragraph with one word fixed', () => {
    const { ids, previous } = firstRun();
    expect(rerun(paragraphs.with(0, 'ISIS is on tge back foot.'), previous).ids).toEqual(ids);
  });

  it('should give a rewritten paragraph a new id, retire the old one to it, and leave the others alone', () => {
    const { ids, previous } = firstRun();
    const rewritten = 'An entirely different paragraph about the Euphrates valley and the Syrian desert.';
    const again = rerun(paragraphs.with(2, rewritten), previous);
    expect(again.ids.filter((_, i) => i !== 2)).toEqual(ids.filter((_, i) => i !== 2));
    expect(again.ids[2]).not.toBe(ids[2]);
    expect(again.retiredIds).toEqual({ [ids[2]!]: again.ids[2] });
  });

  it('should leave every id alone when a paragraph is inserted', () => {
    const { ids, previous } = firstRun();
    const inserted = [...paragraphs.slice(0, 3), 'A new paragraph, inserted.', ...paragraphs.slice(3)];
    const again = rerun(inserted, previous);
    expect(again.ids.toSpliced(3, 1)).toEqual(ids);
    expect(again.report).toMatchObject({ exact: 6, fresh: 1, retired: [] });
  });

  it('should retire a deleted paragraph to the passage that now stands in its place', () => {
    const { ids, previous } = firstRun();
    const again = rerun(paragraphs.toSpliced(2, 1), previous);
    expect(again.ids).toEqual(ids.toSpliced(2, 1));
    expect(again.retiredIds).toEqual({ [ids[2]!]: ids[3] });
  });

  it('should retire a deleted last paragraph to the new last one', () => {
    const { ids, previous } = firstRun();
    const again = rerun(paragraphs.slice(0, -1), previous);
    expect(again.retiredIds).toEqual({ [ids[5]!]: ids[4] });
  });

  it('should retire a split paragraph to its first half', () => {
    const { ids, previous } = firstRun();
    const [first, second] = ['It is fast losing its grip on Mosul, its biggest hub in Iraq.', 'And its de-facto capital in Syria is all but surrounded.'];
    const again = rerun([...paragraphs.slice(0, 2), first, second, ...paragraphs.slice(3)], previous);
    expect(similarity(first, paragraphs[2]!)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(again.ids.slice(0, 2)).toEqual(ids.slice(0, 2));
    expect(again.ids.slice(4)).toEqual(ids.slice(3));
    expect(again.report.retired).toEqual([ids[2]]);
    expect(again.retiredIds).toEqual({ [ids[2]!]: again.ids[2] });
  });

  it('should keep ids of paragraphs that moved', () => {
    const { ids, previous } = firstRun();
    const moved = [paragraphs[4]!, ...paragraphs.slice(0, 4), paragraphs[5]!];
    expect(rerun(moved, previous).ids).toEqual([ids[4], ...ids.slice(0, 4), ids[5]]);
  });

  it('should never give a retired id to another passage, even the same text come back', () => {
    const { ids, previous } = firstRun();
    const deleted = rerun(paragraphs.toSpliced(2, 1), previous);
    const memory: PreviousArticle = {
      passages: paragraphs.toSpliced(2, 1).map((text, i) => ({ id: deleted.ids[i]!, text })),
      retiredIds: deleted.retiredIds,
    };
    const restored = rerun(paragraphs, memory);
    expect(restored.ids[2]).not.toBe(ids[2]);
    expect(restored.ids[2]!.startsWith(ids[2]!)).toBe(true);
    expect(restored.retiredIds).toEqual({ [ids[2]!]: ids[3] });
  });

  it('should keep earlier retired ids, re-pointing them when their target retires', () => {
    const { ids, previous } = firstRun();
    // Run 2: paragraph 2 deleted → ids[2] retires to ids[3].
    const second = rerun(paragraphs.toSpliced(2, 1), previous);
    const memory: PreviousArticle = {
      passages: paragraphs.toSpliced(2, 1).map((text, i) => ({ id: second.ids[i]!, text })),
      retiredIds: second.retiredIds,
    };
    // Run 3: paragraph 3 deleted too → ids[3] retires to ids[4], and ids[2] follows it there.
    const third = rerun(paragraphs.toSpliced(2, 2), memory);
    expect(third.retiredIds).toEqual({ [ids[2]!]: ids[4], [ids[3]!]: ids[4] });
  });

  // How long this takes is the benchmark's business (`npm run bench`), not a test's: a timed
  // assertion fails on a busy machine. Here: 20,000 edited paragraphs all keep their ids.
  it('should keep every id of 20,000 paragraphs, each edited, with a paragraph inserted before them', { timeout: 120_000 }, () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}: the fighters moved from Raqqa towards the border in group ${i * 7}.`);
    const { ids, previous } = firstRun(texts);
    const edited = texts.map((text) => text.replace('fighters', 'fihgters'));
    const again = rerun(['A new first paragraph.', ...edited], previous);
    expect(again.ids.slice(1)).toEqual(ids);
    expect(again.report.similar).toBe(20_000);
  });
});

describe('passage-ids: end to end, the previous output file is the memory', () => {
  let corpus: TempCorpus | undefined;
  afterEach(() => corpus?.cleanup());

  const run = async () => {
    await normalizeCorpus({ sourcesDir: corpus!.sourcesDir, outDir: corpus!.outDir, root: corpus!.root });
    const markdown = readFileSync(join(corpus!.outDir, 'art.md'), 'utf8');
    return { markdown, ...parsePreviousArticle(markdown, 'article.md') };
  };

  it('should carry ids across runs through content/articles/<slug>.md', async () => {
    corpus = tempCorpus();
    corpus.writeManifest(manifest(entry('art')));
    corpus.writeSource('art.txt', paragraphs.join('\n\n') + '\n');
    const first = await run();
    expect(first.passages.map((p) => p.text)).toEqual(paragraphs);

    // Fix a typo in one paragraph, delete another, insert a third.
    const edited = [...paragraphs];
    edited[1] = edited[1]!.replace('elusive', 'elusvie');
    edited.splice(3, 1);
    edited.splice(4, 0, 'A paragraph the editor added.');
    corpus.writeSource('art.txt', edited.join('\n\n') + '\n');
    const second = await run();
    const firstIds = first.passages.map((p) => p.id);
    expect(second.passages.map((p) => p.id)).toEqual([
      firstIds[0], firstIds[1], firstIds[2], firstIds[4], expect.not.stringMatching(new RegExp(firstIds.join('|'))), firstIds[5],
    ]);
    const frontmatter = parseYaml(splitArticleFile(second.markdown, 'article.md').yaml);
    expect(frontmatter.retiredIds).toEqual({ [firstIds[3]!]: firstIds[4] });

    // A third run changes nothing, byte for byte.
    const third = await run();
    expect(third.markdown).toBe(second.markdown);
  });
});
