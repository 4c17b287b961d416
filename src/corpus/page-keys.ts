/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs):
 * a page whose key and code are the same as in the last build is not rendered again, its
 * previous output is reused. A key is a digest of everything the page shows, so it changes
 * exactly when the page would: give it every value the page renders, nothing less.
 */
import { createHash } from 'node:crypto';

export function pageKey(...shown: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url');
}
