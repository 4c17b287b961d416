/**
 * Name finding on every core: compromise's tagging costs about 5–8 ms a passage and is most of
 * a cold build's analysis, and the build's main thread would do it alone. Texts are split into
 * one batch per core, each found by a worker thread running src/corpus/names-worker.ts through
 * tsx's loader (as the project's scripts run). A worker that cannot start or fails gives `null`,
 * and the caller finds the names itself: the answers are the same either way.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EntitiesFile } from './analysis-schema';
import type { NameSpan } from './entities';

/** Below this many texts a worker's start (loading tsx, compromise) costs more than it saves. */
export const PARALLEL_FROM = 1_000;
const MAX_WORKERS = 8;

export interface ParallelOptions {
  /** Worker threads to use (default: one per core, at most 8). */
  workers?: number;
  /** Fewer texts than this are left to the caller (default PARALLEL_FROM). */
  minTexts?: number;
}

/** The names in each text, in order, found in worker threads; null when workers are not worth it or not available. */
export async function findNamesInParallel(texts: readonly string[], aliases: EntitiesFile, options: ParallelOptions = {}): Promise<NameSpan[][] | null> {
  const workers = Math.min(options.workers ?? availableParallelism(), MAX_WORKERS, texts.length);
  // From the project root, as the build runs (the bundled build has no sources beside it).
  const script = join(process.cwd(), 'src', 'corpus', 'names-worker.ts');
  if (texts.length < (options.minTexts ?? PARALLEL_FROM) || workers < 2 || !existsSync(script)) return null;
  const size = Math.ceil(texts.length / workers);
  const batches = Array.from({ length: workers }, (_, i) => texts.slice(i * size, (i + 1) * size));
  try {
    const found = await Promise.all(batches.map((batch) => runWorker(script, aliases, batch)));
    return found.flat();
  } catch (error) {
    console.warn(`[dossier] names: worker threads failed (${(error as Error).message}); finding them on the main thread`);
    return null;
  }
}

function runWorker(script: string, aliases: EntitiesFile, texts: string[]): Promise<NameSpan[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { aliases, texts }, execArgv: ['--import', 'tsx'] });
    let answered = false;
    worker.once('message', (spans: NameSpan[][]) => {
      answered = true;
      if (spans.length === texts.length) resolve(spans);
      else reject(new Error(`a worker answered ${spans.length} of ${texts.length} texts`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`a worker stopped (exit ${code}) before answering`));
    });
  });
}
