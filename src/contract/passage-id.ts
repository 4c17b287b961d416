/**
 * The passage id and its marker: the one place that says what an id looks like and how the
 * normalised markdown records it. Ids are a public API (permalinks, share pages, search hits,
 * annotation anchors), so the normaliser, the build and the browser all read them from here.
 *
 *   <!-- passage cnn-3fa2c1 -->
 *   The paragraph the id belongs to.
 *
 * Dependency-free: imported by Node scripts and browser code alike.
 */

/** An article's id prefix: a letter, then up to seven letters or digits (`cnn`, `bbc`, `ft2`). */
export const ID_PREFIX_PATTERN = /^[a-z][a-z0-9]{0,7}$/;

/** A passage id: the article's prefix, a hyphen, six or more lower-case hex digits. */
export const PASSAGE_ID_PATTERN = /^[a-z][a-z0-9]{0,7}-[0-9a-f]{6,}$/;

/** Shown in error messages next to a rejected id. */
export const PASSAGE_ID_EXAMPLE = 'cnn-3fa2c1';

export const isPassageId = (value: string): boolean => PASSAGE_ID_PATTERN.test(value);
export const isIdPrefix = (value: string): boolean => ID_PREFIX_PATTERN.test(value);

/**
 * The article prefix of a passage id (`cnn-3fa2c1` → `cnn`). Prefixes are unique in the
 * manifest, so this says which article a passage belongs to; null for a malformed id.
 */
export function idPrefixOf(passageId: string): string | null {
  return isPassageId(passageId) ? passageId.slice(0, passageId.indexOf('-')) : null;
}

/** The marker the normaliser writes before each passage's paragraph. */
export function passageMarker(id: string): string {
  return `<!-- passage ${id} -->`;
}

/** Any HTML comment whose first word is `passage`, spaced however a hand edit left it. */
const MARKER = /^<!--\s*passage(?:\s+([^\s>]*))?\s*-->$/;

/** A marker whose id is not a passage id (a hand edit gone wrong): the caller names file and line. */
export class MalformedPassageMarker extends Error {
  constructor(readonly raw: string) {
    super(`"${raw}" is a passage marker without a valid passage id (expected e.g. <!-- passage ${PASSAGE_ID_EXAMPLE} -->)`);
    this.name = 'MalformedPassageMarker';
  }
}

/**
 * Reads an HTML node's value: the passage id when it is a marker, null when it is some other
 * HTML. Tolerates the spacing a hand edit may leave; throws MalformedPassageMarker when it is
 * a marker with a missing or invalid id, so no reader ever skips or re-mints it silently.
 */
export function readPassageMarker(html: string): string | null {
  const match = MARKER.exec(html.trim());
  if (!match) return null;
  const id = match[1] ?? '';
  if (!isPassageId(id)) throw new MalformedPassageMarker(html.trim());
  return id;
}
