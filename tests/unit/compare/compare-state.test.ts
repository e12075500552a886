import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, serializeView, type CompareView } from '../../../src/lib/compare/compare-state';

const known = {
  workloads: ['deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob', 'pod'],
  dimensions: ['pod-uniqueness', 'scaling', 'storage', 'ordering'],
};

describe('parseView: the URL restores the view, and nothing else', () => {
  it.each<[string, string, CompareView]>([
    ['empty query', '', DEFAULT_VIEW],
    ['sort ascending', '?sort=storage&dir=asc', { ...DEFAULT_VIEW, sort: 'storage', dir: 'asc' }],
    ['sort descending', '?sort=storage&dir=desc', { ...DEFAULT_VIEW, sort: 'storage', dir: 'desc' }],
    ['sort without dir is ascending', '?sort=ordering', { ...DEFAULT_VIEW, sort: 'ordering' }],
    ['unknown dir is ignored', '?sort=storage&dir=sideways', { ...DEFAULT_VIEW, sort: 'storage' }],
    ['dir without sort is ignored', '?dir=desc', DEFAULT_VIEW],
    ['hostile sort is ignored', '?sort=%3Cscript%3Ealert(1)%3C/script%3E', DEFAULT_VIEW],
    ['unknown sort is ignored', '?sort=price&dir=desc', DEFAULT_VIEW],
    ['prototype key is ignored', '?sort=constructor', DEFAULT_VIEW],
    [
      'narrowed workloads keep display order',
      '?workloads=statefulset,deployment',
      { ...DEFAULT_VIEW, workloads: ['deployment', 'statefulset'] },
    ],
    [
      'unknown workloads are dropped',
      '?workloads=deployment,<img src=x>,mongodb',
      { ...DEFAULT_VIEW, workloads: ['deployment'] },
    ],
    ['nothing known left means all', '?workloads=<b>,x', DEFAULT_VIEW],
    ['every workload listed means all', `?workloads=${known.workloads.join(',')}`, DEFAULT_VIEW],
    ['narrowed dimensions', '?dimensions=ordering,storage', { ...DEFAULT_VIEW, dimensions: ['storage', 'ordering'] }],
    [
      'sort by a hidden column is dropped',
      '?sort=scaling&dir=desc&dimensions=storage,ordering',
      { ...DEFAULT_VIEW, dimensions: ['storage', 'ordering'] },
    ],
    [
      'everything together',
      '?sort=storage&dir=desc&workloads=deployment,statefulset&dimensions=storage,ordering',
      { sort: 'storage', dir: 'desc', workloads: ['deployment', 'statefulset'], dimensions: ['storage', 'ordering'] },
    ],
  ])('%s', (_, search, expected) => {
    expect(parseView(search, known)).toEqual(expected);
  });
});

describe('serializeView', () => {
  it.each<[string, CompareView, string]>([
    ['default view is an empty query', DEFAULT_VIEW, ''],
    ['sort', { ...DEFAULT_VIEW, sort: 'storage', dir: 'desc' }, '?sort=storage&dir=desc'],
    [
      'focus',
      { ...DEFAULT_VIEW, workloads: ['deployment', 'statefulset'], dimensions: ['storage', 'ordering'] },
      '?workloads=deployment,statefulset&dimensions=storage,ordering',
    ],
  ])('%s', (_, view, expected) => {
    expect(serializeView(view)).toBe(expected);
  });
  it('round-trips through parseView', () => {
    const view: CompareView = {
      sort: 'ordering',
      dir: 'desc',
      workloads: ['job', 'cronjob'],
      dimensions: ['scaling', 'ordering'],
    };
    expect(parseView(serializeView(view), known)).toEqual(view);
  });
});
