/**
 * The comparison table's view as URL query parameters:
 * `?sort=<dimension>&dir=asc|desc&workloads=a,b&dimensions=c,d`.
 * Values come from the address bar and are untrusted: anything not known is dropped, and the
 * result only ever holds ids from the known lists.
 */
import type { Direction } from './sort.ts';

export interface CompareView {
  /** Dimension id to sort by, or null for the default order. */
  sort: string | null;
  dir: Direction;
  /** Workloads shown, in display order; null means all. */
  workloads: string[] | null;
  /** Dimensions shown, in column order; null means all. */
  dimensions: string[] | null;
}

export interface KnownIds {
  workloads: readonly string[];
  dimensions: readonly string[];
}

export const DEFAULT_VIEW: CompareView = { sort: null, dir: 'asc', workloads: null, dimensions: null };

/** Keeps the known ids of a comma list, in the known order; null when none (or all) remain. */
function pickList(raw: string | null, known: readonly string[]): string[] | null {
  if (raw === null) return null;
  const wanted = new Set(raw.split(',').map((part) => part.trim()));
  const kept = known.filter((id) => wanted.has(id));
  return kept.length === 0 || kept.length === known.length ? null : kept;
}

/** Parses a query string into a view, ignoring unknown or hostile values. */
export function parseView(search: string, known: KnownIds): CompareView {
  const params = new URLSearchParams(search);
  const sortRaw = params.get('sort');
  const sort = sortRaw !== null && known.dimensions.includes(sortRaw) ? sortRaw : null;
  const dir: Direction = sort && params.get('dir') === 'desc' ? 'desc' : 'asc';
  const dimensions = pickList(params.get('dimensions'), known.dimensions);
  // Sorting by a hidden column would order rows by something the reader cannot see.
  const visibleSort = sort && (!dimensions || dimensions.includes(sort)) ? sort : null;
  return {
    sort: visibleSort,
    dir: visibleSort ? dir : 'asc',
    workloads: pickList(params.get('workloads'), known.workloads),
    dimensions,
  };
}

/** Writes a view as a query string ("" for the default view). */
export function serializeView(view: CompareView): string {
  const params = [];
  if (view.sort) params.push(`sort=${view.sort}`, `dir=${view.dir}`);
  if (view.workloads) params.push(`workloads=${view.workloads.join(',')}`);
  if (view.dimensions) params.push(`dimensions=${view.dimensions.join(',')}`);
  // Ids are lower-case words and hyphens (parseView keeps nothing else), so no escaping is needed.
  return params.length ? `?${params.join('&')}` : '';
}
