/** Says what happened in the page's polite live region (#status), without moving focus. */
export function announce(message: string): void {
  const status = document.getElementById('status');
  if (!status) return;
  // Clearing first makes screen readers repeat a message identical to the last one.
  status.textContent = '';
  requestAnimationFrame(() => {
    status.textContent = message;
  });
}
