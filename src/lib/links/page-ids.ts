/**
 * Ids of built pages: what a reader can link to. Used by the build (duplicate ids and headings
 * without ids stop it: src/lib/output/id-check.ts) and by the id registry check (scripts/anchors.ts).
 */
import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export interface PageIds {
  /** Every id inside <main> (and <main>'s own), in document order; duplicates kept, so they can be reported. */
  ids: string[];
  /** Text of h2–h4 headings in <main> that have no id (outside JavaScript-only widgets). */
  headingsWithoutId: string[];
}

const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4']);

/** Reads the linkable ids of one built page (one walk over its <main>). */
export function readPageIds(tree: Root): PageIds {
  const ids: string[] = [];
  const headingsWithoutId: string[] = [];
  const walk = (element: Element, inWidget: boolean): void => {
    const { id, dataJsOnly } = element.properties;
    if (id !== undefined) ids.push(String(id));
    // Headings inside a widget that only scripts show are not places a link can land.
    const scriptOnly = inWidget || dataJsOnly !== undefined;
    if (SECTION_HEADINGS.has(element.tagName) && !id && !scriptOnly) headingsWithoutId.push(toString(element).trim());
    for (const child of element.children) if (child.type === 'element') walk(child, scriptOnly);
  };
  const main = select('main', tree);
  if (main) walk(main, false);
  return { ids, headingsWithoutId };
}

/** Ids that occur more than once. */
export function duplicateIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}
