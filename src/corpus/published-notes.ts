/**
 * Published notes: W3C annotation files in content/annotations/ (exactly what
 * the notebook exports), checked at build time. Each must be valid and must
 * anchor in the current text; otherwise the build stops, naming the file and
 * the annotation id. Runs in Node at build time only (never in the browser);
 * the corpus model (./model.ts) calls it once per build.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import search from 'approx-string-match';
import { anchorAnnotations } from '../annotations/anchoring/anchor-all';
import type { AnchorMethod, PassageText } from '../annotations/anchoring/types';
import { articleSlugOf, colourOf, noteOf, quoteOf, tagsOf, type HighlightColour } from '../annotations/model';
import { parseAnnotationFile } from '../annotations/import';

/** What the build needs of a passage (the corpus model's Passage has these and more). */
export interface PassageLike extends PassageText {
  article: string;
  order?: number;
}

export interface PublishedNote {
  id: string;
  article: string;
  passageId: string;
  /** Range in the passage's text where the note anchored now. */
  start: number;
  end: number;
  method: AnchorMethod;
  quote: string;
  note: string;
  tags: string[];
  colour: HighlightColour;
  creator: string | null;
  modified: string;
  /** The file it came from, relative to the annotations folder. */
  file: string;
}

export class PublishedAnnotationError extends Error {
  override name = 'PublishedAnnotationError';
}

/**
 * Checks annotation files against the passages. Throws one error listing every
 * problem (file, annotation id, what to do); returns the notes in passage order.
 */
export function checkPublishedAnnotations(
  files: readonly { name: string; text: string }[],
  passagesById: ReadonlyMap<string, PassageLike>,
  aliases: ReadonlyMap<string, string> | Readonly<Record<string, string>> = {},
): PublishedNote[] {
  const aliasRecord = aliases instanceof Map ? Object.fromEntries(aliases) : (aliases as Record<string, string>);
  const byArticle = new Map<string, PassageLike[]>();
  for (const p of passagesById.values()) {
    const list = byArticle.get(p.article);
    if (list) list.push(p);
    else byArticle.set(p.article, [p]);
  }
  for (const list of byArticle.values()) list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

  const problems: string[] = [];
  const notes: PublishedNote[] = [];
  const seenIds = new Map<string, string>();
  for (const file of files) {
    const parsed = parseAnnotationFile(file.text);
    if (!parsed.ok) {
      problems.push(`${file.name}: ${parsed.error}`);
      continue;
    }
    for (const r of parsed.refused) problems.push(`${file.name}: item ${r.item}${r.id ? ` (${r.id})` : ''} is invalid — ${r.reason}`);
    for (const a of parsed.annotations) {
      const where = `${file.name}: annotation ${a.id}`;
      const clash = seenIds.get(a.id);
      if (clash) {
        problems.push(`${where} is also in ${clash}; give each published note its own id.`);
        continue;
      }
      seenIds.set(a.id, file.name);
      const slug = articleSlugOf(a);
      const passages = slug ? byArticle.get(slug) : undefined;
      if (!slug || !passages) {
        problems.push(`${where} targets ${a.target.source}, which is not an article of this site (expected …/articles/<slug>/).`);
        continue;
      }
      const placement = anchorAnnotations([a], () => passages, { retiredIds: aliasRecord, approximate: search })[0]!.placement;
      if (!placement) {
        problems.push(
          `${where} cannot be anchored: the quote "${shorten(quoteOf(a))}" is no longer in ${slug}. Edit the note's selectors to match the new text, or remove it.`,
        );
        continue;
      }
      notes.push({
        id: a.id,
        article: slug,
        passageId: placement.passageId,
        start: placement.start,
        end: placement.end,
        method: placement.method,
        quote: quoteOf(a),
        note: noteOf(a),
        tags: tagsOf(a),
        colour: colourOf(a),
        creator: creatorName(a.creator),
        modified: a.modified ?? a.created ?? '',
        file: file.name,
      });
    }
  }
  if (problems.length) {
    throw new PublishedAnnotationError(`Published annotations (content/annotations/) have problems:\n  - ${problems.join('\n  - ')}`);
  }
  const order = (n: PublishedNote) => passagesById.get(n.passageId)?.order ?? 0;
  return notes.sort((a, b) => a.article.localeCompare(b.article) || order(a) - order(b) || a.start - b.start);
}

/** Reads every *.json file of `dir` and checks it (see checkPublishedAnnotations). A missing folder means no notes. */
export async function loadPublishedAnnotations(
  dir: string,
  passagesById: ReadonlyMap<string, PassageLike>,
  aliases: ReadonlyMap<string, string> | Readonly<Record<string, string>> = {},
): Promise<PublishedNote[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = await Promise.all(names.map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
  return checkPublishedAnnotations(files, passagesById, aliases);
}

/** Groups notes by passage id, for rendering next to each passage. */
export function notesByPassage(notes: readonly PublishedNote[]): Map<string, PublishedNote[]> {
  const map = new Map<string, PublishedNote[]>();
  for (const n of notes) {
    const list = map.get(n.passageId);
    if (list) list.push(n);
    else map.set(n.passageId, [n]);
  }
  return map;
}

function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The creator's name, when the annotation names one. */
function creatorName(creator: unknown): string | null {
  const first = [creator].flat()[0] as { name?: unknown } | string | undefined;
  const name = typeof first === 'object' && first ? [first.name].flat()[0] : undefined;
  return typeof name === 'string' ? name : null;
}
