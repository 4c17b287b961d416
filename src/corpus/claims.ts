/**
 * Figures compared: curated groups of numeric claims (content/claims.yaml), each quote
 * checked against the text of its source's passages. A quote that no longer occurs verbatim
 * (a typo, a re-normalisation) fails the build with the group, the source and the nearest
 * text, so the table can never silently point at nothing.
 */
import search from 'approx-string-match';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from './input-error';
import { slugSchema } from './schema';
import { parseYamlInput } from './yaml';

export const CLAIMS_FILE = 'content/claims.yaml';

/** A single value, or a range [low, high] ("between 12,000 and 15,000", "up to 7,500"). */
const valueSchema = z.union([
  z.number().nonnegative(),
  z
    .tuple([z.number().nonnegative(), z.number().nonnegative()])
    .refine(([low, high]) => low <= high, { message: 'a range is [low, high], low first' }),
]);

export const claimSchema = z.strictObject({
  /** The article's slug. */
  source: slugSchema,
  /** Words copied from one of the source's passages, exactly as the passage reads. */
  quote: z.string().min(8, 'quote at least a few words, so it finds one place'),
  /** The figure as the table shows it: "12,000–15,000", "tens of thousands". */
  figure: z.string().min(1),
  /** The figure as a number or range, when it has one: draws the bar that sets it against the others. */
  value: valueSchema.optional(),
  /** What the figure covers, if narrower than the group: "Iraq only", "as of December 2016". */
  note: z.string().optional(),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimGroupSchema = z.strictObject({
  id: slugSchema,
  label: z.string().min(1),
  /** What is counted, in a phrase: "ISIS fighters still in Iraq and Syria". */
  counts: z.string().min(1),
  note: z.string().optional(),
  claims: z.array(claimSchema).min(1),
});
export type ClaimGroup = z.infer<typeof claimGroupSchema>;

export const claimsFileSchema = z
  .strictObject({ groups: z.array(claimGroupSchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.groups.forEach((group, i) => {
      if (seen.has(group.id)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `duplicate group id "${group.id}"` });
      seen.add(group.id);
    });
  });
export type ClaimsFile = z.infer<typeof claimsFileSchema>;

/** A claim found in its source: the passage that carries the quote, and where in its text. */
export interface ResolvedClaim extends Claim {
  passageId: string;
  /** 0-based order of the passage in its article (for "¶n"). */
  passageOrder: number;
  start: number;
  end: number;
}
export interface ResolvedGroup extends Omit<ClaimGroup, 'claims'> {
  claims: ResolvedClaim[];
}

/** What the check needs of an article. */
export interface ClaimSource {
  slug: string;
  passages: { id: string; order: number; text: string }[];
}

/** A quote that could not be placed, said so that an editor can fix it. */
export interface ClaimProblem {
  group: string;
  source: string;
  /** Index of the claim in its group. */
  index: number;
  message: string;
}

/**
 * Finds every claim's quote in its source. Pure: returns the resolved groups and every
 * problem (unknown source, quote not found verbatim, with the nearest text when there is one).
 */
export function resolveClaims(file: ClaimsFile, sources: ClaimSource[]): { groups: ResolvedGroup[]; problems: ClaimProblem[] } {
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const problems: ClaimProblem[] = [];
  const groups = file.groups.map((group) => {
    const claims = group.claims.flatMap((claim, index): ResolvedClaim[] => {
      const fail = (message: string) => {
        problems.push({ group: group.id, source: claim.source, index, message });
        return [];
      };
      const source = bySlug.get(claim.source);
      if (!source) return fail(`unknown source "${claim.source}" (known: ${sources.map((s) => s.slug).join(', ')})`);
      for (const passage of source.passages) {
        const start = passage.text.indexOf(claim.quote);
        if (start >= 0) return [{ ...claim, passageId: passage.id, passageOrder: passage.order, start, end: start + claim.quote.length }];
      }
      const near = nearestText(claim.quote, source.passages);
      return fail(
        `the quote “${claim.quote}” is in none of its passages.` +
          (near ? ` Nearest: passage ${near.passageId} reads “${near.text}” (${near.errors} character${near.errors === 1 ? '' : 's'} differ).` : '') +
          ' Copy the words from the passage as it reads now.',
      );
    });
    return { ...group, claims };
  });
  return { groups, problems };
}

/** The closest approximate occurrence of a quote in some passage, if it is reasonably close. */
function nearestText(quote: string, passages: ClaimSource['passages']) {
  const maxErrors = Math.max(2, Math.floor(quote.length / 4));
  let best: { passageId: string; text: string; errors: number } | null = null;
  for (const passage of passages) {
    for (const match of search(passage.text, quote, maxErrors)) {
      if (!best || match.errors < best.errors) {
        best = { passageId: passage.id, text: passage.text.slice(match.start, match.end), errors: match.errors };
      }
    }
  }
  return best;
}

export class ClaimsError extends InputError {
  override name = 'ClaimsError';
}

/**
 * Reads, validates and checks the claims file against the corpus; throws a ClaimsError naming
 * the file, line, group and source of every problem. `file` is the path shown in messages.
 */
export function parseClaims(text: string, sources: ClaimSource[], file = CLAIMS_FILE): ResolvedGroup[] {
  const parsed = readClaimsYaml(text, file);
  const { where } = parsed;
  const { groups, problems } = resolveClaims(parsed.data, sources);
  if (problems.length) {
    const messages = problems.map((p) => {
      const group = parsed.data.groups.find((g) => g.id === p.group)!;
      const i = parsed.data.groups.indexOf(group);
      return `${where(['groups', i, 'claims', p.index, 'quote'])}: claim "${group.id}" (${group.label}), source "${p.source}": ${p.message}`;
    });
    const first = where(['groups', parsed.data.groups.findIndex((g) => g.id === problems[0]!.group), 'claims', problems[0]!.index, 'quote']);
    throw new ClaimsError(first, `${problems.length} claim${problems.length === 1 ? '' : 's'} not found in the text:\n${messages.join('\n')}`);
  }
  return groups;
}

function readClaimsYaml(text: string, file: string) {
  try {
    return parseYamlInput(text, claimsFileSchema, file);
  } catch (error) {
    throw error instanceof InputError ? new ClaimsError(error.where, error.problem) : error;
  }
}

export const loadClaims = (sources: ClaimSource[], file = CLAIMS_FILE) => parseClaims(readFileSync(file, 'utf8'), sources, file);

/** One table row: a group, with its claims per source column (empty: the source does not say). */
export interface ClaimRow {
  group: ResolvedGroup;
  cells: { source: string; claims: ResolvedClaim[] }[];
  /** The largest value in the row (the bars' scale), or null when fewer than two claims have values. */
  scale: number | null;
}

/** The table: one column per source that makes any claim (in the order given), one row per group. */
export function claimsTable(groups: ResolvedGroup[], sourceOrder: string[]): { sources: string[]; rows: ClaimRow[] } {
  const used = new Set(groups.flatMap((g) => g.claims.map((c) => c.source)));
  const sources = sourceOrder.filter((s) => used.has(s));
  const rows = groups.map((group) => {
    const valued = group.claims.filter((c) => c.value !== undefined);
    const scale = valued.length >= 2 ? valued.reduce((max, c) => Math.max(max, high(c.value!)), -Infinity) : null;
    return { group, cells: sources.map((source) => ({ source, claims: group.claims.filter((c) => c.source === source) })), scale };
  });
  return { sources, rows };
}

const low = (value: NonNullable<Claim['value']>) => (typeof value === 'number' ? value : value[0]);
const high = (value: NonNullable<Claim['value']>) => (typeof value === 'number' ? value : value[1]);

/** A claim's bar as fractions of the row's scale: solid up to the low end, lighter to the high end. */
export function claimBar(claim: Claim, scale: number | null): { low: number; high: number } | null {
  if (claim.value === undefined || !scale) return null;
  return { low: low(claim.value) / scale, high: high(claim.value) / scale };
}

/** The groups with a claim quoted from this stretch of a passage (to mark sentences already in the table). */
export function groupsQuoting(groups: ResolvedGroup[], passageId: string, start: number, end: number): ResolvedGroup[] {
  return groups.filter((g) => g.claims.some((c) => c.passageId === passageId && c.start < end && c.end > start));
}
