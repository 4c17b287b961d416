/**
 * extract-text: a Markdown copy, a saved web page or a PDF → text blocks, one per
 * paragraph or heading, so the rest of the pipeline reads every kind of source alike.
 * Plain text passes through. Line numbers after this stage are those of the extracted
 * text (one block per line, blank lines between) for these kinds.
 */
import { sourceKind, type Extracted } from '../extract/types.ts';
import type { Stage } from '../types.ts';

/**
 * Runs the extractor for the file's kind; null for plain text. The extractors are loaded
 * only when a source needs them (PDF.js and the DOM are heavy to start for a text corpus).
 */
export async function extractSource(fileName: string, text: string, bytes: Uint8Array, where: string): Promise<Extracted | null> {
  switch (sourceKind(fileName)) {
    case 'markdown':
      return (await import('../extract/markdown.ts')).extractMarkdown(text);
    case 'html':
      return (await import('../extract/html.ts')).extractHtml(text, where);
    case 'pdf':
      return (await import('../extract/pdf.ts')).extractPdf(bytes, where);
    default:
      return null;
  }
}

const extractText: Stage = {
  name: 'extract-text',
  description: 'Turn a Markdown copy, a saved web page or a PDF into one line per paragraph or heading (plain text passes through).',
  async transform(_tree, file, { log, verbose }) {
    const entry = file.data.entry!;
    const bytes = typeof file.value === 'string' ? new TextEncoder().encode(file.value) : file.value;
    const extracted = await extractSource(entry.file, (file.data.lines ?? []).join('\n'), bytes, file.path ?? entry.file);
    if (!extracted) return;
    const lines: string[] = [];
    const headings = new Set<number>();
    for (const block of extracted.blocks) {
      if (lines.length) lines.push('');
      lines.push(block.text);
      if (block.kind === 'heading') headings.add(lines.length);
    }
    file.data.lines = lines;
    file.data.knownHeadings = headings;
    file.data.dropped = extracted.dropped;
    log(`${extracted.notes.join('; ')}; ${extracted.dropped.length} element${extracted.dropped.length === 1 ? '' : 's'} left out before the rules (line numbers below are of the extracted text)`);
    if (verbose) for (const { reason, text } of extracted.dropped) log(`  [${reason}] ${shortened(text)}`);
  },
};

export default extractText;

/** What the log shows of a left-out element: all of it, or its start and how much more there was. */
function shortened(text: string): string {
  if (text.length <= 160) return text;
  const cut = text.slice(0, 160).replace(/\s+\S*$/, '');
  const more = text.slice(cut.length).split(/\s+/).filter(Boolean).length;
  return `${cut}… (${more} more word${more === 1 ? '' : 's'})`;
}
