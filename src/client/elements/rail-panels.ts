/**
 * Side rails are <details> panels: open on screens wide enough to show them beside
 * the text (data-open-from, in px), folded into disclosures above the text below that.
 */
for (const panel of document.querySelectorAll<HTMLDetailsElement>('details[data-open-from]')) {
  const wide = matchMedia(`(min-width: ${panel.dataset.openFrom}px)`);
  const sync = () => {
    panel.open = wide.matches;
  };
  sync();
  // Until now CSS showed the panel's content on wide screens (so nothing moved on load);
  // from here on, the <details> opens and closes as usual.
  panel.dataset.ready = '';
  wide.addEventListener('change', sync);
}
