// Loads the guided stepper (/scripts/stepper.js) only when it is needed: at once when the address
// already holds answers, otherwise on the reader's first answer, which is then replayed. Until
// then the server-rendered first question is all the page needs.
const stepper = document.querySelector<HTMLElement>('k8s-stepper');
const url = stepper?.dataset.src;

if (stepper && url) {
  // A plain variable as the specifier: Vite leaves the import alone (no preload wrapper).
  const load = () => import(/* @vite-ignore */ url);
  if (new URLSearchParams(location.search).has('answers')) void load();
  else {
    const first = (event: Event) => {
      const answer = (event.target as Element).closest<HTMLElement>('[data-answer]')?.dataset.answer;
      if (!answer) return;
      stepper.removeEventListener('click', first);
      // The stepper re-renders the step when it starts, so replay the click on its own button.
      void load().then(() => stepper.querySelector<HTMLElement>(`[data-answer="${CSS.escape(answer)}"]`)?.click());
    };
    stepper.addEventListener('click', first);
  }
}
