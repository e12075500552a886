// Pages of a pinned edition (src/lib/output/editions.ts): the banner follows the reader's place,
// linking it in the current edition and saying whether it still reads the same there. The banner
// holds each place's state (`s` same, `c` changed, `g` gone) and, when the place lives elsewhere
// now, its address; the fragment is only a key into that map, never written into the page.
// The edition's table code loads on first use, like the current table's (compare-boot.ts).
import './compare-boot';

const banner = document.querySelector<HTMLElement>('[data-edition-ids]');
const link = banner?.querySelector<HTMLAnchorElement>('[data-edition-current]');
const status = banner?.querySelector('[data-edition-status]');

if (banner && link && status) {
  const ids = JSON.parse(banner.dataset.editionIds ?? '{}') as Record<string, unknown>;
  const now = `v${banner.dataset.editionNow}`;
  const page = link.getAttribute('href') ?? '';
  const pageText = link.textContent;
  const said: Record<string, string> = {
    s: `The place you followed reads the same in ${now}. `,
    c: `The place you followed has changed since: ${now} says something else. `,
    g: `The place you followed is gone in ${now}; the link goes to the closest place. `,
  };
  const follow = (): void => {
    let id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      // A malformed fragment names no place.
    }
    const entry = Object.hasOwn(ids, id) ? ids[id] : undefined;
    const [state = '', target] = typeof entry === 'string' ? entry.split(' ') : [];
    status.textContent = said[state] ?? '';
    link.href = said[state] ? (target ?? `${page}#${id}`) : page;
    link.textContent = said[state] ? `Read it in the current edition (${now})` : pageText;
  };
  addEventListener('hashchange', follow);
  follow();
}
