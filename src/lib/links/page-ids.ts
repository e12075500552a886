/**
 * Ids of built pages: what a reader can link to. Used by the build (duplicate ids and headings
 * without ids stop it) and by the id registry check.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface PageIds {
  /** Every id inside <main>, in document order (duplicates kept, so they can be reported). */
  ids: string[];
  /** Text of h2–h4 headings in <main> that have no id (outside JavaScript-only widgets). */
  headingsWithoutId: string[];
  /** Whether the page asks search engines to skip it (the 404 page, redirect pages). */
  noindex: boolean;
}

const insideJsOnly = (element: HTMLElement): boolean => {
  for (let node: HTMLElement | null = element; node; node = node.parentNode) {
    if (node.hasAttribute?.('data-js-only')) return true;
  }
  return false;
};

/** Reads the linkable ids of one built HTML page. */
export function readPageIds(html: string): PageIds {
  const root = parse(html);
  const main = root.querySelector('main');
  const noindex = root.querySelector('meta[name="robots"]')?.getAttribute('content')?.includes('noindex') ?? false;
  if (!main) return { ids: [], headingsWithoutId: [], noindex };
  const ids = main.querySelectorAll('[id]').map((element) => element.getAttribute('id') ?? '');
  if (main.id) ids.unshift(main.id);
  const headingsWithoutId = main
    .querySelectorAll('h2, h3, h4')
    .filter((heading) => !heading.getAttribute('id') && !insideJsOnly(heading))
    .map((heading) => heading.text.trim());
  return { ids, headingsWithoutId, noindex };
}

/** Ids that occur more than once. */
export function duplicateIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

/** "workloads/job/index.html" → "/workloads/job/"; "404.html" → "/404.html". */
export function pagePathOf(file: string): string {
  const path = `/${file.replace(/\\/g, '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}
