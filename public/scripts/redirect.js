// @ts-check
// Redirect pages for renamed or alternative addresses, and the share pages of linkable places
// (src/lib/output/share-pages.ts): keep the reader's #fragment, which a meta refresh would drop,
// and the query (a view or a version, `?k8s=`), unless the target names its own. The target
// comes from this script tag's data-to attribute; location.replace leaves no history entry.
const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const to = script?.dataset.to;
if (to) {
  const url = new URL(to, location.href);
  if (!url.search) url.search = location.search;
  if (!url.hash) url.hash = location.hash;
  location.replace(url.href);
}
