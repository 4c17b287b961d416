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
  wide.addEventListener('change', sync);
}
