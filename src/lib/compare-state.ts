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

/** Writes a view as a query string ("" for the default view), keeping any unrelated parameters. */
export function serializeView(view: CompareView, existing = ''): string {
  const params = new URLSearchParams(existing);
  for (const key of ['sort', 'dir', 'workloads', 'dimensions']) params.delete(key);
  if (view.sort) {
    params.set('sort', view.sort);
    params.set('dir', view.dir);
  }
  if (view.workloads) params.set('workloads', view.workloads.join(','));
  if (view.dimensions) params.set('dimensions', view.dimensions.join(','));
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}
