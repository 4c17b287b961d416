/**
 * `npm run add` as a function: read each new file, draft its manifest entry, normalise
 * the whole corpus with it in a scratch copy of the sources folder, and only when all of
 * that succeeded copy the raw files in (byte for byte), append the entries to
 * sources.yaml and write content/articles/. On any failure content/ is left as it was.
 */
import { cp, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument, stringify } from 'yaml';
import { defaultCacheDir } from '../normalize/cache.ts';
import { normalizeCorpus, MANIFEST_NAME, type ArticleReport } from '../normalize/corpus.ts';
import { detectEncoding, decodeAs } from '../normalize/encoding.ts';
import { InputError } from '../../src/corpus/input-error.ts';
import { NormalizeError } from '../normalize/errors.ts';
import { textMetadata } from '../normalize/extract/text.ts';
import { sourceKind } from '../normalize/extract/types.ts';
import { parseManifest } from '../normalize/manifest.ts';
import { extractSource } from '../normalize/stages/extract-text.ts';
import { detectLanguage } from './detect-language.ts';
import { draftEntry, type DraftEntry, type FilledField, type Overrides } from './draft-entry.ts';

export interface AddOptions {
  files: string[];
  overrides: Overrides;
  sourcesDir?: string;
  outDir?: string;
  root?: string;
}

