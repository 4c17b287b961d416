/**
 * `npm run add -- <file> [<file>…]` — add articles to the dossier in one command: keeps
 * each raw file in content/sources/, drafts its entry in sources.yaml (saying what it
 * filled and how sure it is), normalises, and shows what the rules removed.
 * CLI only: the work is in scripts/add/ and scripts/normalize/.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addSources, type AddedSource } from './add/add-sources.ts';
import type { Overrides } from './add/draft-entry.ts';
import { InputError } from '../src/corpus/input-error.ts';
import { parseDate } from './normalize/extract/dates.ts';
import { declaredLanguage } from '../src/contract/language.ts';
import { plural } from './normalize/text.ts';
import type { Io } from './normalize.ts';

export const USAGE = `Usage: npm run add -- <file> [<file>…] [--outlet NAME] [--headline TEXT] [--date YYYY-MM-DD] [--author NAME]… [--language TAG]

  Adds articles to the dossier: a plain-text copy (.txt), Markdown (.md), a saved web page
  (.html, .htm) or a PDF. Each file is kept as it is in content/sources/, its entry in
  sources.yaml is drafted from what the file says about itself, and the dossier is
  normalised. Nothing is changed unless every file can be added.

  --outlet NAME     who published it (needed when the file does not say)
  --headline TEXT   the headline, if the file's is missing or wrong
  --date DATE       the publication date: YYYY, YYYY-MM or YYYY-MM-DD
  --author NAME     an author (repeat for several; "Dr …" keeps the honorific apart)
  --language TAG    the language it is written in (BCP 47: fr, ar, pt-BR), if not the one detected
  --sources DIR     the raw articles and sources.yaml (default: content/sources)
  --out DIR         the generated articles (default: content/articles)
  --help            show this help`;

const consoleIo: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };
const STATUS_MARK = { verified: 'verified', inferred: 'inferred — check it', unknown: 'unknown' } as const;

function printAdded(added: AddedSource, io: Io): void {
  const { entry, report } = added;
  const folder = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
  io.out(`Added ${entry.originalFile} as "${entry.slug}": the file kept in ${folder(added.rawPath)}, the article in ${folder(report.outPath)}`);
  for (const note of added.notes) io.out(`  ${note}`);
  io.out('');
  io.out('  What it filled, and how sure it is:');
  const width = Math.max(...added.filled.map((f) => f.field.length));
  for (const f of added.filled) {
    const value = f.value.length > 70 ? `${f.value.slice(0, 69)}…` : f.value;
    io.out(`    ${f.field.padEnd(width)}  ${value}`);
    io.out(`    ${''.padEnd(width)}  ${STATUS_MARK[f.status]}: ${f.from}`);
  }
  io.out(`    ${'slug'.padEnd(width)}  ${entry.slug} (passage ids ${entry.idPrefix}-…)`);
  io.out(`  Correct any of it in ${added.manifestLine}, then run \`npm run normalize\`.`);
  io.out('');
  // The pipeline's verbose lines for this article, without their "[stage] slug:" prefix.
  const said = (stage: string) =>
    added.log.filter((line) => line.startsWith(`[${stage}] ${entry.slug}: `)).map((line) => line.slice(`[${stage}] ${entry.slug}: `.length));
  io.out(`  Removed by the rules (${report.removedSummary}):`);
  for (const line of said('remove-boilerplate')) if (/^ +line \d+ \[/.test(line)) io.out(`    ${line.trim()}`);
  const extract = said('extract-text');
  if (extract.length) {
    io.out(`  Extracted: ${extract[0]}`);
    for (const line of extract.slice(1)) io.out(`    ${line.trim()}`);
  }
  for (const line of [...said('remove-boilerplate'), ...said('decode-source')]) if (/^(warning|note):/.test(line)) io.out(`  ${line}`);
  io.out('');
  io.out(
    `  Result: ${plural(report.stats.passageCount, 'passage')}, ${plural(report.headings.length, 'heading')}, ${plural(report.stats.wordCount, 'word')}.`,
  );
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Io = consoleIo, cwd = process.cwd()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        outlet: { type: 'string' },
        headline: { type: 'string' },
        date: { type: 'string' },
        author: { type: 'string', multiple: true },
        language: { type: 'string' },
        sources: { type: 'string', default: 'content/sources' },
        out: { type: 'string', default: 'content/articles' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.err(`add: ${(error as Error).message}. Run with --help for the options.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!positionals.length) {
    io.err('add: give the file(s) to add, e.g. `npm run add -- ~/Downloads/article.html`. Run with --help for the options.');
    return 2;
  }
  if (positionals.length > 1 && values.headline) {
    io.err('add: --headline names one article; add the files one at a time to give each its headline.');
    return 2;
  }
  const overrides: Overrides = {};
  if (values.outlet) overrides.outlet = values.outlet.trim();
  if (values.headline) overrides.headline = values.headline.trim();
  if (values.author?.length) overrides.authors = values.author.map((a) => a.trim()).filter(Boolean);
  if (values.language) {
    const language = declaredLanguage(values.language);
    if (!language) {
      io.err(`add: --language ${values.language}: not a language tag; write it as BCP 47 does, e.g. fr, ar or pt-BR.`);
      return 2;
    }
    overrides.language = language;
  }
  if (values.date) {
    const date = parseDate(values.date);
    if (!date || 'error' in date) {
      io.err(`add: --date ${values.date}: ${date && 'error' in date ? date.error : 'not a date; write it as YYYY, YYYY-MM or YYYY-MM-DD'}.`);
      return 2;
    }
    overrides.date = date;
  }

  try {
    const added = await addSources({ files: positionals, overrides, sourcesDir: values.sources, outDir: values.out, root: cwd });
    added.forEach((source, i) => {
      if (i) io.out('');
      printAdded(source, io);
    });
    return 0;
  } catch (error) {
    const message = error instanceof InputError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    io.err(`add: ${message}`);
    io.err('add: nothing was added; content/ is as it was.');
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
