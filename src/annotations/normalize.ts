/**
 * Any conforming annotation on one of this site's articles → Dossier's record
 * shape (./model): one target with a list of selectors, body as a list (from
 * `body` or `bodyValue`), `modified` defaulting to `created`. Keys Dossier does
 * not use are kept, so they come back on export. Refuses, with a reason, what
 * does not conform or is about another site's page or about no quoted text.
 */
import { parseRoute } from '../contract/routes';
import { type Annotation, type Body, type StoredSelector, type Target, upgradeRecord } from './model';
import { conformingAnnotationSchema, describeIssue } from './schema';

export type Normalized = { ok: true; annotation: Annotation } | { ok: false; reason: string };


export function normalizeAnnotation(value: unknown): Normalized {
  const input = isLegacyDossier(value) ? upgradeRecord(value) : value;
  const parsed = conformingAnnotationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error, input) };
  const a = parsed.data as Record<string, unknown>;

  const targets = [a.target].flat();
  if (targets.length !== 1) return { ok: false, reason: `target: Dossier places an annotation on one passage; this one has ${targets.length} targets` };
  const target = toTarget(targets[0]);
  if (typeof target === 'string') return { ok: false, reason: target };

  const { bodyValue, body, target: _t, ...rest } = a;
  const bodies: Body[] = body === undefined ? [] : ([body].flat() as Body[]);
  if (typeof bodyValue === 'string') bodies.push({ type: 'TextualBody', value: bodyValue });
  const annotation = { ...rest, ...(bodies.length ? { body: bodies } : {}), target } as Annotation;
  if (annotation.modified === undefined && annotation.created !== undefined) annotation.modified = annotation.created;
  return { ok: true, annotation: upgradeRecord(annotation) };
}

/**
 * A record exported by an earlier version of Dossier: an empty body list and no
 * stylesheet (which the model does not allow), flat selectors. Upgraded rather
 * than refused, so old backups still restore.
 */
function isLegacyDossier(value: unknown): value is Annotation {
  const a = value as Partial<Annotation> | null;
  if (!a || typeof a !== 'object' || typeof a.target !== 'object' || a.target === null || Array.isArray(a.target)) return false;
  const flat = Array.isArray(a.target.selector) && a.target.selector.some((s) => s?.type === 'FragmentSelector') && a.target.selector.some((s) => s?.type === 'TextPositionSelector');
  return flat && /^highlight-\w+$/.test(String(a.target.styleClass ?? ''));
}

function toTarget(raw: unknown): Target | string {
  if (typeof raw === 'string') {
    return articlePath(raw)
      ? 'target: it names a whole page, with no TextQuoteSelector saying which words it is about'
      : `target: ${shorten(raw)} is not an article of this site (expected …/articles/<slug>/)`;
  }
  const t = raw as Record<string, unknown>;
  const source = typeof t.source === 'string' ? t.source : typeof t.id === 'string' ? t.id : '';
  const path = articlePath(source);
  if (!path) return `target.source: ${shorten(source || '(none)')} is not an article of this site (expected …/articles/<slug>/)`;
  const selectors = (t.selector === undefined ? [] : [t.selector].flat()) as StoredSelector[];
  // A passage named only in the source's fragment (…/articles/x/#cnn-3fa2c1) becomes a FragmentSelector.
  const hash = fragmentOf(source);
  if (hash && !selectors.some((s) => s.type === 'FragmentSelector')) selectors.unshift({ type: 'FragmentSelector', value: hash });
  const hasQuote = (list: readonly unknown[]): boolean =>
    list.some((s) => {
      const sel = s as { type: string; refinedBy?: unknown };
      return sel.type === 'TextQuoteSelector' || (sel.refinedBy !== undefined && hasQuote([sel.refinedBy].flat()));
    });
  if (!hasQuote(selectors)) return 'target.selector: no TextQuoteSelector, so Dossier cannot tell which words it is about';
  const { source: _s, id: _id, selector: _sel, ...others } = t;
  const sourceWithoutHash = hash ? source.slice(0, source.indexOf('#')) : source;
  return { ...others, source: sourceWithoutHash, selector: selectors } as Target;
}

function articlePath(address: string): string | null {
  try {
    const url = new URL(address);
    return /^https?:$/.test(url.protocol) && parseRoute(url.pathname)?.page === 'article' ? url.pathname : null;
  } catch {
    return null;
  }
}

function fragmentOf(address: string): string | null {
  const at = address.indexOf('#');
  if (at === -1) return null;
  try {
    return decodeURIComponent(address.slice(at + 1)) || null;
  } catch {
    return null;
  }
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
