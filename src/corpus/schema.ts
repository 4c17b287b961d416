/**
 * The dossier's data contracts, validated once at each boundary:
 * the source manifest (content/sources/sources.yaml) and the frontmatter the
 * normaliser writes into content/articles/*.md. Types are derived from these schemas.
 */
import { z } from 'zod';
import { ID_PREFIX_PATTERN, PASSAGE_ID_EXAMPLE, PASSAGE_ID_PATTERN } from '../contract/passage-id';
import { canonicalLanguage } from '../contract/language';

/** How sure we are of a value (see content/sources/sources.yaml for the meanings). */
export const certaintySchema = z.enum([
  'verified',
  'secondary',
  'single-source',
  'inferred',
  'estimate',
  'unknown',
]);
export type Certainty = z.infer<typeof certaintySchema>;

const certain = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value: value.nullable(),
    status: certaintySchema.default('verified'),
    note: z.string().optional(),
  });

/**
 * A person as the article names them. `honorific` (Dr, Prof, Gen…) and `role` are kept
 * apart from `name`, so author lists and citations use the name alone while the byline
 * can show the honorific where the article does.
 */
export const personSchema = z.strictObject({
  name: z.string().min(1),
  honorific: z.string().min(1).optional(),
  role: z.string().optional(),
  status: certaintySchema.default('verified'),
  note: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why "YYYY", "YYYY-MM" or "YYYY-MM-DD" is not a real date, or null when it is one
 * ("2017-02-30": February 2017 has 28 days; "2017-13-45": there is no month 13).
 */
export function impossibleDate(value: string): string | null {
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return null;
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day === undefined) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  return null;
}

/** A date known to the day, the month or the year ("2017-03-22", "2017-03", "2017"). */
export const publishedSchema = z
  .strictObject({
    value: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD (a form like 03/04/2017 is ambiguous)')
      .superRefine((value, ctx) => {
        const problem = impossibleDate(value);
        if (problem) ctx.addIssue({ code: 'custom', message: `"${value}" is not a date: ${problem}` });
      })
      .nullable(),
    precision: z.enum(['day', 'month', 'year']),
    status: certaintySchema.default('verified'),
    note: z.string().optional(),
  })
  .refine(
    (d) => d.value === null || d.value.split('-').length === { year: 1, month: 2, day: 3 }[d.precision],
    { message: 'precision does not match the date value' },
  );
export type Published = z.infer<typeof publishedSchema>;

/** The kinds of raw file the normaliser reads. */
export const SOURCE_FILE_PATTERN = /\.(txt|md|html?|pdf)$/i;

/** The standfirst's text, whichever form the manifest gives it in. */
export const standfirstText = (standfirst: string | { value: string | null } | null): string | null =>
  typeof standfirst === 'string' ? standfirst : (standfirst?.value ?? null);

export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** One article's metadata as the manifest holds it. */
export const sourceEntrySchema = z.strictObject({
  slug: slugSchema,
  /** The raw file's name in content/sources/: plain text, Markdown, a saved web page or a PDF. */
  file: z.string().regex(SOURCE_FILE_PATTERN, 'a .txt, .md, .html, .htm or .pdf file name'),
  /**
   * The text encoding of a .txt/.md/.html file that is not UTF-8 (e.g. windows-1252),
   * as `npm run add` detected it; the normaliser decodes with it and says so.
   */
  encoding: z.string().optional(),
  /** The file name the article was received under. */
  originalFile: z.string(),
  /**
   * The language the article is written in, a BCP 47 tag (`fr`, `ar`, `pt-BR`), when it is not
   * the dossier's (English): its words are marked with it on every page (src/corpus/language.ts).
   */
  language: z
    .string()
    .refine((tag) => canonicalLanguage(tag) === tag, 'a BCP 47 language tag in its canonical form, such as fr, ar or pt-BR')
    .optional(),
  /** Prefix of every passage id of this article: `cnn` → `cnn-3fa2c1`. */
  idPrefix: z.string().regex(ID_PREFIX_PATTERN, 'a letter, then up to seven lower-case letters or digits'),
  outlet: z.string().min(1),
  republishedFrom: z
    .strictObject({ outlet: z.string(), headline: z.string(), status: certaintySchema.default('verified') })
    .optional(),
  headline: certain(z.string().min(1)),
  /** The sub-headline: a string (verified) or a value with its certainty; null when there is none. */
  standfirst: z.union([z.string().min(1), certain(z.string().min(1))]).nullable(),
  authors: z.array(personSchema),
  /** Set when the authors are not known at all (an empty list then means "unknown", not "none"). */
  authorsStatus: certaintySchema.optional(),
  contributors: z.array(personSchema).default([]),
  published: publishedSchema,
  url: certain(z.url()),
  completeness: z.enum(['complete', 'excerpt']),
  completenessNote: z.string().optional(),
});
export type SourceEntry = z.infer<typeof sourceEntrySchema>;

export const manifestSchema = z
  .strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    articles: z.array(sourceEntrySchema).min(1),
  })
  .superRefine((m, ctx) => {
    for (const key of ['slug', 'file', 'idPrefix'] as const) {
      const seen = new Map<string, number>();
      m.articles.forEach((a, i) => {
        const first = seen.get(a[key]);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['articles', i, key],
            message: `duplicate ${key} "${a[key]}" (also used by article ${first + 1})`,
          });
        } else seen.set(a[key], i);
      });
    }
  });
export type Manifest = z.infer<typeof manifestSchema>;

/** A passage id: the article's prefix, a hyphen and at least six hex digits. */
export const passageIdSchema = z.string().regex(PASSAGE_ID_PATTERN, `a passage id such as ${PASSAGE_ID_EXAMPLE}`);
export type PassageId = z.infer<typeof passageIdSchema>;

/** Frontmatter of a normalised article: the manifest entry plus computed fields. */
export const articleFrontmatterSchema = sourceEntrySchema.omit({ file: true }).extend({
  /** Path of the raw text, relative to the project root. */
  source: z.string(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().positive(),
  passageCount: z.number().int().nonnegative(),
  /** Passage ids the normaliser has retired, each mapped to the nearest surviving passage. */
  retiredIds: z.record(passageIdSchema, passageIdSchema).default({}),
});
export type ArticleFrontmatter = z.infer<typeof articleFrontmatterSchema>;
