import { notify, offerLink } from './toast';

/** Copies text: the async Clipboard API, else a hidden textarea and execCommand. Resolves to success. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'visually-hidden';
    const focused = document.activeElement as HTMLElement | null;
    document.body.append(field);
    field.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    field.remove();
    focused?.focus({ preventScroll: true });
    return ok;
  }
}

/**
 * Copies a link and says so in the toast (`copied`); when the clipboard refuses, shows the link
 * in a selected field instead, so the reader can still take it.
 */
export async function copyLink(url: string, copied = 'Link copied'): Promise<void> {
  if (await copyText(url)) notify(copied);
  else offerLink(url);
}
