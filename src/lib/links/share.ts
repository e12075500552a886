/**
 * Share URLs and pinned editions: the one rule that maps a linkable place to the address that
 * unfurls as that place, and a page to its copy in a pinned edition. Used by the build (the
 * share pages and the edition copies: src/lib/output/share-pages.ts, src/lib/output/editions.ts;
 * the page shell, src/layouts/Base.astro, gives the copy buttons of src/browser/site.ts each
 * page's share folder) and the tests, so every one spells an address the same way. Paths here
 * are site paths; the base path is added by `withBase` (urls.ts).
 *
 * The rule: page path P and id → `/s/<key>/<id>/`, where `<key>` is P without its slashes
 * ("/compare/" → "compare", "/workloads/statefulset/" → "workloads/statefulset") and the home
 * page's key is "home". In an edition everything moves under the edition: `/v1.36/s/<key>/<id>/`.
 */
/** Key of the home page in share URLs (no page has that path, so no key is ambiguous). */
export const HOME_KEY = 'home';

/** "/compare/" → "compare"; "/workloads/job/" → "workloads/job"; "/" → "home". */
export const shareKey = (page: string): string => page.replace(/^\/|\/$/g, '') || HOME_KEY;

/** The folder of an edition: "1.36" → "/v1.36". */
export const editionPrefix = (version: string): string => `/v${version}`;

/** Site path of a page in an edition ("1.36", "/compare/" → "/v1.36/compare/"), or the page itself without one. */
export const editionPath = (page: string, edition?: string): string =>
  edition ? `${editionPrefix(edition)}${page}` : page;

/** The folder of every share page (of an edition: under the edition's folder). */
export const SHARE_ROOT = '/s/';

/** The folder of a page's share pages, in `edition` when given: "/s/compare/", "/v1.37/s/compare/". */
export const shareFolder = (page: string, edition?: string): string =>
  editionPath(`${SHARE_ROOT}${shareKey(page)}/`, edition);

/** Site path of the share page of `id` on `page`, in `edition` when given: "/s/compare/statefulset-storage/". */
export const sharePath = (page: string, id: string, edition?: string): string => `${shareFolder(page, edition)}${id}/`;
