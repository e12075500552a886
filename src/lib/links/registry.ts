/**
 * The id registry: every public page and every id on it, committed in tests/anchors.json.
 * Published links must keep working, so a page or id that disappears fails the check unless an
 * alias (src/content/aliases.yaml) maps it to its new home. New pages and ids are reported, and
 * `npm run anchors` records them.
 */

/** Page path → the ids on that page. */
export type Registry = Record<string, string[]>;

export interface Aliases {
  anchors: { page: string; from: string; to: string }[];
  pages: { from: string; to: string }[];
}

export interface RegistryDiff {
  /** Problems that break published links (the check fails). */
  errors: string[];
  /** Pages and ids not yet in the registry (recorded by `npm run anchors`). */
  added: string[];
}

const pathOf = (target: string): string => target.replace(/#.*$/, '');

/** Compares the published registry with the built site, allowing for aliases. */
export function diffRegistry(published: Registry, current: Registry, aliases: Aliases): RegistryDiff {
  const errors: string[] = [];
  const added: string[] = [];
  const has = (page: string, id: string) => current[page]?.includes(id) ?? false;
  /** Does a link to page#id land somewhere on the built site? */
  const lands = (page: string, id: string) =>
    has(page, id) || aliases.anchors.some((a) => a.page === page && a.from === id && has(page, a.to));

  for (const [page, ids] of Object.entries(published)) {
    let home = page;
    if (!current[page]) {
      const moved = aliases.pages.find((a) => a.from === page);
      if (!moved) {
        errors.push(
          `page ${page} was published but is gone: restore it, or add a page alias from ${page} to its new home`,
        );
        continue;
      }
      home = pathOf(moved.to);
      if (!current[home]) continue; // reported below as a broken alias
    }
    for (const id of ids) {
      if (!lands(home, id)) {
        errors.push(
          `id "${id}" on ${page} was published but is gone${home === page ? '' : ` from ${home}`}: ` +
            `restore it, or add an anchor alias (page ${home}, from ${id}, to the new id)`,
        );
      }
    }
  }

  for (const alias of aliases.anchors) {
    if (!current[alias.page])
      errors.push(`anchor alias ${alias.page}#${alias.from}: the page ${alias.page} does not exist`);
    else if (!has(alias.page, alias.to))
      errors.push(`anchor alias ${alias.page}#${alias.from} → #${alias.to}: no element has the id "${alias.to}"`);
    else if (has(alias.page, alias.from))
      errors.push(
        `anchor alias ${alias.page}#${alias.from}: the id "${alias.from}" still exists on the page, ` +
          'so the alias never applies: remove it',
      );
  }
  for (const alias of aliases.pages) {
    if (!current[pathOf(alias.to)])
      errors.push(`page alias ${alias.from} → ${alias.to}: the target page does not exist`);
    if (current[alias.from])
      errors.push(`page alias ${alias.from}: a real page has that path, so the redirect would replace it`);
  }

  for (const [page, ids] of Object.entries(current)) {
    if (!published[page]) added.push(`new page ${page} (${ids.length} ids)`);
    else for (const id of ids) if (!published[page].includes(id)) added.push(`new id ${page}#${id}`);
  }
  return { errors, added };
}

/** The registry as stable, diff-friendly JSON: pages and ids sorted. */
export function formatRegistry(registry: Registry): string {
  const sorted = Object.fromEntries(
    Object.keys(registry)
      .sort()
      .map((page) => [page, [...new Set(registry[page])].sort()]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
