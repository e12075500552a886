// @ts-check
// Redirect pages for renamed or alternative addresses: keep the reader's #fragment, which a
// meta refresh would drop. The target comes from this script tag's data-to attribute.
const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
const to = script?.dataset.to;
if (to) location.replace(to.includes('#') || !location.hash ? to : to + location.hash);
