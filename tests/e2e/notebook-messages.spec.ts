/**
 * What the notebook tells the reader: import refusals in the reader's words, and an export
 * with nothing in it refused out loud.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { annotate, richPassage, storedAnnotations } from './annotations-helpers';

const { article, passage, sentence } = richPassage();

async function openNotebook(page: Page) {
  await page.goto('/notebook/');
  await expect(page.locator('dossier-notebook[data-ready]')).toBeAttached();
}

async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  const notebook = page.locator('dossier-notebook');
  const done = Number((await notebook.getAttribute('data-imports')) ?? 0) + 1;
  await page.locator('[data-import]').setInputFiles({ name, mimeType, buffer });
  await expect(notebook).toHaveAttribute('data-imports', String(done));
  const message = page.locator('[data-message]');
  await expect(message).toBeVisible();
  return (await message.textContent())!;
}

/** A real 1×1 PNG: signature, IHDR, IDAT, IEND (CRCs are not checked by anything here). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0, 0, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('an image, Markdown without records or broken JSON is refused in the reader’s words, naming the file, and the store is untouched', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'must survive' });
  await openNotebook(page);
  const before = await storedAnnotations(page);

  const image = await importFile(page, 'holiday.png', 'image/png', png());
  expect(image).toMatch(/^holiday\.png: This file is not a Dossier or W3C Web Annotation export: it is not JSON but a PNG image\./);
  expect(image).toContain('Export (W3C JSON-LD)');
  expect(image).toContain('Nothing was imported.');
  // Never the parser's own words, nor the file's bytes.
  expect(image).not.toMatch(/Unexpected token|\uFFFD|PNG\r/);

  // Markdown shaped like an export but without its records (an older export): told so, not shown a parser error.
  const markdown = '# Dossier annotations\n\n## BBC: A headline\n\n> a quote\n';
  const md = await importFile(page, 'notes.md', 'text/markdown', Buffer.from(markdown));
  expect(md).toMatch(/^notes\.md: This file is not a Dossier or W3C Web Annotation export: it is not JSON but Markdown without the annotation records/);

  const cut = readFileSync('tests/fixtures/anchoring/imports/hostile-truncated.json');
  const truncated = await importFile(page, 'backup.jsonld', 'application/ld+json', cut);
  expect(truncated).toMatch(/^backup\.jsonld: The file is not valid JSON: it ends before its data is complete/);

  const typo = await importFile(page, 'edited.json', 'application/json', Buffer.from('{\n  "type": "AnnotationCollection",\n  oops\n}'));
  expect(typo).toContain('edited.json: The file is not valid JSON: it has an error at line 3, column 3');

  expect(await storedAnnotations(page)).toEqual(before);
  await expect(page.locator('.notebook-entry .notebook-note')).toHaveText('must survive');
});

test('exporting an empty notebook says there is nothing to export instead of downloading an empty file', async ({ page }) => {
  await openNotebook(page);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const message = page.locator('[data-message]');
  for (const name of ['Export (W3C JSON-LD)', 'Export as Markdown']) {
    await page.getByRole('button', { name }).click();
    await expect(message).toBeVisible();
    await expect(message).toHaveText(/^Nothing to export: this notebook has no annotations yet\./);
    await expect(page.locator('#status')).toContainText('Nothing to export');
  }
  expect(downloads).toEqual([]);
});
