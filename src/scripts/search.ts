// Loads the search code and Pagefind's index only when the reader first focuses the box.
const input = document.getElementById('search-input') as HTMLInputElement | null;

if (input) {
  let loading: Promise<unknown> | undefined;
  const start = () => (loading ??= import('./search-ui').then((ui) => ui.attach(input)));
  input.addEventListener('focus', start, { once: true });
  document.addEventListener('keydown', (event) => {
    const typing = (event.target as Element).closest('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
}
