/**
 * An article in another language than the dossier's: its words are marked with their language,
 * and since the theme rules read English only, its passages are not tagged — the pages say it is
 * not read for themes, never that the source is silent on a theme or its passages off-topic.
 */
import { expect, test } from '@playwright/test';
import { languageName } from '../../../src/contract/language';
import { compareUrl, themeUrl } from '../../../src/contract/routes';
import { readThemes } from '../../../src/corpus/analysis-data';
import { FIXTURE_CONTENT, fixtureArticles } from './fixture';
import { join } from 'node:path';

const articles = fixtureArticles();
const other = articles.find((a) => a.meta.language)!;
const english = articles.find((a) => !a.meta.language)!;
const language = languageName(other.meta.language!);
const theme = readThemes(join(FIXTURE_CONTENT, 'themes.yaml')).themes[0]!;

test('the fixture holds an article in another language', () => {
  expect(other, 'an article with a language in sources.yaml').toBeTruthy();
});

test('its article page says once that it is not read for themes, and calls no passage off-topic', async ({ page }) => {
  await page.goto(other.url);
  await expect(page.locator('.passage-text').first()).toHaveAttribute('lang', other.meta.language!);
  await expect(page.locator('#themes-title + p')).toHaveText(`This article is in ${language}: its passages are not read for themes, which are found in English text.`);
  await expect(page.locator('.theme-none')).toHaveCount(0);
  await expect(page.locator('.theme-chips')).toHaveCount(0);
});

test('a theme page and the compare view say it is not read for themes, not that it is silent', async ({ page }) => {
  await page.goto(themeUrl(theme.id));
  await expect(page.locator('.theme-summary')).toContainText(`${other.meta.outlet} is in another language, not read for themes`);
  await expect(page.locator('.theme-summary')).not.toContainText(new RegExp(`${other.meta.outlet}[^;]*silent`));
  // a theme's pages give it no column: it is listed after the last page's columns, with its language
  await page.locator(`.theme-summary a[href$="#theme-unread"]`).click();
  const line = page.locator(`#theme-unread li[data-source="${other.slug}"]`);
  await expect(line).toBeInViewport();
  await expect(line).toContainText(language);
  await expect(page.locator('#theme-unread .theme-apart-note')).toContainText('not read for themes');
  await expect(page.locator(`.theme-column[data-source="${other.slug}"]`)).toHaveCount(0);
  await expect(page.locator(`#theme-silent li[data-source="${other.slug}"]`)).toHaveCount(0);

  // the view fetches a source it does not hold (the fixture's view holds its most recent few)
  await page.goto(compareUrl([english.slug, other.slug], false));
  const cells = page.locator(`.cmp-cell[data-col="${other.slug}"]`);
  await expect(cells.first()).toContainText(`Not read for themes: this source is in ${language}.`);
  await expect(page.locator(`.cmp-cell[data-col="${other.slug}"] .cmp-silent`, { hasText: 'Silent' })).toHaveCount(0);
});
