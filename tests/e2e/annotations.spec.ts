import { expect, test } from '@playwright/test';
import { annotate, articles, markedQuotes, record, richPassage, seedStore, selectInPassage, storedAnnotations } from './annotations-helpers';

const { article, passage, sentence } = richPassage();
const words = passage.text.split(' ');
const firstWords = words.slice(0, 4).join(' ');

test('highlight and note → reload → both are still there, drawn inline, in the margin and beside the passage', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, firstWords);
  await expect(page.locator('#status')).toContainText('Highlight saved');
  await annotate(page, passage.id, sentence, { text: 'Worth checking against the BBC figures.\n\nSecond *paragraph*.', tags: 'figures, check', colour: 'Blue' });
  await expect(page.locator('#status')).toHaveText('Note saved.');

  await page.reload();
  await expect.poll(() => markedQuotes(page)).toEqual(expect.arrayContaining([firstWords, sentence]));
  const card = page.locator(`[id="${passage.id}"] .annotation-card`);
  await expect(card).toHaveCount(1);
  await expect(card.locator('.annotation-card-note')).toHaveText('Worth checking against the BBC figures.\n\nSecond *paragraph*.');
  await expect(card.locator('.annotation-tags li')).toHaveText(['figures', 'check']);
  await expect(page.locator(`[id="${passage.id}"] mark.highlight-blue`).first()).toBeVisible();
  await expect(page.locator(`[id="${passage.id}"] .annotation-margin`)).toHaveCount(2);
});

