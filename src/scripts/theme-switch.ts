// Light / dark / system switch. The inline head script applies the stored choice before paint;
// this keeps the buttons in step and stores new choices.
const root = document.documentElement;

const show = (choice: string): void => {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]')) {
    button.setAttribute('aria-pressed', String(button.dataset.themeChoice === choice));
  }
};

show(root.dataset.theme ?? 'system');

document.addEventListener('click', (event) => {
  const choice = (event.target as Element).closest<HTMLButtonElement>('[data-theme-choice]')?.dataset.themeChoice;
  if (!choice) return;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem('theme');
    else localStorage.setItem('theme', choice);
  } catch {
    // Storage may be blocked; the choice still applies to this page.
  }
  show(choice);
});
