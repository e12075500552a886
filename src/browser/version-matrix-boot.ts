// Loads the /versions/ matrix's sorting (/scripts/version-matrix.js, from
// src/browser/version-matrix.ts) only when it is needed: at once when the address already holds a
// sort, otherwise on the reader's first press of a column heading, which is then replayed. Until
// then the server-rendered table is all the page needs, and its first load stays within budget.
const matrix = document.querySelector<HTMLElement>('k8s-matrix');
const url = matrix?.dataset.src;

if (matrix && url) {
  // A plain variable as the specifier: Vite leaves the import alone (no preload wrapper).
  const load = () => import(/* @vite-ignore */ url);
  if (new URLSearchParams(location.search).has('sort')) void load();
  else {
    const first = (event: Event) => {
      const button = (event.target as Element).closest('button');
      if (!button) return;
      matrix.removeEventListener('click', first);
      void load().then(() => button.click());
    };
    matrix.addEventListener('click', first);
  }
  for (const button of matrix.querySelectorAll('button')) button.disabled = false;
}

export {};
