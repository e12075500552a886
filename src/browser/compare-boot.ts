// Loads the comparison table's code (/scripts/compare-table.js, from src/browser/compare-table.ts)
// only when it is needed: at once when the address already holds a view (a sort, a choice of rows
// or columns), otherwise on the reader's first press of a button or checkbox in the table, which
// is then replayed. Until then the server-rendered table is all the page needs, and the first load
// carries a few hundred bytes of script instead of the whole table code.
const table = document.querySelector<HTMLElement>('k8s-compare');
const url = table?.dataset.src;

if (table && url) {
  // A plain variable as the specifier: Vite leaves the import alone (no preload wrapper).
  const load = () => import(/* @vite-ignore */ url);
  const params = new URLSearchParams(location.search);
  if (['sort', 'workloads', 'dimensions'].some((name) => params.has(name))) void load();
  else {
    const first = (event: Event) => {
      // The table's own controls only: a copy button beside a row (src/browser/site.ts) copies on
      // its own, and replaying its press would copy a second time, outside the reader's gesture.
      const control = (event.target as Element).closest<HTMLElement>('button, input');
      if (!control || control.dataset.copy) return;
      table.removeEventListener('click', first);
      // The table code sets every control from the view when it starts, so the press is replayed on
      // the control itself: a checkbox is toggled back by that reset and then toggled again here.
      void load().then(() => control.click());
    };
    table.addEventListener('click', first);
  }
  for (const button of table.querySelectorAll<HTMLButtonElement>('button[disabled]')) button.disabled = false;
}

// A module, not a global script: its names stay its own.
export {};
