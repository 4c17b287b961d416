/** "/" focuses the site search field, unless the reader is typing somewhere. */
import { isTypingTarget } from '../keyboard';

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  if (isTypingTarget(event.target)) return;
  const field = document.querySelector<HTMLInputElement>('#search-q, #site-search-q');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
});
