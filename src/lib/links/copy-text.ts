/** Text that the copy buttons put on the clipboard. */
import { withVersion } from '../versions/version-param.ts';

/** Escapes characters that would end a Markdown link text early. */
const escapeLinkText = (text: string): string => text.replace(/([\\[\]])/g, '\\$1');

/** "Page › Section", or "Page" when the section is the page itself: how a copied link is titled. */
export const linkLabel = (page: string, section: string): string =>
  section && section !== page ? `${page} › ${section}` : page;

/** `[Page › Section](url)`, or `[Page](url)` when the section is the page itself. */
export function markdownLink(page: string, section: string, url: string): string {
  // Parentheses and spaces would end the Markdown link target early; percent-encode them.
  const target = url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeLinkText(linkLabel(page, section))}](${target})`;
}

/** `<a href="url">Page › Section</a>`: the titled link that rich editors paste from `text/html`. */
export function htmlLink(page: string, section: string, url: string): string {
  // `&`, `<` and `"` are all that could end the text or the attribute early ('>' cannot).
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<a href="${escape(url)}">${escape(linkLabel(page, section))}</a>`;
}

/**
 * The absolute URL of a place: its share folder (from <main>'s data attributes) and id, with the
 * reader's Kubernetes version if one is chosen, which the share page's redirect keeps.
 */
export function placeUrl(folder: string, id: string, version?: string): string {
  const url = new URL(`${folder}${id}/`);
  url.search = withVersion(url.search, version);
  return url.href;
}
