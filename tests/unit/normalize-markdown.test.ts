/**
 * Markdown in and out. Reading a Markdown copy (extractMarkdown): every word of the file is
 * kept as a paragraph or heading or listed in `dropped` (GFM tables, strikethrough,
 * footnotes, raw HTML, pictures). Writing: whatever characters a paragraph holds, the written
 * markdown reads back (remark-parse + mdast-util-to-string) to exactly that text: markdown and
 * HTML characters are escaped, never interpreted.
 */
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { sourceEntrySchema } from '../../src/corpus/schema.ts';
import { extractMarkdown } from '../../scripts/normalize/extract/markdown.ts';
import { createProcessor, normalizeArticle } from '../../scripts/normalize/pipeline.ts';
import { splitArticleFile } from '../../src/corpus/parse.ts';
import { normalizeSpace } from '../../scripts/normalize/text.ts';
import { entry } from '../fixtures/normalize/helpers.ts';

const processor = createProcessor();
const testEntry = sourceEntrySchema.parse(entry('md', { headline: { value: null, status: 'unknown' }, authors: [] }));

/** Normalise paragraphs (one per line), read the body back as plain texts. */
async function roundTrip(paragraphs: string[]): Promise<string[]> {
  const { markdown } = await normalizeArticle({
    entry: testEntry,
    bytes: new TextEncoder().encode(paragraphs.join('\n')),
    displayPath: 'md.txt',
    sourcePath: 'md.txt',
    previousMarkdown: null,
    previousPath: 'md.md',
  }, processor);
  const tree = unified().use(remarkParse).parse(splitArticleFile(markdown, 'article.md').body);
  return tree.children.filter((node) => node.type === 'paragraph' || node.type === 'heading').map((node) => toString(node));
}

const tricky = ['*', '_', '#', '[', ']', '<', '>', '`', '|', '\\', '&', ';', '!', '(', ')', '-', '+', '=', '~', ':', '.', '1', 'a', 'b', ' ', 'amp', '&amp;', '&#123;', '<b>', '</b>', '<!--', '-->', 'http://x.y', '    ', '***', '---'];

describe('normalize markdown: escaping', () => {
  it('should read back every paragraph exactly, whatever markdown characters it holds', async () => {
    const paragraph = fc
      .array(fc.constantFrom(...tricky), { minLength: 1, maxLength: 30 })
      .map((parts) => `Text ${normalizeSpace(parts.join(''))}.`);
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 5 }), async (generated) => {
        // Numbered: a paragraph printed twice would rightly be removed as a repeated caption.
        const paragraphs = generated.map((text, i) => `${i} ${text}`);
        expect(await roundTrip(paragraphs)).toEqual(paragraphs.map(normalizeSpace));
      }),
      { numRuns: 300 },
    );
  }, 30_000); // 300 whole pipeline runs

  it('should keep line starts that look like markup as text', async () => {
    const paragraphs = ['# Not a heading.', '1. Not a list.', '- Not a bullet.', '> Not a quote.', '<div>Not HTML.</div>', '    Not code.', '| a | b |', '=== not a rule ===.'];
    expect(await roundTrip(paragraphs)).toEqual(paragraphs.map(normalizeSpace));
  });

  it('should keep headings that hold markdown characters as text', async () => {
    const texts = ['First paragraph.', 'The *real* [story]', 'Last paragraph.'];
    expect(await roundTrip(texts)).toEqual(texts);
  });
});

/** The extracted blocks as lines, headings as "## …". */
function read(markdown: string) {
  const { blocks, dropped, notes } = extractMarkdown(markdown);
  return { body: blocks.map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.text)), dropped: dropped.map((d) => [d.reason, d.text]), notes };
}

