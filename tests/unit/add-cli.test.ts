/**
 * `npm run add`: one command turns a saved page, a text copy, Markdown or a PDF into an
 * article whose passages are its body paragraphs, with the metadata drafted and its
 * certainty said; bad input is refused with the reason, and content/ is left as it was.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../scripts/add.ts';
import { manifestSchema } from '../../src/corpus/schema.ts';
import { entry, manifest, tempCorpus, runCli as runNormalize, type TempCorpus } from '../fixtures/normalize/helpers.ts';
import { loadFixture } from '../fixtures/sources/run.ts';

const addFixtures = resolve(import.meta.dirname, '../fixtures/add');

let corpus: TempCorpus;
/** content/ before the command: every file, name → bytes */
let before: Map<string, string>;

const snapshotContent = () => {
  const files = new Map<string, string>();
  for (const dir of ['sources', 'articles']) {
    const path = join(corpus.root, 'content', dir);
    for (const name of readdirSync(path).sort()) files.set(`${dir}/${name}`, readFileSync(join(path, name)).toString('base64'));
  }
  return files;
};

beforeEach(async () => {
  corpus = tempCorpus();
  corpus.writeManifest(manifest(entry('art-a')));
  corpus.writeSource('art-a.txt', 'The first paragraph of article A.\n\nThe second paragraph of article A.\n');
  expect((await runNormalize([], corpus.root)).code).toBe(0);
  before = snapshotContent();
});
afterEach(() => corpus.cleanup());

async function add(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, corpus.root);
  return { code, out, err, text: out.join('\n') };
}

const readManifest = () => manifestSchema.parse(parseYaml(readFileSync(join(corpus.sourcesDir, 'sources.yaml'), 'utf8')));
const passages = (slug: string) => {
  const body = /^---\n[\s\S]*?\n---\n([\s\S]*)$/.exec(readFileSync(join(corpus.outDir, `${slug}.md`), 'utf8'))![1]!.trim();
  return body.split(/\n\n/).filter((block) => block && !block.startsWith('<!--') && !block.startsWith('## '));
};

