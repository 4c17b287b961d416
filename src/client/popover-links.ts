/**
 * Menus and panels are popovers (the header's Menu, compare's "Pairs and keys"…): the browser
 * closes them on Escape and on a click outside. Following a link inside one closes it too, so
 * that it is not found still open over the page when the reader comes back (back/forward
 * cache), nor left open by a link within the page. Loaded on every page, by SiteHeader.astro.
 */
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const popover = target?.closest('a[href]')?.closest<HTMLElement>('[popover]');
  if (popover?.matches(':popover-open')) popover.hidePopover();
});
