/**
 * The CLI on bad input: one clear error line naming the file (and line or field),
 * a non-zero exit, no stack trace, and the output folder exactly as it was.
 * Also --check, --verbose, the options, and the golden mini corpus.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeCorpus } from '../../scripts/normalize/corpus.ts';
import { entry, listDir, manifest, runCli, tempCorpus, type TempCorpus } from '../fixtures/normalize/helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const articleA = 'The first paragraph of article A.\n\nA heading in A\n\nThe second paragraph of article A, with more words.\n';
const articleB = 'Article B has one paragraph per line.\nAnd this is its second paragraph.\n';

let corpus: TempCorpus;
let before: Map<string, string> | null;

/** Two good articles, normalised once; `before` is the output to protect. */
beforeEach(async () => {
  corpus = tempCorpus();
  corpus.writeManifest(manifest(entry('art-a'), entry('art-b')));
  corpus.writeSource('art-a.txt', articleA);
  corpus.writeSource('art-b.txt', articleB);
  const { code, err } = await runCli([], corpus.root);
  expect(err).toEqual([]);
  expect(code).toBe(0);
  before = corpus.snapshot();
  expect(before?.size).toBe(2);
});
afterEach(() => corpus.cleanup());

/** The contract for every bad input. */
async function expectOneClearError(pattern: RegExp) {
  const { code, err } = await runCli([], corpus.root);
  expect(code).not.toBe(0);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(pattern);
  expect(err[0]).not.toMatch(/\n|\s+at \S+ \(|Error:/);
  expect(corpus.snapshot()).toEqual(before);
  expect(listDir(join(corpus.root, 'content'))).toEqual(['articles', 'sources']); // no temp folder left behind
  return err[0]!;
}

describe('normalize CLI: bad input', () => {
  it('should reject an empty file, naming it', async () => {
    corpus.writeSource('art-b.txt', ' \n\n');
    await expectOneClearError(/content\/sources\/art-b\.txt: the file has no text \(it is empty or only white space\)\. .*remove its entry/);
  });

  it('should reject invalid UTF-8, naming the file and line', async () => {
    corpus.writeSource('art-b.txt', Buffer.concat([Buffer.from('Line one is fine.\nLine two is not: '), Buffer.from([0xff, 0xfe]), Buffer.from('.\n')]));
    await expectOneClearError(/content\/sources\/art-b\.txt:2: not valid UTF-8 \(byte 0xff at offset 35\)[.;] .*re-save the file as UTF-8\./i);
  });

  it('should reject a truncated UTF-8 sequence at the end of a file', async () => {
    corpus.writeSource('art-b.txt', Buffer.concat([Buffer.from('Text then half a dash '), Buffer.from([0xe2, 0x80])]));
    await expectOneClearError(/art-b\.txt:1: not valid UTF-8 \(byte 0xe2 at offset 22\)/);
  });

  it('should reject a control character (a damaged or binary file), naming the file and line', async () => {
    corpus.writeSource('art-b.txt', 'A first paragraph.\n\nA second one with a NUL \u0000 inside.\n');
    await expectOneClearError(/content\/sources\/art-b\.txt:3: contains the control character U\+0000, .*Re-export the article as plain text\./);
  });

  it('should reject a manifest entry whose file is missing', async () => {
    rmSync(join(corpus.sourcesDir, 'art-b.txt'));
    await expectOneClearError(/sources\.yaml: field articles\[1\]\.file: content\/sources\/art-b\.txt \(article "art-b"\) does not exist\. Add the file/);
  });

  it('should reject a source file with no manifest entry', async () => {
    corpus.writeSource('stray.txt', 'Some article nobody listed.\n');
    await expectOneClearError(/content\/sources\/stray\.txt: has no entry in sources\.yaml\. Add an entry/);
  });

  it('should reject two entries with one slug, naming the field and its line', async () => {
    const text = stringify(manifest(entry('art-a'), entry('art-a', { file: 'art-b.txt', idPrefix: 'b' })));
    corpus.writeManifest(text);
    const line = text.split('\n').findLastIndex((l) => l.includes('slug: art-a')) + 1;
    await expectOneClearError(new RegExp(`sources\\.yaml:${line}: field articles\\[1\\]\\.slug: duplicate slug "art-a"`));
  });

  it('should reject a 5 MB single-line file, saying what to do', async () => {
    corpus.writeSource('art-b.txt', 'word '.repeat(1_000_000).trim());
    await expectOneClearError(/art-b\.txt:1: a paragraph of 4,999,999 characters \(the limit is 20,000\); the file has probably lost its line breaks\. Re-export it/);
  });

  it('should reject a manifest that fails its schema, naming the field path and line', async () => {
    const text = stringify(manifest(entry('art-a'), entry('art-b', { idPrefix: 'Bad Prefix' })));
    corpus.writeManifest(text);
    const line = text.split('\n').findIndex((l) => l.includes('idPrefix: Bad Prefix')) + 1;
    await expectOneClearError(new RegExp(`sources\\.yaml:${line}: field articles\\[1\\]\\.idPrefix: .*Fix it`));
  });

  it('should name a missing required field', async () => {
    const { outlet: _outlet, ...withoutOutlet } = entry('art-b');
    corpus.writeManifest(manifest(entry('art-a'), withoutOutlet));
    await expectOneClearError(/sources\.yaml:\d+: field articles\[1\]\.outlet: /);
  });

  it('should name an unknown field', async () => {
    corpus.writeManifest(manifest(entry('art-a'), entry('art-b', { autor: 'typo' })));
    await expectOneClearError(/sources\.yaml:\d+: field articles\[1\]\.autor: /);
  });

  it('should reject invalid YAML, naming the line', async () => {
    corpus.writeManifest('title: Test\ndescription: Broken\narticles:\n  - slug: art-a\n    file: [art-a.txt\n');
    await expectOneClearError(/sources\.yaml:[56]: invalid YAML: .*Fix the syntax on that line\./);
  });

  it('should reject a missing manifest', async () => {
    rmSync(join(corpus.sourcesDir, 'sources.yaml'));
    await expectOneClearError(/content\/sources\/sources\.yaml: not found\./);
  });

  it('should refuse to guess when the previous output (the id memory) is unreadable', async () => {
    writeFileSync(join(corpus.outDir, 'art-a.md'), 'no frontmatter here\n');
    before = corpus.snapshot();
    await expectOneClearError(/content\/articles\/art-a\.md:\d+: cannot read the previous passage ids: .*Restore the file from git/);
  });

  it('should reject a file that is all boilerplate', async () => {
    corpus.writeSource('art-b.txt', '© Reuters\n\nAA Font size + Print\n');
    await expectOneClearError(/art-b\.txt: no article text is left once boilerplate is removed/);
  });

  it('should reject an unknown option with a hint', async () => {
    const { code, err } = await runCli(['--chek'], corpus.root);
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^normalize: Unknown option '--chek'.*--help/)]);
    expect(corpus.snapshot()).toEqual(before);
  });
});

