/**
 * Exports: a W3C AnnotationCollection (JSON-LD), which import and the
 * published-notes loader read back, and Markdown ready to paste into a report, which
 * import reads back too (from the records block at its end).
 */
import { ANNOTATION_CONTEXT, articlePathOf, noteOf, passageIdOf, positionOf, quoteOf, tagsOf, type Annotation } from './model';

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: Annotation[] };
}

/** One page holding every annotation; `pageId` names that page (the model requires an id on each AnnotationPage; default: the collection's id + #page-1). */
export function toCollection(annotations: readonly Annotation[], options: { id: string; pageId?: string; label?: string }): AnnotationCollection {
  const items = sortForReading(annotations);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: options.id,
    type: 'AnnotationCollection',
    label: options.label ?? 'Dossier annotations',
    total: items.length,
    first: { id: options.pageId ?? `${options.id}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/**
 * The collection as JSON, compact: one annotation per line (readable in a diff,
 * and about 40% smaller than indented JSON), so the largest backup stays well
 * inside the import limit.
 */
export function serializeCollection(collection: AnnotationCollection): string {
  const { first, ...head } = collection;
  const { items, ...page } = first;
  const headJson = JSON.stringify({ ...head, first: { ...page, items: [] } });
  const lines = items.map((a) => JSON.stringify(a));
  // Splice the items into the empty list that closes the header.
  const open = headJson.slice(0, -'[]}}'.length);
  return `${open}[\n${lines.join(',\n')}\n]}}\n`;
}

/** By article (in `articleOrder` when given, else by path), then passage order when known (else passage id), then position. */
export function sortForReading(
  annotations: readonly Annotation[],
  passageOrder?: ReadonlyMap<string, number>,
  articleOrder?: ReadonlyMap<string, number>,
): Annotation[] {
  const position = (a: Annotation) => positionOf(a)?.start ?? 0;
  const article = (a: Annotation) => articleOrder?.get(articlePathOf(a)) ?? Number.MAX_SAFE_INTEGER;
  return [...annotations].sort(
    (a, b) =>
      article(a) - article(b) ||
      articlePathOf(a).localeCompare(articlePathOf(b)) ||
      (passageOrder ? (passageOrder.get(passageIdOf(a)) ?? 1e9) - (passageOrder.get(passageIdOf(b)) ?? 1e9) : 0) ||
      passageIdOf(a).localeCompare(passageIdOf(b)) ||
      position(a) - position(b) ||
      (a.created ?? '').localeCompare(b.created ?? '') ||
      a.id.localeCompare(b.id),
  );
}

export interface ArticleInfo {
  outlet: string;
  headline: string;
}

/**
 * One section per article; each annotation a blockquote with its note, tags
 * and a link to the passage. `articles` is keyed by article path; `origin` makes links absolute.
 * `inert`, when given, reads each note's Markdown back (markdown-check.ts): a note it refuses
 * is written as plain text (plainNote).
 */
export function toMarkdown(
  annotations: readonly Annotation[],
  options: {
    origin: string;
    articles: ReadonlyMap<string, ArticleInfo>;
    title?: string;
    passageOrder?: ReadonlyMap<string, number>;
    inert?: (markdown: string) => boolean;
  },
): string {
  // Articles in the order the map lists them (the site's order).
  const articleOrder = new Map([...options.articles.keys()].map((path, i) => [path, i]));
  const lines: string[] = [`# ${options.title ?? 'Dossier annotations'}`, ''];
  let currentPath: string | null = null;
  const inOrder = sortForReading(annotations, options.passageOrder, articleOrder);
  for (const a of inOrder) {
    const path = articlePathOf(a);
    const info = options.articles.get(path);
    if (path !== currentPath) {
      currentPath = path;
      lines.push(`## ${escapeInline(info ? `${info.outlet}: ${info.headline}` : path)}`, '');
    }
    for (const line of quoteOf(a).split(/\r?\n/)) lines.push(`> ${escapeInline(line)}`);
    lines.push('');
    const note = noteOf(a).trim();
    // Notes are the reader's own Markdown, kept as typed (see noteMarkdown).
    if (note) {
      // line by line: a spread of a note's lines would overflow the stack past ~100,000 of them
      let written = Array.from(noteMarkdown(note));
      if (options.inert && !options.inert(written.join('\n'))) written = Array.from(plainNote(note));
      for (const line of written) lines.push(line);
      lines.push('');
    }
    const tags = tagsOf(a);
    if (tags.length) lines.push(`Tags: ${tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}`, '');
    const link = new URL(`${path}#${passageIdOf(a)}`, options.origin).href;
    lines.push(`— ${escapeInline(info?.outlet ?? 'Source')}, [passage ${passageIdOf(a)}](${link})`, '');
  }
  if (annotations.length === 0) lines.push('(No annotations yet.)', '');
  else {
    // The annotations whole, for the notebook's Import: hidden when the Markdown is rendered.
    lines.push(MARKDOWN_RECORDS_OPEN);
    for (const a of inOrder) lines.push(recordLine(a));
    lines.push(MARKDOWN_RECORDS_CLOSE, '');
  }
  return lines.join('\n');
}

