/**
 * Ids of built pages: what a reader can link to. Used by the build (duplicate ids and headings
 * without ids stop it: src/lib/output/id-check.ts) and by the id registry check (scripts/anchors.ts).
 */
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface PageIds {
  /** Every id inside <main> (and <main>'s own), in document order; duplicates kept, so they can be reported. */
  ids: string[];
  /** Text of h2–h4 headings in <main> that have no id (outside JavaScript-only widgets). */
  headingsWithoutId: string[];
}

/** Reads the linkable ids of one built page. */
export function readPageIds(tree: Root): PageIds {
  const main = select('main', tree);
  if (!main) return { ids: [], headingsWithoutId: [] };
  const ids = selectAll('[id]', main).map((element) => String(element.properties.id));
  // Headings inside a widget that only scripts show are not places a link can land.
  const scriptOnly = new Set(selectAll('[data-js-only] :is(h2, h3, h4)', main));
  const headingsWithoutId = selectAll('h2, h3, h4', main)
    .filter((heading) => !heading.properties.id && !scriptOnly.has(heading))
    .map((heading) => toString(heading).trim());
  return { ids, headingsWithoutId };
}

/** Ids that occur more than once. */
export function duplicateIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}
