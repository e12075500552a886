import { describe, expect, it } from 'vitest';
import { buildMatrix, sortKeyOf, type MatrixDimension } from '../../../src/lib/compare/matrix';

const source = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-storage';
const storage: MatrixDimension = {
  id: 'storage',
  label: 'Storage',
  scale: 'ordinal',
  values: {
    deployment: {
      value: 'Shared claim or none',
      rank: 1,
      tone: 'partial',
      note: 'Every replica mounts the same claim.',
      source,
    },
    statefulset: { value: 'One volume per Pod', rank: 2, tone: 'yes', source },
    job: { value: 'None', rank: 0, tone: 'no', source },
  },
};
const api: MatrixDimension = {
  id: 'api-version',
  label: 'API version',
  scale: 'nominal',
  values: {
    deployment: { value: 'apps/v1', tone: 'neutral', source },
    statefulset: { value: 'apps/v1', tone: 'neutral', note: 'Stable since v1.9.', source },
    job: { value: 'batch/v1', tone: 'neutral', source },
  },
};

describe('sortKeyOf', () => {
  it.each([
    ['ordinal uses the rank', storage, storage.values.statefulset, 2],
    ['nominal uses the value text', api, api.values.job, 'batch/v1'],
  ] as const)('%s', (_, dimension, cell, key) => {
    expect(sortKeyOf(dimension, cell!)).toBe(key);
  });
});

describe('buildMatrix', () => {
  const matrix = buildMatrix(['deployment', 'statefulset', 'job'], [storage, api]);
  it('has one row per workload, one cell per dimension, in the given order', () => {
    expect(matrix.rows.map((r) => r.workload)).toEqual(['deployment', 'statefulset', 'job']);
    expect(matrix.rows.map((r) => r.cells.map((c) => c.dimension))).toEqual([
      ['storage', 'api-version'],
      ['storage', 'api-version'],
      ['storage', 'api-version'],
    ]);
  });
  it('numbers notes row by row, left to right', () => {
    expect(matrix.notes.map((n) => [n.number, n.workload, n.dimension])).toEqual([
      [1, 'deployment', 'storage'],
      [2, 'statefulset', 'api-version'],
    ]);
    expect(matrix.rows[1]?.cells[1]?.note).toBe(2);
    expect(matrix.rows[2]?.cells[0]?.note).toBeUndefined();
  });
  it('fails naming the dimension and the missing workload', () => {
    expect(() => buildMatrix(['pod'], [storage])).toThrow('dimensions › storage › values.pod: missing');
  });
});
