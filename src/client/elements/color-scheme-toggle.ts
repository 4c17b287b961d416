/**
 * <color-scheme-toggle>: a button that switches light/dark and remembers the
 * choice (public/theme-init.js applies it before paint on the next page).
 */
const STORAGE_KEY = 'dossier:color-scheme';

type Scheme = 'light' | 'dark';

function currentScheme(): Scheme {
  const chosen = document.documentElement.dataset.colorScheme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

class ColorSchemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    if (!button) return;
    const sync = () => button.setAttribute('aria-pressed', String(currentScheme() === 'dark'));
    sync();
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', sync);
    button.addEventListener('click', () => {
      const next: Scheme = currentScheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.colorScheme = next;
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      sync();
    });
  }
}

customElements.define('color-scheme-toggle', ColorSchemeToggle);
