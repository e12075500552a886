// Copy buttons of example manifests.
import { announce } from './permalinks';

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy-code]');
  const code = button?.closest('figure')?.querySelector('pre');
  if (!button || !code) return;
  navigator.clipboard.writeText(`${code.textContent ?? ''}\n`).then(
    () => {
      button.dataset.copied = '';
      setTimeout(() => delete button.dataset.copied, 1500);
      announce('Manifest copied');
    },
    () => announce('Copying failed: your browser blocked the clipboard'),
  );
});
