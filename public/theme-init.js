// Applies the reader's saved colour scheme before the first paint (no flash).
// Kept as a file, not an inline script, so the Content-Security-Policy needs no exception.
try {
  const saved = localStorage.getItem('dossier:color-scheme');
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.colorScheme = saved;
} catch {
  /* storage unavailable: follow the system */
}
