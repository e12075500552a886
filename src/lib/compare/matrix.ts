/**
 * The comparison matrix: workloads × dimensions with sort keys and numbered notes, built once
 * from the collections for the full table and for every embedded subset.
 */
import type { SortKey } from './sort.ts';

export interface MatrixDimension {
  id: string;
  label: string;
  scale: 'ordinal' | 'nominal';
  values: Record<
    string,
    { value: string; rank?: number | undefined; tone: string; note?: string | undefined; source: string }
  >;
}

export interface MatrixCell {
  workload: string;
  dimension: string;
  value: string;
  tone: string;
  source: string;
  /** Sort key: the rank on ordinal dimensions, the value text on nominal ones. */
  key: SortKey;
  /** Number of the cell's note in the notes list, when it has one. */
  note?: number;
}

export interface MatrixNote {
  number: number;
  workload: string;
  dimension: string;
  text: string;
  source: string;
}

export interface Matrix {
  rows: { workload: string; cells: MatrixCell[] }[];
  notes: MatrixNote[];
}

/** Sort key of one value on one dimension. */
export function sortKeyOf(
  dimension: Pick<MatrixDimension, 'scale'>,
  cell: { value: string; rank?: number | undefined },
): SortKey {
  return dimension.scale === 'ordinal' && cell.rank !== undefined ? cell.rank : cell.value;
}

/**
 * Builds the matrix for the given workloads (rows, in order) and dimensions (columns, in order).
 * Notes are numbered row by row, left to right, so the numbers read in the default order.
 */
export function buildMatrix(workloads: readonly string[], dimensions: readonly MatrixDimension[]): Matrix {
  const notes: MatrixNote[] = [];
  const rows = workloads.map((workload) => ({
    workload,
    cells: dimensions.map((dimension): MatrixCell => {
      const cell = dimension.values[workload];
      if (!cell) throw new Error(`dimensions › ${dimension.id} › values.${workload}: missing`);
      const base: MatrixCell = {
        workload,
        dimension: dimension.id,
        value: cell.value,
        tone: cell.tone,
        source: cell.source,
        key: sortKeyOf(dimension, cell),
      };
      if (!cell.note) return base;
      const number = notes.length + 1;
      notes.push({ number, workload, dimension: dimension.id, text: cell.note, source: cell.source });
      return { ...base, note: number };
    }),
  }));
  return { rows, notes };
}
