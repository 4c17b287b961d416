/**
 * The note editor: opens beside (under) the passage, for a new or an existing
 * annotation. Colour, note (plain text; Markdown is kept as written, never
 * rendered), tags; Save, Cancel, Delete. Escape cancels.
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
  /** Resolves to false when saving failed: the editor then stays open, keeping what was typed. */
  onSave(content: AnnotationContent): Promise<boolean | void> | boolean | void;
  onDelete?(): Promise<void> | void;
  onClose(): void;
}

let open: { form: HTMLFormElement; close(): void; annotationId?: string | undefined } | null = null;
let counter = 0;

/** Shows a message in the open editor (for `annotationId` only, when given). */
export function tellEditor(message: string, annotationId?: string): void {
  if (!open || (annotationId !== undefined && open.annotationId !== annotationId)) return;
  let box = open.form.querySelector<HTMLElement>('.annotation-editor-message');
  if (!box) {
    box = el('p', { class: 'annotation-editor-message', attrs: { role: 'alert' } });
    open.form.querySelector('.annotation-editor-actions')!.before(box);
  }
  box.textContent = message;
}

export function closeEditor(): void {
  open?.close();
}

const COLOUR_NAMES: Record<HighlightColour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink' };

export function openEditor(options: EditorOptions): void {
  closeEditor();
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
    options.onClose();
  };
  const content = (): AnnotationContent => ({
    colour: (form.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value as HighlightColour) ?? options.initial.colour,
    note: note.value,
    tags: parseTagInput(tags.value),
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if ((await options.onSave(content())) !== false) close();
  });
  form.querySelector('.annotation-cancel')!.addEventListener('click', close);
  remove?.addEventListener('click', async () => {
    await options.onDelete!();
    close();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    }
  });

  options.passage.append(form);
  open = { form, close, annotationId: options.annotationId };
  note.focus();
  form.scrollIntoView({ block: 'nearest' });
}
