/**
 * <dossier-notebook>: the reader's annotations across sources. Reads them from
 * the store, re-anchors each on the current text (the passages of the articles annotated,
 * /p/passages/<slug>.json, beside the small /p/notebook.json index) so that
 * orphans get their own section, groups (source, theme, tag) and filters
 * (source, colour, tag) them, exports (JSON-LD, Markdown) and imports.
 * The page (src/pages/notebook.astro) provides the controls as markup.
 */
import search from 'approx-string-match';
import { anchorAnnotations } from '../../annotations/anchoring/anchor-all';
import { passageFragment, textDirectiveFor } from '../../annotations/anchoring/text-fragment';
import { serializeCollection, toCollection, toMarkdown } from '../../annotations/export';
import { IMPORT_BYTES, articlePathOf, articleSlugOf, colourOf, newAnnotationId, noteOf, quoteOf, tagsOf } from '../../annotations/model';
import { formatCount } from '../../corpus/format';
import { copyLink } from '../clipboard';
import { el } from '../dom/build';
import { pageTextDirective, searchablePageText } from '../dom/searchable-text';
import { withArticlePage } from '../notebook/article-frame';
import { filterEntries, groupEntries, sortByPlace, sourcesInUse, tagsInUse, type Entry, type GroupBy } from '../notebook/list';
import { announce } from '../status';
import { notify, offerUndoDelete } from '../toast';
import { openAnnotationStore, type AnnotationStore } from '../store/db';
import {
  articlePassagesUrl,
  articleUrl,
  NOTEBOOK_INDEX_URL,
  passageSelector,
  SELECTORS,
  type ArticlePassagesJson,
  type NotebookIndexJson,
  type PassageJson,
  type PassagesJson,
} from '../../contract';