describe('npm run add: one command per kind of file', () => {
  it('should add a saved news page: passages are exactly its body paragraphs, metadata from the page, verified', async () => {
    const fixture = loadFixture('html-news-page');
    const { code, text, err } = await add(fixture.sourceFile);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const added = readManifest().articles.at(-1)!;
    expect(added).toMatchObject({
      outlet: 'The Example Courier',
      headline: { value: 'Kenya charges three over plot to attack Nairobi mall', status: 'verified' },
      authors: [{ name: 'Wanjiru Kamau', status: 'verified' }, { name: 'Peter Otieno', status: 'verified' }],
      published: { value: '2022-08-09', precision: 'day', status: 'verified' },
      url: { value: 'https://courier.example/world/africa/kenya-mall-plot', status: 'verified' },
      originalFile: 'source.html',
    });
    expect(passages(added.slug)).toEqual(fixture.body.filter((b) => !b.startsWith('## ')));
    // the raw file, byte for byte
    expect(readFileSync(join(corpus.sourcesDir, added.file)).equals(readFileSync(fixture.sourceFile))).toBe(true);
    // what it says: each field with its certainty and origin, where to correct it, the removals by rule
    expect(text).toContain('verified: JSON-LD NewsArticle.headline');
    expect(text).toMatch(/Correct any of it in content\/sources\/sources\.yaml:\d+/);
    expect(text).toContain("line 9 [related-links] Read more: How al-Shabaab recruits in Nairobi's suburbs");
    expect(text).toContain('[figure or caption] Police officers stand guard');
    expect(text).toContain('[outside the article (Readability)] By Wanjiru Kamau and Peter Otieno');
    expect(text).toContain('Result: 5 passages, 1 heading');
  });

  it('should add a plain-text copy: title line and standfirst inferred, byline and date read from the text', async () => {
    const fixture = loadFixture('magazine');
    const { code, text } = await add(fixture.sourceFile, '--outlet', 'Example Monthly');
    expect(code).toBe(0);
    const added = readManifest().articles.at(-1)!;
    expect(added.headline).toMatchObject({ value: 'After the Fall', status: 'inferred' });
    expect(added.standfirst).toMatchObject({
      value: "What happens to a movement when it loses the land it promised? A reporter's year among those who stayed.",
      status: 'inferred',
    });
    expect(added.authors.map((a) => [a.name, a.status])).toEqual([['Tomas Lindqvist', 'verified'], ['Aisha Rahman', 'verified']]);
    expect(passages(added.slug)).toEqual(fixture.body.filter((b) => !b.startsWith('## ')));
    expect(text).toContain('inferred — check it: line 1, the first line');
  });

  it('should add a PDF report: headings from type sizes, running headers and page numbers left out and listed', async () => {
    const fixture = loadFixture('pdf-report');
    const { code, text } = await add(fixture.sourceFile, '--outlet', 'The Example Institute', '--date', '2022-11');
    expect(code).toBe(0);
    const added = readManifest().articles.at(-1)!;
    expect(added.headline).toMatchObject({ value: 'Prisons and Camps: The Next Front', status: 'verified' });
    expect(added.published).toMatchObject({ value: '2022-11', precision: 'month', status: 'verified' });
    expect(passages(added.slug)).toEqual(fixture.body.filter((b) => !b.startsWith('## ')));
    expect(text).toContain('[running header or footer] The Example Institute · Detention Briefing No. 4');
    expect(text).toContain('[page number] 2');
  });

  it('should add a Markdown copy, reading its frontmatter', async () => {
    const fixture = loadFixture('markdown-explainer');
    const { code } = await add(fixture.sourceFile);
    expect(code).toBe(0);
    const added = readManifest().articles.at(-1)!;
    expect(added).toMatchObject({ outlet: 'Example Review', authors: [{ name: 'Lena Vogt', status: 'verified' }], published: { value: '2023-02-14' } });
    expect(passages(added.slug)).toEqual(fixture.body.filter((b) => !b.startsWith('## ')));
  });

  it('should keep the introduction under a Markdown title as text, never guessing it a standfirst', async () => {
    const fixture = loadFixture('markdown-newsletter-gfm');
    const { code } = await add(fixture.sourceFile);
    expect(code).toBe(0);
    const added = readManifest().articles.at(-1)!;
    expect(added.standfirst).toBeNull();
    expect(passages(added.slug)[0]).toBe(fixture.body[0]);
  });

  it('should take --outlet, --headline, --date and --author over what the file says, keeping honorifics apart', async () => {
    const fixture = loadFixture('html-news-page');
    const { code } = await add(fixture.sourceFile, '--headline', 'Three charged in Nairobi', '--date', '2022-08-10', '--author', 'Dr Amina Yusuf', '--author', 'Peter Otieno', '--outlet', 'Courier');
    expect(code).toBe(0);
    const added = readManifest().articles.at(-1)!;
    expect(added).toMatchObject({
      outlet: 'Courier',
      slug: 'three-charged-nairobi',
      headline: { value: 'Three charged in Nairobi', status: 'verified' },
      published: { value: '2022-08-10' },
      authors: [{ name: 'Amina Yusuf', honorific: 'Dr' }, { name: 'Peter Otieno' }],
    });
  });

  it('should add several files in one command, each with its own slug and id prefix', async () => {
    const { code } = await add(loadFixture('wire-agency').sourceFile, loadFixture('blog').sourceFile, '--outlet', 'Example Wire');
    expect(code).toBe(0);
    const articles = readManifest().articles;
    expect(articles).toHaveLength(3);
    expect(new Set(articles.map((a) => a.idPrefix)).size).toBe(3);
  });

  it('should record the language of an article not in English: detected, declared or given', async () => {
    const french = join(corpus.root, 'attentat.txt');
    writeFileSync(
      french,
      [
        'Le procès des complices de l’attentat s’ouvre à Paris',
        'Quatre hommes comparaissent à partir de lundi devant la cour d’assises spéciale de Paris, accusés d’avoir aidé l’auteur de l’attaque à préparer son projet.',
        'Selon l’accusation, ils lui ont fourni un logement, un véhicule et de l’argent dans les semaines qui ont précédé les faits, sans jamais alerter les autorités.',
        'Leurs avocats contestent cette version et affirment que leurs clients ignoraient tout des intentions de leur ami, qu’ils décrivent comme un homme discret.',
        'Le verdict est attendu à la fin du mois prochain, après six semaines d’audience et le témoignage de plusieurs dizaines de victimes et de proches.',
      ].join('\n\n'),
    );
    const { code, text } = await add(french, '--outlet', 'Le Quotidien');
    expect(code).toBe(0);
    expect(text).toMatch(/language\s+fr\n\s+inferred — check it: the text \(franc\)/);
    expect(readManifest().articles.at(-1)!.language).toBe('fr');

    const markdown = join(corpus.root, 'note.md');
    writeFileSync(markdown, '---\ntitle: Un titre\noutlet: La Revue\nlang: fr_FR\n---\n\nUn court paragraphe.\n');
    expect((await add(markdown)).code).toBe(0);
    expect(readManifest().articles.at(-1)!.language).toBe('fr-FR');

    const given = join(corpus.root, 'given.txt');
    writeFileSync(given, 'A headline for the piece\n\nA short paragraph of text.\n');
    expect((await add(given, '--outlet', 'X', '--language', 'ar')).code).toBe(0);
    expect(readManifest().articles.at(-1)!.language).toBe('ar');
    expect(readManifest().articles.slice(0, 1).map((a) => a.language)).toEqual([undefined]);
  });

  it('should leave the language out of the entry of an article in English, and refuse a tag that is not one', async () => {
    const { code } = await add(loadFixture('broadsheet').sourceFile, '--outlet', 'X');
    expect(code).toBe(0);
    expect(readManifest().articles.at(-1)!.language).toBeUndefined();
    const british = join(corpus.root, 'british.md');
    writeFileSync(british, '---\ntitle: A title\noutlet: The Review\nlang: en-GB\n---\n\nA short paragraph.\n');
    expect((await add(british)).code).toBe(0);
    expect(readManifest().articles.at(-1)!.language).toBeUndefined();
    const refused = await add(loadFixture('blog').sourceFile, '--outlet', 'X', '--language', 'not a tag');
    expect(refused.code).toBe(2);
    expect(refused.err.join('\n')).toMatch(/--language not a tag: not a language tag/);
  });

  it('should decode a windows-1252 copy, say so and record the encoding', async () => {
    const path = join(corpus.root, 'latin.txt');
    const text = 'Caf\u00e9 owners fear the \u201creturn\u201d\n\nThe caf\u00e9 on the square reopened in May, its owner said, after two years.\n\nCustomers came back slowly \u2013 but they came back, and the square filled again by the summer.\n';
    const special: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 };
    writeFileSync(path, Buffer.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0))));
    const { code, text: out } = await add(path, '--outlet', 'Example Gazette');
    expect(code).toBe(0);
    expect(out).toContain('decoded as windows-1252 (detected)');
    const added = readManifest().articles.at(-1)!;
    expect(added.encoding).toBe('windows-1252');
    expect(passages(added.slug)[0]).toBe('The café on the square reopened in May, its owner said, after two years.');
  });
});

