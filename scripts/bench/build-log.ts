/**
 * Reading `astro build`'s output: how long each route took to render.
 *
 * Astro writes one line per page, `  ├─ /p/abc-123456/index.html (+2ms)`, coloured even when
 * FORCE_COLOR=0 (its colours do not read that variable), with times of a second or more as
 * `(+1.23s)` and of a minute or more as `(+1m 5s)`. A page served from Astro's cache says
 * `(cached)` instead, and has no time.
 */

/** Astro's colour codes (SGR sequences). */
const ANSI = /\x1b\[[0-9;]*m/g;
const ROUTE = /[├└]─ (\/\S*) \(\+(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)\)/g;

export const stripAnsi = (text: string) => text.replace(ANSI, '');

export interface RouteTime {
  /** The file written, from the site's root: `/p/abc-123456/index.html`. */
  file: string;
  ms: number;
}

/** Every rendered route in a build's output with its render time, in the order logged. */
export function routeRenderTimes(buildOutput: string): RouteTime[] {
  return Array.from(stripAnsi(buildOutput).matchAll(ROUTE), (m) => ({
    file: m[1]!,
    ms: Math.round(Number(m[2] ?? 0) * 60_000 + Number(m[3]) * (m[4] === 's' ? 1000 : 1)),
  }));
}
