/** What an extractor gives back: the article's text as blocks, and what the file says about itself. */

/** How sure a value is (a subset of the manifest's statuses: what a file can tell us). */
export type FoundStatus = 'verified' | 'inferred';

export interface Found<T> {
  value: T;
  status: FoundStatus;
  /** where it was read, e.g. `<meta property="og:title">`, `JSON-LD NewsArticle.author`, `line 3` */
  from: string;
}

/** Metadata a source carries about itself (every field optional: absent means not found). */
export interface SourceMetadata {
  headline?: Found<string>;
  standfirst?: Found<string>;
  authors?: Found<string[]>;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  published?: Found<string>;
  outlet?: Found<string>;
  url?: Found<string>;
  /** a BCP 47 tag, as the file declares it (`<html lang>`, frontmatter `lang`) */
  language?: Found<string>;
}

export interface Block {
  kind: 'paragraph' | 'heading';
  text: string;
}

/** Something the extractor left out before the rules ran, with why (shown by --verbose). */
export interface Dropped {
  reason: string;
  text: string;
}

export interface Extracted {
  blocks: Block[];
  metadata: SourceMetadata;
  dropped: Dropped[];
  /** one-line notes for the log, e.g. "3 running headers dropped" */
  notes: string[];
}

export type SourceKind = 'text' | 'markdown' | 'html' | 'pdf';

export function sourceKind(fileName: string): SourceKind | null {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'pdf') return 'pdf';
  return null;
}
