import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkCollection } from '../conformance/web-annotation-musts';
import { parseFragment } from '../../src/contract/text-fragment';
import { annotate, articles, quoteAlsoOutsidePassages, record, richPassage, selectInPassage, storedAnnotations } from './annotations-helpers';

const { article, passage, sentence } = richPassage();
const other = articles.find((a) => a.slug !== article.slug)!;
const otherPassage = other.passages[1]!;
const otherQuote = otherPassage.text.split(' ').slice(0, 5).join(' ');

async function openNotebook(page: Page) {
  await page.goto('/notebook/');
  await expect(page.locator('dossier-notebook[data-ready]')).toBeAttached();
}

async function exportJson(page: Page): Promise<{ first: { items: { id: string }[] } }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (W3C JSON-LD)' }).click();
  const file = await (await download).path();
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Imports a file through the notebook's file input: bytes, or a path for files too big to pass as bytes. */
async function importFile(page: Page, name: string, buffer: Buffer | { path: string }) {
  const notebook = page.locator('dossier-notebook');
  const done = Number((await notebook.getAttribute('data-imports')) ?? 0) + 1;
  await page.locator('[data-import]').setInputFiles(Buffer.isBuffer(buffer) ? { name, mimeType: 'application/json', buffer } : buffer.path);
  await expect(notebook).toHaveAttribute('data-imports', String(done));
  return (await page.locator('[data-message]').textContent())!;
}

test('an empty notebook says where annotations live and how to make one', async ({ page }) => {
  await openNotebook(page);
  await expect(page.locator('.notebook-local')).toContainText('only in this browser');
  await expect(page.locator('[data-summary]')).toContainText('No annotations yet. To highlight, open an article');
});

test('lists annotations by source, theme or tag, filters them, and links each to its place', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'a note', tags: 'alpha, beta', colour: 'Green' });
  await page.goto(other.url);
  await annotate(page, otherPassage.id, otherQuote, { text: '', colour: 'Yellow' });
  await openNotebook(page);
  await expect(page.locator('[data-summary]')).toHaveText('2 annotations from 2 sources.');
  await expect(page.locator('.notebook-group h2')).toHaveCount(2);

  await page.getByLabel('Colour', { exact: true }).selectOption('green');
  await expect(page.locator('.notebook-entry')).toHaveCount(1);
  await expect(page.locator('[data-summary]')).toHaveText('Showing 1 of 2 annotations.');
  await page.getByLabel('Colour', { exact: true }).selectOption('');
  await page.getByLabel('Tag', { exact: true }).selectOption('beta');
  await expect(page.locator('.notebook-entry .notebook-quote')).toHaveText(sentence);
  await page.getByLabel('Tag', { exact: true }).selectOption('');
  await page.getByLabel('Source', { exact: true }).selectOption(other.slug);
  await expect(page.locator('.notebook-entry .notebook-quote')).toHaveText(otherQuote);
  await page.getByLabel('Source', { exact: true }).selectOption('');

  await page.getByLabel('Group by', { exact: true }).selectOption('tag');
  await expect(page.locator('.notebook-group h2')).toHaveText(['Tag: alpha (1)', 'Tag: beta (1)', 'No tags (1)']);
  await page.getByLabel('Group by', { exact: true }).selectOption('theme');
  await expect(page.locator('.notebook-group h2').first()).toBeVisible();

  await page.getByLabel('Group by', { exact: true }).selectOption('source');
  await page.locator('.notebook-entry', { hasText: sentence }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${article.url}#${passage.id}`));
  await expect(page.locator(`[id="${passage.id}"] mark.quote-target`).first()).toBeVisible();
});

