/**
 * The note editor: opens beside (under) the passage, for a new or an existing
 * annotation. Colour, note (plain text; Markdown is kept as written, never
 * rendered), tags; Save, Cancel, Delete. Escape cancels.
 *
 * Typed text is never dropped without the reader's say. Escape is pressed by habit (to
 * close whatever is open), so when the note or tags differ from what the editor opened
 * with, Escape, Cancel and opening another note ask first, in a small modal dialog whose
 * safe answer (Keep editing) has the focus; Escape there keeps editing. A kept draft that
 * reopened later would be surer still, but the reader would not know it exists, nor where:
 * asking says so at the moment it matters. Leaving the page (a link, reload, closing the
 * tab) cannot be asked in the page, so while such text is unsaved the browser's own
 * "Leave site?" warning is on (beforeunload). A colour alone is one click to choose again,
 * so it does not count.
 */
import { el } from '../dom/build';
import { HIGHLIGHT_COLOURS, LIMITS, parseTagInput, type AnnotationContent, type HighlightColour } from '../../annotations/model';

export interface EditorOptions {
  passage: HTMLElement;
  quote: string;
  /** Said under the quote (e.g. that a selection over several passages is saved on each). */
  hint?: string;
  initial: AnnotationContent;
  isNew: boolean;
  /** The annotation being edited (none for a new one): lets another tab's change be shown here. */
  annotationId?: string;
  /**
   * Resolves to false when saving failed: the editor then stays open, keeping what was typed.
   * `asNew`: the annotation was deleted elsewhere meanwhile (see tellEditor) and the reader saves
   * the note as a new one.
   */
  onSave(content: AnnotationContent, asNew: boolean): Promise<boolean | void> | boolean | void;
  onDelete?(): Promise<void> | void;
  onClose(): void;
}

let open: {
  form: HTMLFormElement;
  close(): void;
  closeIfAllowed(): Promise<boolean>;
  annotationId?: string | undefined;
  /** Set when the annotation was deleted elsewhere: Save then keeps the note as a new one. */
  deleted?: boolean;
} | null = null;
let counter = 0;

/** What an editor whose annotation was deleted elsewhere offers (see tellEditor). */
export const KEEP_AS_NEW = 'Save keeps your note as a new one on the same words; Cancel lets it go.';

/**
 * Shows a message in the open editor (for `annotationId` only, when given). `deleted`: the
 * annotation is gone (another tab deleted it), so Save becomes "Save as a new note" and Delete goes.
 */
export function tellEditor(message: string, annotationId?: string, deleted = false): void {
  if (!open || (annotationId !== undefined && open.annotationId !== annotationId)) return;
  if (deleted && !open.deleted) {
    open.deleted = true;
    open.form.querySelector('.annotation-save')!.textContent = 'Save as a new note';
    open.form.querySelector('.annotation-delete')?.remove();
  }
  let box = open.form.querySelector<HTMLElement>('.annotation-editor-message');
  if (!box) {
    box = el('p', { class: 'annotation-editor-message', attrs: { role: 'alert' } });
    open.form.querySelector('.annotation-editor-actions')!.before(box);
  }
  box.textContent = message;
}

/** Closes the open editor, after asking when it holds unsaved text; resolves to false when the reader keeps editing. */
export function closeEditor(): Promise<boolean> {
  return open ? open.closeIfAllowed() : Promise.resolve(true);
}

/** Asks whether to throw away the unsaved note; resolves to true for Discard. Escape keeps editing. */
function confirmDiscard(): Promise<boolean> {
  const keep = el('button', { class: 'annotation-discard-keep', text: 'Keep editing', attrs: { type: 'button' } });
  const discard = el('button', { class: 'annotation-discard', text: 'Discard', attrs: { type: 'button' } });
  const dialog = el(
    'dialog',
    { class: 'annotation-discard-dialog', attrs: { 'aria-labelledby': 'annotation-discard-title', 'data-pagefind-ignore': '' } },
    el('p', { class: 'annotation-discard-title', text: 'Discard this unsaved note?', attrs: { id: 'annotation-discard-title' } }),
    el('div', { class: 'annotation-editor-actions' }, keep, discard),
  );
  keep.addEventListener('click', () => dialog.close('keep'));
  discard.addEventListener('click', () => dialog.close('discard'));
  document.body.append(dialog);
  return new Promise((resolve) => {
    // Closed by a button, or by Escape (returnValue stays empty): focus goes back to the editor.
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'discard');
    });
    dialog.showModal();
    keep.focus();
  });
}