describe('npm run add: bad input is refused with the reason, and content/ is left exactly as it was', () => {
  async function expectRefused(argv: string[], reason: RegExp) {
    const { code, err } = await add(...argv);
    expect(code).not.toBe(0);
    expect(err.join('\n')).toMatch(reason);
    expect(snapshotContent()).toEqual(before);
  }

  it('should refuse a page with no article in it', async () => {
    const path = join(corpus.root, 'home.html');
    writeFileSync(path, '<!doctype html><html><head><title>Example News</title></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><ul><li><a href="/a">Story one</a></li><li><a href="/b">Story two</a></li></ul><footer>© Example</footer></body></html>');
    await expectRefused([path, '--outlet', 'Example'], /home\.html: no article found in the page \(\d+ words/);
  });

  it('should refuse a PDF without a text layer (scanned)', async () => {
    await expectRefused([join(addFixtures, 'scanned.pdf'), '--outlet', 'Example'], /scanned\.pdf: has no text layer: .*OCR/);
  });

  it.each([
    ['03/04/2017', /--date 03\/04\/2017: "03\/04\/2017" is ambiguous \(3 April or 4 March\?\); write it as YYYY-MM-DD/],
    ['2017-02-30', /--date 2017-02-30: "2017-02-30" is not a date: February 2017 has 28 days/],
    ['2017-13-45', /there is no month 13/],
    ['someday', /not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD/],
  ])('should refuse the date %s', async (date, reason) => {
    await expectRefused([loadFixture('blog').sourceFile, '--outlet', 'X', '--date', date], reason);
  });

  it('should refuse a file whose outlet it cannot tell, saying how to give it', async () => {
    await expectRefused([loadFixture('blog').sourceFile], /cannot tell which outlet published source\.txt .*--outlet "Name of the outlet"/);
  });

  it('should refuse a kind of file it does not read, and a file that is not there', async () => {
    const docx = join(corpus.root, 'report.docx');
    copyFileSync(loadFixture('blog').sourceFile, docx);
    await expectRefused([docx, '--outlet', 'X'], /report\.docx: is not a kind of file Dossier reads/);
    await expectRefused([join(corpus.root, 'missing.txt'), '--outlet', 'X'], /missing\.txt: no such file/);
  });

  it('should refuse to add to a manifest that is already broken, naming its line', async () => {
    const path = join(corpus.sourcesDir, 'sources.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('idPrefix: arta', 'idPrefix: Not A Prefix'));
    before = snapshotContent();
    await expectRefused([loadFixture('blog').sourceFile, '--outlet', 'X'], /content\/sources\/sources\.yaml:\d+: field articles\[0\]\.idPrefix/);
  });

  it('should refuse a file already in the dossier, or given twice, naming the copy it has', async () => {
    const copy = join(corpus.root, 'art-a-again.txt');
    copyFileSync(join(corpus.sourcesDir, 'art-a.txt'), copy);
    await expectRefused([copy, '--outlet', 'X'], /art-a-again\.txt: is already in the dossier, byte for byte, as content\/sources\/art-a\.txt \(the article "art-a"\)/);
    const blog = loadFixture('blog').sourceFile;
    const twice = join(corpus.root, 'blog-again.txt');
    copyFileSync(blog, twice);
    await expectRefused([blog, twice, '--outlet', 'X'], /blog-again\.txt: is the same file as .*source\.txt, given before it/);
  });

  it('should name the file as given when its text is refused, with the line', async () => {
    const path = join(corpus.root, 'damaged.txt');
    writeFileSync(path, 'A headline for the piece\n\nThe first paragraph.\n\nA \u0007bell in the second paragraph.\n');
    await expectRefused([path, '--outlet', 'X'], new RegExp(`${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:5: contains the control character U\\+0007`));
    const blank = join(corpus.root, 'blank.txt');
    writeFileSync(blank, ' \n\n  \n');
    const { err } = await add(blank, '--outlet', 'X');
    expect(err.join('\n')).toMatch(/blank\.txt: the file has no text \(it is empty or only white space\)\. Put the article text in it\.$/m);
  });

  it('should drop a DOS end-of-file mark (^Z) and say so', async () => {
    const path = join(corpus.root, 'dos.txt');
    writeFileSync(path, 'A headline for the piece\r\n\r\nThe first paragraph of the piece.\r\n\x1a');
    const { code } = await add(path, '--outlet', 'X');
    expect(code).toBe(0);
  });

  it('should add nothing when one of several files is bad', async () => {
    await expectRefused([loadFixture('blog').sourceFile, join(addFixtures, 'scanned.pdf'), '--outlet', 'X'], /has no text layer/);
  });
});