test('a quote link in the notebook is checked against the whole article page, like the reader’s Copy link to quote', async ({ page }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(article.url);
  const target = await quoteAlsoOutsidePassages(page, article);
  expect(target, 'the article repeats some passage words outside its passages').not.toBeNull();
  const { passageId, quote } = target!;
  // What the reader's Copy link to quote makes for these words, on the page itself.
  await selectInPassage(page, passageId, quote);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' }).click();
  await expect(page.locator('#status')).toHaveText('Link to quote copied');
  const readerLink = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  await annotate(page, passageId, quote);

  await openNotebook(page);
  await expect(page.locator('dossier-notebook[data-links-checked]')).toBeAttached();
  const link = page.locator('.notebook-entry').getByRole('link');
  const href = new URL((await link.getAttribute('href'))!, page.url());
  // Found once among passages, the words are also elsewhere on the page: the link needs context to pick them.
  const [directive] = parseFragment(href.hash).directives;
  expect(directive?.prefix ?? directive?.suffix, `${href.hash} says which “${quote}” it means`).toBeTruthy();
  expect(href.pathname + href.hash).toBe(readerLink.pathname + readerLink.hash);

  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.locator('.notebook-entry').getByRole('button', { name: /^Copy a link to the quote/ }).click();
  await expect(page.locator('#status')).toHaveText('Link to quote copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(href.href);
});

test('export then import into a fresh profile restores everything, and re-importing adds no duplicates', async ({ page, browser }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'kept across browsers\nwith two lines', tags: 'moved', colour: 'Pink' });
  await page.goto(other.url);
  await annotate(page, otherPassage.id, otherQuote);
  await openNotebook(page);
  const exported = await exportJson(page);
  expect(exported.first.items).toHaveLength(2);
  // Every MUST of the W3C model, on what the reader really downloads (a note with tags, and a bare highlight).
  expect(checkCollection(exported)).toEqual([]);

  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await openNotebook(reader);
  const message = await importFile(reader, 'backup.jsonld', Buffer.from(JSON.stringify(exported)));
  expect(message).toContain('2 annotations imported (2 new, 0 updated)');
  const reexported = await exportJson(reader);
  const byId = (items: { id: string }[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(reexported.first.items)).toEqual(byId(exported.first.items));

  const again = await importFile(reader, 'backup.jsonld', Buffer.from(JSON.stringify(exported)));
  expect(again).toContain('0 annotations imported (0 new, 0 updated), 2 already here');
  expect(await storedAnnotations(reader)).toHaveLength(2);

  await reader.goto(article.url);
  await expect(reader.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('kept across browsers\nwith two lines');
  await fresh.close();
});

test('the Markdown export imports back into a fresh profile with nothing lost', async ({ page, browser }) => {
  await page.goto(article.url);
  // a note that Markdown would otherwise reshape: a heading mark, HTML, a comment's end
  const note = '# not a heading\n<b>kept as typed</b> --> and <!-- too';
  await annotate(page, passage.id, sentence, { text: note, tags: 'markdown, round trip', colour: 'Green' });
  await page.goto(other.url);
  await annotate(page, otherPassage.id, otherQuote);
  await openNotebook(page);
  const exported = await exportJson(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Markdown' }).click();
  const markdown = readFileSync(await (await download).path());

  const fresh = await browser.newContext();
  const reader = await fresh.newPage();
  await openNotebook(reader);
  const message = await importFile(reader, 'notes.md', markdown);
  expect(message).toContain('2 annotations imported (2 new, 0 updated)');
  const byId = (items: { id: string }[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId((await exportJson(reader)).first.items)).toEqual(byId(exported.first.items));
  await reader.goto(article.url);
  await expect(reader.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText(note);
  await fresh.close();
});

test('hostile or broken import files are refused with a message and leave the store as it was', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'must survive' });
  await openNotebook(page);
  const before = await storedAnnotations(page);
  expect(before).toHaveLength(1);

  const dir = 'tests/fixtures/anchoring/imports';
  const files: [string, Buffer | { path: string }][] = readdirSync(dir)
    .filter((f) => f.startsWith('hostile-') && f !== 'hostile-script.json')
    .map((f) => [f, readFileSync(`${dir}/${f}`)]);
  const huge = test.info().outputPath('huge.json');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x20));
  files.push(['huge.json', { path: huge }]);
  files.push(['not-json.json', Buffer.from('<html><script>alert(1)</script></html>')]);
  const messages: string[] = [];
  for (const [name, buffer] of files) messages.push(await importFile(page, name, buffer));

  expect(messages.find((m) => m.startsWith('hostile-proto.json'))).toContain('"__proto__" key');
  expect(messages.find((m) => m.startsWith('hostile-types.json'))).toContain('malformed');
  expect(messages.find((m) => m.startsWith('hostile-truncated.json'))).toContain('not valid JSON');
  expect(messages.find((m) => m.startsWith('huge.json'))).toContain('over 48.8 MB are refused');
  expect(messages.find((m) => m.startsWith('not-json.json'))).toContain('is not JSON but an HTML page');
  expect(await storedAnnotations(page)).toEqual(before);
  // hostile-proto.json tried to give every object an isAdmin property.
  expect(await page.evaluate(() => 'isAdmin' in {})).toBe(false);
  await expect(page.locator('.notebook-entry')).toHaveCount(1);
  await expect(page.locator('.notebook-entry .notebook-note')).toHaveText('must survive');

  // Script in a source address is refused; script in a note or a fragment value is kept as inert text.
  const script = await importFile(page, 'hostile-script.json', readFileSync(`${dir}/hostile-script.json`));
  expect(script).toContain('1 annotation imported (1 new, 0 updated), 1 refused');
  expect(script).toContain('is not an article of this site');
  await expect(page.locator('.notebook-entry')).toHaveCount(2);
  await expect(page.locator('.notebook-entry .notebook-note').nth(1)).toHaveText("<script>document.title='pwned'</script>");
  await page.goto(article.url);
  await expect(page.locator('mark.annotation-highlight').first()).toBeVisible();
  expect(await page.title()).not.toContain('pwned');
});

