/**
 * Schemas of the analysis layer's hand-written data files, validated once when read:
 *   content/themes.yaml           the theme taxonomy and its matching rules
 *   content/theme-overrides.yaml  an editor's per-passage corrections
 *   content/entities.yaml         canonical entities, their aliases, and stop-entities
 * Types are derived from these schemas.
 */
import { z } from 'zod';
import { passageIdSchema } from './schema';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb');
export const themeIdSchema = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'lower-case words joined by hyphens');

/**
 * A phrase is matched on word stems, so "fighter" also matches "fighters" and
 * "radicalise" matches "radicalized". Words are separated by spaces; `*` stands for up to
 * three intervening words ("lose * territory" matches "losing its territory"); `=word`
 * matches that word form exactly, not its stem (`=virtual` does not match "virtually").
 */
const phrase = z
  .string()
  .trim()
  .min(1)
  .refine((p) => !/^\*|\*$/.test(p), { message: 'a phrase cannot start or end with *' });

export const themeSchema = z.strictObject({
  id: themeIdSchema,
  label: z.string().min(1),
  description: z.string().min(1),
  /** Colour of the theme's mark on a light background. */
  color: hexColour,
  /** Colour on a dark background, when `color` does not work there. */
  colorDark: hexColour.optional(),
  /** Score a passage needs to carry this theme (default: the file's `threshold`). */
  threshold: z.number().positive().optional(),
  /** Phrase → weight. A phrase counts at most twice per passage; negative weights count against. */
  match: z.record(phrase, z.number()).refine((m) => Object.keys(m).length > 0, {
    message: 'a theme needs at least one phrase to match',
  }),
  /**
   * Phrase → weight, counted only when one of the `match` phrases (positive weight) occurs in
   * the passage too: words that say something about the theme's subject without naming it
   * ("thousands", "an estimate" — of what?).
   */
  support: z.record(phrase, z.number().positive()).default({}),
  /** Phrases that, when present, keep the theme off a passage whatever its score. */
  exclude: z.array(phrase).default([]),
});
export type Theme = z.infer<typeof themeSchema>;

export const themesFileSchema = z
  .strictObject({
    threshold: z.number().positive(),
    /** Share of its weight a phrase counts for in a background clause ("As the group loses ground, …"); 1 = as much as anywhere. */
    background: z.number().min(0).max(1).default(1),
    /** Shares of a theme's score a passage borrows from its surroundings (0 = none). */
    context: z
      .strictObject({
        /** …from its section heading. */
        section: z.number().min(0).max(1).default(0),
        /** …from the previous passage of the same article. */
        previous: z.number().min(0).max(1).default(0),
        /** …as a share of a threshold, for each theme the previous passage carries, when the passage opens by referring back to it ("they…"). */
        continuation: z.number().min(0).max(1).default(0),
      })
      .default({ section: 0, previous: 0, continuation: 0 }),
    /** How the scores become tags, beyond each theme's threshold. */
    decision: z
      .strictObject({
        /**
         * A theme that reaches its threshold applies only if its score (as a share of its
         * threshold) is at least this share of the passage's best theme's: a passing mention
         * beside the passage's real subject does not tag it. 0 = every theme over threshold.
         */
        relative: z.number().min(0).max(1).default(0),
        /**
         * A passage that reaches no threshold still takes its best theme when that theme has
         * at least this share of its threshold; below that the passage is off-topic.
         * 1 = no fallback.
         */
        fallback: z.number().min(0).max(1).default(1),
      })
      .default({ relative: 0, fallback: 1 }),
    themes: z.array(themeSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.themes.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `duplicate theme id "${t.id}"` });
      seen.add(t.id);
    });
  });
export type ThemesFile = z.infer<typeof themesFileSchema>;

const passageId = passageIdSchema;

export const themeOverrideSchema = z
  .strictObject({
    add: z.array(themeIdSchema).default([]),
    remove: z.array(themeIdSchema).default([]),
  })
  .refine((o) => !o.add.some((t) => o.remove.includes(t)), {
    message: 'a theme cannot be both added and removed',
  });
export type ThemeOverride = z.infer<typeof themeOverrideSchema>;

/** `{ <passage id>: { add: [...], remove: [...] } }`; an empty file means no overrides. */
export const themeOverridesSchema = z.record(passageId, themeOverrideSchema);
export type ThemeOverrides = z.infer<typeof themeOverridesSchema>;

export const entityKindSchema = z.enum(['person', 'place', 'organization']);
export type EntityKind = z.infer<typeof entityKindSchema>;

export const entityAliasSchema = z.strictObject({
  /** The one name the dossier shows. */
  name: z.string().min(1),
  kind: entityKindSchema,
  /** Other spellings found in the text; each is also searched for directly. */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * Aliases matched case-sensitively only (e.g. "IS", which would otherwise match the verb).
   * Every other alias matches regardless of case.
   */
  caseSensitive: z.array(z.string().min(1)).default([]),
  /** Set to false when the name itself is ambiguous in running text ("al-Qaeda in Iraq"). */
  matchName: z.boolean().default(true),
  /**
   * Words for the place's people and adjectives ("Egyptian", "Moroccans", "the Soviets"):
   * each is a mention of the place, matched as written (capitalised), so pages count every
   * source that discusses the country however it names it.
   */
  demonyms: z.array(z.string().regex(/^\p{Lu}/u, 'a demonym is written with a capital ("Egyptian")')).default([]),
});
export type EntityAlias = z.infer<typeof entityAliasSchema>;

export const entitiesFileSchema = z
  .strictObject({
    entities: z.array(entityAliasSchema),
    /** Names compromise reports as entities that are not (case-insensitive, whole span). */
    stopEntities: z.array(z.string().min(1)).default([]),
  })
  .superRefine((file, ctx) => {
    const owner = new Map<string, string>();
    file.entities.forEach((e, i) => {
      for (const alias of [e.name, ...e.aliases, ...e.caseSensitive, ...e.demonyms]) {
        const key = alias.toLowerCase();
        const prev = owner.get(key);
        if (prev !== undefined && prev !== e.name) {
          ctx.addIssue({
            code: 'custom',
            path: ['entities', i],
            message: `"${alias}" is claimed by both "${prev}" and "${e.name}"`,
          });
        }
        owner.set(key, e.name);
      }
    });
  });
export type EntitiesFile = z.infer<typeof entitiesFileSchema>;
