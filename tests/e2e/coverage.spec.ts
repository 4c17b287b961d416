import { expect, test, type Page } from '@playwright/test';
import { collectCspViolations } from './csp-violations';
import { loadDossier, passagesOn, type DossierJson } from './dossier-json';

let dossier: DossierJson;
test.beforeAll(async ({ request }) => {
  dossier = await loadDossier(request);
});

test('the home page’s coverage matrix is a table a screen reader can read: caption, column and row headers', async ({
  page,
}) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: /passages on each theme/i });
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).not.toBeEmpty();
  const columns = table.locator('thead th[scope="col"]');
  // theme, one per source, and the row total
  await expect(columns).toHaveCount(dossier.articles.length + 2);
  for (const [i, article] of dossier.articles.entries()) {
    await expect(columns.nth(i + 1)).toHaveText(article.meta.outlet);
  }
  await expect(table.locator('tbody th[scope="row"]')).toHaveCount(dossier.themes.length);
  expect(await table.locator('tbody th[scope="row"]').allInnerTexts()).toEqual(dossier.themes.map((t) => t.label));
  // shading comes from classes, never inline styles (the Content-Security-Policy forbids them)
  await expect(table.locator('[style]')).toHaveCount(0);
  await expect(table.locator('td.coverage-cell:not([class*="level-"])')).toHaveCount(0);
});

test('the coverage matrix numbers equal the passages the theme page shows for that source', async ({ page }) => {
  await page.goto('/');
  const cells = await page.locator('td.coverage-cell').evaluateAll((tds) =>
    tds.map((td) => ({
      theme: td.closest('tr')!.dataset.theme!,
      source: (td as HTMLElement).dataset.source!,
      text: td.textContent!.trim().split(/\s/)[0]!,
      href: td.querySelector('a')?.getAttribute('href') ?? null,
    })),
  );
  expect(cells).toHaveLength(dossier.themes.length * dossier.articles.length);

  const byTheme = Map.groupBy(cells, (c) => c.theme);
  for (const [themeId, row] of byTheme) {
    await page.goto(`/themes/${themeId}/`);
    for (const cell of row) {
      const shown = await page.locator(`#source-${cell.source} .theme-passage`).count();
      expect(Number(cell.text), `${themeId} × ${cell.source}`).toBe(shown);
      expect(shown).toBe(passagesOn(dossier, themeId, cell.source).length);
      if (shown > 0) expect(cell.href).toBe(`/themes/${themeId}/#source-${cell.source}`);
      else expect(cell.href).toBeNull();
    }
  }
});

test('a more deeply shaded cell never holds fewer passages than a lighter one', async ({ page }) => {
  await page.goto('/');
  const cells = await page.locator('td.coverage-cell').evaluateAll((tds) =>
    tds.map((td) => ({ count: Number((td as HTMLElement).dataset.count), level: Number(/level-(\d)/.exec(td.className)![1]) })),
  );
  for (const a of cells) {
    for (const b of cells) if (a.level > b.level) expect(a.count).toBeGreaterThan(b.count);
    expect(a.level === 0).toBe(a.count === 0);
  }
});

test('following a number lands on that source’s column of the theme page', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('td.coverage-cell a').last();
  const href = (await link.getAttribute('href'))!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const column = page.locator(new URL(href, 'http://x').hash);
  await expect(column.locator('.theme-column-head')).toBeInViewport();
  expect(await column.evaluate((el) => el.matches(':target'))).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the whole matrix fits a 360 px screen, and its numbers stay big enough to tap', async ({ page }) => {
    await page.goto('/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const region = page.locator('.coverage .table-scroll');
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const box = (await page.locator('td.coverage-cell a').first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  });
});

test('the analysis pages run under the Content-Security-Policy without violations, and carry no inline styles', async ({
  page,
}) => {
  const violations = collectCspViolations(page);
  const paths = [
    '/themes/',
    `/themes/${dossier.themes[0]!.id}/`,
    '/entities/',
    `/entities/${dossier.entities[0]!.id}/`,
    // a misspelling loads the vocabulary and the suggestion code
    '/search/?q=Tunesia&theme=' + dossier.themes[0]!.id,
  ];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main [style]'), path).toHaveCount(0);
  }
  expect(violations).toEqual([]);
});

/**
 * A large dossier's home page holds twenty sources (HOME_SOURCES_PER_PAGE), and its row totals
 * count thousands of passages. The real dossier has five sources: its matrix is given fifteen
 * more columns (copies of its own) and four-digit totals, as a page of a large dossier has.
 */
async function asALargeDossiersPage(page: Page) {
  await page.locator('.coverage-matrix').evaluate((table) => {
    for (const row of table.querySelectorAll('tr')) {
      const cells = [...row.querySelectorAll(':scope > .coverage-source, :scope > .coverage-cell')];
      const total = row.querySelector(':scope > .coverage-total')!;
      for (let copy = 0; copy < 3; copy++) for (const cell of cells) total.before(cell.cloneNode(true));
      if (total.matches('td')) total.textContent = '6106';
    }
  });
}

test.describe('a page of twenty sources, as a large dossier’s home page holds', () => {
  test('on a wide screen the source names do not run into one another, and the totals stay whole', async ({ page }) => {
    await page.goto('/');
    await asALargeDossiersPage(page);
    const heads = await page.locator('.coverage-matrix thead th.coverage-source a').evaluateAll((links) =>
      links.map((a) => a.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })),
    );
    expect(heads).toHaveLength(20);
    for (const [i, head] of heads.entries()) {
      const next = heads[i + 1];
      if (next) expect(head.right, `source name ${i + 1} ends before name ${i + 2} starts`).toBeLessThanOrEqual(next.left + 0.5);
    }
    // a number is read whole: a total on one line, each count within its own cell
    const totalLines = await page.locator('td.coverage-total').evaluateAll((tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return range.getClientRects().length;
      }),
    );
    expect(totalLines.every((lines) => lines === 1), `lines of each total: ${totalLines}`).toBe(true);
    const cells = await page.locator('.coverage-matrix tbody tr').first().locator('td.coverage-cell').evaluateAll((tds) =>
      tds.map((td) => [td.getBoundingClientRect().width, (td.firstElementChild as HTMLElement).getBoundingClientRect().width]),
    );
    for (const [cell, number] of cells) expect(number).toBeLessThanOrEqual(cell! + 0.5);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('the matrix scrolls in its own box, never the page', async ({ page }) => {
      await page.goto('/');
      await asALargeDossiersPage(page);
      const region = page.locator('.coverage .table-scroll');
      expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  });
});