/**
 * The line that opens the records block ending a Markdown export: an HTML comment holding
 * each annotation as W3C JSON, one a line, so that the Markdown imports back with nothing
 * lost (src/annotations/import.ts); the text above it is for reading and is not read back.
 */
export const MARKDOWN_RECORDS_OPEN =
  '<!-- Dossier annotation records: one W3C Web Annotation a line, read by the notebook’s Import (edits to the text above are not imported)';
export const MARKDOWN_RECORDS_CLOSE = '-->';

/**
 * An annotation as one line of JSON that cannot end or open the comment around it: `--` and
 * angle brackets occur only inside JSON strings, where their escapes read back the same.
 */
function recordLine(annotation: Annotation): string {
  return JSON.stringify(annotation)
    .replace(/--/g, '-\\u002d')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e');
}

/** Keeps text from turning into Markdown syntax, links or HTML when pasted. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]()<>#|!~&])/g, '\\$1');
}

/** Links a note may keep: to the web or an e-mail address, written out (never through an entity). */
const SAFE_DESTINATION = /^<?(https?:\/\/|mailto:)/i;

/**
 * A note as the reader typed it: their Markdown (emphasis, code, lists, quotes, links to the
 * web) reaches the report unchanged. A note may also come from an imported file, so what could
 * run, load or point anywhere else is escaped (HTML and autolinks, images, links and link
 * definitions not to http(s) or mailto), and so is what would break the report's outline
 * (a heading, an unclosed code fence swallowing the rest of the file). Inside code (a fenced
 * block, a code span) nothing is escaped: Markdown shows it as typed anyway.
 */
export function* noteMarkdown(note: string): Generator<string> {
  let fence: string | null = null;
  let previous = '';
  for (const line of note.split(/\r?\n/)) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && line.trim() === opening[1]) fence = null;
      yield line;
    } else if (opening && !(opening[1]![0] === '`' && line.slice(opening[0].length).includes('`'))) {
      fence = opening[1]!;
      yield line;
    } else {
      yield noteLine(line, previous);
    }
    previous = line;
  }
  // A fence left open would turn the rest of the report into code.
  if (fence !== null) yield fence;
}

/**
 * A note as plain text, for a note whose Markdown the check refuses: every ASCII punctuation
 * mark escaped (so no mark makes Markdown of it) and no line indented (so none is code).
 */
