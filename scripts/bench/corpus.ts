/**
 * The synthetic corpus: N raw articles made from the real dossier, deterministic from a seed,
 * for timing the pipeline at sizes the real dossier does not reach.
 *
 * What is kept from the real articles (their "material"):
 *   - sentences, recombined across articles into paragraphs whose sentence counts follow
 *     the real paragraphs' distribution, and articles whose paragraph counts follow the
 *     real articles' (about 30 a piece, so 1,000 articles ≈ 30,000 passages);
 *   - section headings (the normaliser's `##` lines), between every few paragraphs of the
 *     articles that have them, as three of the five real ones do;
 *   - boilerplate: the raw lines the normaliser removed (captions, credits, furniture),
 *     mixed in so the normaliser has its usual work to do;
 *   - both raw layouts (blank-line paragraphs, one paragraph per line), and a few
 *     no-break spaces, as in the raw files.
 * Names are varied: in each article a share of the capitalised words is replaced, the same
 * way throughout that article, by names drawn from a pool of made-up ones, so a bigger
 * corpus has more, but recurring, names — as a real one would.
 *
 * Pure: material in, manifest + texts out. The bench reads and writes the files.
 */
import { manifestSchema, standfirstText, type Manifest, type SourceEntry } from '../../src/corpus/schema';
import { createRandom, type Random } from './random';

/** One real article, raw and normalised. */
export interface RealArticle {
  entry: SourceEntry;
  /** The raw text, as received. */
  raw: string;
  /** The normalised passages' plain text, in order. */
  passages: string[];
  /** The normalised section headings. */
  headings: string[];
}

export interface Material {
  sentences: string[];
  /** Sentences per real paragraph, one entry per paragraph (a distribution to draw from). */
  sentencesPerParagraph: number[];
  /** Paragraphs per real article. */
  paragraphsPerArticle: number[];
  headings: string[];
  /** Runs of consecutive raw lines the normaliser removed, kept together (a promo box is one run). */
  boilerplate: string[][];
  /** Capitalised words that may be swapped for made-up names. */
  names: string[];
}

export interface SyntheticArticle {
  entry: SourceEntry;
  /** The raw text to write as content/sources/<entry.file>. */
  text: string;
}

