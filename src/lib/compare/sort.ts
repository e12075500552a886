/**
 * Sorting of the comparison table, shared by the build (tests) and the browser script, so an
 * order is computed one way only. Keys are ordinal ranks (numbers) or value labels (strings).
 */

export type Direction = 'asc' | 'desc';
export type SortKey = number | string;

/** The active sort: a column and a direction; `null` means the default (display) order. */
export type SortState = { column: string; dir: Direction } | null;

/** Clicking a header cycles: ascending → descending → default order; another column starts ascending. */
export function nextSort(current: SortState, column: string): SortState {
  if (!current || current.column !== column) return { column, dir: 'asc' };
  return current.dir === 'asc' ? { column, dir: 'desc' } : null;
}

/** Numbers compare numerically, strings alphabetically (case-insensitive), numbers before strings. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
}

/**
 * Returns the default-order indexes of `keys` in sorted order. Stable: ties keep their default
 * order in both directions (descending reverses the comparison, not the ties).
 */
export function sortedOrder(keys: readonly SortKey[], dir: Direction): number[] {
  const sign = dir === 'asc' ? 1 : -1;
  return keys
    .map((key, index) => ({ key, index }))
    .sort((a, b) => sign * compareKeys(a.key, b.key) || a.index - b.index)
    .map(({ index }) => index);
}

/** Reads a key written in a `data-key` attribute: integers become numbers, anything else stays text. */
export const parseKey = (raw: string): SortKey => (/^-?\d+$/.test(raw) ? Number(raw) : raw);
