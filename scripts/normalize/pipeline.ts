/**
 * The normaliser's pipeline: raw article → content/articles/<slug>.md.
 * Read top to bottom, it is the table of contents. Each stage is one file in stages/;
 * stages hand data on through `file.data` (typed in types.ts), and log under their name.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { SourceEntry } from '../../src/corpus/schema.ts';
import { rules as defaultRules, type Rule } from './rules.ts';
import stringifyArticle from './stringify-article.ts';
import type { Stage } from './types.ts';
import decodeSource from './stages/decode-source.ts';
import extractText from './stages/extract-text.ts';
import parseParagraphs from './stages/parse-paragraphs.ts';
import normalizeWhitespace from './stages/normalize-whitespace.ts';
import removeBoilerplate from './stages/remove-boilerplate.ts';
import detectHeadings from './stages/detect-headings.ts';
import recallPassageIds from './stages/recall-passage-ids.ts';
import assignPassageIds from './stages/assign-passage-ids.ts';
import markPassages from './stages/mark-passages.ts';
import countWords from './stages/count-words.ts';
import buildFrontmatter from './stages/build-frontmatter.ts';

export const stages: readonly Stage[] = [
  decodeSource, //        bytes → lines (UTF-8, BOM, CRLF)
  extractText, //         Markdown, HTML, PDF → one line per block
  parseParagraphs, //     lines → paragraphs (blank-line or one-per-line layout)
  normalizeWhitespace, // NBSP → space, runs collapsed, trimmed
  removeBoilerplate, //   captions, credits, furniture, promos, bylines… (rules.ts)
  detectHeadings, //      short title lines → ## headings
  recallPassageIds, //    previous output → remembered ids
  assignPassageIds, //    keep, match, hash, retire
  markPassages, //        <!-- passage id --> before each paragraph
  countWords, //          wordCount, readingMinutes, passageCount
  buildFrontmatter, //    manifest entry + computed fields, validated
];
// …then stringify-article writes frontmatter (yaml) + body (remark-stringify).

export interface PipelineOptions {
  /** receives each progress line, already prefixed with `[stage] slug:` */
  log?: (line: string) => void;
  verbose?: boolean;
  rules?: readonly Rule[];
}

export interface ArticleInput {
  entry: SourceEntry;
  /** the raw file's bytes */
  bytes: Uint8Array;
  /** how to name the raw file in messages (e.g. content/sources/cnn.txt) */
  displayPath: string;
  /** `source` in the frontmatter: the raw file's path from the project root */
  sourcePath: string;
  /** the previous output, if any, and how to name it in messages */
  previousMarkdown: string | null;
  previousPath: string;
}

export function createProcessor({ log = () => {}, verbose = false, rules = defaultRules }: PipelineOptions = {}) {
  const processor = unified();
  for (const stage of stages) {
    processor.use(() => async (tree: Root, file: VFile) =>
      stage.transform(tree, file, {
        log: (message) => log(`[${stage.name}] ${file.data.entry?.slug ?? file.path}: ${message}`),
        verbose,
        rules,
      }),
    );
  }
  return processor.use(stringifyArticle);
}

export type NormalizeProcessor = ReturnType<typeof createProcessor>;

/** Runs the pipeline on one article; returns the markdown, the body tree and the file with everything the stages found. */
export async function normalizeArticle(input: ArticleInput, processor: NormalizeProcessor = createProcessor()) {
  const file = new VFile({
    path: input.displayPath,
    value: input.bytes,
    data: {
      entry: input.entry,
      sourcePath: input.sourcePath,
      previousMarkdown: input.previousMarkdown,
      previousPath: input.previousPath,
    },
  });
  const empty: Root = { type: 'root', children: [] };
  // Asynchronous: extracting the text of a PDF is.
  const tree = (await processor.run(empty, file)) as Root;
  const markdown = String(processor.stringify(tree, file));
  return { markdown, file, tree };
}
