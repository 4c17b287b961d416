/**
 * What the reader does to annotations: copy a link to a quote, highlight,
 * write a note, edit, delete with undo. Loaded on the first such action.
 */
import { selectorsFor } from '../../annotations/anchoring/selectors';
import { passageFragment } from '../../annotations/anchoring/text-fragment';
import { copyLink } from '../clipboard';
import { highlightOffsets, removeHighlights } from '../dom/highlighter';
import { pageTextDirective } from '../dom/searchable-text';
import { keepToastClear, notify, offerUndoDelete } from '../toast';
import {
  colourOf,
  editAnnotation,
  newAnnotation,
  newAnnotationId,
  noteOf,
  quoteOf,
  tagsOf,
  type Annotation,
  type AnnotationContent,
  type HighlightColour,
} from '../../annotations/model';
import { DeletedElsewhereError, type AnnotationStore } from '../store/db';
import { focusableMarkOf, marksOf } from './draw';
import { KEEP_AS_NEW, openEditor, tellEditor } from './editor';
import { pageSource, textElementOf } from './page';
import type { SelectionInfo, ToolbarAction } from './selection';
import { hideToolbar } from './toolbar';

export interface AnnotatorContext {
  store: AnnotationStore;
  /** Re-reads the store and redraws. */
  refresh(): Promise<void>;
  /** The passage element an annotation is drawn in, if it is placed. */
  passageOf(id: string): HTMLElement | null;
}

const COLOUR_KEY = 'dossier-highlight-colour';

function lastColour(): HighlightColour {
  try {
    const saved = localStorage.getItem(COLOUR_KEY);
    if (saved === 'yellow' || saved === 'green' || saved === 'blue' || saved === 'pink') return saved;
  } catch {
    /* storage blocked */
  }
  return 'yellow';
}

function rememberColour(colour: HighlightColour) {
  try {
    localStorage.setItem(COLOUR_KEY, colour);
  } catch {
    /* storage blocked */
  }
}

/** Saves one annotation, or several at once (all or none). */
async function save(ctx: AnnotatorContext, annotations: Annotation | readonly Annotation[], message: string): Promise<boolean> {
  try {
    await ctx.store.putMany(Array.isArray(annotations) ? annotations : [annotations as Annotation]);
  } catch (error) {
    notify((error as Error).message);
    return false;
  }
  await ctx.refresh();
  notify(message);
  return true;
}

/** Focuses an annotation's highlight, and keeps the toast that says it was saved off it and its note. */
function focusAnnotation(id: string): void {
  focusableMarkOf(id)?.focus();
  keepToastClear();
}

async function copyQuoteLink(info: SelectionInfo) {
  // The browser looks for the quote in the whole page (rails, headings, hidden text too): make it unambiguous there.
  const directive = pageTextDirective(textElementOf(info.passage), info.start, info.end);
  const url = `${pageSource()}${passageFragment(info.passageId, directive)}`;
  // A quote link points into one passage: over several, it quotes the first one's part.
  const copied = info.parts.length > 1 ? 'Link copied; it quotes the selection’s first passage only' : 'Link to quote copied';
  await copyLink(url, copied);
}

/** One annotation per passage the selection covers, all with the same content. */
function create(info: SelectionInfo, content: AnnotationContent): Annotation[] {
  const now = new Date();
  return info.parts.map((part) =>
    newAnnotation({
      id: newAnnotationId(),
      source: pageSource(),
      selectors: selectorsFor({ id: part.passageId, text: textElementOf(part.passage).textContent ?? '' }, part.start, part.end),
      now,
      ...content,
    }),
  );
}

/** Said when a selection also covered text in no passage: nothing of the selection goes unmentioned. */
const LEFT_OUT = 'Text outside the passages, such as a heading, is not annotated.';

/** "… saved", or for several passages "… saved on 3 passages, one per passage", and what was left out. */
function savedMessage(what: string, info: SelectionInfo, more = ''): string {
  const count = info.parts.length;
  const saved = count > 1 ? `${what}s saved on ${count} passages, one per passage.` : `${what} saved.`;
  return [saved, info.leftOut ? LEFT_OUT : '', more].filter(Boolean).join(' ');
}

const editorHint = (info: SelectionInfo) =>
  [info.parts.length > 1 ? `This selection covers ${info.parts.length} passages: the note is saved on each.` : '', info.leftOut ? LEFT_OUT : '']
    .filter(Boolean)
    .join(' ');

