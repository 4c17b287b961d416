/**
 * Entity precision and recall on the five articles, against hand labels
 * (tests/fixtures/entities/labels.yaml): every (passage, entity) pair the labels name and
 * the extraction finds. Printed, and held to a floor so a regression fails.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readEntities } from '../../src/corpus/analysis-data';
import { extractEntities } from '../../src/corpus/entities';
import { readArticlesFromDisk } from '../../src/corpus/read-articles';

const LABELS_FILE = 'tests/fixtures/entities/labels.yaml';
const labels = (parse(readFileSync(LABELS_FILE, 'utf8')) as { labels: Record<string, string[]> }).labels;

describe(`entities against ${LABELS_FILE}`, () => {
  const passages = readArticlesFromDisk().flatMap((a) => a.passages);
  const index = extractEntities(passages, readEntities());
  const found = new Set(index.entities.flatMap((e) => e.mentions.map((m) => `${m.passageId} ${e.id}`)));
  const wanted = new Set(Object.entries(labels).flatMap(([id, ids]) => ids.map((e) => `${id} ${e}`)));
  const tp = [...found].filter((k) => wanted.has(k)).length;
  const precision = tp / found.size;
  const recall = tp / wanted.size;

  it('should label every passage of the articles', () => {
    expect(Object.keys(labels).sort()).toEqual(passages.map((p) => p.id).sort());
  });

  it('should find the labelled entities with precision and recall of at least 0.95', () => {
    const missed = [...wanted].filter((k) => !found.has(k));
    const extra = [...found].filter((k) => !wanted.has(k));
    console.log(
      `[entities] precision ${precision.toFixed(3)} (${tp}/${found.size}), recall ${recall.toFixed(3)} (${tp}/${wanted.size})` +
        `\n  missed: ${missed.join(', ') || 'none'}\n  extra: ${extra.join(', ') || 'none'}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