describe('normalize CLI: bad input of other kinds (dates, encodings, prefixes, statuses)', () => {
  /** Replaces the last occurrence of `from` in the manifest; returns the line the new value is on. */
  const editManifest = (from: string, to: string) => {
    const text = readFileSync(join(corpus.sourcesDir, 'sources.yaml'), 'utf8');
    const index = text.lastIndexOf(from);
    expect(index).toBeGreaterThan(-1);
    const edited = text.slice(0, index) + to + text.slice(index + from.length);
    writeFileSync(join(corpus.sourcesDir, 'sources.yaml'), edited);
    return edited.slice(0, index).split('\n').length;
  };
  const cafe = 'He said \u201cwe will return\u201d \u2013 and they did, to the caf\u00e9 in the square.\n\nA second paragraph of plain text.\n';

  it.each([
    ['2017-02-30', /"2017-02-30" is not a date: February 2017 has 28 days/],
    ['2016-02-30', /February 2016 has 29 days/],
    ['2017-13-45', /"2017-13-45" is not a date: there is no month 13/],
    ['2017-04-31', /April 2017 has 30 days/],
  ])('should refuse the impossible date %s, naming the file and line', async (date, reason) => {
    const line = editManifest('value: 2017-03-22', `value: "${date}"`);
    const err = await expectOneClearError(reason);
    expect(err).toContain(`content/sources/sources.yaml:${line}: field articles[1].published.value`);
  });

  it('should refuse an ambiguous date like 03/04/2017, saying which form to use', async () => {
    const line = editManifest('value: 2017-03-22', 'value: "03/04/2017"');
    const err = await expectOneClearError(/use YYYY, YYYY-MM or YYYY-MM-DD \(a form like 03\/04\/2017 is ambiguous\)/);
    expect(err).toContain(`sources.yaml:${line}:`);
  });

  it('should refuse two entries with one idPrefix, naming the field and its line', async () => {
    const line = editManifest('idPrefix: artb', 'idPrefix: arta');
    const err = await expectOneClearError(/field articles\[1\]\.idPrefix: duplicate idPrefix "arta"/);
    expect(err).toContain(`sources.yaml:${line}:`);
  });

  it('should refuse an unknown certainty status, naming the field, its line and the statuses there are', async () => {
    const line = editManifest('status: verified', 'status: probable');
    const err = await expectOneClearError(/field articles\[1\]\.url\.status: .*"verified".*"unknown"/);
    expect(err).toContain(`sources.yaml:${line}:`);
  });

  it('should refuse a windows-1252 file whose entry names no encoding, naming the encoding it looks like', async () => {
    corpus.writeSource('art-b.txt', encode1252(cafe));
    await expectOneClearError(/art-b\.txt:1: not valid UTF-8 \(byte 0x93 at offset 8\); it looks like windows-1252\. Add `encoding: windows-1252` to its entry/);
  });

  it('should refuse a UTF-16 file without a byte-order mark, naming UTF-16', async () => {
    corpus.writeSource('art-b.txt', Buffer.from('A paragraph in UTF-16.\n\nAnother one.\n', 'utf16le'));
    await expectOneClearError(/art-b\.txt: not valid UTF-8; it looks like utf-16le\./);
  });

  it('should decode a file in the encoding its entry names, and say so in the log', async () => {
    corpus.writeSource('art-b.txt', encode1252(cafe));
    corpus.writeManifest(manifest(entry('art-a'), entry('art-b', { encoding: 'windows-1252' })));
    const { code, out } = await runCli([], corpus.root);
    expect(code).toBe(0);
    expect(out).toContain('[decode-source] art-b: decoded as windows-1252 (as sources.yaml says)');
    expect(corpus.snapshot()!.get('art-b.md')).toContain('He said “we will return” – and they did, to the café in the square.');
  });

  it('should decode UTF-16 with a byte-order mark, and say so', async () => {
    corpus.writeSource('art-b.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Article B in UTF-16, with a caf\u00e9.\n\nIts second paragraph.\n', 'utf16le')]));
    const { code, out } = await runCli([], corpus.root);
    expect(code).toBe(0);
    expect(out).toContain('[decode-source] art-b: decoded as utf-16le (byte-order mark)');
    expect(corpus.snapshot()!.get('art-b.md')).toContain('Article B in UTF-16, with a café.');
  });

  it('should refuse an encoding name TextDecoder does not know', async () => {
    corpus.writeManifest(manifest(entry('art-a'), entry('art-b', { encoding: 'klingon-1' })));
    await expectOneClearError(/art-b\.txt: sources\.yaml gives the encoding "klingon-1", which is not one TextDecoder knows/);
  });
});