export interface SyntheticCorpus {
  manifest: Manifest;
  articles: SyntheticArticle[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Splits a paragraph into sentences, without breaking after initials and common abbreviations. */
export function splitSentences(paragraph: string): string[] {
  const text = collapse(paragraph);
  const out: string[] = [];
  let start = 0;
  const boundary = /[.?!][”"’')\]]*\s+(?=[“"‘'(\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    const before = text.slice(start, end);
    // "Colin P. Clarke", "U.S. officials", "Dr. Vidino": not the end of a sentence.
    if (/(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|No|Gen|Col|Lt|Sgt|U\.S|U\.K|U\.N|vs)\.$/u.test(before)) continue;
    out.push(before.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter((s) => s.split(' ').length >= 3);
}

/** Raw paragraphs: blank-line separated, or one per line when the file has no blank lines between them. */
export function rawParagraphs(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, '\n');
  const blocks = text.split(/\n[ \t\u00a0]*\n/);
  const parts = blocks.length > 3 ? blocks : text.split('\n');
  return parts.map(collapse).filter(Boolean);
}

const NAME_WORD = /(?<=[\s“"‘(])\p{Lu}[\p{Ll}’'-]{2,}\b/gu;

/** What the generator draws from, learnt from the real articles. */
export function materialFrom(real: RealArticle[]): Material {
  const sentences = new Set<string>();
  const sentencesPerParagraph: number[] = [];
  const headings = new Set<string>();
  const boilerplate = new Map<string, string[]>();
  const names = new Set<string>();
  // Lines that belong to one article (its headline, standfirst, people) would be noise elsewhere.
  const own = (line: string, entry: SourceEntry) =>
    [entry.headline.value, standfirstText(entry.standfirst)].includes(line) ||
    [...entry.authors, ...entry.contributors].some((p) => p.name.split(' ').some((w) => w.length > 3 && line.includes(w)));

  for (const article of real) {
    const kept = new Set([...article.passages, ...article.headings].map(collapse));
    for (const passage of article.passages) {
      const split = splitSentences(passage);
      if (!split.length) continue;
      sentencesPerParagraph.push(split.length);
      for (const sentence of split) {
        sentences.add(sentence);
        for (const m of sentence.matchAll(NAME_WORD)) names.add(m[0]);
      }
    }
    for (const heading of article.headings) headings.add(collapse(heading));
    let run: string[] = [];
    const endRun = () => {
      if (run.length) boilerplate.set(run.join('\n'), run);
      run = [];
    };
    for (const line of rawParagraphs(article.raw)) {
      if (kept.has(line)) endRun();
      else if (!own(line, article.entry)) run.push(line);
    }
    endRun();
  }
  if (!sentences.size) throw new Error('The real articles gave no sentences: are content/articles/*.md normalised?');
  return {
    sentences: [...sentences],
    sentencesPerParagraph,
    paragraphsPerArticle: real.map((a) => a.passages.length).filter((n) => n > 0),
    headings: [...headings],
    boilerplate: [...boilerplate.values()],
    names: [...names].filter((n) => n !== n.toUpperCase()),
  };
}

const OUTLETS = [
  'CNN', 'Defense One', 'BBC News', 'InsideOver', 'Financial Times', 'The Meridian Review', 'Northgate Post',
  'The Harbour Gazette', 'Atlas Monitor', 'The Civic Ledger', 'Frontline Weekly', 'The Observer Desk',
  'Lantern News', 'Crossroads Journal', 'The Quarterly Brief', 'Riverside Times', 'Signal & Noise',
  'The Policy Wire', 'Eastbank Chronicle', 'Open Brief',
];

const SYLLABLES = ['ka', 'ri', 'mo', 'tal', 'ven', 'sa', 'dor', 'li', 'mar', 'ne', 'zu', 'bel', 'ha', 'rin', 'to', 'gal', 'sor', 'mi', 'den', 'ab'];

function madeUpName(random: Random): string {
  const word = Array.from({ length: random.int(2, 3) }, () => random.pick(SYLLABLES)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

function nameVariation(material: Material, pool: string[], random: Random): Map<string, string> {
  const swaps = new Map<string, string>();
  for (const name of material.names) if (random.chance(0.25)) swaps.set(name, random.pick(pool));
  return swaps;
}

function applyNames(sentence: string, swaps: Map<string, string>): string {
  return sentence.replace(NAME_WORD, (word) => swaps.get(word) ?? word);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function entryFor(index: number, count: number, material: Material, random: Random, people: string[]): SourceEntry {
  const number = pad(index + 1, Math.max(4, String(count).length));
  const slug = `synthetic-${number}`;
  const words = random.pick(material.sentences).replace(/[.?!”"’]+$/, '').split(' ');
  const headline = words.slice(0, Math.min(words.length, random.int(5, 11))).join(' ').replace(/[,;:–—-]+$/, '');
  const year = random.int(2016, 2021);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return {
    slug,
    file: `${slug}.txt`,
    originalFile: `${slug}.txt`,
    idPrefix: `s${(index + 1).toString(36)}`,
    outlet: random.pick(OUTLETS),
    headline: { value: headline, status: 'verified' },
    standfirst: random.chance(0.2) ? random.pick(material.sentences) : null,
    authors: Array.from({ length: random.int(1, 2) }, () => ({ name: random.pick(people), status: 'verified' as const })),
    contributors: [],
    published: { value: `${year}-${pad(month, 2)}-${pad(day, 2)}`, precision: 'day', status: 'verified' },
    url: { value: `https://example.org/${slug}/`, status: 'verified' },
    completeness: 'complete',
  };
}

function articleText(entry: SourceEntry, material: Material, random: Random, namePool: string[], scale: number): string {
  const swaps = nameVariation(material, namePool, random);
  const jitter = 0.7 + random.next() * 0.6;
  const paragraphs = Math.max(3, Math.round(random.pick(material.paragraphsPerArticle) * scale * jitter));
  const withHeadings = material.headings.length > 0 && random.chance(0.6);
  const blocks: string[] = [];
  if (random.chance(0.5)) blocks.push(entry.headline.value!);
  const standfirst = standfirstText(entry.standfirst);
  if (standfirst) blocks.push(standfirst);

  let nextHeading = random.int(3, 8);
  for (let p = 0; p < paragraphs; p++) {
    if (withHeadings && p === nextHeading) {
      blocks.push(random.pick(material.headings));
      nextHeading += random.int(4, 9);
    }
    const sentences = Array.from({ length: random.pick(material.sentencesPerParagraph) }, () =>
      applyNames(random.pick(material.sentences), swaps),
    );
    let paragraph = sentences.join(' ');
    if (random.chance(0.05)) paragraph = paragraph.replace(' ', '\u00a0'); // the raw files' stray no-break spaces
    blocks.push(paragraph);
  }
  if (material.boilerplate.length) {
    for (let b = random.int(0, 4); b > 0; b--) {
      blocks.splice(random.int(1, blocks.length), 0, ...random.pick(material.boilerplate));
    }
  }
  // Four real files separate paragraphs with blank lines (sometimes several), one puts one per line.
  if (random.chance(0.2)) return `${blocks.join('\n')}\n`;
  return `${blocks.map((b) => b + '\n'.repeat(random.chance(0.15) ? 3 : 1)).join('\n')}`;
}

export interface GenerateOptions {
  seed?: string | number;
  /**
   * Average paragraphs per article. The real articles' counts keep their spread but are
   * scaled to this mean (default 30, so 1,000 articles ≈ 30,000 passages).
   */
  meanParagraphs?: number;
}

/** `count` synthetic articles from the material, the same for the same seed. */
export function generateCorpus(material: Material, count: number, options: GenerateOptions = {}): SyntheticCorpus {
  const { seed = 1, meanParagraphs = 30 } = options;
  if (!Number.isInteger(count) || count < 1) throw new Error(`The corpus size must be a whole number ≥ 1 (got ${count})`);
  const random = createRandom(`dossier-bench:${seed}`);
  const counts = material.paragraphsPerArticle;
  const scale = meanParagraphs / (counts.reduce((a, b) => a + b, 0) / counts.length);
  const namePool = Array.from({ length: 400 + count * 2 }, () => madeUpName(random));
  const people = Array.from({ length: 60 + Math.ceil(count / 4) }, () => `${madeUpName(random)} ${madeUpName(random)}`);
  const articles = Array.from({ length: count }, (_, i) => {
    const entry = entryFor(i, count, material, random, people);
    return { entry, text: articleText(entry, material, random, namePool, scale) };
  });
  const manifest = manifestSchema.parse({
    title: `Synthetic dossier (${count} articles, seed ${seed})`,
    description: 'Made by `npm run bench` from the real dossier’s sentences, headings and boilerplate, to time the pipeline.',
    articles: articles.map((a) => a.entry),
  });
  return { manifest, articles };
}
