import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HIGHLIGHT_COLOURS, type Annotation } from '../../src/annotations/model';
import { MARKDOWN_RECORDS_CLOSE, MARKDOWN_RECORDS_OPEN, noteMarkdown, plainNote, toCollection, toMarkdown } from '../../src/annotations/export';
import { parseAnnotationFile } from '../../src/annotations/import';
import { noteIsInert } from '../../src/annotations/markdown-check';
import { annotationCollectionSchema } from '../../src/annotations/schema';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import { makeAnnotation, passages } from './annotation-helpers';

/** Every node of a type in a Markdown tree. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function nodesOf(tree: Node, type: string): any[] {
  const found: Node[] = [];
  visit(tree, type, (node) => void found.push(node));
  return found;
}

const origin = 'https://dossier.example';
const articles = new Map([['/articles/cnn-isis-2-0/', { outlet: 'CNN', headline: 'Islamic State 2.0: As the caliphate crumbles, ISIS evolves' }]]);

describe('toCollection', () => {
  it('should write a W3C AnnotationCollection with one page of items', () => {
    const a = makeAnnotation('remain and expand');
    const c = toCollection([a], { id: 'urn:uuid:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' });
    expect(annotationCollectionSchema.parse(c)).toBeTruthy();
    expect(c).toMatchObject({ type: 'AnnotationCollection', total: 1, first: { type: 'AnnotationPage', startIndex: 0, items: [a] } });
  });

  it('should survive export → JSON → import unchanged, whatever the content', () => {
    const text = fc.string({ maxLength: 200 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s));
    const tag = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /^[^\u0000-\u001f\u007f,;]+$/.test(s) && s.trim() === s);
    const record = fc.record({
      passage: fc.integer({ min: 0, max: passages.length - 1 }),
      start: fc.nat(60),
      length: fc.integer({ min: 1, max: 40 }),
      note: text,
      tags: fc.uniqueArray(tag, { maxLength: 4, selector: (t) => t.toLowerCase() }),
      colour: fc.constantFrom(...HIGHLIGHT_COLOURS),
      at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const annotations: Annotation[] = [];
        for (const r of records) {
          const p = passages[r.passage]!;
          const quote = p.text.slice(r.start, r.start + r.length);
          if (!quote.trim()) continue;
          annotations.push(
            makeAnnotation(quote.trim(), { passageId: p.id, note: r.note, tags: r.tags, colour: r.colour, at: r.at.toISOString() }),
          );
        }
        const exported = JSON.stringify(toCollection(annotations, { id: 'urn:x' }));
        const imported = parseAnnotationFile(exported);
        if (!annotations.length) {
          expect(imported).toEqual({ ok: false, error: 'The file holds no annotations. Nothing was imported.' });
          return;
        }
        if (!imported.ok) throw new Error(imported.error);
        expect(imported.refused).toEqual([]);
        const byId = (list: Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
        expect(byId(imported.annotations)).toEqual(byId(annotations));
      }),
      { numRuns: 60 },
    );
  });
});

/** The part of a Markdown export meant for reading: all but the records block at its end. */
const readable = (md: string) => (md.includes(MARKDOWN_RECORDS_OPEN) ? md.slice(0, md.indexOf(MARKDOWN_RECORDS_OPEN)) : md);

/** The HTML nodes of an export other than its records block. */
const htmlBesidesRecords = (tree: Node) => nodesOf(tree, 'html').filter((n) => !(n.value.startsWith(MARKDOWN_RECORDS_OPEN) && n.value.endsWith(MARKDOWN_RECORDS_CLOSE)));

