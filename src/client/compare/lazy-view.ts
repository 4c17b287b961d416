/**
 * The compare layout a page does not hold (CompareLazyView.astro), fetched from the page that
 * does when the reader first switches to it: that page is fetched, its layout's section taken
 * out and put in place of the placeholder. One load at a time per section; a failed load says
 * why and offers a retry (and the link to the layout's own page stays there).
 */

export class LazyViewError extends Error {}

/** Fetches the page at `src`, parsed (not adopted: take out what is needed). */
export async function fetchPage(src: string): Promise<Document> {
  let response: Response;
  try {
    response = await fetch(src, { credentials: 'same-origin' });
  } catch {
    throw new LazyViewError('the network request failed');
  }
  if (!response.ok) throw new LazyViewError(`the server answered ${response.status}`);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** Fetches `src` and returns its section with this id, adopted into this document. */
export async function fetchSection(src: string, id: string): Promise<HTMLElement> {
  const page = await fetchPage(src);
  const section = page.getElementById(id);
  if (!section || section.classList.contains('cmp-lazy')) throw new LazyViewError(`the page ${src} does not hold it`);
  return document.adoptNode(section);
}

export interface LazyHooks {
  /** The layout's name, for messages ("the full text"). */
  name: string;
  /** Called with the section once it is in the page; the load ends when what it returns settles. */
  loaded: (section: HTMLElement) => void | Promise<void>;
}

/** Loads a placeholder's section once (concurrent calls share the load); resolves with the section. */
export class LazyView {
  readonly #placeholder: HTMLElement;
  readonly #hooks: LazyHooks;
  #loading: Promise<HTMLElement> | null = null;

  constructor(placeholder: HTMLElement, hooks: LazyHooks) {
    this.#placeholder = placeholder;
    this.#hooks = hooks;
    placeholder.querySelector('.cmp-lazy-retry')?.addEventListener('click', () => void this.load().catch(() => {}));
  }

  load(): Promise<HTMLElement> {
    this.#loading ??= this.#fetch().catch((error: unknown) => {
      this.#loading = null;
      throw error;
    });
    return this.#loading;
  }

  async #fetch(): Promise<HTMLElement> {
    const placeholder = this.#placeholder;
    const message = placeholder.querySelector('.cmp-lazy-message')!;
    const retry = placeholder.querySelector<HTMLButtonElement>('.cmp-lazy-retry')!;
    const src = placeholder.dataset.src!;
    const link = () => {
      const a = document.createElement('a');
      a.href = src;
      a.textContent = 'open it as a page of its own';
      return a;
    };
    placeholder.setAttribute('aria-busy', 'true');
    retry.hidden = true;
    message.replaceChildren(`Loading ${this.#hooks.name}…`);
    try {
      const section = await fetchSection(src, placeholder.id);
      placeholder.replaceWith(section);
      await this.#hooks.loaded(section);
      return section;
    } catch (error) {
      const why = error instanceof LazyViewError ? error.message : 'it could not be read';
      placeholder.removeAttribute('aria-busy');
      message.replaceChildren(`${capitalise(this.#hooks.name)} could not be loaded (${why}). Try again, or `, link(), '.');
      retry.hidden = false;
      throw error;
    }
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
