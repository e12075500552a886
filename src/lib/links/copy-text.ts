/** Text that the copy buttons put on the clipboard. */
import { withVersion } from '../versions/version-param.ts';

/** Escapes characters that would end a Markdown link text early. */
const escapeLinkText = (text: string): string => text.replace(/([\\[\]])/g, '\\$1');

/** `[Page › Section](url)`, or `[Page](url)` when the section is the page itself. */
export function markdownLink(page: string, section: string, url: string): string {
  const label = section && section !== page ? `${page} › ${section}` : page;
  // Parentheses and spaces would end the Markdown link target early; percent-encode them.
  const target = url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeLinkText(label)}](${target})`;
}

/** The absolute URL of an id on the page whose canonical URL is given, with the reader's Kubernetes version if chosen. */
export function fragmentUrl(canonical: string, id: string, version?: string): string {
  const url = new URL(canonical);
  url.search = withVersion(url.search, version);
  url.hash = id;
  return url.href;
}