describe('normalize markdown: reading a Markdown copy (extractMarkdown)', () => {
  it('should read a GFM table as one paragraph per row, cells joined by " | "', () => {
    const { body } = read(['Three numbers:', '', '| Country | Russian personnel (est.) | Since |', '|---|---|---|', '| Mali | 1,500 | 2021 |', '| Niger | 100 | 2024 |'].join('\n'));
    expect(body).toEqual(['Three numbers:', 'Country | Russian personnel (est.) | Since', 'Mali | 1,500 | 2021', 'Niger | 100 | 2024']);
  });

  it('should keep struck-through words as plain text, without the tildes, and say so in the notes', () => {
    const { body, notes } = read('They called it a ~~postponement~~ cancellation in all but name.');
    expect(body).toEqual(['They called it a postponement cancellation in all but name.']);
    expect(notes).toContain('1 struck-through passage kept as plain text');
  });

  it('should keep footnote references in the text as [label], apart from the words', () => {
    const { body } = read(['Crossings fell, according to the figures.[^1] Officials disagree[^note].', '', '[^1]: https://example.org/report', '[^note]: Text of the note.'].join('\n'));
    expect(body[0]).toBe('Crossings fell, according to the figures.[1] Officials disagree[note].');
  });

  it('should keep each footnote as its own labelled paragraph at the end, in the order written', () => {
    const source = [
      '---',
      'title: Why the Darién crossing numbers fell',
      '---',
      '',
      'Crossings fell by more than half.[^1]',
      '',
      'Officials credit a new agreement.[^2]',
      '',
      '[^1]: https://migracion.example.gob.pa/estadisticas-2024',
      '',
      '[^2]: <https://state.example.gov/panama-agreement>',
      '',
      'Migrants say the route has moved east.[^3]',
      '',
      '[^3]: First paragraph of a long note.',
      '',
      '    Its second paragraph.',
    ].join('\n');
    const { body, dropped, notes } = read(source);
    expect(body).toEqual([
      'Crossings fell by more than half.[1]',
      'Officials credit a new agreement.[2]',
      'Migrants say the route has moved east.[3]',
      '[1] https://migracion.example.gob.pa/estadisticas-2024',
      '[2] https://state.example.gov/panama-agreement',
      '[3] First paragraph of a long note.',
      'Its second paragraph.',
    ]);
    expect(dropped).toEqual([]);
    expect(notes).toContain('3 footnotes kept at the end');
  });

  it('should list link definitions in dropped rather than lose them silently', () => {
    const { body, dropped } = read(['Read the [archive][arch].', '', '[arch]: https://example.org/archive "The archive"'].join('\n'));
    expect(body).toEqual(['Read the archive.']);
    expect(dropped).toEqual([['link definition', '[arch]: https://example.org/archive "The archive"']]);
  });

  it('should keep the visible text of a raw HTML block, a paragraph per block element', () => {
    const { body, dropped } = read(
      ['Before.', '', '<details><summary>Methodology</summary>We visited <em>eleven</em> markets.<p>Prices are medians.</p></details>', '', 'After.'].join('\n'),
    );
    expect(body).toEqual(['Before.', 'Methodology', 'We visited eleven markets.', 'Prices are medians.', 'After.']);
    expect(dropped).toEqual([]);
  });

  it('should keep the markdown inside a <details> box and list its bare closing tag as raw HTML', () => {
    const { body, dropped } = read(['<details>', '<summary>How we counted</summary>', '', 'Markdown *prose* inside.', '', '</details>'].join('\n'));
    expect(body).toEqual(['How we counted', 'Markdown prose inside.']);
    expect(dropped).toEqual([['raw HTML', '</details>']]);
  });

  it('should read the rows of a raw HTML table as the rows of a GFM table', () => {
    const { body } = read('<table><tr><th>Country</th><th>Troops</th></tr><tr><td>Chad</td><td>3,000</td></tr></table>');
    expect(body).toEqual(['Country | Troops', 'Chad | 3,000']);
  });

  it('should leave out comments, scripts, styles, embeds and pictures of raw HTML, and list each', () => {
    const source = [
      '<!-- editor: check the spelling -->',
      '',
      '<script>track()</script>',
      '',
      '<style>.box { color: red }</style>',
      '',
      '<iframe src="https://video.example/embed/1" title="Interview with the mayor"></iframe>',
      '',
      '<video src="https://video.example/clip.mp4"></video>',
      '',
      '<img src="chart.png" alt="Chart of attacks by month">',
      '',
      '<div>Kept prose.<!-- hidden note --></div>',
    ].join('\n');
    const { body, dropped } = read(source);
    expect(body).toEqual(['Kept prose.']);
    expect(dropped).toEqual([
      ['HTML comment', 'editor: check the spelling'],
      ['script', 'track()'],
      ['style', '.box { color: red }'],
      ['embed', 'Interview with the mayor'],
      ['embed', 'https://video.example/clip.mp4'],
      ['picture', 'Chart of attacks by month'],
      ['HTML comment', 'hidden note'],
    ]);
  });

  it('should keep the text around inline HTML tags, a <br> as a space, and list an inline comment', () => {
    const { body, dropped } = read('Hello <b>world</b> and <sup>more</sup>.<br>Next line.<!-- aside -->');
    expect(body).toEqual(['Hello world and more. Next line.']);
    expect(dropped).toEqual([['HTML comment', 'aside']]);
  });

  it('should keep words apart across hard breaks', () => {
    expect(read('Line one  \nline two\\\nline three.').body).toEqual(['Line one line two line three.']);
  });

  it('should keep the text of a paragraph that holds a picture and list the picture', () => {
    const { body, dropped } = read('Text before ![A map of the Sahel](map.png) and after.');
    expect(body).toEqual(['Text before and after.']);
    expect(dropped).toEqual([['picture', 'A map of the Sahel']]);
  });

  it('should drop a paragraph that is only a picture, linked or not, listing its alt text', () => {
    const { body, dropped } = read(['![A boat at Baga](boat.jpg)', '', '[![Subscribe banner](banner.png)](https://example.org/subscribe)', '', '![](blank.png)'].join('\n'));
    expect(body).toEqual([]);
    expect(dropped).toEqual([
      ['picture', 'A boat at Baga'],
      ['picture', 'Subscribe banner'],
      ['picture', '(image)'],
    ]);
  });

  it('should keep each item of a nested list as its own paragraph', () => {
    const { body } = read(['- Pay is lower', '  - but paid on time', '  - in cash', '- Commanders stay', '', '1. First', '', '   Its second paragraph.'].join('\n'));
    expect(body).toEqual(['Pay is lower', 'but paid on time', 'in cash', 'Commanders stay', 'First', 'Its second paragraph.']);
  });

  it('should keep quotations, inline code and code blocks as text', () => {
    const { body } = read(['> "We will not hold elections," a spokesman said.', '>', '> - a quoted item', '', 'Run `npm test` first.', '', '```', 'code block', '```'].join('\n'));
    expect(body).toEqual(['"We will not hold elections," a spokesman said.', 'a quoted item', 'Run npm test first.', 'code block']);
  });
});