/** Text → windows-1252 bytes (for the few characters these tests use). */
function encode1252(text: string): Buffer {
  const special: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u2019': 0x92 };
  return Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

describe('normalize CLI: tolerated input', () => {
  it('should give the same output for a file with a byte-order mark', async () => {
    corpus.writeSource('art-a.txt', `\uFEFF${articleA}`);
    const { code, out } = await runCli([], corpus.root);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('[decode-source] art-a: dropped a byte-order mark');
    expect(corpus.snapshot()).toEqual(before);
  });

  it('should give the same output for CRLF line ends', async () => {
    corpus.writeSource('art-a.txt', articleA.replaceAll('\n', '\r\n'));
    corpus.writeSource('art-b.txt', articleB.replaceAll('\n', '\r\n'));
    expect((await runCli([], corpus.root)).code).toBe(0);
    expect(corpus.snapshot()).toEqual(before);
  });

  it('should build the output folder when there is none', async () => {
    rmSync(corpus.outDir, { recursive: true });
    expect((await runCli([], corpus.root)).code).toBe(0);
    expect(corpus.snapshot()).toEqual(before);
  });
});

describe('normalize CLI: --check', () => {
  it('should pass when the output is current', async () => {
    const { code, err, out } = await runCli(['--check'], corpus.root);
    expect([code, err]).toEqual([0, []]);
    expect(out).toContain('[check-output] content/articles/ is up to date');
  });

  it('should fail, naming the files, when a source changed, and write nothing', async () => {
    corpus.writeSource('art-b.txt', `${articleB}A third paragraph.\n`);
    const { code, err } = await runCli(['--check'], corpus.root);
    expect(code).toBe(1);
    expect(err).toEqual([
      'normalize --check: out of date: content/articles/art-b.md. Run `npm run normalize` and commit the result.',
    ]);
    expect(corpus.snapshot()).toEqual(before);
  });

  it('should fail when an output file was edited by hand, or is stale, or missing', async () => {
    writeFileSync(join(corpus.outDir, 'art-a.md'), before!.get('art-a.md')!.replace('second paragraph', 'secnd paragraph'));
    writeFileSync(join(corpus.outDir, 'old-slug.md'), 'stale\n');
    rmSync(join(corpus.outDir, 'art-b.md'));
    const { code, err } = await runCli(['--check'], corpus.root);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/out of date: content\/articles\/art-a\.md, content\/articles\/art-b\.md, content\/articles\/old-slug\.md\./);
  });

  it('should fail on bad input too, with the same one-line error', async () => {
    corpus.writeSource('art-b.txt', '');
    const { code, err } = await runCli(['--check'], corpus.root);
    expect(code).toBe(1);
    expect(err).toEqual(['normalize: content/sources/art-b.txt: the file has no text (it is empty or only white space). Put the article text in it, or remove its entry from sources.yaml.']);
  });
});