test('deleting from the notebook can be undone', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence);
  await openNotebook(page);
  await page.locator('.notebook-entry').getByRole('button', { name: /Delete/ }).click();
  await expect(page.locator('.notebook-entry')).toHaveCount(0);
  // in the toast, as on the article page
  await page.locator('.toast .annotation-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.notebook-entry')).toHaveCount(1);
  await expect(page.locator('#status')).toHaveText('Annotation restored');
  expect(await storedAnnotations(page)).toHaveLength(1);
});

test('an annotation made elsewhere, shaped differently, imports and is drawn; one about another site is refused with the reason', async ({ page, baseURL }) => {
  const source = new URL(article.url, baseURL).href;
  const made = (id: string, target: unknown) => ({
    '@context': ['http://www.w3.org/ns/anno.jsonld'],
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: ['commenting'],
    created: '2026-01-01T00:00:00Z',
    bodyValue: 'from another tool',
    generator: { id: 'https://example.org/tool', type: 'Software' },
    target,
  });
  const file = [
    made('3a0e5f55-3c57-4a51-9b1c-5b0f8c2e0001', { source, selector: { type: 'TextQuoteSelector', exact: sentence } }),
    made('3a0e5f55-3c57-4a51-9b1c-5b0f8c2e0002', { source: 'https://elsewhere.example/articles/x/', selector: { type: 'TextQuoteSelector', exact: 'x' } }),
  ];
  await openNotebook(page);
  const message = await importFile(page, 'other-tool.json', Buffer.from(JSON.stringify(file)));
  expect(message).toContain('1 annotation imported (1 new, 0 updated)');
  // named by its place in the file, as every refusal is
  expect(message).toContain('1 refused: item 2 (urn:uuid:3a0e5f55-3c57-4a51-9b1c-5b0f8c2e0002): /articles/x/ is not an article of this site');
  const exported = await exportJson(page);
  expect(checkCollection(exported)).toEqual([]);
  expect(exported.first.items[0]).toMatchObject({ generator: { id: 'https://example.org/tool' } });
  await page.goto(article.url);
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('from another tool');
});

