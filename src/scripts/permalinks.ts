// Copy link / Copy as Markdown link, and landing on a linked place (with aliases for renamed ids).
import { fragmentUrl, markdownLink } from '../lib/copy-text';

const main = document.getElementById('main');

/** Tells screen-reader users what just happened. */
export const announce = (message: string): void => {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes repeated messages announce again.
  requestAnimationFrame(() => (region.textContent = message));
};

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-copy]');
  const link = button?.parentElement?.querySelector<HTMLAnchorElement>('a[data-permalink]');
  if (!button || !link) return;
  const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href;
  const url = fragmentUrl(canonical, link.hash.slice(1));
  const markdown = button.dataset.copy === 'md';
  const text = markdown ? markdownLink(main?.dataset.title ?? document.title, link.dataset.label ?? '', url) : url;
  navigator.clipboard.writeText(text).then(
    () => {
      button.dataset.copied = '';
      setTimeout(() => delete button.dataset.copied, 1500);
      announce(markdown ? 'Markdown link copied' : 'Link copied');
    },
    () => announce('Copying failed: your browser blocked the clipboard'),
  );
});

let landed: Element | null = null;

/** Highlights and focuses the element the fragment names, following an alias if the id was renamed. */
function land(): void {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  if (!id) return;
  let target = document.getElementById(id);
  if (!target) {
    let aliases: Record<string, string> = {};
    try {
      aliases = JSON.parse(main?.dataset.aliases ?? '{}') as Record<string, string>;
    } catch {
      // A malformed alias map only disables aliasing.
    }
    const renamed = Object.hasOwn(aliases, id) ? aliases[id] : undefined;
    target = renamed ? document.getElementById(renamed) : null;
    if (!target || !renamed) return;
    history.replaceState(history.state, '', `#${renamed}`);
    target.scrollIntoView();
  }
  landed?.removeAttribute('data-landed');
  landed = target;
  target.setAttribute('data-landed', '');
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.tabIndex = -1;
  target.focus({ preventScroll: true });
}

addEventListener('hashchange', land);
land();