export function* plainNote(note: string): Generator<string> {
  for (const line of note.split(/\r?\n/)) yield line.trimStart().replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** A block quote mark or a list marker. */
const MARKER = String.raw`(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))`;
/**
 * What may open a line before its content: block quote marks and list markers, nested, then
 * the content's indent; or an indent alone. Each run of blanks can be read one way only (by the
 * next marker's or the content's indent): read two ways, a line of many markers took
 * exponential time to be found to be no heading.
 */
const LEAD = String.raw`(?: {0,3}${MARKER}(?:[ \t]{0,4}${MARKER})*[ \t]{0,4}| {0,3})`;
const HEADING_MARK = new RegExp(String.raw`^(${LEAD})(?:#{1,6}(?=[ \t]|$)|=+[ \t]*$)`);
const DASH_UNDERLINE = new RegExp(String.raw`^(${LEAD})-+[ \t]*$`);
/**
 * What may open a link reference definition, inside any containers: `[`, its label (escaped
 * brackets and code-span ticks included: a definition is read before any inline), then, if the
 * label closes on this line, `]` and the `:` and destination that make it one.
 */
const DEFINITION = new RegExp(String.raw`^(${LEAD})\[(?:[^\]\\]|\\.)*(\])?(?:(:)[ \t]*(\S*))?`);

function noteLine(line: string, previous: string): string {
  // Headings, in block quotes and list items too: the report's outline is its own.
  const heading = HEADING_MARK.exec(line) ?? (previous.trim() !== '' ? DASH_UNDERLINE.exec(line) : null);
  if (heading) line = `${heading[1]}\\${line.slice(heading[1]!.length)}`;
  // A link reference definition, unless to the web; and a label that runs on to the next line,
  // which may end as one there.
  const definition = DEFINITION.exec(line);
  const [, lead, closed, colon, destination] = definition ?? [];
  if (definition && (!closed || (colon && !SAFE_DESTINATION.test(destination!)))) line = `${lead}\\${line.slice(lead!.length)}`;
  return outsideCodeSpans(line, (text, addressRunsIn) =>
    text
      // `](` opens a link's destination: escaping the `(` leaves `[text]` as text.
      .replace(/\]\(\s*(\S*)/g, (link, destination: string) => (SAFE_DESTINATION.test(destination) ? link : `]\\${link.slice(1)}`))
      .replace(/!\[/g, '!\\[')
      // A tag, comment or autolink (a web autolink stays); a `<` the reader escaped (odd backslashes) already is.
      // Right after a bare web address a backslash would join the address (GFM's literal autolinks
      // run to the next space or `<`), so there the `<` is written as an entity.
      // A backslash the reader typed there joins the address too, and escapes nothing; so does
      // a code span (the address runs on over it: `addressRunsIn`).
      // A run of backslashes is read from its first only: read from each, a note of 20,000 took half a second.
      .replace(
        /(?<!\\)(\\*)<(?=[a-z!/?])(?!https?:\/\/[^\s<>]*>|mailto:[^\s<>]*>)/gi,
        afterAddress(addressRunsIn, (match, slashes, addressBefore) => {
          if (addressBefore) return `${slashes}&lt;`;
          return slashes.length % 2 ? match : `${slashes}\\<`;
        }),
      ),
  );
}

/** What makes a word a web address in GFM's eyes (its literal autolinks). */
const ADDRESS_MARK = /^(?:https?:\/\/|www\.)/i;

/**
 * A replacer told whether its match comes right after a bare web address: the word before it
 * holds "http://", "https://" or "www." (`addressRunsIn`: the word running into this text from
 * the line before it does). The text is read once, on from match to match (`addressWords`): the
 * word was found with `/\S*$/` on all the text before each match, so a note of many tags took
 * time growing with its length squared (15,000 characters, 0.2 s).
 */
function afterAddress(addressRunsIn: boolean, replace: (match: string, slashes: string, addressBefore: boolean) => string) {
  let holds: ((place: number) => boolean) | undefined;
  return (match: string, slashes: string, offset: number, whole: string): string => {
    holds ??= addressWords(whole, addressRunsIn);
    return replace(match, slashes, holds(offset));
  };
}

/**
 * Whether the word before a place in `text` holds a whole web address mark, asked of places
 * further and further on: the text is read once, whatever the number of places. With
 * `runsIn`, its first word does (an address before the text runs on into it, over a code span).
 */
function addressWords(text: string, runsIn = false): (place: number) => boolean {
  let read = 0;
  let wordStart = 0;
  let markStart = runsIn ? 0 : -1;
  // marks begun but perhaps not ended before the place asked about (a mark holds no blank)
  const begun: { start: number; end: number }[] = [];
  return (place) => {
    for (; read < place; read++) {
      if (/\s/.test(text[read]!)) {
        wordStart = read + 1;
        begun.length = 0;
        continue;
      }
      const mark = ADDRESS_MARK.exec(text.slice(read, read + 8));
      if (mark) begun.push({ start: read, end: read + mark[0].length });
    }
    while (begun.length && begun[0]!.end <= place) markStart = begun.shift()!.start;
    return markStart >= wordStart;
  };
}

/**
 * `line` with `change` applied to its text outside code spans (a run of backticks closed by the
 * next run as long); `change` is also told whether the word running into that text holds a web
 * address. Read in one pass: each run of backticks is looked at once, as an opener and as a
 * closer (a line of thousands of unclosed or escaped runs took seconds when each opener sought
 * its closer, and its backslashes, from the start).
 */
function outsideCodeSpans(line: string, change: (text: string, addressRunsIn: boolean) => string): string {
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // the runs of each length, in order, and how far along each list a closer has been sought
  const byLength = new Map<number, number[]>();
  for (const [i, run] of runs.entries()) {
    const list = byLength.get(run.end - run.start);
    if (list) list.push(i);
    else byLength.set(run.end - run.start, [i]);
  }
  const sought = new Map<number, number>();
  const closerOf = (length: number, after: number): number | undefined => {
    const list = byLength.get(length);
    if (!list) return undefined;
    let at = sought.get(length) ?? 0;
    while (at < list.length && list[at]! <= after) at++;
    sought.set(length, at);
    return list[at];
  };
  const addressBefore = addressWords(line);
  let out = '';
  let from = 0;
  for (let i = 0; i < runs.length; i++) {
    const { start: runStart, end } = runs[i]!;
    // A backtick after an odd run of backslashes is a backtick, and the run opens after it.
    let slashes = 0;
    while (runStart - slashes > from && line[runStart - slashes - 1] === '\\') slashes++;
    const start = slashes % 2 ? runStart + 1 : runStart;
    if (start === end) continue;
    const close = closerOf(end - start, i);
    if (close === undefined) continue;
    const closer = runs[close]!;
    out += change(line.slice(from, start), addressBefore(from)) + line.slice(start, closer.end);
    from = closer.end;
    i = close;
  }
  return out + change(line.slice(from), addressBefore(from));
}
