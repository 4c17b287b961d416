import { expect, test } from '@playwright/test';
import { readArticles } from './corpus';
import { RAIL_PASSAGES_PER_THEME } from '../../src/corpus/site';
import { loadDossier, passagesOn, type DossierJson } from './dossier-json';

const articles = readArticles();

let dossier: DossierJson;
test.beforeAll(async ({ request }) => {
  dossier = await loadDossier(request);
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the sidebar of an article lists a theme’s passages in other sources, and following one lands on that passage', async ({
    page,
  }) => {
    // the article and theme with the most passages elsewhere
    const [slug, themeId] = articles
      .flatMap((a) =>
        dossier.themes
          .filter((t) => passagesOn(dossier, t.id, a.slug).length > 0)
          .map((t) => [a.slug, t.id, passagesOn(dossier, t.id).filter((p) => p.article !== a.slug).length] as const),
      )
      .sort((x, y) => y[2] - x[2])[0]!;
    const elsewhere = passagesOn(dossier, themeId).filter((p) => p.article !== slug);

    await page.goto(`/articles/${slug}/`);
    const row = page.locator(`.rail-right [data-theme-row="${themeId}"]`);
    await row.locator('summary').click();
    const links = row.locator('.elsewhere a');
    // at most RAIL_PASSAGES_PER_THEME, taken in turn from every other source that has any
    const shown = Math.min(elsewhere.length, RAIL_PASSAGES_PER_THEME);
    await expect(links).toHaveCount(shown);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const urls = elsewhere.map((p) => p.url);
    expect(hrefs.every((h) => urls.includes(h!)), 'every listed passage is on the theme, in another source').toBe(true);
    expect(hrefs).toEqual(urls.filter((u) => hrefs.includes(u)));
    const sources = new Set(elsewhere.map((p) => p.article));
    for (const source of sources) {
      expect(hrefs.some((h) => h!.startsWith(`/articles/${source}/`)), `${source} is represented`).toBe(true);
    }
    if (shown < elsewhere.length) await expect(row.locator('.rail-note').first()).toContainText(`${shown} of ${elsewhere.length}`);

    const target = elsewhere.find((p) => p.url === hrefs.at(-1))!;
    await links.last().click();
    await expect(page).toHaveURL(new RegExp(`${target.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const passage = page.locator(`[id="${target.id}"]`);
    await expect(passage).toBeInViewport();
    await expect(passage.locator('.passage-text')).toHaveText(target.text);
  });

  test('a theme leads to the sources side by side on it: from its page, and from an article’s sidebar with that article among them', async ({ page }) => {
    const theme = dossier.themes.find((t) => new Set(passagesOn(dossier, t.id).map((p) => p.article)).size >= 3)!;
    await page.goto(`/themes/${theme.id}/`);
    await page.getByRole('link', { name: 'Compare the sources side by side on it' }).click();
    await expect(page).toHaveURL(new RegExp(`/compare/#t-${theme.id}$`));
    await expect(page.locator('.cmp-row:visible')).toHaveCount(1);
    await expect(page.locator(`#t-${theme.id}`)).toBeVisible();

    const slug = passagesOn(dossier, theme.id)[0]!.article;
    await page.goto(`/articles/${slug}/`);
    const row = page.locator(`.rail-right [data-theme-row="${theme.id}"]`);
    await row.locator('summary').click();
    await row.getByRole('link', { name: 'side by side' }).click();
    await expect(page).toHaveURL(new RegExp(`#t-${theme.id}$`));
    await expect(page.locator(`#t-${theme.id}`)).toBeVisible();
    await expect(page.locator(`#t-${theme.id} .cmp-cell[data-col="${slug}"]`)).toBeVisible();
  });

  test('a link to a short passage shows that passage’s related passages and themes in the sidebar, not the next one’s', async ({ page }) => {
    // a short passage with related passages, followed by others that have their own
    const passages = dossier.passages;
    const landed = passages.find(
      (p, i) => p.text.length < 200 && p.related.length > 0 && p.themes.length > 0 && passages[i + 1]?.article === p.article && passages[i + 1]!.related.length > 0 && passages[i + 2]?.article === p.article,
    )!;
    await page.goto(`/articles/${landed.article}/#${landed.id}`);
    await expect(page.locator(`[id="${landed.id}"]`)).toHaveClass(/\bis-target\b/);
    await expect(page.locator('.rail-right [data-in-view-link]')).toHaveText(`¶ ${landed.id}`);
    for (const theme of landed.themes) await expect(page.locator(`.rail-right [data-theme-row="${theme}"]`)).toHaveClass(/\bis-current\b/);
  });

  test('scrolling marks the themes of the passage in view in the sidebar', async ({ page }) => {
    const article = articles.find((a) => new Set(dossier.passages.filter((p) => p.article === a.slug).map((p) => p.themes.join())).size > 2)!;
    const passages = dossier.passages.filter((p) => p.article === article.slug);
    // two passages with different, non-empty theme sets, not the last of the article
    const first = passages.find((p, i) => p.themes.length > 0 && i < passages.length - 3)!;
    const second = passages.find((p, i) => p.themes.length > 0 && p.themes.join() !== first.themes.join() && i < passages.length - 3)!;

    await page.goto(article.url);
    for (const passage of [first, second]) {
      // bring the passage to the reading band, a quarter of the way down the window
      await page.locator(`[id="${passage.id}"]`).evaluate((el) => {
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.25 - 4);
      });
      for (const theme of dossier.themes) {
        const row = page.locator(`.rail-right [data-theme-row="${theme.id}"]`);
        if ((await row.count()) === 0) continue;
        if (passage.themes.includes(theme.id)) await expect(row).toHaveClass(/\bis-current\b/);
        else await expect(row).not.toHaveClass(/\bis-current\b/);
      }
    }
  });

  test('a theme page shows one column per source, side by side, each holding that source’s passages on the theme', async ({
    page,
  }) => {
    const theme = [...dossier.themes].sort(
      (a, b) =>
        new Set(passagesOn(dossier, b.id).map((p) => p.article)).size -
        new Set(passagesOn(dossier, a.id).map((p) => p.article)).size,
    )[0]!;
    await page.goto(`/themes/${theme.id}/`);
    await expect(page.locator('h1')).toHaveText(theme.label);
    await expect(page.locator('.lede')).toHaveText(theme.description);
    const columns = page.locator('.theme-column');
    await expect(columns).toHaveCount(dossier.articles.length);

    const tops = new Set<number>();
    const lefts: number[] = [];
    for (const article of dossier.articles) {
      const column = page.locator(`#source-${article.slug}`);
      await expect(column.locator('.theme-column-title')).toHaveText(article.meta.outlet);
      const expected = passagesOn(dossier, theme.id, article.slug);
      await expect(column.locator('.theme-passage')).toHaveCount(expected.length);
      const ids = await column.locator('.theme-passage').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.passageId));
      expect(ids).toEqual(expected.map((p) => p.id));
      if (expected.length === 0) await expect(column).toContainText('silent');
      const box = (await column.boundingBox())!;
      tops.add(Math.round(box.y));
      lefts.push(box.x);
    }
    expect(tops.size, 'columns start on one line').toBe(1);
    expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  });

  test('a theme page of more sources than fit side by side stacks them, with its jump links, at a reading width', async ({ page }) => {
    const theme = dossier.themes[0]!;
    await page.goto(`/themes/${theme.id}/`);
    await expect(page.locator('.theme-columns')).toHaveAttribute('data-layout', 'side-by-side');
    await expect(page.locator('.theme-jump')).toBeHidden();
    // as ThemeColumns writes a page of more than THEME_SIDE_BY_SIDE_MAX sources (unit-tested)
    await page.locator('.theme-jump, .theme-columns').evaluateAll((els) => els.forEach((e) => e.setAttribute('data-layout', 'stacked')));
    await expect(page.locator('.theme-jump')).toBeVisible();
    const boxes = await page.locator('.theme-column').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
    expect(new Set(boxes.map((b) => Math.round(b.x))).size, 'one column under another').toBe(1);
    const measure = await page.locator('.theme-passage-text').first().evaluate((e) => e.getBoundingClientRect().width / parseFloat(getComputedStyle(e).fontSize));
    expect(measure, 'a line of some 60–75 characters').toBeGreaterThan(25);
    expect(measure).toBeLessThan(48);
    const last = dossier.articles.at(-1)!;
    await page.locator('.theme-jump').getByRole('link', { name: new RegExp(last.meta.outlet) }).click();
    await expect(page.locator(`#source-${last.slug} .theme-column-title`)).toBeInViewport();
  });

  test('a source silent on a theme says so in its column', async ({ page }) => {
    const silent = dossier.themes
      .flatMap((t) => dossier.articles.filter((a) => passagesOn(dossier, t.id, a.slug).length === 0).map((a) => [t, a] as const))[0];
    expect(silent, 'some source is silent on some theme').toBeTruthy();
    const [theme, article] = silent!;
    await page.goto(`/themes/${theme.id}/`);
    const column = page.locator(`#source-${article.slug}`);
    await expect(column.locator('.theme-silent')).toContainText(`${article.meta.outlet} is silent on “${theme.label}”`);
    await expect(page.locator('.theme-summary')).toContainText(article.meta.outlet);
  });

  test('a passage on a theme page links back to its place in the article', async ({ page }) => {
    const theme = dossier.themes[0]!;
    const target = passagesOn(dossier, theme.id)[0]!;
    await page.goto(`/themes/${theme.id}/`);
    await page.locator(`.theme-passage[data-passage-id="${target.id}"] a.theme-passage-ref`).click();
    await expect(page).toHaveURL(new RegExp(`${target.url}$`));
    await expect(page.locator(`[id="${target.id}"]`)).toBeInViewport();
  });

  test('the themes index lists every theme with its description and a count per source', async ({ page }) => {
    await page.goto('/themes/');
    await expect(page.locator('.theme-index-item')).toHaveCount(dossier.themes.length);
    for (const theme of dossier.themes) {
      const item = page.locator(`.theme-index-item[data-theme-id="${theme.id}"]`);
      await expect(item.locator('.theme-chip')).toHaveText(theme.label);
      await expect(item.locator('.theme-index-description')).toHaveText(theme.description);
      for (const article of dossier.articles) {
        await expect(item.locator(`[data-source="${article.slug}"] [data-count]`)).toHaveText(
          String(passagesOn(dossier, theme.id, article.slug).length),
        );
      }
    }
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the themes index cuts a long source name short instead of scrolling sideways', async ({ page }) => {
    await page.goto('/themes/');
    // as a dossier with several articles of one outlet names them (outlet: headline)
    await page.locator('.theme-index-outlet').first().evaluate((e) => {
      e.textContent = `${e.textContent}: ${'a headline long enough to run past the edge of a phone '.repeat(2)}`;
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('a theme page stacks its columns, with links to jump to each source, and never scrolls sideways', async ({ page }) => {
    const theme = dossier.themes[0]!;
    await page.goto(`/themes/${theme.id}/`);
    const boxes = await page.locator('.theme-column').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(new Set(boxes.map(Math.round)).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const last = dossier.articles.at(-1)!;
    await page.locator('.theme-jump').getByRole('link', { name: new RegExp(last.meta.outlet) }).click();
    await expect(page.locator(`#source-${last.slug} .theme-column-title`)).toBeInViewport();
  });
});
