/**
 * Quote links: the text fragment syntax (https://wicg.github.io/scroll-to-text-fragment/)
 * after a passage id.
 *
 *   #cnn-3fa2c1:~:text=[prefix-,]textStart[,textEnd][,-suffix]
 *
 * Encoding and parsing only; matching and choosing a directive live with the anchoring code.
 * Never throws, whatever the address holds.
 */

export interface TextDirective {
  prefix?: string;
  textStart: string;
  textEnd?: string;
  suffix?: string;
}

export interface ParsedFragment {
  /** The element id before `:~:` (decoded), or '' when there is none. */
  id: string;
  directives: TextDirective[];
}

/** Percent-encodes one directive term: the spec reserves `&`, `,` and `-`, and the URL fragment needs the rest. */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** `text=…` for a directive (without the leading `:~:`). */
export function encodeTextDirective(d: TextDirective): string {
  const parts = [
    d.prefix ? `${encodeTerm(d.prefix)}-` : null,
    encodeTerm(d.textStart),
    d.textEnd ? encodeTerm(d.textEnd) : null,
    d.suffix ? `-${encodeTerm(d.suffix)}` : null,
  ];
  return `text=${parts.filter((p) => p !== null).join(',')}`;
}

/** The fragment part of a link to a passage, with an optional quote directive. */
export function passageFragment(passageId: string, directive?: TextDirective): string {
  return directive ? `#${passageId}:~:${encodeTextDirective(directive)}` : `#${passageId}`;
}

/** Reads a URL fragment (`#id:~:text=…&text=…`, with or without `#`). Malformed parts are skipped. */
export function parseFragment(hash: string): ParsedFragment {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const cut = raw.indexOf(':~:');
  const id = safeDecode(cut === -1 ? raw : raw.slice(0, cut)) ?? '';
  const directives: TextDirective[] = [];
  if (cut !== -1) {
    for (const part of raw.slice(cut + 3).split('&')) {
      if (!part.startsWith('text=')) continue;
      const directive = parseTextDirective(part.slice(5));
      if (directive) directives.push(directive);
    }
  }
  return { id, directives };
}

function parseTextDirective(value: string): TextDirective | null {
  const terms = value.split(',');
  if (terms.length === 0 || terms.length > 4) return null;
  let prefix: string | undefined;
  let suffix: string | undefined;
  // The dashes that mark prefix and suffix are literal; a dash inside a term is always %2D.
  if (terms.length > 1 && terms[0]!.endsWith('-')) prefix = terms.shift()!.slice(0, -1);
  if (terms.length > 1 && terms[terms.length - 1]!.startsWith('-')) suffix = terms.pop()!.slice(1);
  if (terms.length < 1 || terms.length > 2) return null;
  const raw = [prefix, terms[0], terms[1], suffix];
  // Any other literal dash is malformed (a term's own dashes are encoded as %2D).
  if (raw.some((t) => t?.includes('-'))) return null;
  const decoded = raw.map((t) => (t === undefined ? undefined : safeDecode(t)));
  if (decoded.some((t) => t === null || t === '') || !decoded[1]) return null;
  const directive: TextDirective = { textStart: decoded[1] };
  if (decoded[0]) directive.prefix = decoded[0];
  if (decoded[2]) directive.textEnd = decoded[2];
  if (decoded[3]) directive.suffix = decoded[3];
  return directive;
}

/** decodeURIComponent that answers null instead of throwing on a stray `%`. */
export function safeDecode(term: string): string | null {
  try {
    return decodeURIComponent(term);
  } catch {
    return null;
  }
}
