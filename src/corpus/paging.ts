/**
 * Pagination of the lists that grow with the dossier (a theme's sources, an entity's mentions,
 * the entity index): fixed-size pages, so a page's weight stays the same as the dossier grows.
 */

export interface Paged<T> {
  /** 1-based. */
  page: number;
  pages: number;
  items: T[];
  /** Index (0-based) of the page's first item in the whole list, and the list's length. */
  first: number;
  total: number;
  /** Items a page (the last may hold fewer). */
  size: number;
}

/** `items` cut into pages of `size`; an empty list is one empty page (the page still exists). */
export function paginate<T>(items: readonly T[], size: number): Paged<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`A page size must be a whole number of at least 1, not ${size}`);
  const pages = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pages }, (_, i) => ({
    page: i + 1,
    pages,
    items: items.slice(i * size, (i + 1) * size),
    first: i * size,
    total: items.length,
    size,
  }));
}

/** The page (1-based) that holds item `index` of a list cut into pages of `size`: the routes' own reckoning. */
export { pageOf } from '../contract/routes';

/**
 * A list's page size: `size`, or DOSSIER_PAGE_SIZE when the build sets it — every list then
 * holds that many items a page, to see pagination on a small dossier (the feature tests do).
 */
export function pageSize(size: number, env: Record<string, string | undefined> = process.env): number {
  const raw = env.DOSSIER_PAGE_SIZE;
  if (raw === undefined || raw === '') return size;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DOSSIER_PAGE_SIZE must be a whole number of at least 1, not "${raw}"`);
  return n;
}