describe('normalize CLI: output', () => {
  it('should report per file how many lines each rule removed, naming the stage', async () => {
    corpus.writeSource('art-a.txt', `© Reuters\n\nAA Font size + Print\n\n${articleA}\nISIS_fall_card_sign2\n\nISIS_fall_card_sign1\n`);
    const { code, out } = await runCli([], corpus.root);
    expect(code).toBe(0);
    expect(out).toContain('[remove-boilerplate] art-a: 4 lines removed: copyright-credit 1, image-file-name 2, toolbar 1');
    expect(out.some((line) => line.includes('ISIS_fall_card_sign2'))).toBe(false);
  });

  it('should print the removed lines with --verbose', async () => {
    corpus.writeSource('art-a.txt', `© Reuters\n\n${articleA}`);
    const { out } = await runCli(['--verbose'], corpus.root);
    expect(out).toContain('[remove-boilerplate] art-a:   line 1 [copyright-credit] © Reuters');
  });

  it('should rewrite the folder only when something changed, replacing stale files', async () => {
    writeFileSync(join(corpus.outDir, 'old-slug.md'), 'stale\n');
    expect((await runCli([], corpus.root)).code).toBe(0);
    expect(corpus.snapshot()).toEqual(before);
    const { out } = await runCli([], corpus.root);
    expect(out).toContain('[write-output] content/articles/ is up to date; nothing written');
  });

  it('should take --sources and --out', async () => {
    cpSync(corpus.sourcesDir, join(corpus.root, 'elsewhere'), { recursive: true });
    const { code } = await runCli(['--sources', 'elsewhere', '--out', 'out/here'], corpus.root);
    expect(code).toBe(0);
    const written = readFileSync(join(corpus.root, 'out/here/art-a.md'), 'utf8');
    expect(written).toContain('source: elsewhere/art-a.txt');
  });

  it('should print usage with --help', async () => {
    const { code, out } = await runCli(['--help'], corpus.root);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Usage: npm run normalize -- \[--check\] \[--verbose\] \[--sources DIR\] \[--out DIR\]/);
  });

  it('should exit non-zero with one stderr line and no stack trace as a real process', async () => {
    corpus.writeManifest('title: [unclosed\n');
    const result = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/normalize.ts')], {
      cwd: corpus.root,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^normalize: content\/sources\/sources\.yaml:\d+: invalid YAML/)]);
    expect(corpus.snapshot()).toEqual(before);
  }, 20_000); // starts a real process, slow on a loaded machine
});

describe('normalize: golden mini corpus (tests/fixtures/normalize/mini)', () => {
  it('should produce exactly the expected files for both layouts', async () => {
    const mini = join(root, 'tests/fixtures/normalize/mini');
    const outDir = join(corpus.root, 'mini-out');
    mkdirSync(outDir);
    const result = await normalizeCorpus({ sourcesDir: mini, outDir, root });
    for (const article of result.articles) {
      expect(article.markdown).toBe(readFileSync(join(mini, 'expected', `${article.slug}.md`), 'utf8'));
    }
    expect(result.articles.map((a) => [a.slug, a.removedSummary])).toEqual([
      ['blank-lines', '4 lines removed: headline 1, standfirst 1, copyright-credit 1, author-role 1'],
      ['line-per-paragraph', '1 line removed: reporting-credit 1'],
    ]);
  });
});
