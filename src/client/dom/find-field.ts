/**
 * A find field's typing, for the compare picker's "Find another source" and <find-by-name>:
 * what is typed is looked up (`find`, which may load its list on first use), how many match is
 * said in the status line and the matches are listed. A keystroke made while the list still
 * loads wins over the one before it; an empty field shows nothing.
 */
import { foundSentence, type Found, type Noun } from '../search/find-names';

export interface FindHooks {
  noun: Noun;
  /** The list leaves out what is already in sight: "No other source matches …". */
  other?: boolean;
  /** What is typed, looked up and drawn; rejects when the list cannot be loaded. */
  find: (typed: string) => Promise<Found<Node>>;
}

export class FindField {
  #run = 0;

  constructor(
    readonly field: HTMLInputElement,
    readonly status: HTMLElement,
    readonly found: HTMLElement,
    hooks: FindHooks,
  ) {
    field.addEventListener('input', async () => {
      const typed = field.value;
      if (!typed.trim()) return this.#empty();
      const run = ++this.#run;
      status.textContent = `Looking through every ${hooks.noun.one}…`;
      let matches: Found<Node>;
      try {
        matches = await hooks.find(typed);
      } catch {
        if (run === this.#run) status.textContent = `The list of ${hooks.noun.many} could not be loaded. Type again to retry.`;
        return;
      }
      if (run !== this.#run) return;
      status.textContent = foundSentence(matches.total, matches.shown.length, typed, hooks.noun, { other: hooks.other });
      found.replaceChildren(...matches.shown);
    });
  }

  /** Empties the field, what it said and what it found. */
  clear(): void {
    this.field.value = '';
    this.#empty();
  }

  #empty(): void {
    this.#run++;
    this.status.replaceChildren();
    this.found.replaceChildren();
  }
}
