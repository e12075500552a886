// Where the site discusses a feature: the heading above its first badge, on the page of the
// feature's own workload first.
import { describe, expect, it } from 'vitest';
import { readMdxPage } from '../../../src/lib/content/mdx';
import { featureSections } from '../../../src/lib/versions/sections';

const job = readMdxPage(
  [
    '<H2 id="scaling">Scaling</H2>',
    '',
    'Text.',
    '',
    '<H3 id="success">Success policy</H3>',
    '',
    '<Feature id="job-success-policy" /> and <Feature id="pod-index-label" />',
  ].join('\n'),
);
const statefulset = readMdxPage(
  ['<H2 id="identity">Identity</H2>', '', 'Labels: <Feature id="pod-index-label" />'].join('\n'),
);
const pages = [
  { workload: 'statefulset', page: statefulset },
  { workload: 'job', page: job },
];

describe('featureSections', () => {
  const sections = featureSections(pages, [
    { id: 'job-success-policy', workloads: ['job'] },
    { id: 'pod-index-label', workloads: ['job', 'statefulset'] },
    { id: 'pod-index-label-2', workloads: ['statefulset'] },
  ]);
  it.each<[string, { workload: string; id: string; text: string } | undefined]>([
    ['job-success-policy', { workload: 'job', id: 'success', text: 'Success policy' }],
    ['pod-index-label', { workload: 'job', id: 'success', text: 'Success policy' }],
    ['pod-index-label-2', undefined],
  ])('%s', (id, expected) => {
    expect(sections.get(id)).toEqual(expected);
  });
  it("prefers the feature's first workload, then any page in display order", () => {
    const other = featureSections(pages, [{ id: 'pod-index-label', workloads: ['statefulset', 'job'] }]);
    expect(other.get('pod-index-label')).toEqual({ workload: 'statefulset', id: 'identity', text: 'Identity' });
    const elsewhere = featureSections(pages, [{ id: 'pod-index-label', workloads: ['pod'] }]);
    expect(elsewhere.get('pod-index-label')?.workload).toBe('statefulset');
  });
});
