// Behaviour shared by every page: copy buttons, landing on linked places, the theme switch and
// the lazy search loader. All of it is delegated listeners over complete server-rendered HTML.
// One module (not several) because every page needs all of it and each chunk costs bytes.
import { htmlLink, markdownLink, placeUrl } from '../lib/links/copy-text';

const root = document.documentElement;
const main = document.getElementById('main');

/** Tells screen-reader users what just happened; other scripts dispatch an `announce` event. */
const announce = (message: string): void => {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // Setting the text in the next frame makes a repeated message announce again.
  requestAnimationFrame(() => (region.textContent = message));
};
addEventListener('announce', (event) => announce((event as CustomEvent<string>).detail));

/**
 * Puts `text` on the clipboard, with `html` beside it as one item when given (rich editors paste
 * the titled link, plain ones the text). The item is made and written synchronously in the click,
 * as Safari requires; without ClipboardItem or clipboard.write the text alone is written.
 */
const copy = (button: HTMLElement, text: string, done: string, html?: string): void => {
  const clipboard = navigator.clipboard;
  const blob = (content: string, type: string) => new Blob([content], { type });
  (html && self.ClipboardItem && clipboard.write
    ? clipboard.write([
        new ClipboardItem({ 'text/plain': blob(text, 'text/plain'), 'text/html': blob(html, 'text/html') }),
      ])
    : clipboard.writeText(text)
  ).then(
    () => {
      button.dataset.copied = '';
      setTimeout(() => delete button.dataset.copied, 1500);
      announce(done);
    },
    () => announce('Copying failed: the browser blocked the clipboard'),
  );
};

/** What a permalink points at: its accessible name without the "Permalink: " prefix. */
const labelOf = (link: Element): string => link.getAttribute('aria-label')?.replace(/^Permalink: /, '') ?? '';

// Copy buttons beside every permalink, in the room its wrapper reserves (no layout shift).
for (const link of document.querySelectorAll('.anchors > a')) {
  for (const [kind, name] of [
    ['link', 'Copy link to'],
    ['md', 'Copy Markdown link to'],
    ['pin', 'Copy pinned link to'],
  ]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'anchor';
    button.dataset.copy = kind;
    button.setAttribute('aria-label', `${name} ${labelOf(link)}`);
    button.innerHTML = `<svg width="16" height="16" aria-hidden="true"><use href="#i-${kind}"></use></svg>`;
    link.parentElement?.append(button);
  }
}

const showTheme = (choice: string): void => {
  for (const button of document.querySelectorAll('[data-theme-choice]')) {
    button.setAttribute('aria-pressed', String((button as HTMLElement).dataset.themeChoice === choice));
  }
};
showTheme(root.dataset.theme ?? 'system');

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button');
  const data = button?.dataset;
  if (!button || !data) return;
  if (data.copy) {
    // Copy link, Markdown link or pinned link: the permalink before the button says to where. The
    // link is the place's share URL, which unfurls as the place; pinned, the share URL in this
    // edition (/v1.37/s/…), which keeps saying what the place says today. <main> holds the page's
    // share folders (src/lib/links/share.ts, as absolute URLs): the id completes them.
    const link = button.parentElement?.querySelector('a') as HTMLAnchorElement;
    const title = main?.dataset.title ?? '';
    // The reader's Kubernetes version (set by src/browser/version.ts) travels with the link.
    const url = placeUrl(
      main?.dataset[data.copy === 'pin' ? 'pinned' : 'share'] ?? '',
      link.hash.slice(1),
      root.dataset.k8s,
    );
    const html = htmlLink(title, labelOf(link), url);
    if (data.copy === 'md') copy(button, markdownLink(title, labelOf(link), url), 'Markdown link copied', html);
    else copy(button, url, data.copy === 'pin' ? 'Pinned link copied' : 'Link copied', html);
  } else if ('copyCode' in data) {
    copy(button, `${button.closest('figure')?.querySelector('pre')?.textContent ?? ''}\n`, 'Manifest copied');
  } else if (data.themeChoice) {
    const choice = data.themeChoice;
    if (choice === 'system') delete root.dataset.theme;
    else root.dataset.theme = choice;
    try {
      if (choice === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', choice);
    } catch {
      // Storage may be blocked; the choice still applies to this page.
    }
    showTheme(choice);
  }
});

let landed: Element | null = null;

/** Highlights and focuses the element the fragment names, following an alias if the id was renamed. */
const land = (): void => {
  let id: string;
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  let target = id ? document.getElementById(id) : null;
  if (id && !target) {
    let renamed: unknown;
    try {
      // Only string values count, so inherited keys such as "constructor" lead nowhere.
      renamed = (JSON.parse(main?.dataset.aliases ?? '{}') as Record<string, unknown>)[id];
    } catch {
      // A malformed alias map only disables aliasing.
    }
    target = typeof renamed === 'string' ? document.getElementById(renamed) : null;
    if (!target) return;
    history.replaceState(history.state, '', `#${target.id}`);
    target.scrollIntoView();
  }
  if (!target) return;
  landed?.removeAttribute('data-landed');
  landed = target;
  target.setAttribute('data-landed', '');
  // Elements that are not focusable report tabIndex -1 until the attribute makes them so.
  if (target.tabIndex < 0) target.tabIndex = -1;
  target.focus({ preventScroll: true });
};
addEventListener('hashchange', land);
land();

// Search: the results code and Pagefind's index load on first focus of the box.
// public/scripts/search-ui.js is plain JavaScript so the bundler adds no preload helper here.
const search = document.getElementById('search-input') as HTMLInputElement | null;
if (search) {
  // A plain variable as the specifier: Vite leaves such an import alone (no preload wrapper).
  const ui = `${document.body.dataset.base}scripts/search-ui.js`;
  search.addEventListener(
    'focus',
    () =>
      void import(/* @vite-ignore */ ui).then((m: { attach(input: HTMLInputElement): unknown }) => m.attach(search)),
    { once: true },
  );
  document.addEventListener('keydown', (event) => {
    if (
      event.key === '/' &&
      !event.metaKey &&
      !event.ctrlKey &&
      !event.altKey &&
      !(event.target as Element).closest('input,textarea,select,[contenteditable]')
    ) {
      event.preventDefault();
      search.focus();
    }
  });
}
