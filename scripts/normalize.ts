/**
 * `npm run normalize` — raw articles (content/sources/) → content/articles/<slug>.md.
 * CLI only: parse the options, run the corpus, report. The work is in scripts/normalize/.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { normalizeCorpus } from './normalize/corpus.ts';
import { InputError } from '../src/corpus/input-error.ts';
import { plural } from './normalize/text.ts';

export const USAGE = `Usage: npm run normalize -- [--check] [--verbose] [--sources DIR] [--out DIR]

  --check        write nothing; exit 1, naming the files, if the output is not what
                 the sources and rules produce now (CI runs this)
  --verbose      also print every line the rules removed
  --sources DIR  the raw articles and sources.yaml (default: content/sources)
  --out DIR      the generated articles, replaced as a whole (default: content/articles)
  --debug        print the stack trace of an unexpected error
  --help         show this help`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io = consoleIo, cwd = process.cwd()): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        check: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        sources: { type: 'string', default: 'content/sources' },
        out: { type: 'string', default: 'content/articles' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.err(`normalize: ${(error as Error).message}. Run with --help for the options.`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }

  try {
    const result = await normalizeCorpus({
      sourcesDir: values.sources,
      outDir: values.out,
      root: cwd,
      check: values.check,
      verbose: values.verbose,
      log: io.out,
    });
    io.out('');
    for (const article of result.articles) {
      io.out(
        `${article.slug}: ${plural(article.stats.passageCount, 'passage')}, ${plural(article.headings.length, 'heading')}, ` +
          `${plural(article.stats.wordCount, 'word')}; ${article.removedSummary}`,
      );
    }
    if (values.check && result.outOfDate.length) {
      io.err(
        `normalize --check: out of date: ${result.outOfDate.join(', ')}. Run \`npm run normalize\` and commit the result.`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`normalize: ${error.message}`);
    } else {
      io.err(`normalize: unexpected error: ${(error as Error)?.message ?? String(error)}${values.debug ? '' : ' (run with --debug for the stack trace)'}`);
      if (values.debug) io.err(String((error as Error)?.stack));
    }
    return 1;
  }
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
