/**
 * Times relatedPassages on a synthetic corpus (default 10,000 passages).
 * Usage: npm run bench:related [-- <passages>]
 */
import { relatedPassages } from '../src/corpus/related';
import { syntheticCorpus } from './bench/synthetic-passages';

const count = Number(process.argv[2] ?? 10_000);
const { passages, themesById } = syntheticCorpus(count);
const words = passages.reduce((n, p) => n + p.text.split(' ').length, 0);
const start = performance.now();
const related = relatedPassages(passages, themesById);
const ms = performance.now() - start;
const links = [...related.values()].reduce((n, l) => n + l.length, 0);
console.log(
  `[bench:related] ${count} passages (${words} words): ${(ms / 1000).toFixed(2)} s, ${links} links ` +
    `(${(links / count).toFixed(2)} per passage)`,
);