test('the toolbar and editor work from the keyboard alone', async ({ page }) => {
  await page.goto(article.url);
  await selectInPassage(page, passage.id, sentence);
  await page.keyboard.press('Shift+F10');
  const toolbar = page.locator('.selection-toolbar');
  await expect(toolbar.getByRole('button', { name: 'Copy link to quote' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Highlight' })).toBeFocused();
  await page.keyboard.press('Enter');
  const mark = page.locator(`[id="${passage.id}"] mark.annotation-highlight`).first();
  await expect(mark).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.locator('.annotation-editor');
  await expect(editor.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('Typed without a mouse.');
  await editor.getByLabel(/Tags/).focus();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('Typed without a mouse.');
  await expect(mark).toBeFocused();
  // Escape closes an editor without saving, once the reader agrees to drop what they typed.
  await page.keyboard.press('Enter');
  await editor.getByLabel('Note').fill('Not kept');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Discard this unsaved note?' }).getByRole('button', { name: 'Discard' }).press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('Typed without a mouse.');
});

test('a passage is highlighted or noted without selecting text: its tools button, or the menu key on it', async ({ page }) => {
  await page.goto(article.url);
  // Tab reaches the button; Enter opens the toolbar over the whole passage.
  const button = page.locator(`[id="${passage.id}"] .passage-annotate`);
  await button.focus();
  await page.keyboard.press('Enter');
  const toolbar = page.locator('.selection-toolbar');
  await expect(toolbar.getByRole('button', { name: 'Copy link to quote' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const wholeText = (id: string) => page.locator(`[id="${id}"] .passage-text`).evaluate((p) => p.textContent!);
  const first = await wholeText(passage.id);
  await expect.poll(() => markedQuotes(page, passage.id)).toEqual([first]);
  await expect(page.locator(`[id="${passage.id}"] mark.annotation-highlight`).first()).toBeFocused();

  // j moves to the next passage; the menu key (Shift+F10) opens the toolbar over all of it.
  const next = article.passages[article.passages.findIndex((p) => p.id === passage.id) + 1]!;
  await page.keyboard.press('j');
  await expect(page.locator(`[id="${next.id}"]`)).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await expect(toolbar.getByRole('button', { name: 'Copy link to quote' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(toolbar.getByRole('button', { name: 'Note' })).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.locator('.annotation-editor');
  await expect(editor.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('The whole passage.');
  await editor.getByRole('button', { name: 'Save' }).press('Enter');
  await expect(page.locator(`[id="${next.id}"] .annotation-card-note`)).toHaveText('The whole passage.');
  const second = await wholeText(next.id);
  await expect.poll(() => markedQuotes(page, next.id)).toEqual([second]);

  // Words already selected in the passage are what the button annotates (a click keeps them).
  const third = article.passages.find((p) => p.id !== passage.id && p.id !== next.id && p.text.split(' ').length > 8)!;
  const some = third.text.split(' ').slice(2, 6).join(' ');
  await selectInPassage(page, third.id, some);
  await page.locator(`[id="${third.id}"]`).hover();
  await page.locator(`[id="${third.id}"] .passage-annotate`).click();
  await toolbar.getByRole('button', { name: 'Highlight' }).click();
  await expect.poll(() => markedQuotes(page, third.id)).toEqual([some]);
  await page.reload();
  await expect.poll(() => markedQuotes(page)).toEqual(expect.arrayContaining([first, second, some]));
});

test('a highlight that starts on a linked name takes focus outside the link, shows its focus on every piece, and the link still leads to its page', async ({ page }) => {
  // a passage with a linked name followed by more of its text, in any article
  let found: { url: string; id: string; href: string; quote: string } | null = null;
  for (const a of articles) {
    await page.goto(a.url);
    const hit = await page.evaluate(() => {
      for (const p of document.querySelectorAll<HTMLElement>('.passage')) {
        const text = p.querySelector('.passage-text')!;
        for (const link of text.querySelectorAll('a.entity-link')) {
          // from the name to the passage's end
          const before = document.createRange();
          before.setStart(text, 0);
          before.setEndBefore(link);
          const quote = text.textContent!.slice(before.toString().length).trimEnd();
          if (quote.length > link.textContent!.length + 10) return { id: p.id, href: link.getAttribute('href')!, quote };
        }
      }
      return null;
    });
    if (hit) {
      found = { url: a.url, ...hit };
      break;
    }
  }
  expect(found, 'a passage with a linked name and words after it').not.toBeNull();
  // selected from the name on, then highlighted from the keyboard
  await selectInPassage(page, found!.id, found!.quote);
  await page.keyboard.press('Shift+F10');
  await expect(page.locator('.selection-toolbar').getByRole('button', { name: 'Copy link to quote' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('role', 'button');
  expect(await focused.evaluate((m) => m.matches('mark.annotation-highlight') && !m.closest('a'))).toBe(true);
  // every piece of it shows the focus ring, the linked name's too; none once focus moves on
  const pieces = page.locator(`[id="${found!.id}"] mark.annotation-highlight`);
  expect(await pieces.count()).toBeGreaterThan(1);
  await expect(page.locator(`[id="${found!.id}"] mark.annotation-highlight.has-focus`)).toHaveCount(await pieces.count());
  await page.keyboard.press('Tab');
  await expect(page.locator('mark.annotation-highlight.has-focus')).toHaveCount(0);
  await page.locator(`[id="${found!.id}"] .passage-text a.entity-link[href="${found!.href}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${found!.href}$`));
});

test('a mouse drag that starts on a linked name selects from the name on and offers the toolbar; a click on the name still follows it', async ({ page }) => {
  // a linked name with room after it on its line, in any article
  let found: { url: string; href: string; name: string; x: number; y: number; right: number } | null = null;
  for (const a of articles) {
    await page.goto(a.url);
    const hit = await page.evaluate(() => {
      for (const link of document.querySelectorAll<HTMLElement>('.passage-text a.entity-link')) {
        const line = link.getClientRects()[0]!;
        const text = link.closest('.passage-text')!.getBoundingClientRect();
        if (line.right + 80 < text.right) {
          link.scrollIntoView({ block: 'center' });
          const box = link.getClientRects()[0]!;
          return { href: link.getAttribute('href')!, name: link.textContent!, x: box.left + 1, y: box.top + box.height / 2, right: box.right };
        }
      }
      return null;
    });
    if (hit) {
      found = { url: a.url, ...hit };
      break;
    }
  }
  expect(found, 'a linked name with words after it on its line').not.toBeNull();
  const { x, y, right, name, href } = found!;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 6; step++) await page.mouse.move(x + ((right - x + 70) * step) / 6, y);
  await page.mouse.up();
  const selected = await page.evaluate(() => String(getSelection()));
  expect(selected.startsWith(name), `"${selected}" starts with the name`).toBe(true);
  expect(selected.length).toBeGreaterThan(name.length + 3);
  await expect(page.locator('.selection-toolbar')).toBeVisible();
  expect(page.url()).toBe(new URL(found!.url, page.url()).href);

  await page.mouse.click(x + 2, y);
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});
test('edit, delete and undo', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'First thought' });
  await page.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  const editor = page.locator('.annotation-editor');
  await editor.getByLabel('Note').fill('Second thought');
  await editor.getByLabel('Pink').check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('Second thought');
  await expect(page.locator(`[id="${passage.id}"] mark.highlight-pink`).first()).toBeVisible();

  await page.locator(`[id="${passage.id}"] mark.annotation-highlight`).first().click();
  await editor.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('mark.annotation-highlight')).toHaveCount(0);
  expect(await storedAnnotations(page)).toHaveLength(0);
  await page.locator('.annotation-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('Second thought');
  await page.reload();
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('Second thought');
});

test('notes and tags are shown as text, never run as HTML', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(article.url);
  const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
  await annotate(page, passage.id, sentence, { text: hostile, tags: '<i>tag</i>' });
  await page.reload();
  const card = page.locator(`[id="${passage.id}"] .annotation-card`);
  await expect(card.locator('.annotation-card-note')).toHaveText(hostile);
  await expect(card.locator('img, script, b, i')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('another open tab shows a new annotation without a reload', async ({ page, context }) => {
  const other = await context.newPage();
  await other.goto(article.url);
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'From the first tab' });
  await expect(other.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('From the first tab');
  // …and an edit made there comes back here.
  await other.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  await other.locator('.annotation-editor').getByLabel('Note').fill('Edited in the second tab');
  await other.locator('.annotation-editor').getByRole('button', { name: 'Save' }).click();
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('Edited in the second tab');
});

test('without IndexedDB (private mode) the page says so and highlighting still works for the visit', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(article.url);
  await selectInPassage(page, passage.id, sentence);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Highlight' }).click();
  await expect(page.locator(`[id="${passage.id}"] mark.annotation-highlight`).first()).toBeVisible();
  await expect(page.locator('.annotations-notice')).toContainText('not letting the site store annotations');
  expect(errors).toEqual([]);
});

test('when storage is full, the note stays in the editor, the reader is told, and stored annotations are untouched', async ({ page }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, firstWords);
  // From now on every write fails the way a full disk does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await selectInPassage(page, passage.id, sentence);
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Note' }).click();
  const editor = page.locator('.annotation-editor');
  await editor.getByLabel('Note').fill('Typed while the disk is full');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#status')).toContainText('storage for this site is full');
  await expect(editor.getByLabel('Note')).toHaveValue('Typed while the disk is full');
  expect(await storedAnnotations(page)).toHaveLength(1);
  await expect(page.locator(`[id="${passage.id}"] mark.annotation-highlight`)).toHaveText([firstWords]);
});

test('after a rebuild, an edited passage’s annotation is re-anchored and a deleted one is kept as an orphan', async ({ page, baseURL }) => {
  await page.goto('/');
  // Annotations made on an older text: one sentence had a typo since fixed, one paragraph no longer exists.
  const typo = sentence.replace(/\b(\w{4,})\b/, (w) => `${w.slice(0, 3)}${w.slice(2)}`);
  expect(typo).not.toBe(sentence);
  const older = passage.text.replace(sentence, typo);
  const quoteInOlder = older.slice(older.indexOf(typo), older.indexOf(typo) + typo.length);
  const edited = record({ id: 'urn:uuid:11111111-2222-4333-8444-555555555555', slug: article.slug, passageId: passage.id, text: older, quote: quoteInOlder, note: 'made before the fix', origin: baseURL });
  const goneText = 'This paragraph was in an earlier version of the article and has since been removed by the editors.';
  const gone = record({ id: 'urn:uuid:66666666-7777-4888-8999-aaaaaaaaaaaa', slug: article.slug, passageId: `${passage.id.split('-')[0]}-abcdef0`, text: goneText, quote: 'has since been removed', note: 'orphaned note', origin: baseURL });
  await seedStore(page, [edited, gone]);

  await page.goto(article.url);
  await expect.poll(() => markedQuotes(page)).toEqual([sentence]);
  await expect(page.locator('.annotations-notice')).toContainText('One of your annotations on this article could not be placed');
  await page.locator('.annotations-notice a').click();
  await expect(page).toHaveURL(/\/notebook\/#orphans$/);
  const orphans = page.locator('#orphans');
  await expect(orphans).toBeVisible();
  await expect(orphans.locator('.notebook-entry')).toHaveCount(1);
  await expect(orphans.locator('.notebook-quote')).toHaveText('has since been removed');
  await expect(orphans.locator('.notebook-note')).toHaveText('orphaned note');
  expect((await storedAnnotations(page)).map((a) => a.id).sort()).toEqual([edited.id, gone.id].sort());
});

test('published editors’ notes show beside their passage, distinct from the reader’s own', async ({ page }) => {
  const withNote = articles.find((a) => a.slug === 'cnn-isis-2-0')!;
  await page.goto(withNote.url);
  const note = page.locator('.published-note').first();
  await expect(note).toBeVisible();
  await expect(note.locator('.published-note-label')).toContainText('Editors’ note');
  await expect(page.locator('mark.published-highlight').first()).toBeVisible();
  const quote = (await note.locator('.published-note-quote').textContent())!;
  expect((await page.locator('mark.published-highlight').allTextContents()).join('')).toBe(quote);
});

test('two tabs editing one annotation: a save keeps the fields the other tab changed, and each tab is told', async ({ page, context }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'original', tags: 'old', colour: 'Yellow' });
  const tabB = await context.newPage();
  await tabB.goto(article.url);
  await tabB.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  const editorB = tabB.locator('.annotation-editor');
  await expect(editorB).toBeVisible();

  // Tab A changes colour, note and tag and saves, while B's editor is open.
  await page.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  const editorA = page.locator('.annotation-editor');
  await editorA.getByLabel('Blue').check();
  await editorA.getByLabel('Note').fill('from A');
  await editorA.getByLabel(/Tags/).fill('new');
  await editorA.getByRole('button', { name: 'Save' }).click();
  await expect(tabB.locator('#status')).toContainText('changed in another tab');

  // B changes only the note: A's colour and tag stay.
  await editorB.getByLabel('Note').fill('from B');
  await editorB.getByRole('button', { name: 'Save' }).click();
  await expect(tabB.locator('#status')).toContainText('Another tab had changed its colour and tags; that change was kept');
  for (const tab of [page, tabB]) {
    const card = tab.locator(`[id="${passage.id}"] .annotation-card`);
    await expect(card.locator('.annotation-card-note')).toHaveText('from B');
    await expect(card.locator('.annotation-tags li')).toHaveText(['new']);
    await expect(tab.locator(`[id="${passage.id}"] mark.highlight-blue`).first()).toBeVisible();
  }
});

test('an annotation deleted in one tab is not brought back by an editor left open in another, unless its reader saves their note as a new one', async ({ page, context }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'to be deleted' });
  const tabB = await context.newPage();
  await tabB.goto(article.url);
  await tabB.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  const editorB = tabB.locator('.annotation-editor');

  await page.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  await page.locator('.annotation-editor').getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('mark.annotation-highlight')).toHaveCount(0);
  await expect(editorB.locator('.annotation-editor-message')).toContainText('deleted in another tab');

  // the deletion stands: nothing is stored again on its own, and Delete is gone from the editor
  expect(await storedAnnotations(tabB)).toHaveLength(0);
  await expect(editorB.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await page.reload();
  await expect(page.locator('mark.annotation-highlight')).toHaveCount(0);

  // …until the reader of the open editor keeps what they typed: a new annotation on the same words
  await editorB.getByLabel('Note').fill('kept after all');
  await editorB.getByRole('button', { name: 'Save as a new note' }).click();
  await expect(editorB).toHaveCount(0);
  await expect(tabB.locator('#status')).toHaveText('Saved as a new note.');
  const stored = await storedAnnotations(tabB);
  expect(stored).toHaveLength(1);
  await expect(tabB.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('kept after all');
  await expect.poll(() => markedQuotes(tabB, passage.id)).toEqual([sentence]);
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('kept after all');
});

test('saving an edit of an annotation deleted in another tab (before the editor heard of it) offers to keep it as a new note', async ({ page, context }) => {
  await page.goto(article.url);
  await annotate(page, passage.id, sentence, { text: 'first version' });
  await page.locator(`[id="${passage.id}"] .annotation-card-edit`).click();
  const editor = page.locator('.annotation-editor');
  await editor.getByLabel('Note').fill('second version');
  // deleted behind the page's back (no message reaches this tab)
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('dossier');
        open.onsuccess = () => {
          const tx = open.result.transaction('annotations', 'readwrite');
          tx.objectStore('annotations').clear();
          tx.oncomplete = () => resolve();
        };
      }),
  );
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.locator('.annotation-editor-message')).toContainText('deleted in another tab');
  await editor.getByRole('button', { name: 'Save as a new note' }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.locator(`[id="${passage.id}"] .annotation-card-note`)).toHaveText('second version');
});
