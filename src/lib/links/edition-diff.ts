/**
 * What changed between a pinned edition and the current site, place by place: for every place of
 * an edition page, where it lives now (its page and id, through the aliases of
 * src/content/aliases.yaml) and whether it still says the same. The edition pages show it
 * (src/lib/output/editions.ts): a marker at each changed place, and a banner that links the
 * reader's place in the current edition.
 */
import type { Aliases } from './registry.ts';
import type { Section } from './sections.ts';

/** How a place of an edition compares with the current site. */
export type PlaceStatus = 'same' | 'changed' | 'gone';

export interface PlaceDiff {
  /** How the place compares as a whole (a section with its subsections, a row with its cells). */
  status: PlaceStatus;
  /** Whether the place's own words differ (or it is gone): a marker goes there. A row whose cells changed
   * is not marked itself; its cells are. */
  marked: boolean;
  /** Where the place is now: its current page and id, or for a place that is gone the closest
   * place that still exists (an enclosing row or section), or the page alone. */
  page: string;
  id?: string;
}

/** One side of a comparison: each page's places, and every id on it (places or not). */
export interface SiteText {
  sections: ReadonlyMap<string, readonly Section[]>;
  ids: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The page a path of an edition is now: itself, the target of a page alias, or the home page. */
export function currentPage(page: string, current: SiteText, aliases: Aliases): { page: string; id?: string } {
  if (current.ids.has(page)) return { page };
  const moved = aliases.pages.find((alias) => alias.from === page);
  if (moved) {
    const [path = '/', id] = moved.to.split('#');
    if (current.ids.has(path)) return id ? { page: path, id } : { page: path };
  }
  return { page: '/' };
}

/** The id a link to `id` on `page` lands on now (itself, or an anchor alias's target), or undefined. */
function currentId(page: string, id: string, current: SiteText, aliases: Aliases): string | undefined {
  const ids = current.ids.get(page);
  if (!ids) return undefined;
  if (ids.has(id)) return id;
  const alias = aliases.anchors.find((a) => a.page === page && a.from === id);
  return alias && ids.has(alias.to) ? alias.to : undefined;
}

/** Compares every place of one edition page with the current site: id → how it compares and where it is now. */
export function diffEditionPage(
  page: string,
  sections: readonly Section[],
  current: SiteText,
  aliases: Aliases,
): Map<string, PlaceDiff> {
  const home = currentPage(page, current, aliases);
  const now = new Map((current.sections.get(home.page) ?? []).map((section) => [section.id, section]));
  const result = new Map<string, PlaceDiff>();
  for (const section of sections) {
    const id = currentId(home.page, section.id, current, aliases);
    if (id !== undefined) {
      const place = now.get(id);
      const status = place?.content === section.content ? 'same' : 'changed';
      result.set(section.id, { status, marked: place?.words !== section.words, page: home.page, id });
      continue;
    }
    const closest = section.parents
      .map((parent) => currentId(home.page, parent, current, aliases))
      .find((found) => found !== undefined);
    const target = closest ?? home.id;
    const gone = { status: 'gone', marked: true, page: home.page } as const;
    result.set(section.id, target ? { ...gone, id: target } : gone);
  }
  return result;
}