/** While a note holds unsaved text, leaving the page asks first (the browser's own dialog). */
const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
  if (open && isDirty()) event.preventDefault();
};
/** Whether the open editor holds unsaved text. */
let isDirty = () => false;

const COLOUR_NAMES: Record<HighlightColour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

/** Opens the editor (closing one already open, once the reader agrees); resolves to false when they kept the other. */
export async function openEditor(options: EditorOptions): Promise<boolean> {
  if (!(await closeEditor())) return false;
  const n = ++counter;
  const quote = options.quote.replace(/\s+/g, ' ').trim();
  const colours = el(
    'fieldset',
    { class: 'annotation-colours' },
    el('legend', { text: 'Colour' }),
    ...HIGHLIGHT_COLOURS.map((colour) => {
      const input = el('input', { attrs: { type: 'radio', name: `colour-${n}`, value: colour } });
      input.checked = colour === options.initial.colour;
      return el('label', { class: `annotation-swatch highlight-${colour}` }, input, el('span', { text: COLOUR_NAMES[colour] }));
    }),
  );
  const note = el('textarea', { attrs: { id: `note-${n}`, rows: '4', maxlength: String(LIMITS.note) } });
  note.value = options.initial.note;
  const tags = el('input', { attrs: { id: `tags-${n}`, type: 'text', autocomplete: 'off', spellcheck: 'false' } });
  tags.value = options.initial.tags.join(', ');
  const remove = options.onDelete && el('button', { class: 'annotation-delete', text: 'Delete', attrs: { type: 'button' } });

  const form = el(
    'form',
    { class: 'annotation-editor', attrs: { 'aria-label': options.isNew ? 'New note' : 'Edit note', 'data-pagefind-ignore': '' } },
    el('p', { class: 'annotation-editor-quote', text: `“${quote.length > 160 ? `${quote.slice(0, 159)}…` : quote}”` }),
    options.hint && el('p', { class: 'annotation-hint annotation-editor-scope', text: options.hint }),
    colours,
    el('label', { text: 'Note', attrs: { for: `note-${n}` } }),
    note,
    el('p', { class: 'annotation-hint', text: 'Plain text. Markdown is kept as you type it.' }),
    el('label', { text: 'Tags (separated by commas)', attrs: { for: `tags-${n}` } }),
    tags,
    el(
      'div',
      { class: 'annotation-editor-actions' },
      el('button', { class: 'annotation-save', text: 'Save', attrs: { type: 'submit' } }),
      el('button', { class: 'annotation-cancel', text: 'Cancel', attrs: { type: 'button' } }),
      remove,
    ),
  );

  const close = () => {
    form.remove();
    open = null;
    removeEventListener('beforeunload', warnBeforeLeaving);
    options.onClose();
  };
  const initialTags = parseTagInput(tags.value).join(',');
  const unsaved = () => note.value.trim() !== options.initial.note.trim() || parseTagInput(tags.value).join(',') !== initialTags;
  let asking: Promise<boolean> | null = null;
  const closeIfAllowed = async (): Promise<boolean> => {
    if (!form.isConnected) return true;
    if (unsaved()) {
      asking ??= confirmDiscard().finally(() => (asking = null));
      if (!(await asking)) {
        note.focus();
        return false;
      }
    }
    if (form.isConnected) close();
    return true;
  };
  const content = (): AnnotationContent => ({
    colour: (form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value as HighlightColour) ?? options.initial.colour,
    note: note.value,
    tags: parseTagInput(tags.value),
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if ((await options.onSave(content(), open?.form === form && Boolean(open.deleted))) !== false) close();
  });
  form.querySelector('.annotation-cancel')!.addEventListener('click', () => void closeIfAllowed());
  remove?.addEventListener('click', async () => {
    await options.onDelete!();
    close();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      void closeIfAllowed();
    }
  });

  options.passage.append(form);
  open = { form, close, closeIfAllowed, annotationId: options.annotationId };
  isDirty = unsaved;
  addEventListener('beforeunload', warnBeforeLeaving);
  note.focus();
  form.scrollIntoView({ block: 'nearest' });
  return true;
}
