/**
 * <dossier-notebook>: the reader's annotations across sources. Reads them from
 * the store, re-anchors each on the current text (from /p/passages.json) so that
 * orphans get their own section, groups (source, theme, tag) and filters
 * (source, colour, tag) them, exports (JSON-LD, Markdown) and imports.
 * The page (src/pages/notebook.astro) provides the controls as markup.
 */
import search from 'approx-string-match';
import { anchorAnnotations } from '../../annotations/anchoring/anchor-all';
import { passageFragment, textDirectiveFor } from '../../annotations/anchoring/text-fragment';
import type { PassageText } from '../../annotations/anchoring/types';
import { serializeCollection, toCollection, toMarkdown } from '../../annotations/export';
import { IMPORT_BYTES, articlePathOf, articleSlugOf, colourOf, newAnnotationId, noteOf, quoteOf, tagsOf } from '../../annotations/model';
import { el } from '../dom/build';
import { filterEntries, groupEntries, sortByPlace, tagsInUse, type Entry, type GroupBy } from '../notebook/list';
import { announce } from '../status';
import { openAnnotationStore, type AnnotationStore } from '../store/db';
import { articleUrl, PASSAGES_URL, type PassagesJson } from '../../contract';


async function fetchIndex(): Promise<PassagesJson | null> {
  try {
    const response = await fetch(PASSAGES_URL);
    return response.ok ? ((await response.json()) as PassagesJson) : null;
  } catch {
    return null;
  }
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { attrs: { href: url, download: name } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

class DossierNotebook extends HTMLElement {
  private store!: AnnotationStore;
  private index: PassagesJson | null = null;
  private entries: Entry[] = [];
  private readonly $ = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;

  connectedCallback() {
    void this.start();
  }

  private async start() {
    [this.store, this.index] = await Promise.all([openAnnotationStore(), fetchIndex()]);
    if (!this.store.persistent && this.store.problem) this.say(this.store.problem, false);
    this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-export], [data-import]').forEach((b) => (b.disabled = false));
    this.$('[data-filters]').addEventListener('change', () => this.render());
    this.$('[data-filters]').addEventListener('submit', (e) => e.preventDefault());
    this.$('[data-export="jsonld"]').addEventListener('click', () => this.exportJson());
    this.$('[data-export="markdown"]').addEventListener('click', () => this.exportMarkdown());
    this.$<HTMLInputElement>('[data-import]').addEventListener('change', (e) => void this.importFile(e.target as HTMLInputElement));
    this.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLElement>('[data-delete]');
      if (button) void this.deleteAnnotation(button.dataset.delete!);
    });
    this.store.subscribe(() => void this.reload());
    await this.reload();
    this.dataset.ready = '';
    if (location.hash === '#orphans') this.$('#orphans').scrollIntoView();
  }

  /* ---------- data ---------- */

  private async reload() {
    const annotations = await this.store.list();
    const bySlug = new Map<string, PassageText[]>();
    for (const p of this.index?.passages ?? []) bySlug.set(p.article, [...(bySlug.get(p.article) ?? []), p]);
    const slugOf = (a: (typeof annotations)[number]) => articleSlugOf(a) ?? '';
    this.entries = anchorAnnotations(annotations, (a) => bySlug.get(slugOf(a)), { retiredIds: this.index?.retiredIds ?? {}, approximate: search }).map(
      ({ annotation, placement }) => ({ annotation, placement, slug: articleSlugOf(annotation) }),
    );
    this.fillTagOptions();
    this.render();
  }

  private fillTagOptions() {
    const select = this.$<HTMLSelectElement>('select[name=tag]');
    const chosen = select.value;
    const tags = tagsInUse(this.entries);
    select.replaceChildren(el('option', { text: 'All tags', attrs: { value: '' } }), ...tags.map((t) => el('option', { text: t, attrs: { value: t } })));
    select.value = tags.includes(chosen) ? chosen : '';
  }

  private passage(id: string) {
    return this.index?.passages.find((p) => p.id === id);
  }

  private article(slug: string | null) {
    return this.index?.articles.find((a) => a.slug === slug);
  }

  /* ---------- drawing ---------- */

  private render() {
    const form = new FormData(this.$<HTMLFormElement>('[data-filters]'));
    const [group = '', source, colour, tag] = ['group', 'source', 'colour', 'tag'].map((k) => String(form.get(k) ?? ''));
    const shown = filterEntries(this.entries, { source, colour, tag });
    const placed = sortByPlace(shown.filter((e) => e.placement), this.index);
    const orphans = shown.filter((e) => !e.placement);

    const list = this.$('[data-list]');
    const by: GroupBy = group === 'theme' || group === 'tag' ? group : 'source';
    list.replaceChildren(...groupEntries(placed, by, this.index).map(([title, entries]) => this.section(title, entries)));
    this.$('[data-orphan-list]').replaceChildren(...orphans.map((e) => this.entry(e)));
    this.$<HTMLElement>('[data-orphans]').hidden = orphans.length === 0;
    this.$('[data-summary]').replaceChildren(...this.summary(shown.length, orphans.length));
  }

  private summary(shown: number, orphans: number): (Node | string)[] {
    const total = this.entries.length;
    if (total === 0) {
      return [
        'No annotations yet. To highlight, open an article from ',
        el('a', { text: 'the sources', attrs: { href: '/' } }),
        ', select a sentence and choose Highlight or Note in the small toolbar that appears (from the keyboard: select text, then press the menu key or Shift+F10). Your highlights and notes will be listed here.',
      ];
    }
    const sources = new Set(this.entries.map((e) => e.slug)).size;
    const parts = [shown === total ? `${plural(total, 'annotation')} from ${plural(sources, 'source')}` : `Showing ${shown} of ${plural(total, 'annotation')}`];
    if (orphans) parts.push(`${orphans} could not be placed on the current text (listed at the end)`);
    if (!this.index) parts.push('the site’s passage list could not be loaded, so placement was not checked');
    return [`${parts.join('; ')}.`];
  }

  private section(title: string, entries: Entry[]): HTMLElement {
    return el(
      'section',
      { class: 'notebook-group' },
      el('h2', { text: `${title} (${entries.length})` }),
      el('ol', { class: 'notebook-entries' }, ...entries.map((e) => this.entry(e))),
    );
  }

  private link(e: Entry): string | null {
    if (!e.slug) return null;
    const path = this.article(e.slug)?.url ?? articleUrl(e.slug);
    const place = e.placement;
    const passage = place && this.passage(place.passageId);
    if (!place || !passage) return null;
    try {
      return `${path}${passageFragment(place.passageId, textDirectiveFor(passage.text, place.start, place.end))}`;
    } catch {
      return `${path}#${place.passageId}`;
    }
  }

  private entry(e: Entry): HTMLElement {
    const a = e.annotation;
    const article = this.article(e.slug);
    const href = this.link(e);
    const note = noteOf(a).trim();
    const tags = tagsOf(a);
    const where = `${article?.outlet ?? articlePathOf(a)}${e.placement ? `, passage ${e.placement.passageId}` : ''}`;
    const modified = new Date(a.modified ?? a.created ?? '');
    return el(
      'li',
      { class: `notebook-entry highlight-${colourOf(a)}`, data: { annotationId: a.id } },
      el('blockquote', { class: 'notebook-quote' }, el('p', { text: quoteOf(a) })),
      note && el('p', { class: 'notebook-note', text: note }),
      tags.length > 0 && el('ul', { class: 'annotation-tags', attrs: { 'aria-label': 'Tags' } }, ...tags.map((t) => el('li', { text: t }))),
      el(
        'p',
        { class: 'notebook-meta' },
        href ? el('a', { text: where, attrs: { href } }) : el('span', { text: where }),
        ' · ',
        ...(Number.isNaN(modified.getTime()) ? [] : [el('time', { text: modified.toLocaleDateString(undefined, { dateStyle: 'medium' }), attrs: { datetime: modified.toISOString() } }), ' · ']),
        el('span', { class: 'notebook-colour', text: colourOf(a) }),
        el('button', { class: 'icon-button notebook-delete', text: 'Delete', attrs: { type: 'button', 'aria-label': `Delete the annotation on “${quoteOf(a).slice(0, 40)}”` }, data: { delete: a.id } }),
      ),
    );
  }

  private say(message: string, announceIt = true) {
    const box = this.$<HTMLElement>('[data-message]');
    box.textContent = message;
    box.hidden = false;
    if (announceIt) announce(message);
  }

  /* ---------- actions ---------- */

  private async deleteAnnotation(id: string) {
    const annotation = this.entries.find((e) => e.annotation.id === id)?.annotation;
    if (!annotation) return;
    try {
      await this.store.remove(id);
    } catch (error) {
      this.say((error as Error).message);
      return;
    }
    await this.reload();
    document.querySelector('.annotation-undo')?.remove();
    const undo = el('button', { text: 'Undo', attrs: { type: 'button' } });
    const toast = el('div', { class: 'annotation-undo' }, el('span', { text: 'Annotation deleted.' }), undo);
    const timer = setTimeout(() => toast.remove(), 10_000);
    undo.addEventListener('click', async () => {
      clearTimeout(timer);
      toast.remove();
      await this.store.put(annotation);
      await this.reload();
      announce('Annotation restored');
    });
    document.body.append(toast);
    announce('Annotation deleted. Undo is available for 10 seconds.');
  }

  private exportJson() {
    const all = this.entries.map((e) => e.annotation);
    const collection = toCollection(all, { id: newAnnotationId(), pageId: newAnnotationId(), label: `Dossier annotations, exported ${today()}` });
    download(`dossier-annotations-${today()}.jsonld`, 'application/ld+json', serializeCollection(collection));
    announce(`Exported ${plural(all.length, 'annotation')} as JSON-LD`);
  }

  private exportMarkdown() {
    const articles = new Map((this.index?.articles ?? []).map((a) => [a.url, { outlet: a.outlet, headline: a.headline }]));
    const passageOrder = new Map((this.index?.passages ?? []).map((p) => [p.id, p.order]));
    const all = this.entries.map((e) => e.annotation);
    download(`dossier-annotations-${today()}.md`, 'text/markdown', toMarkdown(all, { origin: location.origin, articles, passageOrder }));
    announce(`Exported ${plural(all.length, 'annotation')} as Markdown`);
  }

  private async importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      await this.importChecked(file);
    } finally {
      // Lets tests (and anyone scripting the page) wait for an import to finish.
      this.dataset.imports = String(Number(this.dataset.imports ?? 0) + 1);
    }
  }

  private async importChecked(file: File) {
    const { describeImport, parseAnnotationFile, planMerge } = await import('../../annotations/import');
    // Size first: a huge file is refused without being read.
    const result = parseAnnotationFile(file.size > IMPORT_BYTES ? '' : await file.text(), file.size);
    if (!result.ok) {
      this.say(`${file.name}: ${result.error}`);
      return;
    }
    // An article this site does not have (the file is from another dossier) is refused, not kept as an orphan.
    const known = this.index ? new Set(this.index.articles.map((a) => a.slug)) : null;
    const foreign = known ? result.annotations.filter((a) => !known.has(articleSlugOf(a) ?? '')) : [];
    for (const a of foreign) result.refused.push({ item: 0, id: a.id, reason: `${articlePathOf(a)} is not an article of this site` });
    const plan = planMerge(await this.store.list(), result.annotations.filter((a) => !foreign.includes(a)));
    try {
      await this.store.putMany(plan.toWrite);
    } catch (error) {
      this.say(`${file.name}: ${(error as Error).message} Nothing was imported.`);
      return;
    }
    await this.reload();
    this.say(`${file.name}: ${describeImport(plan, result.refused, result.notices)}`);
  }
}

customElements.define('dossier-notebook', DossierNotebook);
