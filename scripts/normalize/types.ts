/**
 * What the stages share: the data each one leaves on the file (`file.data`, typed
 * here through vfile's DataMap) and the shape of a stage.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ArticleFrontmatter, SourceEntry } from '../../src/corpus/schema.ts';
import type { Rule } from './rules.ts';

/** How the raw text separates paragraphs. */
export type Layout =
  /** blank lines between paragraphs (lines of one block are one paragraph) */
  | 'blank-line'
  /** one paragraph per line, no blank lines (the BBC copy) */
  | 'one-per-line';

/** One source line a rule removed. */
export interface RemovedLine {
  rule: string;
  /** 1-based line number in the raw file */
  line: number;
  /** the line as it is in the raw file */
  text: string;
}

export interface PassageRecord {
  id: string;
  /** plain text, unescaped */
  text: string;
}

/** The passage ids of the previous output: the normaliser's memory. */
export interface PreviousArticle {
  passages: PassageRecord[];
  retiredIds: Record<string, string>;
}

export interface IdReport {
  /** kept because the text is unchanged */
  exact: number;
  /** kept because the text is close to an old passage's (a small edit) */
  similar: number;
  /** new passages with a fresh id */
  fresh: number;
  /** ids retired by this run */
  retired: string[];
}

export interface ArticleStats {
  wordCount: number;
  readingMinutes: number;
  passageCount: number;
}

declare module 'vfile' {
  interface DataMap {
    /** the manifest entry, validated (set by the caller) */
    entry: SourceEntry;
    /** path of the raw file relative to the project root, with `/` (set by the caller) */
    sourcePath: string;
    /** the previous output, if there is one (set by the caller) */
    previousMarkdown: string | null;
    /** where the previous output lives, for messages (set by the caller) */
    previousPath: string;

    /** decode-source: the raw text split into lines (no line ending, no BOM) */
    lines: string[];
    /** decode-source: what it had to fix (BOM, CRLF) */
    decodeNotes: string[];
    /** extract-text: line numbers (1-based) of the blocks the source marks as headings (Markdown, HTML, PDF) */
    knownHeadings: Set<number>;
    /** extract-text: what the extractor left out before the rules ran (figures, navigation, running headers…) */
    dropped: import('./extract/types.ts').Dropped[];
    /** parse-paragraphs */
    layout: Layout;
    /** remove-boilerplate */
    removed: RemovedLine[];
    /** remove-boilerplate: a paragraph shaped like a standfirst, when the manifest has none */
    standfirstCandidate: { text: string; line: number | string; reason: string };
    /** detect-headings */
    headings: string[];
    /** recall-passage-ids */
    previous: PreviousArticle | null;
    /** assign-passage-ids: one id per paragraph, in order */
    passageIds: string[];
    /** assign-passage-ids */
    retiredIds: Record<string, string>;
    /** assign-passage-ids */
    idReport: IdReport;
    /** count-words */
    stats: ArticleStats;
    /** build-frontmatter */
    frontmatter: ArticleFrontmatter;
  }
}

/** What a stage gets besides the tree and the file. */
export interface StageContext {
  /** a progress line, prefixed with the stage's name and the article's slug */
  log(message: string): void;
  verbose: boolean;
  rules: readonly Rule[];
}

/** One named step of the pipeline (see pipeline.ts for the order). */
export interface Stage {
  /** kebab-case, shown in log lines */
  name: string;
  /** one sentence: what the stage does */
  description: string;
  /** may change the tree in place or return a new one (or a promise of either) */
  transform(tree: Root, file: VFile, context: StageContext): Root | void | Promise<Root | void>;
}
