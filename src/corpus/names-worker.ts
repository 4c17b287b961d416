/**
 * A worker thread's share of the name finding (src/corpus/parallel-names.ts starts it):
 * finds the names in the texts it is given, with the curated list it is given, and posts
 * the answers back in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EntitiesFile } from './analysis-schema';
import { nameFinder } from './entities';

const { aliases, texts } = workerData as { aliases: EntitiesFile; texts: string[] };
const findNames = nameFinder(aliases);
parentPort!.postMessage(texts.map((text) => findNames(text)));
