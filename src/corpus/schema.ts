/**
 * The dossier's data contracts, validated once at each boundary:
 * the source manifest (content/sources/sources.yaml) and the frontmatter the
 * normaliser writes into content/articles/*.md. Types are derived from these schemas.
 */
import { z } from 'zod';
import { ID_PREFIX_PATTERN, PASSAGE_ID_EXAMPLE, PASSAGE_ID_PATTERN } from '../contract/passage-id';

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

export const personSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().optional(),
  status: certaintySchema.default('verified'),
  note: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

/** A date known to the day, the month or the year ("2017-03-22", "2017-03", "2017"). */
export const publishedSchema = z
  .strictObject({
    value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD').nullable(),
    precision: z.enum(['day', 'month', 'year']),
    status: certaintySchema.default('verified'),
    note: z.string().optional(),
  })
  .refine(
    (d) => d.value === null || d.value.split('-').length === { year: 1, month: 2, day: 3 }[d.precision],
    { message: 'precision does not match the date value' },
  );
export type Published = z.infer<typeof publishedSchema>;

export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** One article's metadata as the manifest holds it. */
export const sourceEntrySchema = z.strictObject({
  slug: slugSchema,
  /** The raw text's file name in content/sources/. */
  file: z.string().regex(/\.txt$/),
  /** The file name the article was received under. */
  originalFile: z.string(),
  /** Prefix of every passage id of this article: `cnn` → `cnn-3fa2c1`. */
  idPrefix: z.string().regex(ID_PREFIX_PATTERN, 'a letter, then up to seven lower-case letters or digits'),
  outlet: z.string().min(1),
  republishedFrom: z
    .strictObject({ outlet: z.string(), headline: z.string(), status: certaintySchema.default('verified') })
    .optional(),
  headline: certain(z.string().min(1)),
  standfirst: z.string().nullable(),
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
