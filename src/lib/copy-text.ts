/** Text that the copy buttons put on the clipboard. */

/** Escapes characters that would end a Markdown link text early. */
const escapeLinkText = (text: string): string => text.replace(/([\\[\]])/g, '\\$1');

/** `[Page › Section](url)`, or `[Page](url)` when the section is the page itself. */
export function markdownLink(page: string, section: string, url: string): string {
  const label = section && section !== page ? `${page} › ${section}` : page;
  return `[${escapeLinkText(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** The absolute URL of an id on the page whose canonical URL is given. */
export function fragmentUrl(canonical: string, id: string): string {
  const url = new URL(canonical);
  url.hash = id;
  return url.href;
}
