/**
 * Which text encoding a file is in, when it is not UTF-8. A byte-order mark or the
 * pattern of zero bytes settles UTF-16; otherwise chardet (a maintained statistical
 * detector) guesses. The guess is only ever used to *name* the encoding: the normaliser
 * decodes a non-UTF-8 file only when sources.yaml says which encoding it is in, so a
 * wrong guess can never garble an article silently.
 */
import chardet from 'chardet';

export interface DetectedEncoding {
  /** a WHATWG encoding label TextDecoder accepts, e.g. "windows-1252", "utf-16le" */
  encoding: string;
  /** how it was found: "byte-order mark", "zero bytes", "detected" */
  how: string;
}

/** UTF-16 without a byte-order mark: most ASCII characters have a zero byte beside them. */
export function utf16ByZeros(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd / pairs > 0.3 && even / pairs < 0.05) return 'utf-16le';
  if (even / pairs > 0.3 && odd / pairs < 0.05) return 'utf-16be';
  return null;
}

/** The UTF-16 encoding a byte-order mark announces, or null. */
export function utf16Bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding | null {
  const bom = utf16Bom(bytes);
  if (bom) return { encoding: bom, how: 'byte-order mark' };
  const utf16 = utf16ByZeros(bytes);
  if (utf16) return { encoding: utf16, how: 'zero bytes between the letters' };
  const guess = chardet.detect(bytes);
  if (!guess) return null;
  const label = guess.toLowerCase();
  // ISO-8859-1 text with bytes 0x80–0x9F is windows-1252 (curly quotes, dashes); the
  // WHATWG decoder reads the latin1 label as windows-1252 anyway.
  const encoding = label === 'iso-8859-1' ? 'windows-1252' : label;
  try {
    new TextDecoder(encoding);
  } catch {
    return null;
  }
  return { encoding, how: 'detected' };
}

/** Decodes with a named encoding; throws a RangeError for an unknown label, TypeError for bad bytes. */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  return new TextDecoder(encoding, { fatal: true }).decode(bytes);
}
