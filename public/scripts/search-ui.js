// @ts-check
// Search results, loaded on first focus of the search box (src/browser/site.ts). Results
// link to the section (`page/#id`) that matched, using Pagefind's sub-results, which follow the
// headings' ids. Plain JavaScript in public/ on purpose: a bundled dynamic import would make
// the bundler add its preload helper (~700 bytes gzip) to every page.

/**
 * @typedef {{ title: string, url: string, excerpt: string }} PagefindSubResult
 * @typedef {{
 *   url: string,
 *   meta: { title?: string },
 *   excerpt: string,
 *   sub_results: PagefindSubResult[]
 * }} PagefindResultData
 * @typedef {{ results: { data(): Promise<PagefindResultData> }[] }} PagefindSearch
 * @typedef {{
 *   options(options: { baseUrl: string }): Promise<void>,
 *   debouncedSearch(query: string, options?: object, ms?: number): Promise<PagefindSearch | null>
 * }} Pagefind
 */

const MAX_RESULTS = 8;

/**
 * Rebuilds a Pagefind excerpt as DOM: its text, with <mark> kept and nothing else interpreted.
 * @param {string} html
 * @returns {Node[]}
 */
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return [...(doc.body.firstElementChild?.childNodes ?? [])].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

/**
 * @param {string} title
 * @param {string} url
 * @param {string} excerpt
 * @param {string} [page]
 */
function resultItem(title, url, excerpt, page) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = url;
  link.className = 'block rounded-lg px-3 py-2 no-underline hover:bg-sunken focus:bg-sunken';
  const heading = document.createElement('span');
  heading.className = 'block font-semibold text-ink';
  heading.textContent = page && page !== title ? `${page} › ${title}` : title;
  const text = document.createElement('span');
  text.className = 'block text-sm text-muted';
  text.append(...excerptNodes(excerpt));
  link.append(heading, text);
  item.append(link);
  return item;
}

/**
 * Wires the search box to Pagefind.
 * @param {HTMLInputElement} input
 */
export async function attach(input) {
  const panel = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!panel || !status) return;
  const base = document.body.dataset.base ?? '/';
  /** @type {Pagefind} */
  let pagefind;
  try {
    pagefind = await import(`${base}pagefind/pagefind.js`);
    await pagefind.options({ baseUrl: base });
  } catch {
    status.textContent = 'Search is not available: the index was not built.';
    return;
  }

  const close = () => panel.classList.add('hidden');
  const render = async () => {
    const query = input.value.trim();
    if (!query) {
      panel.replaceChildren();
      close();
      status.textContent = '';
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 150);
    if (!search || input.value.trim() !== query) return;
    const pages = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    const list = document.createElement('ul');
    list.setAttribute('aria-label', `Results for ${query}`);
    let count = 0;
    for (const page of pages) {
      const title = page.meta.title ?? page.url;
      const sections = page.sub_results.filter((sub) => sub.url.includes('#')).slice(0, 3);
      for (const sub of sections.length ? sections : [{ title, url: page.url, excerpt: page.excerpt }]) {
        list.append(resultItem(sub.title, sub.url, sub.excerpt, title));
        count++;
      }
    }
    const summary = count ? `${count} result${count === 1 ? '' : 's'} for “${query}”` : `No results for “${query}”`;
    const heading = document.createElement('p');
    heading.className = 'px-3 py-1 text-xs text-muted';
    heading.textContent = summary;
    panel.replaceChildren(heading, list);
    panel.classList.remove('hidden');
    status.textContent = summary;
  };

  input.addEventListener('input', () => void render());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      void render();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      panel.querySelector('a')?.focus();
    }
  });
  panel.addEventListener('keydown', (event) => {
    const links = [...panel.querySelectorAll('a')];
    const index = links.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      (next < 0 ? input : links[Math.min(next, links.length - 1)])?.focus();
    } else if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!(/** @type {Element} */ (event.target).closest('.search'))) close();
  });
  if (input.value) void render();
}