test('a large notebook draws its first entries and the rest on request, while filters, counts and export cover all of them', async ({ page, baseURL }) => {
  // More than two pages of entries over two sources; every fifth a note, so that a filter spans pages.
  const sources = [article, other];
  const records = Array.from({ length: 450 }, (_, i) => {
    const source = sources[i % 2]!;
    const p = source.passages[i % source.passages.length]!;
    const quote = p.text.split(' ').slice(0, 3).join(' ');
    return record({ id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, slug: source.slug, passageId: p.id, text: p.text, quote, note: i % 5 === 0 ? `note ${i}` : undefined, origin: baseURL });
  });
  await openNotebook(page);
  expect(await importFile(page, 'many.json', Buffer.from(JSON.stringify(records)))).toContain('450 annotations imported');
  await expect(page.locator('[data-summary]')).toHaveText('450 annotations from 2 sources.');
  const entries = page.locator('[data-list] .notebook-entry');
  await expect(entries).toHaveCount(200);
  // The first 200 are all of the first source's group; its heading counts the whole group, drawn or not.
  await expect(page.locator('.notebook-group h2')).toHaveText([/\(225\)$/]);
  const more = page.getByRole('button', { name: 'Show 200 more' });
  await expect(page.locator('#notebook-more-count')).toHaveText('(250 not shown yet)');
  await more.click();
  await expect(entries).toHaveCount(400);
  await expect(page.locator('.notebook-group h2')).toHaveText([/\(225\)$/, /\(225\)$/]);
  // The keyboard lands on the first entry just drawn.
  await expect(entries.nth(200)).toBeFocused();
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(entries).toHaveCount(450);
  await expect(page.locator('[data-show-more]')).toHaveCount(0);

  // A filter starts again from the first page, over all entries.
  await page.getByLabel('Colour', { exact: true }).selectOption('pink');
  await expect(entries).toHaveCount(200);
  await page.getByLabel('Colour', { exact: true }).selectOption('');
  // The source filter offers the sources annotated, not every source of the dossier.
  const sourceOptions = page.getByLabel('Source', { exact: true }).locator('option');
  await expect(sourceOptions).toHaveCount(3);
  expect((await sourceOptions.allTextContents()).sort()).toEqual(
    ['All sources', `${article.meta.outlet}: ${article.meta.headline.value}`, `${other.meta.outlet}: ${other.meta.headline.value}`].sort(),
  );
  await page.getByLabel('Source', { exact: true }).selectOption(other.slug);
  await expect(page.locator('[data-summary]')).toHaveText('Showing 225 of 450 annotations.');
  await expect(entries).toHaveCount(200);
  const exported = await exportJson(page);
  // Export takes every annotation, drawn or not, filtered or not, in the W3C shape (none of the store's own keys).
  expect(exported.first.items).toHaveLength(450);
  expect(exported.first.items.filter((item) => Object.keys(item).some((k) => k.startsWith('_')))).toEqual([]);
});

test('annotations that could not be placed are listed a page at a time too', async ({ page, baseURL }) => {
  // Quotes on passages the current text no longer has: every one is an orphan.
  const text = 'A paragraph that a later edition of the source removed altogether.';
  const records = Array.from({ length: 230 }, (_, i) =>
    record({ id: `urn:uuid:00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, slug: article.slug, passageId: `${passage.id.split('-')[0]}-gone${i}`, text, quote: 'later edition', origin: baseURL }),
  );
  await openNotebook(page);
  expect(await importFile(page, 'orphans.json', Buffer.from(JSON.stringify(records)))).toContain('230 annotations imported');
  await expect(page.locator('[data-summary]')).toContainText('230 could not be placed');
  const orphans = page.locator('#orphans .notebook-entry');
  await expect(orphans).toHaveCount(200);
  await expect(page.locator('#notebook-orphans-more-count')).toHaveText('(30 not shown yet)');
  await page.locator('#orphans').getByRole('button', { name: 'Show 30 more' }).click();
  await expect(orphans).toHaveCount(230);
  await expect(orphans.nth(200)).toBeFocused();
  await expect(page.locator('#orphans [data-show-more]')).toHaveCount(0);
});

test('the notebook loads the passages of the annotated articles only, and says so when one cannot be loaded', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'a note', colour: 'Green' });
  await page.goto(other.url);
  await annotate(page, otherPassage.id, otherQuote, { text: '', colour: 'Yellow' });

  const fetched: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/p/')) fetched.push(path);
  });
  await openNotebook(page);
  await expect(page.locator('[data-summary]')).toHaveText('2 annotations from 2 sources.');
  expect(fetched.sort()).toEqual(['/p/notebook.json', `/p/passages/${article.slug}.json`, `/p/passages/${other.slug}.json`].sort());

  // one article's passages fail: its annotation is not counted as an orphan, and the summary says why
  await page.route(`**/p/passages/${other.slug}.json`, (route) => route.fulfill({ status: 503, body: '' }));
  await openNotebook(page);
  await expect(page.locator('[data-summary]')).toHaveText(
    '2 annotations from 2 sources; the passages of 1 source could not be loaded, so 1 annotation there was not checked (listed at the end).',
  );
  await expect(page.locator('[data-list] .notebook-entry', { hasText: sentence })).toBeVisible();
  await expect(page.locator('[data-orphan-list] .notebook-entry .notebook-quote')).toHaveText(otherQuote);
});