export async function runToolbarAction(ctx: AnnotatorContext, action: ToolbarAction, info: SelectionInfo): Promise<void> {
  if (action === 'link') return copyQuoteLink(info);
  getSelection()?.removeAllRanges();
  if (action === 'highlight') {
    const annotations = create(info, { colour: lastColour(), note: '', tags: [] });
    const hint = `Press Enter on ${annotations.length > 1 ? 'one' : 'it'} to add a note.`;
    if (await save(ctx, annotations, savedMessage('Highlight', info, hint))) focusAnnotation(annotations[0]!.id);
    return;
  }
  // A note: nothing is stored until Save; meanwhile a dashed mark shows what the note is about.
  const draft = info.parts.flatMap((part) =>
    highlightOffsets(textElementOf(part.passage), part.start, part.end, { className: 'annotation-draft' }),
  );
  const quote = info.parts.map((part) => (textElementOf(part.passage).textContent ?? '').slice(part.start, part.end)).join(' … ');
  let savedId: string | null = null;
  const opened = await openEditor({
    passage: info.parts.at(-1)!.passage,
    quote,
    ...(info.parts.length > 1 || info.leftOut ? { hint: editorHint(info) } : {}),
    initial: { colour: lastColour(), note: '', tags: [] },
    isNew: true,
    onSave: async (content) => {
      rememberColour(content.colour);
      const annotations = create(info, content);
      if (!(await save(ctx, annotations, savedMessage('Note', info)))) return false;
      savedId = annotations[0]!.id;
      return true;
    },
    onClose: () => {
      removeHighlights(draft.filter((m) => m.isConnected));
      if (savedId) focusAnnotation(savedId);
      else info.passage.focus({ preventScroll: true });
    },
  });
  // The reader chose to go on with the note already open: this one's dashed mark goes.
  if (!opened) removeHighlights(draft.filter((m) => m.isConnected));
}

export function editAnnotationUi(ctx: AnnotatorContext, annotation: Annotation): void {
  const passage = ctx.passageOf(annotation.id);
  if (!passage) return;
  let savedAs: string | null = null;
  hideToolbar();
  void openEditor({
    passage,
    quote: quoteOf(annotation),
    initial: { colour: colourOf(annotation), note: noteOf(annotation), tags: tagsOf(annotation) },
    isNew: false,
    annotationId: annotation.id,
    onSave: async (content, asNew) => {
      rememberColour(content.colour);
      if (asNew) {
        // Deleted in another tab meanwhile: the reader's note is kept as a new annotation on the same words.
        const now = new Date();
        const copy = { ...editAnnotation(annotation, content, now), id: newAnnotationId(), created: now.toISOString() };
        if (!(await save(ctx, copy, 'Saved as a new note.'))) return false;
        savedAs = copy.id;
        return true;
      }
      // Merged with the stored version: fields another tab changed since this editor opened are kept.
      try {
        const { keptFromOthers } = await ctx.store.saveEdit(annotation, content, new Date());
        await ctx.refresh();
        const kept = keptFromOthers.map((f) => (f === 'colour' ? 'colour' : f === 'note' ? 'note' : 'tags'));
        notify(kept.length ? `Note saved. Another tab had changed its ${kept.join(' and ')}; that change was kept.` : 'Note saved');
        return true;
      } catch (error) {
        const message = (error as Error).message;
        notify(message);
        if (error instanceof DeletedElsewhereError) tellEditor(`${message} ${KEEP_AS_NEW}`, annotation.id, true);
        else tellEditor(message, annotation.id);
        return false;
      }
    },
    onDelete: () => removeAnnotation(ctx, annotation),
    onClose: () => {
      // its highlight (or the new one it was saved as), or the passage when it was deleted
      const id = savedAs ?? annotation.id;
      if (marksOf(id).length) focusAnnotation(id);
      else passage.focus({ preventScroll: true });
    },
  });
}

async function removeAnnotation(ctx: AnnotatorContext, annotation: Annotation) {
  try {
    await ctx.store.remove(annotation.id);
  } catch (error) {
    notify((error as Error).message);
    return;
  }
  await ctx.refresh();
  offerUndo(ctx, annotation);
}

/** Undo, in the toast, for a while after a delete: the annotation is saved again, and focused. */
function offerUndo(ctx: AnnotatorContext, annotation: Annotation) {
  offerUndoDelete(async () => {
    if (await save(ctx, annotation, 'Annotation restored')) focusAnnotation(annotation.id);
  });
}