export interface AddedSource {
  entry: DraftEntry;
  filled: FilledField[];
  /** "content/sources/sources.yaml:142" — where to correct the entry */
  manifestLine: string;
  rawPath: string;
  report: ArticleReport;
  /** the pipeline's lines for this article (removals by rule, notes, warnings) */
  log: string[];
  /** "decoded as windows-1252 (detected)" and the like */
  notes: string[];
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

const utf8 = (bytes: Uint8Array) => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** @throws NormalizeError (or Error) with a message for people; nothing is written then */
export async function addSources(options: AddOptions): Promise<AddedSource[]> {
  const root = resolve(options.root ?? process.cwd());
  const sourcesDir = resolve(root, options.sourcesDir ?? 'content/sources');
  const outDir = resolve(root, options.outDir ?? 'content/articles');
  const show = (path: string) => relative(root, path).split(sep).join('/');
  const manifestPath = join(sourcesDir, MANIFEST_NAME);
  const manifestText = await readFile(manifestPath, 'utf8').catch(() => {
    throw new NormalizeError(show(manifestPath), 'not found: `npm run add` adds to an existing dossier (see the README).');
  });
  const manifest = parseManifest(manifestText, show(manifestPath));
  const takenSlugs = new Set(manifest.articles.map((a) => a.slug));
  const takenPrefixes = new Set(manifest.articles.map((a) => a.idPrefix));

  const drafts: { entry: DraftEntry; filled: FilledField[]; bytes: Uint8Array; notes: string[]; given: string }[] = [];
  for (const file of options.files) {
    const path = resolve(root, file);
    const kind = sourceKind(path);
    if (!kind) throw new NormalizeError(file, 'is not a kind of file Dossier reads: give a .txt, .md, .html, .htm or .pdf file.');
    const bytes = new Uint8Array(
      await readFile(path).catch((error: NodeJS.ErrnoException) => {
        throw new NormalizeError(file, error.code === 'ENOENT' ? 'no such file.' : `cannot read it (${error.code ?? error.message}).`);
      }),
    );
    if (bytes.length === 0) throw new NormalizeError(file, 'the file is empty.');
    const twin = drafts.find((draft) => sameBytes(draft.bytes, bytes));
    if (twin) throw new NormalizeError(file, `is the same file as ${twin.given}, given before it: nothing was added.`);
    for (const article of manifest.articles) {
      const existing = join(sourcesDir, article.file);
      // only a file of the same size is read and compared
      const size = await stat(existing).then((info) => info.size, () => -1);
      const known = size === bytes.length ? await readFile(existing).catch(() => null) : null;
      if (known && sameBytes(known, bytes)) {
        throw new NormalizeError(file, `is already in the dossier, byte for byte, as ${show(existing)} (the article "${article.slug}"): nothing was added.`);
      }
    }
    const notes: string[] = [];
    let text = '';
    let encoding: string | undefined;
    if (kind !== 'pdf') {
      const decoded = utf8(bytes);
      if (decoded !== null) text = decoded.replace(/^\uFEFF/, '');
      else {
        const detected = detectEncoding(bytes);
        if (!detected) throw new NormalizeError(file, 'is not UTF-8 and its encoding cannot be told. Re-save it as UTF-8 and add it again.');
        try {
          text = decodeAs(bytes, detected.encoding);
        } catch {
          throw new NormalizeError(file, `is not UTF-8, and not valid ${detected.encoding} either (the best guess). Re-save it as UTF-8 and add it again.`);
        }
        if (detected.how !== 'byte-order mark') encoding = detected.encoding;
        notes.push(`decoded as ${detected.encoding} (${detected.how}); recorded as \`encoding: ${detected.encoding}\` — check a few accented letters and quotes in the article`);
      }
    }
    const extracted = await extractSource(path, text, bytes, file);
    const metadata = extracted ? extracted.metadata : textMetadata(text);
    const { entry, filled } = (() => {
      try {
        const detected = metadata.language ? null : detectLanguage(extracted ? extracted.blocks.map((block) => block.text).join('\n') : text);
        return draftEntry({ path: file, metadata, overrides: options.overrides, takenSlugs, takenPrefixes, encoding, detected });
      } catch (error) {
        throw new NormalizeError(file, (error as Error).message);
      }
    })();
    takenSlugs.add(entry.slug);
    takenPrefixes.add(entry.idPrefix);
    drafts.push({ entry, filled, bytes, notes, given: file });
  }

  // Rehearse in a scratch copy of the sources folder: nothing in content/ changes yet. Each run
  // normalises only the new articles and those changed since the last run (the cache is keyed by
  // slug and inputs, not by folder); the rehearsals, in check mode, never write it.
  const cacheDir = defaultCacheDir(root);
  const scratch = await mkdtemp(join(tmpdir(), 'dossier-add-'));
  const appended = appendEntries(manifestText, drafts.map((d) => d.entry));
  try {
    await cp(sourcesDir, scratch, { recursive: true });
    for (const { entry, bytes } of drafts) await writeFile(join(scratch, entry.file), bytes);
    await writeFile(join(scratch, MANIFEST_NAME), appended);
    // A standfirst the layout shows but the file's metadata did not give: recorded as inferred.
    const rehearsal = await normalizeCorpus({ sourcesDir: scratch, outDir, root, check: true, cacheDir });
    for (const draft of drafts) {
      const report = rehearsal.articles.find((a) => a.slug === draft.entry.slug)!;
      if (draft.entry.standfirst === null && report.standfirstCandidate) {
        const { text, reason } = report.standfirstCandidate;
        draft.entry.standfirst = { value: text, status: 'inferred', note: reason };
        const row = draft.filled.find((f) => f.field === 'standfirst')!;
        Object.assign(row, { value: text, status: 'inferred', from: reason });
      }
    }
    await writeFile(join(scratch, MANIFEST_NAME), appendEntries(manifestText, drafts.map((d) => d.entry)));
    await normalizeCorpus({ sourcesDir: scratch, outDir, root, check: true, cacheDir });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // Name the file as it was given (a new one), or as it stands in content/sources/.
    const where = error.where.replace(scratch, show(scratch));
    const draft = drafts.find(({ entry }) => where === show(join(scratch, entry.file)) || where.startsWith(`${show(join(scratch, entry.file))}:`));
    const given = draft ? where.replace(show(join(scratch, draft.entry.file)), draft.given) : where.replace(show(scratch), show(sourcesDir));
    const problem = draft ? error.problem.replace(/,? or remove its entry from sources\.yaml/, '') : error.problem;
    throw new NormalizeError(given, problem);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  // For real: raw files (never over an existing one), then the manifest, then the articles.
  const finalManifest = appendEntries(manifestText, drafts.map((d) => d.entry));
  const written: string[] = [];
  try {
    for (const { entry, bytes } of drafts) {
      const target = join(sourcesDir, entry.file);
      if (await stat(target).then(() => true, () => false)) throw new NormalizeError(show(target), 'already exists; nothing was added. Remove it or add the file under another name.');
      await writeFile(target, bytes, { flag: 'wx' });
      written.push(target);
    }
    const tmp = `${manifestPath}.add-${process.pid}`;
    await writeFile(tmp, finalManifest);
    await rename(tmp, manifestPath);
    const log: string[] = [];
    const result = await normalizeCorpus({ sourcesDir, outDir, root, verbose: true, log: (line) => log.push(line), cacheDir });
    const lines = manifestLines(finalManifest);
    return drafts.map(({ entry, filled, notes }) => ({
      entry,
      filled,
      notes,
      manifestLine: `${show(manifestPath)}:${lines.get(entry.slug) ?? '?'}`,
      rawPath: show(join(sourcesDir, entry.file)),
      report: result.articles.find((a) => a.slug === entry.slug)!,
      log: log.filter((line) => line.includes(`] ${entry.slug}: `)),
    }));
  } catch (error) {
    // Put everything back as it was.
    for (const path of written) await rm(path, { force: true });
    await writeFile(manifestPath, manifestText);
    throw error;
  }
}

/** The manifest's text with the entries appended to `articles:` (the rest untouched, comments and all). */
export function appendEntries(manifestText: string, entries: DraftEntry[]): string {
  const doc = parseDocument(manifestText);
  const contents = doc.contents as { items?: { key: { value?: unknown } }[] } | null;
  const last = contents?.items?.at(-1);
  const block = stringify(entries, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' })
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
  if (last?.key?.value === 'articles') {
    return `${manifestText.replace(/\s*$/, '\n')}\n${block}`.replace(/\n*$/, '\n');
  }
  // `articles:` is not the last key: let the YAML library place the entries (comments kept).
  for (const entry of entries) doc.addIn(['articles'], doc.createNode(entry));
  return doc.toString({ lineWidth: 0 });
}

/** slug → the line its entry starts on. */
function manifestLines(text: string): Map<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const map = new Map<string, number>();
  const articles = doc.get('articles', true) as { items?: { range?: [number, number, number]; get?: (key: string) => unknown }[] } | undefined;
  for (const item of articles?.items ?? []) {
    const slug = item.get?.('slug');
    if (typeof slug === 'string' && item.range) map.set(slug, lineCounter.linePos(item.range[0]).line);
  }
  return map;
}

