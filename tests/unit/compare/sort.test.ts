import { describe, expect, it } from 'vitest';
import { compareKeys, nextSort, parseKey, sortedOrder, type SortState } from '../../../src/lib/compare/sort';

describe('nextSort: header clicks cycle ascending → descending → default order', () => {
  it.each<[string, SortState, string, SortState]>([
    ['first click sorts ascending', null, 'storage', { column: 'storage', dir: 'asc' }],
    ['second click sorts descending', { column: 'storage', dir: 'asc' }, 'storage', { column: 'storage', dir: 'desc' }],
    ['third click restores the default order', { column: 'storage', dir: 'desc' }, 'storage', null],
    [
      'another column starts ascending',
      { column: 'storage', dir: 'desc' },
      'ordering',
      { column: 'ordering', dir: 'asc' },
    ],
  ])('%s', (_, current, column, expected) => {
    expect(nextSort(current, column)).toEqual(expected);
  });
});

describe('compareKeys', () => {
  it.each([
    [0, 2, -1],
    [2, 0, 1],
    [1, 1, 0],
    ['apps/v1', 'batch/v1', -1],
    ['Batch', 'batch', 0],
    ['item 2', 'item 10', -1],
    [5, 'text', -1],
    ['text', 5, 1],
  ] as const)('%j vs %j has sign %i', (a, b, sign) => {
    expect(Math.sign(compareKeys(a, b))).toBe(sign);
  });
});

describe('sortedOrder: ranks, not labels; stable; ties keep the default order', () => {
  // Storage ranks: none 0 < shared 1 < one volume per Pod 2. Alphabetically the labels would
  // sort "None", "One volume per Pod", "Shared" — the ranks must win.
  const storage = [1, 2, 1, 1, 0, 0, 0]; // deployment, statefulset, daemonset, replicaset, job, cronjob, pod
  it.each([
    ['ascending', 'asc', [4, 5, 6, 0, 2, 3, 1]],
    ['descending keeps ties in default order', 'desc', [1, 0, 2, 3, 4, 5, 6]],
  ] as const)('%s', (_, dir, expected) => {
    expect(sortedOrder(storage, dir)).toEqual(expected);
  });
  it('sorts text keys alphabetically', () => {
    expect(sortedOrder(['v1', 'apps/v1', 'batch/v1', 'apps/v1'], 'asc')).toEqual([1, 3, 2, 0]);
  });
  it('all-equal keys keep the default order in both directions', () => {
    expect(sortedOrder([3, 3, 3], 'asc')).toEqual([0, 1, 2]);
    expect(sortedOrder([3, 3, 3], 'desc')).toEqual([0, 1, 2]);
  });
});

describe('parseKey', () => {
  it.each([
    ['2', 2],
    ['-1', -1],
    ['10', 10],
    ['apps/v1', 'apps/v1'],
    ['1.5', '1.5'],
    ['', ''],
  ] as const)('%j → %j', (raw, expected) => {
    expect(parseKey(raw)).toBe(expected);
  });
});
