/**
 * The fixture dossier as the feature tests see it (tests/fixtures/dossier/), read from its files
 * so expectations come from the fixture, never typed in. The site under test is built from it
 * (tests/fixture-site.ts).
 */
import type { Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DOSSIER } from '../../fixture-site';
import { readArticles } from '../corpus';

export const FIXTURE_CONTENT = join(FIXTURE_DOSSIER, 'content');

export const fixtureArticles = () => readArticles(join(FIXTURE_CONTENT, 'articles'));

export interface FixtureNote {
  id: string;
  passageId: string;
  quote: string;
  note: string;
}

/** The published notes of the fixture (content/annotations/*.json), as plain facts. */
export function fixtureNotes(): FixtureNote[] {
  const dir = join(FIXTURE_CONTENT, 'annotations');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).first.items as Record<string, any>[])
    .map((a) => ({
      id: a.id,
      passageId: a.target.selector.find((s: { type: string }) => s.type === 'FragmentSelector').value,
      quote: a.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector').exact,
      note: a.body.find((b: { purpose: string }) => b.purpose === 'commenting').value,
    }));
}

/** Drags the mouse over the first words of the second passage, as a reader selecting them would (focus stays where it was). */
export async function dragOverWords(page: Page) {
  const text = page.locator('.passage-text').nth(1);
  const box = (await text.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 8, { steps: 5 });
  await page.mouse.up();
}