describe('toMarkdown', () => {
  it('should write each quote as a blockquote with its note, tags, outlet and passage link', () => {
    const a = makeAnnotation('remain and expand', { note: 'The group’s *motto*.', tags: ['ideology', 'strategy'] });
    expect(readable(toMarkdown([a], { origin, articles }))).toBe(
      [
        '# Dossier annotations',
        '',
        '## CNN: Islamic State 2.0: As the caliphate crumbles, ISIS evolves',
        '',
        '> remain and expand',
        '',
        'The group’s *motto*.',
        '',
        'Tags: `ideology`, `strategy`',
        '',
        '— CNN, [passage cnn-4dd3d1](https://dossier.example/articles/cnn-isis-2-0/#cnn-4dd3d1)',
        '',
        '', // then the records block
      ].join('\n'),
    );
  });

  it('should escape quoted text so it cannot become markup', () => {
    const a = makeAnnotation('remain and expand');
    const evil = { ...a, target: { ...a.target, selector: a.target.selector.map((s) => (s.type === 'TextQuoteSelector' ? { ...s, exact: '<script>x</script> *bold* # [link](y)' } : s)) } };
    expect(toMarkdown([evil], { origin, articles })).toContain('> \\<script\\>x\\</script\\> \\*bold\\* \\# \\[link\\]\\(y\\)');
  });

  it('should keep the reader’s Markdown as typed: emphasis, code, lists, quotes, links to the web', () => {
    const note = [
      'Note the *territorial* claim, **twice**, and `code <b>`.',
      '- a list item',
      '1. a numbered one',
      '> a quote of my own',
      'See [the BBC](https://www.bbc.co.uk/news), <https://example.org> or [write](mailto:a@b.example).',
      'a < b, 3 > 2 & so on',
      '```',
      '<b>code kept as typed</b>',
      '```',
    ].join('\n');
    const md = toMarkdown([makeAnnotation('remain and expand', { note })], { origin, articles });
    expect(md).toContain(`\n\n${note}\n\n`);
  });

  it('should escape in notes only what could run, load, point elsewhere or break the report’s outline', () => {
    const note = '<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n[click](javascript:alert(3))\n![pixel](https://t.example/x.png)\n# heading\n[ref]: javascript:alert(4)\n\\<b>typed escape</b>\n&lt;b&gt;';
    const md = toMarkdown([makeAnnotation('remain and expand', { note })], { origin, articles });
    const noteLines = md.split('\n').slice(6, 14);
    expect(noteLines).toEqual([
      '\\<script>alert(1)\\</script>',
      '\\<img src=x onerror=alert(2)>',
      '[click]\\(javascript:alert(3))',
      '!\\[pixel](https://t.example/x.png)',
      '\\# heading',
      '\\[ref]: javascript:alert(4)',
      '\\<b>typed escape\\</b>',
      '&lt;b&gt;',
    ]);
  });

  it('should escape a link definition off the web wherever it opens: in a quote or list, with brackets or ticks in its label, or a label running on', () => {
    for (const note of ['>[<]:]', '- [x]: javascript:alert(1)', '[a\\]b]: javascript:x', '[a`]: javascript:x`', '[multi\nline]: javascript:x', '[a]:\njavascript:x']) {
      const md = toMarkdown([makeAnnotation('remain and expand', { note })], { origin, articles });
      const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
      expect(nodesOf(tree, 'definition'), note).toEqual([]);
    }
    // a link to the web, or a definition of one, stays as typed
    const md = toMarkdown([makeAnnotation('remain and expand', { note: '> [a]: https://x.example\n[text](https://x.example)' })], { origin, articles });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    expect(nodesOf(tree, 'definition').map((d) => d.url)).toEqual(['https://x.example']);
    expect(nodesOf(tree, 'link').map((l) => l.url)).toContain('https://x.example');
  });

  it('should tell a note that reads as HTML, an image, a heading or a link off the web from one that does not', () => {
    for (const md of ['<b>x</b>', 'a <!-- c -->', '![x](https://x.example/p.png)', '![x][r]\n\n[r]: https://x.example', '# h', 'h\n-', '[x](javascript:alert(1))', '[r]: javascript:x', '> > <img src=x>']) {
      expect(noteIsInert(md), md).toBe(false);
    }
    for (const md of ['*emphasis*, `<b>code</b>`', '[web](https://x.example) and <https://x.example>', '- a\n- b', '\\<b>', '> quote\n>\n> more', `${'> '.repeat(5000)}x`]) {
      expect(noteIsInert(md), md.slice(0, 20)).toBe(true);
    }
  });

  it('should write a note the check refuses as plain text, every mark escaped and no line indented', () => {
    const note = '    <b>bold</b> [x](javascript:y)\n# h\n1. ![i](https://x.example/i.png)';
    const md = toMarkdown([makeAnnotation('remain and expand', { note })], { origin, articles, inert: () => false });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    expect(htmlBesidesRecords(tree)).toEqual([]);
    expect(nodesOf(tree, 'code')).toEqual([]);
    expect(nodesOf(tree, 'heading').map((h) => h.depth)).toEqual([1, 2]);
    // a web address may still read as a link (to the web)
    for (const link of nodesOf(tree, 'link')) expect(link.url).toMatch(/^https:\/\//);
    expect(nodesOf(tree, 'image')).toEqual([]);
    // read as text, it says what was typed
    const text = nodesOf(tree, 'paragraph').map((p) => p.children.map((c: { value?: string }) => c.value ?? '').join('')).join('\n');
    expect(text).toContain('<b>bold</b> [x](javascript:y)');
    expect(text).toContain('# h');
    expect([...plainNote('a.b')]).toEqual(['a\\.b']);
    // and the note imports back whole
    const imported = parseAnnotationFile(md);
    expect(imported.ok && imported.annotations[0]!.body).toEqual(makeAnnotation('remain and expand', { note }).body);
  });

  it('should read a line of many nested quote marks and list markers as it reads one (it once took exponential time)', () => {
    const deep = '> '.repeat(40);
    const lines = [...noteMarkdown(`${deep}x\n${deep}# heading\n${'-  '.repeat(40)}[a]: javascript:x\n${'>\t'.repeat(40)}`)];
    expect(lines).toEqual([`${deep}x`, `${deep}\\# heading`, `${'-  '.repeat(40)}\\[a]: javascript:x`, '>\t'.repeat(40)]);
  });

  it('should read a long run of backslashes once, and still escape a tag before it (read from each backslash, it took time growing with its length squared)', () => {
    const run = '\\'.repeat(300_000);
    expect([...noteMarkdown(`<b> ${run}`)]).toEqual([`\\<b> ${run}`]);
  });

  it("should escape many tags, and a tag after a long word or address, each once (the word before each was sought from the line's start)", () => {
    const word = 'x'.repeat(300_000);
    expect([...noteMarkdown(`${'<a '.repeat(100_000)}`)]).toEqual([`${'\\<a '.repeat(100_000)}`]);
    expect([...noteMarkdown(`${word} <b> https://x.example/${word}<b>`)]).toEqual([`${word} \\<b> https://x.example/${word}&lt;b>`]);
    // an address running on over a code span still counts; a blank after it ends it
    expect([...noteMarkdown('https://x.example`a`<b> `c` <i>')]).toEqual(['https://x.example`a`&lt;b> `c` \\<i>']);
  });

  it('should read a line of many backtick runs once (each opener sought its closer, and its backslashes, from far back: 80,000 characters took 14 s)', () => {
    const spans = '`a`x'.repeat(100_000);
    expect([...noteMarkdown(`${spans}<b>`)]).toEqual([`${spans}\\<b>`]);
    const escaped = '\\`<b>'.repeat(50_000);
    expect([...noteMarkdown(escaped)]).toEqual(['\\`\\<b>'.repeat(50_000)]);
    // runs no later run closes, each of another length: still code where a later run does close
    const unclosed = Array.from({ length: 399 }, (_, i) => '`'.repeat(400 - i)).join('<b>'); // 400 ticks, 399… 2
    expect([...noteMarkdown(`${unclosed} \`<i>\``)]).toEqual([`${unclosed.replaceAll('<b>', '\\<b>')} \`<i>\``]);
    // an address running on over thousands of code spans still counts
    const address = `https://x.example/${'`a`'.repeat(50_000)}<b>`;
    expect([...noteMarkdown(address)]).toEqual([`https://x.example/${'`a`'.repeat(50_000)}&lt;b>`]);
  });

  it('should close a code fence a note leaves open, so the rest of the report stays the report', () => {
    const md = toMarkdown([makeAnnotation('remain and expand', { note: '```\n<b>' })], { origin, articles });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    expect(nodesOf(tree, 'link').map((n) => n.url)).toEqual(['https://dossier.example/articles/cnn-isis-2-0/#cnn-4dd3d1']);
  });

  it('should keep a tag from being HTML where a backslash would not escape it: after a web address (it joins the address), or after an escaped backtick', () => {
    for (const note of ['https://x.example<!-->', 'see www.example.org<img src=x>', 'https://x.example/a<b>bold</b>', 'https://x.example\\<!-->', 'https://x.example`a`<!-->', '\\```<!-->```']) {
      const md = toMarkdown([makeAnnotation('remain and expand', { note })], { origin, articles });
      const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
      expect(htmlBesidesRecords(tree), note).toEqual([]);
    }
  });

  it('should never let a note add HTML, an image, a heading or a link off the web, whatever it holds', () => {
    // Notes made of Markdown's own punctuation, words and the schemes that matter.
    const piece = fc.constantFrom(
      '<', '>', '/', '!', '[', ']', '(', ')', '`', '``', '```', '~~~', '*', '_', '#', '=', '-', '\\', ':', ' ', '\n', '\n\n', '&',
      'a', 'b', 'script', 'img', 'javascript:', 'https://x.example', 'mailto:a@b', '<!--', '?', 'x.png',
    );
    const note = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(note, (text) => {
        const annotation = makeAnnotation('remain and expand', { note: text });
        // as the notebook exports: the escaping, and the note read back (a note it refuses goes as plain text)
        const md = toMarkdown([annotation], { origin, articles, inert: noteIsInert });
        const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
        expect(htmlBesidesRecords(tree)).toEqual([]);
        // The records block is one comment, whole, whatever the note: it imports back unchanged.
        expect(nodesOf(tree, 'html')).toHaveLength(1);
        const imported = parseAnnotationFile(md);
        if (!imported.ok) throw new Error(imported.error);
        expect(imported.annotations).toEqual([annotation]);
        expect(nodesOf(tree, 'image')).toEqual([]);
        expect(nodesOf(tree, 'imageReference')).toEqual([]);
        expect(nodesOf(tree, 'heading').map((h) => h.depth)).toEqual([1, 2]);
        for (const link of nodesOf(tree, 'link')) expect(link.url).toMatch(/^(https?:\/\/|mailto:)/i);
        for (const def of nodesOf(tree, 'definition')) expect(def.url).toMatch(/^(https?:\/\/|mailto:)/i);
        // The passage link after the note is still a link: nothing in the note swallowed it.
        expect(nodesOf(tree, 'link').map((l) => l.url)).toContain('https://dossier.example/articles/cnn-isis-2-0/#cnn-4dd3d1');
      }),
      { numRuns: 1000 },
    );
  });

  it('should export a note of any length, every line of it', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `line ${i}`);
    const md = toMarkdown([makeAnnotation('remain and expand', { note: lines.join('\n') })], { origin, articles });
    expect(md).toContain('line 0\nline 1\n');
    expect(md).toContain('line 199999\n');
  });

  it('should end with every annotation whole, which the import reads back with nothing lost', () => {
    const annotations = [
      makeAnnotation('remain and expand', { note: '# not a heading\n<b>html</b> --> <!-- -- --->', tags: ['a--b', '<t>'], colour: 'pink' }),
      makeAnnotation('agile attacks'),
    ];
    const md = toMarkdown(annotations, { origin, articles });
    const lines = md.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(MARKDOWN_RECORDS_CLOSE);
    expect(lines.at(-4)).toBe(MARKDOWN_RECORDS_OPEN);
    // nothing inside the comment can close it or open another
    for (const line of lines.slice(-3, -1)) expect(line).not.toMatch(/--|<|>/);
    const imported = parseAnnotationFile(md);
    if (!imported.ok) throw new Error(imported.error);
    const byId = (list: Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(imported.annotations)).toEqual(byId(annotations));
    expect(imported.refused).toEqual([]);
  });

  it('should import the records whatever was done to the text above them, refusing only a damaged record line', () => {
    const annotations = [makeAnnotation('remain and expand', { note: 'first' }), makeAnnotation('agile attacks', { note: 'second' })];
    const md = toMarkdown(annotations, { origin, articles });
    const edited = md.replace('first', 'rewritten in the report').replace('# Dossier annotations', '# My report');
    const fromEdited = parseAnnotationFile(edited);
    expect(fromEdited.ok && fromEdited.annotations.map((a) => a.id).sort()).toEqual(annotations.map((a) => a.id).sort());

    const lines = md.split('\n');
    const at = lines.indexOf(MARKDOWN_RECORDS_OPEN) + 1;
    lines[at] = lines[at]!.slice(0, 40);
    const damaged = parseAnnotationFile(lines.join('\n'));
    expect(damaged.ok).toBe(true);
    if (!damaged.ok) return;
    expect(damaged.annotations).toHaveLength(1);
    expect(damaged.refused).toEqual([{ item: 1, reason: `line ${at + 1} of the file is not a whole annotation record (it may have been edited)` }]);

    const cut = md.slice(0, md.lastIndexOf(MARKDOWN_RECORDS_CLOSE));
    expect(parseAnnotationFile(cut)).toMatchObject({ ok: false, error: expect.stringMatching(/cut short\. Nothing was imported\.$/) });
  });

  it('should say when there is nothing to export', () => {
    expect(toMarkdown([], { origin, articles })).toContain('(No annotations yet.)');
  });
});

describe('toMarkdown ordering', () => {
  it('should list articles in the order of the articles map, passages in reading order', () => {
    const cnnLate = makeAnnotation('agile attacks');
    const cnnEarly = makeAnnotation('remain and expand');
    const bbcSource = 'http://127.0.0.1:4400/articles/bbc-returning-fighters/';
    const bbc = { ...makeAnnotation('not just territory'), target: { ...cnnLate.target, source: bbcSource } };
    const ordered = new Map([
      ['/articles/cnn-isis-2-0/', { outlet: 'CNN', headline: 'A' }],
      ['/articles/bbc-returning-fighters/', { outlet: 'BBC News', headline: 'B' }],
    ]);
    const passageOrder = new Map(passages.map((p, i) => [p.id, i]));
    const md = toMarkdown([bbc, cnnLate, cnnEarly], { origin, articles: ordered, passageOrder });
    const at = (s: string) => md.indexOf(s);
    expect(at('## CNN')).toBeLessThan(at('## BBC News'));
    expect(at('> remain and expand')).toBeLessThan(at('> agile attacks'));
  });
});
