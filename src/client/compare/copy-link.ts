/**
 * "Copy link" beside each passage's ¶ link: the passage's address in its article, to the
 * clipboard. The buttons are added here (they do nothing without scripts, and the page
 * holds hundreds of passages, so the HTML stays lean).
 */
import { copyLink } from '../clipboard';

/** Adds the buttons to the passages under `root` (a layout, when it arrives). */
export function addCopyButtons(root: HTMLElement): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('.cmp-passage a.cmp-open')) {
    if (link.previousElementSibling?.matches('.cmp-copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cmp-copy';
    button.textContent = 'Copy link';
    button.title = 'Copy the link to this passage';
    link.before(button);
  }
}

/** One listener for every button, present and to come. */
export function wireCopyLinks(root: HTMLElement): void {
  root.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.cmp-copy');
    const link = button?.nextElementSibling;
    if (!(link instanceof HTMLAnchorElement)) return;
    await copyLink(link.href, `Link copied: ${link.href}`);
  });
}
