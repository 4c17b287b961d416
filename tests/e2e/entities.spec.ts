import { expect, test } from '@playwright/test';
import { loadDossier, passageById, type DossierJson } from './dossier-json';

let dossier: DossierJson;
test.beforeAll(async ({ request }) => {
  dossier = await loadDossier(request);
});

/** Mentions of an entity per article slug, from the passages' entity mentions. */
function mentionsBySource(entityId: string): Map<string, { passageId: string; text: string }[]> {
  const bySource = new Map<string, { passageId: string; text: string }[]>();
  for (const p of dossier.passages) {
    for (const m of p.entities.filter((e) => e.entity === entityId)) {
      bySource.set(p.article, [...(bySource.get(p.article) ?? []), { passageId: p.id, text: m.text }]);
    }
  }
  return bySource;
}

test('the entities index lists every entity by kind, with its mentions in each source', async ({ page }) => {
  await page.goto('/entities/');
  await expect(page.locator('.entity-table tbody tr')).toHaveCount(dossier.entities.length);
  for (const kind of new Set(dossier.entities.map((e) => e.kind))) {
    await expect(page.locator(`.entity-group[data-kind="${kind}"] tbody tr`)).toHaveCount(
      dossier.entities.filter((e) => e.kind === kind).length,
    );
  }
  // the most mentioned entity of each kind, in full
  for (const kind of new Set(dossier.entities.map((e) => e.kind))) {
    const entity = dossier.entities.filter((e) => e.kind === kind).sort((a, b) => b.mentionCount - a.mentionCount)[0]!;
    const row = page.locator(`tr[data-entity="${entity.id}"]`);
    await expect(row.locator('th a')).toHaveText(entity.name);
    const cells = await row.locator('td').allInnerTexts();
    const bySource = mentionsBySource(entity.id);
    expect(cells).toEqual([
      String(entity.mentionCount),
      ...dossier.articles.map((a) => String(bySource.get(a.slug)?.length ?? 0)),
    ]);
  }
});

test('an entity page lists its mentions from several sources as keyword-in-context lines, each leading to its passage', async ({
  page,
}) => {
  // the entity named by the most sources (ties: more mentions)
  const entity = [...dossier.entities].sort(
    (a, b) => mentionsBySource(b.id).size - mentionsBySource(a.id).size || b.mentionCount - a.mentionCount,
  )[0]!;
  const bySource = mentionsBySource(entity.id);
  expect(bySource.size).toBeGreaterThan(1);

  await page.goto(`/entities/${entity.id}/`);
  await expect(page.locator('h1')).toHaveText(entity.name);
  await expect(page.locator('.kwic-group')).toHaveCount(bySource.size);
  for (const [slug, mentions] of bySource) {
    const group = page.locator(`.kwic-group[data-source="${slug}"]`);
    await expect(group.locator('.kwic-item')).toHaveCount(mentions.length);
    expect(await group.locator('.kwic-match').allInnerTexts()).toEqual(mentions.map((m) => m.text));
    // the mentions run in publication order: each source says when it was published
    const published = dossier.articles.find((a) => a.slug === slug)!.meta.published.value;
    if (published) await expect(group.locator('.kwic-source time')).toHaveAttribute('datetime', published);
  }

  const passages = passageById(dossier);
  const line = page.locator('.kwic-item').nth(1);
  const id = (await line.getAttribute('data-passage-id'))!;
  const words = (await line.locator('.kwic-line').innerText()).replace(/…/g, '').split(/\s+/).filter(Boolean).slice(1, 4);
  for (const word of words) expect(passages.get(id)!.text).toContain(word);
  await line.locator('.kwic-line').click();
  await expect(page).toHaveURL(new RegExp(`${passages.get(id)!.url}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
});

test('a keyword-in-context line keeps punctuation against the name and a space before a word, as the passage has them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // the gap between the name and the text after it, in pixels, and that text's first character
  const gaps = async () =>
    page.locator('.kwic-line').evaluateAll((lines) =>
      lines.map((line) => {
        const match = line.querySelector('.kwic-match')!.getBoundingClientRect();
        const after = line.querySelector('.kwic-after')!.firstChild!;
        const range = document.createRange();
        const text = after.textContent!;
        const at = text.search(/\S/);
        range.setStart(after, at);
        range.setEnd(after, at + 1);
        return { first: text[0]!, gap: range.getBoundingClientRect().left - match.right };
      }),
    );
  // entities named just before a comma or full stop somewhere
  const charAfter = (text: string, name: string) => text[text.indexOf(name) + name.length] ?? '';
  const entities = dossier.entities.filter((e) =>
    dossier.passages.some((p) => p.entities.some((m) => m.entity === e.id && /[,.;:]/.test(charAfter(p.text, m.text)))),
  );
  expect(entities.length, 'an entity followed by punctuation').toBeGreaterThan(0);
  await page.goto(`/entities/${entities[0]!.id}/`);
  const lines = await gaps();
  expect(lines.some((l) => /[,.;:]/.test(l.first))).toBe(true);
  for (const line of lines) {
    if (/[,.;:]/.test(line.first)) expect(line.gap, JSON.stringify(line)).toBeLessThan(1);
    else if (line.first === ' ') expect(line.gap, JSON.stringify(line)).toBeGreaterThan(2);
  }
});

test('every entity linked from an article has its page', async ({ page, request }) => {
  const hrefs = new Set<string>();
  for (const article of dossier.articles) {
    await page.goto(article.url);
    for (const href of await page.locator('a.entity-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      hrefs.add(href);
    }
  }
  expect(hrefs.size).toBeGreaterThan(0);
  const known = new Set(dossier.entities.map((e) => `/entities/${e.id}/`));
  for (const href of hrefs) {
    expect(known.has(href), `${href} is an entity of the dossier`).toBe(true);
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('entity pages never scroll sideways; the index table scrolls inside its own region', async ({ page }) => {
    await page.goto('/entities/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto(`/entities/${dossier.entities[0]!.id}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
