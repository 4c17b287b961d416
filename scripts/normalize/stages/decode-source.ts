/**
 * decode-source: the raw bytes → lines of text. Strict UTF-8 (BOM and CRLF tolerated);
 * UTF-16 with a byte-order mark; any other encoding only when sources.yaml names it
 * (`encoding: windows-1252`, which `npm run add` writes when it detects one). A file in
 * an unnamed encoding is refused, naming the encoding it looks like.
 */
import { NormalizeError } from '../errors.ts';
import { decodeAs, detectEncoding, utf16Bom, utf16ByZeros } from '../encoding.ts';
import { sourceKind } from '../extract/types.ts';
import type { Stage } from '../types.ts';

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The error for a file that is not UTF-8 and whose entry names no encoding. */
function notUtf8(path: string, bytes: Uint8Array, likely: string | undefined): NormalizeError {
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const byte = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
  const where = likely?.startsWith('utf-16') ? '' : ` (byte 0x${byte} at offset ${offset})`;
  const looks = likely ? `; it looks like ${likely}. Add \`encoding: ${likely}\` to its entry in sources.yaml if that is right (npm run add does this when it adds a file), or re-save the file as UTF-8.` : '. Re-save the file as UTF-8.';
  return new NormalizeError(likely?.startsWith('utf-16') ? path : `${path}:${line}`, `not valid UTF-8${where}${looks}`);
}

const decodeSource: Stage = {
  name: 'decode-source',
  description: 'Decode the raw bytes (strict UTF-8, or the encoding sources.yaml names; no control characters), drop a byte-order mark, turn CRLF/CR line ends into LF, split into lines.',
  transform(_tree, file, { log }) {
    if (sourceKind(file.data.entry?.file ?? '') === 'pdf') return; // binary: extract-text reads it
    const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value;
    const notes: string[] = [];
    const named = file.data.entry?.encoding;
    const bom = utf16Bom(bytes);
    let text: string;
    if (named || bom) {
      const encoding = (named ?? bom)!;
      try {
        text = decodeAs(bytes, encoding);
      } catch (error) {
        throw new NormalizeError(
          file.path ?? '',
          error instanceof RangeError
            ? `sources.yaml gives the encoding "${encoding}", which is not one TextDecoder knows (try windows-1252, iso-8859-15, utf-16le…).`
            : `is not valid ${encoding}${named ? ' (the encoding sources.yaml gives)' : ''}. Fix the entry's \`encoding\`, or re-save the file as UTF-8.`,
        );
      }
      notes.push(`decoded as ${encoding}${named ? ' (as sources.yaml says)' : ' (byte-order mark)'}`);
    } else {
      const utf16 = utf16ByZeros(bytes);
      if (utf16) throw notUtf8(file.path ?? '', bytes, utf16);
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
      } catch {
        throw notUtf8(file.path ?? '', bytes, detectEncoding(bytes)?.encoding);
      }
    }
    if (text.startsWith('\uFEFF')) {
      text = text.slice(1);
      notes.push('dropped a byte-order mark');
    }
    if (text.includes('\r')) {
      text = text.replace(/\r\n?/g, '\n');
      notes.push('turned CRLF line ends into LF');
    }
    // DOS and CP/M text tools end a file with ^Z (U+001A): an end-of-file mark, not text.
    if (/\u001a\n?$/.test(text)) {
      text = text.replace(/\u001a(\n?)$/, '$1');
      notes.push('dropped a DOS end-of-file mark (^Z)');
    }
    // Control characters (other than tab, line feed, vertical tab, form feed) are never
    // article text: they mean a binary or damaged file, so stop rather than guess.
    const control = /[\u0000-\u0008\u000e-\u001f\u007f]/.exec(text);
    if (control) {
      const line = text.slice(0, control.index).split('\n').length;
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new NormalizeError(
        `${file.path}:${line}`,
        `contains the control character U+${code}, which is not text: the file is probably damaged or not a text file. Re-export the article as plain text.`,
      );
    }
    if (text.trim() === '') {
      throw new NormalizeError(
        file.path,
        'the file has no text (it is empty or only white space). Put the article text in it, or remove its entry from sources.yaml.',
      );
    }
    file.data.lines = text.split('\n');
    file.data.decodeNotes = notes;
    if (notes.length) log(notes.join('; '));
  },
};

export default decodeSource;