async function fetchJson<T>(url: string): Promise<T | null> {
  try {
    const response = await fetch(url);
    return response.ok ? ((await response.json()) as T) : null;
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

/** An entry's link is checked for this annotation at this place (a rebuild may move the place). */
const linkKey = (e: Entry) => `${e.annotation.id}|${e.placement?.passageId}|${e.placement?.start}|${e.placement?.end}`;

/** Entries drawn at first, and added by each "Show more": thousands at once took seconds to draw. */
const PAGE_SIZE = 200;

/** The two lists drawn a page at a time: the placed entries, and those that could not be placed. */
type Listing = 'placed' | 'orphans';

/** The button under a long list that draws its next entries. */
function moreButton(hidden: number, listing: Listing): HTMLElement {
  const countId = listing === 'placed' ? 'notebook-more-count' : 'notebook-orphans-more-count';
  return el(
    'p',
    { class: 'notebook-more' },
    el('button', {
      class: 'button',
      text: `Show ${Math.min(PAGE_SIZE, hidden)} more`,
      attrs: { type: 'button', 'aria-describedby': countId },
      data: { showMore: listing },
    }),
    ' ',
    el('span', { text: `(${formatCount(hidden)} not shown yet)`, attrs: { id: countId } }),
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

class DossierNotebook extends HTMLElement {
  private store!: AnnotationStore;
  private index: PassagesJson | null = null;
  private entries: Entry[] = [];
  private entryById = new Map<string, Entry>();
  private passages = new Map<string, PassageJson>();
  /** Each article's passages, loaded (or being loaded) once: null when they could not be. */
  private readonly articlePassages = new Map<string, Promise<PassageJson[] | null>>();
  /** Annotated articles whose passages could not be loaded (their placement is not checked). */
  private unloaded = new Set<string>();
  /** How many listings are drawn (an entry listed under two headings counts twice). */
  private limit = PAGE_SIZE;
  /** How many orphans are drawn. */
  private orphanLimit = PAGE_SIZE;
  /** The site's articles by slug. */
  private articles = new Map<string, PassagesJson['articles'][number]>();
  /** Quote links checked against their article's whole page, by linkKey. */
  private readonly checkedLinks = new Map<string, string>();
  /** The article pages being read to check links, by slug. */
  private readonly linkChecks = new Map<string, Promise<void>>();
  /** Bumped on every reload, so a stale round of link checks stops. */
  private generation = 0;
  private readonly $ = <T extends Element>(selector: string) => this.querySelector<T>(selector)!;

  connectedCallback() {
    void this.start();
  }

  private async start() {
    const [store, index] = await Promise.all([openAnnotationStore(), fetchJson<NotebookIndexJson>(NOTEBOOK_INDEX_URL)]);
    this.store = store;
    // the passages are added as the articles annotated are loaded (see #passagesOf)
    this.index = index && { ...index, passages: [] };
    this.articles = new Map((this.index?.articles ?? []).map((a) => [a.slug, a]));
    if (!this.store.persistent && this.store.problem) this.say(this.store.problem, false);
    this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[data-export], [data-import]').forEach((b) => (b.disabled = false));
    this.$('[data-filters]').addEventListener('change', () => {
      this.limit = this.orphanLimit = PAGE_SIZE;
      this.render();
    });
    this.$('[data-filters]').addEventListener('submit', (e) => e.preventDefault());
    this.$('[data-export="jsonld"]').addEventListener('click', () => this.exportJson());
    this.$('[data-export="markdown"]').addEventListener('click', () => void this.exportMarkdown());
    this.$<HTMLInputElement>('[data-import]').addEventListener('change', (e) => void this.importFile(e.target as HTMLInputElement));
    this.addEventListener('click', (e) => {
      const target = e.target as Element;
      const remove = target.closest<HTMLElement>('[data-delete]');
      if (remove) void this.deleteAnnotation(remove.dataset.delete!);
      const more = target.closest<HTMLElement>('[data-show-more]');
      if (more) this.showMore(more.dataset.showMore === 'orphans' ? 'orphans' : 'placed');
      const copy = target.closest<HTMLElement>('[data-copy]');
      if (copy) void this.copyLink(copy.dataset.copy!);
      const place = target.closest<HTMLAnchorElement>('a[data-place]');
      // Followed before its page was checked: wait for the check rather than open a link that may highlight other words.
      if (place && !place.dataset.checked && e.button === 0 && !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) {
        e.preventDefault();
        void this.checkedLink(place.dataset.place!).then((href) => href && location.assign(href));
      }
    });
    this.store.subscribe(() => void this.reload());
    await this.reload();
    this.dataset.ready = '';
    if (location.hash === '#orphans') this.$('#orphans').scrollIntoView();
  }

  /* ---------- data ---------- */

  private async reload() {
    const annotations = await this.store.list();
    const slugOf = (a: (typeof annotations)[number]) => articleSlugOf(a) ?? '';
    const bySlug = await this.passagesOf(new Set(annotations.map(slugOf)));
    this.entries = anchorAnnotations(annotations, (a) => bySlug.get(slugOf(a)), { retiredIds: this.index?.retiredIds ?? {}, approximate: search }).map(
      ({ annotation, placement }) => ({ annotation, placement, slug: articleSlugOf(annotation) }),
    );
    this.entryById = new Map(this.entries.map((e) => [e.annotation.id, e]));
    this.fillSourceOptions();
    this.fillTagOptions();
    this.render();
    void this.checkLinks();
  }

  /**
   * The passages of these articles (those of the site: an annotation on an article it no longer
   * has is an orphan), each article's loaded once, all at a time. The notebook never loads the
   * passages of articles nobody annotated: at a thousand articles, all of them weigh 11 MB.
   */
  private async passagesOf(slugs: ReadonlySet<string>): Promise<Map<string, PassageJson[]>> {
    const wanted = [...slugs].filter((slug) => this.articles.has(slug));
    for (const slug of wanted) {
      if (this.articlePassages.has(slug)) continue;
      const loading = fetchJson<ArticlePassagesJson>(articlePassagesUrl(slug)).then((json) => {
        if (!json) {
          this.articlePassages.delete(slug); // the next reload tries again
          return null;
        }
        for (const passage of json.passages) {
          this.passages.set(passage.id, passage);
          this.index?.passages.push(passage);
        }
        return json.passages;
      });
      this.articlePassages.set(slug, loading);
    }
    const loaded = await Promise.all(wanted.map(async (slug) => [slug, await this.articlePassages.get(slug)!] as const));
    this.unloaded = new Set(loaded.filter(([, passages]) => !passages).map(([slug]) => slug));
    return new Map(loaded.filter((entry): entry is readonly [string, PassageJson[]] => entry[1] !== null));
  }

  /* ---------- quote links, checked against each article's whole page ---------- */

  /**
   * The browser looks for a link's quote in the whole article page (rails, headings, hidden text),
   * not just in its passage: each article is read once, out of sight, and its entries' links made
   * unambiguous there, with the same check as the reader's Copy link to quote. Until then (or if a
   * page cannot be read) a link is checked against its passage only.
   */
  private async checkLinks() {
    const generation = ++this.generation;
    delete this.dataset.linksChecked;
    const slugs = new Set(this.entries.filter((e) => e.placement && e.slug && !this.checkedLinks.has(linkKey(e))).map((e) => e.slug!));
    for (const slug of slugs) {
      if (generation !== this.generation) return;
      await this.checkArticle(slug);
    }
    // Lets tests (and anyone scripting the page) wait until every link is checked.
    if (generation === this.generation) this.dataset.linksChecked = '';
  }

  private checkArticle(slug: string): Promise<void> {
    let running = this.linkChecks.get(slug);
    if (!running) {
      running = this.readArticleForLinks(slug).finally(() => this.linkChecks.delete(slug));
      this.linkChecks.set(slug, running);
    }
    return running;
  }

  private async readArticleForLinks(slug: string) {
    const path = this.articlePath(slug);
    await withArticlePage(path, (doc) => {
      const entries = this.entries.filter((e) => e.slug === slug && e.placement && !this.checkedLinks.has(linkKey(e)));
      const texts = new Map<string, Element | null>();
      for (const e of entries) {
        const id = e.placement!.passageId;
        if (!texts.has(id)) texts.set(id, doc.querySelector(`${passageSelector(id)} ${SELECTORS.passageText}`));
      }
      const page = searchablePageText(doc, [...texts.values()].filter((t): t is Element => t !== null));
      for (const e of entries) {
        const place = e.placement!;
        const text = texts.get(place.passageId);
        // A page that differs from the passage list (rebuilt since) keeps the link checked against the passage.
        if (!text || text.textContent !== this.passage(place.passageId)?.text) continue;
        try {
          this.checkedLinks.set(linkKey(e), `${path}${passageFragment(place.passageId, pageTextDirective(text, place.start, place.end, page))}`);
        } catch {
          /* an empty quote: the passage link stays */
        }
      }
    });
    this.showLinks();
  }

  /** Puts each checked link on every place its entry is drawn (it may be listed under several headings): one pass over the list. */
  private showLinks() {
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[data-place]:not([data-checked])')) {
      const entry = this.entryById.get(a.dataset.place!);
      const href = entry && this.checkedLinks.get(linkKey(entry));
      if (!href) continue;
      a.href = href;
      a.dataset.checked = '';
    }
  }

  /** An entry's link once its page has been checked (or as checked against its passage, if the page cannot be read). */
  private async checkedLink(id: string): Promise<string | null> {
    const entry = this.entryById.get(id);
    if (!entry) return null;
    if (entry.slug && entry.placement && !this.checkedLinks.has(linkKey(entry))) await this.checkArticle(entry.slug);
    return this.link(entry);
  }

  private async copyLink(id: string) {
    const href = await this.checkedLink(id);
    if (!href) return;
    const url = new URL(href, location.href).href;
    await copyLink(url, 'Link to quote copied');
  }

  /** The sources the reader has annotated, in the site's order: not every source of a dossier of thousands. */
  private fillSourceOptions() {
    const slugs = sourcesInUse(this.entries, this.index);
    this.fillOptions('source', 'All sources', slugs.map((slug) => [slug, this.sourceLabel(slug)]));
  }

  private fillTagOptions() {
    this.fillOptions('tag', 'All tags', tagsInUse(this.entries).map((t) => [t, t]));
  }

  /** A filter's options (value, label) after its "all" option, keeping the reader's choice while it is one of them. */
  private fillOptions(name: string, all: string, options: [string, string][]) {
    const select = this.$<HTMLSelectElement>(`select[name=${name}]`);
    const chosen = select.value;
    select.replaceChildren(el('option', { text: all, attrs: { value: '' } }), ...options.map(([value, text]) => el('option', { text, attrs: { value } })));
    select.value = options.some(([value]) => value === chosen) ? chosen : '';
  }

  private sourceLabel(slug: string): string {
    const article = this.article(slug);
    return article ? `${article.outlet}: ${article.headline}` : articleUrl(slug);
  }

  private passage(id: string) {
    return this.passages.get(id);
  }

  private article(slug: string | null) {
    return slug === null ? undefined : this.articles.get(slug);
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
    // The first `limit` listings, under their headings (each heading counts all of its group).
    const sections: HTMLElement[] = [];
    let listings = 0;
    let room = this.limit;
    for (const [title, entries] of groupEntries(placed, by, this.index)) {
      listings += entries.length;
      if (room > 0) sections.push(this.section(title, entries, entries.slice(0, room)));
      room -= Math.min(room, entries.length);
    }
    const hidden = listings - (this.limit - room);
    list.replaceChildren(...sections, ...(hidden > 0 ? [moreButton(hidden, 'placed')] : []));
    this.$('[data-orphan-list]').replaceChildren(...orphans.slice(0, this.orphanLimit).map((e) => this.entry(e)));
    const orphansHidden = orphans.length - this.orphanLimit;
    this.$('[data-orphans-more]').replaceChildren(...(orphansHidden > 0 ? [moreButton(orphansHidden, 'orphans')] : []));
    this.$<HTMLElement>('[data-orphans]').hidden = orphans.length === 0;
    this.$('[data-summary]').replaceChildren(...this.summary(shown.length, orphans));
  }

  private summary(shown: number, unplaced: readonly Entry[]): (Node | string)[] {
    const total = this.entries.length;
    if (total === 0) {
      return [
        'No annotations yet. To highlight, open an article from ',
        el('a', { text: 'the sources', attrs: { href: '/' } }),
        ', select a sentence and choose Highlight or Note in the small toolbar that appears (from the keyboard: move to a passage with j and k, then press the menu key or Shift+F10, or Tab to the passage’s pen button). Your highlights and notes will be listed here.',
      ];
    }
    const sources = new Set(this.entries.map((e) => e.slug)).size;
    const parts = [shown === total ? `${plural(total, 'annotation')} from ${plural(sources, 'source')}` : `Showing ${shown} of ${plural(total, 'annotation')}`];
    // unplaced because their source's passages could not be loaded is not the same as orphaned
    const unchecked = unplaced.filter((e) => !this.index || this.unloaded.has(e.slug ?? '')).length;
    const orphans = unplaced.length - unchecked;
    if (orphans) parts.push(`${orphans} could not be placed on the current text (listed at the end)`);
    if (!this.index) parts.push('the site’s list of articles could not be loaded, so placement was not checked');
    else if (this.unloaded.size) {
      parts.push(
        `the passages of ${plural(this.unloaded.size, 'source')} could not be loaded, so ${plural(unchecked, 'annotation')} there ${unchecked === 1 ? 'was' : 'were'} not checked (listed at the end)`,
      );
    }
    return [`${parts.join('; ')}.`];
  }

  /** A heading and the first entries of its group (`drawn`; all of them once the reader has shown more). */
  private section(title: string, entries: Entry[], drawn: Entry[]): HTMLElement {
    return el(
      'section',
      { class: 'notebook-group' },
      el('h2', { text: `${title} (${entries.length})` }),
      el('ol', { class: 'notebook-entries' }, ...drawn.map((e) => this.entry(e))),
    );
  }

  /** Draws the next page of a list's entries and puts the keyboard on the first of them. */
  private showMore(listing: Listing) {
    const entries = listing === 'placed' ? '[data-list] .notebook-entry' : '[data-orphan-list] .notebook-entry';
    const before = this.querySelectorAll(entries).length;
    if (listing === 'placed') this.limit += PAGE_SIZE;
    else this.orphanLimit += PAGE_SIZE;
    this.render();
    const first = this.querySelectorAll<HTMLElement>(entries)[before];
    if (first) {
      first.tabIndex = -1;
      first.focus();
    }
    const drawn = this.querySelectorAll(entries).length;
    announce(listing === 'placed' ? `Showing ${drawn} entries` : `Showing ${drawn} annotations that could not be placed`);
  }

  private articlePath(slug: string): string {
    return this.article(slug)?.url ?? articleUrl(slug);
  }

  /** The entry's quote link: checked against its article's page when that is done, else against its passage. */
  private link(e: Entry): string | null {
    if (!e.slug) return null;
    const checked = this.checkedLinks.get(linkKey(e));
    if (checked) return checked;
    const path = this.articlePath(e.slug);
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
        href
          ? el('a', { text: where, attrs: { href }, data: { place: a.id, ...(this.checkedLinks.has(linkKey(e)) ? { checked: '' } : {}) } })
          : el('span', { text: where }),
        ' · ',
        ...(Number.isNaN(modified.getTime()) ? [] : [el('time', { text: modified.toLocaleDateString(undefined, { dateStyle: 'medium' }), attrs: { datetime: modified.toISOString() } }), ' · ']),
        el('span', { class: 'notebook-colour', text: colourOf(a) }),
        href &&
          el('button', {
            class: 'icon-button notebook-copy',
            text: 'Copy link',
            attrs: { type: 'button', 'aria-label': `Copy a link to the quote “${quoteOf(a).slice(0, 40)}”` },
            data: { copy: a.id },
          }),
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
    // The same toast and Undo as on the article page.
    offerUndoDelete(async () => {
      try {
        await this.store.put(annotation);
      } catch (error) {
        this.say((error as Error).message);
        return;
      }
      await this.reload();
      notify('Annotation restored');
    });
  }

  /** An empty notebook exports nothing: an empty file would look like a lost notebook. */
  private nothingToExport(): boolean {
    if (this.entries.length) return false;
    this.say('Nothing to export: this notebook has no annotations yet. Highlight or note a passage in an article, and it will be here to export.');
    return true;
  }

  private exportJson() {
    if (this.nothingToExport()) return;
    const all = this.entries.map((e) => e.annotation);
    const collection = toCollection(all, { id: newAnnotationId(), pageId: newAnnotationId(), label: `Dossier annotations, exported ${today()}` });
    download(`dossier-annotations-${today()}.jsonld`, 'application/ld+json', serializeCollection(collection));
    announce(`Exported ${plural(all.length, 'annotation')} as JSON-LD`);
  }

  private async exportMarkdown() {
    if (this.nothingToExport()) return;
    const articles = new Map((this.index?.articles ?? []).map((a) => [a.url, { outlet: a.outlet, headline: a.headline }]));
    const passageOrder = new Map((this.index?.passages ?? []).map((p) => [p.id, p.order]));
    const all = this.entries.map((e) => e.annotation);
    // the notes read back by a Markdown parser, loaded now (a failed load leaves the escaping alone to keep them inert)
    const inert = await import('../../annotations/markdown-check').then((m) => m.noteIsInert).catch(() => undefined);
    download(`dossier-annotations-${today()}.md`, 'text/markdown', toMarkdown(all, { origin: location.origin, articles, passageOrder, inert }));
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
    for (const a of foreign) result.refused.push({ item: result.positions.get(a.id) ?? 0, id: a.id, reason: `${articlePathOf(a)} is not an article of this site` });
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
