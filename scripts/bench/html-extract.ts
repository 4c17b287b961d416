/**
 * How reading a saved web page grows with its length: `npx tsx scripts/bench/html-extract.ts`.
 * Times `extractHtml` on made-up pages of n and 4n sections, in the shapes whose handling reads
 * the whole page — a heading in a wrapper per section, quotations in figures, an FAQ of hidden
 * panels — and prints each time with its ratio; four times the page should take about four
 * times as long. A step that reads the whole page once per section made a 4,000-section page
 * take 117 s (2026-12-07), and one per hidden panel made a 2,000-question FAQ take 9.6 s.
 */
import { extractHtml } from '../normalize/extract/html.ts';

const PROSE = 'holds words enough to be running prose of the article, and it ends as a sentence does.';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>T</title></head><body><article><h1>Headline</h1>${body}</article></body></html>`;

const shapes: Record<string, (n: number) => string> = {
  'sections with wrapped headings': (n) =>
    page(Array.from({ length: n }, (_, i) => `<div class="section-header"><h3>Part ${i}</h3></div><p>Paragraph ${i} ${PROSE}</p>`).join('')),
  'quotations in figures': (n) =>
    page(Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} ${PROSE}</p><figure><blockquote><p>Quoted ${i} ${PROSE}</p></blockquote></figure>`).join('')),
  'an FAQ of hidden panels': (n) =>
    page(
      `<p>Introduction ${PROSE}</p>` +
        Array.from({ length: n }, (_, i) => `<div><button aria-expanded="false" aria-controls="a${i}">Question ${i}?</button><div id="a${i}" hidden><p>Answer ${i} ${PROSE}</p></div></div>`).join(''),
    ),
};

const size = Number(process.argv[2] ?? 1000);
for (const [name, make] of Object.entries(shapes)) {
  const times = [size, size * 4].map((n) => {
    const html = make(n);
    const started = performance.now();
    const { blocks } = extractHtml(html, `${n}.html`);
    return { n, ms: performance.now() - started, blocks: blocks.length };
  });
  const [small, large] = times as [(typeof times)[0], (typeof times)[0]];
  console.log(
    `${name}: ${small.n} → ${Math.round(small.ms)} ms (${small.blocks} blocks), ${large.n} → ${Math.round(large.ms)} ms (${large.blocks} blocks): ×${(large.ms / small.ms).toFixed(1)} for ×4`,
  );
}
