// Small pure helpers: links, copied text, citations.
import { describe, expect, it } from 'vitest';
import { absoluteUrl, markdownTwinPath, withBase } from '../../../src/lib/links/urls';
import { fragmentUrl, markdownLink } from '../../../src/lib/links/copy-text';
import { describeSource, isSectionSource } from '../../../src/lib/content/sources';
import { ogImagePath } from '../../../src/lib/output/og';

describe('URLs under a base path', () => {
  it.each([
    ['/', '/compare/', '/compare/'],
    ['/k8s-workloads/', '/compare/', '/k8s-workloads/compare/'],
    ['/k8s-workloads', 'compare/', '/k8s-workloads/compare/'],
  ])('withBase(%j, %j)', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
  it('absoluteUrl joins site, base and path', () => {
    expect(absoluteUrl('https://example.org', '/k8s-workloads/', '/workloads/job/')).toBe(
      'https://example.org/k8s-workloads/workloads/job/',
    );
  });
  it.each([
    ['/', '/index.md'],
    ['/compare/', '/compare.md'],
    ['/workloads/statefulset/', '/workloads/statefulset.md'],
  ])('markdownTwinPath(%j)', (path, expected) => {
    expect(markdownTwinPath(path)).toBe(expected);
  });
  it.each([
    ['/', '/og/index.png'],
    ['/workloads/job/', '/og/workloads/job.png'],
  ])('ogImagePath(%j)', (path, expected) => {
    expect(ogImagePath(path)).toBe(expected);
  });
});

describe('copied text', () => {
  it.each([
    [
      'StatefulSet',
      'Use cases',
      'https://x.org/workloads/statefulset/#use-cases',
      '[StatefulSet › Use cases](https://x.org/workloads/statefulset/#use-cases)',
    ],
    ['Compare', 'Compare', 'https://x.org/compare/', '[Compare](https://x.org/compare/)'],
    ['Compare', '', 'https://x.org/compare/#job', '[Compare](https://x.org/compare/#job)'],
    ['Glossary', 'term [x]', 'https://x.org/g/#a', '[Glossary › term \\[x\\]](https://x.org/g/#a)'],
    ['P', 'S', 'https://x.org/a (b)/', '[P › S](https://x.org/a%20%28b%29/)'],
  ])('markdownLink(%j, %j)', (page, section, url, expected) => {
    expect(markdownLink(page, section, url)).toBe(expected);
  });
  it('fragmentUrl replaces any fragment of the canonical URL', () => {
    expect(fragmentUrl('https://x.org/k8s-workloads/compare/', 'statefulset-storage')).toBe(
      'https://x.org/k8s-workloads/compare/#statefulset-storage',
    );
    expect(fragmentUrl('https://x.org/compare/#old', 'new')).toBe('https://x.org/compare/#new');
  });
  it("fragmentUrl carries the reader's Kubernetes version, and only a well-formed one", () => {
    expect(fragmentUrl('https://x.org/workloads/statefulset/', 'updates', '1.33')).toBe(
      'https://x.org/workloads/statefulset/?k8s=1.33#updates',
    );
    expect(fragmentUrl('https://x.org/compare/', 'job', undefined)).toBe('https://x.org/compare/#job');
    expect(fragmentUrl('https://x.org/compare/', 'job', '<b>')).toBe('https://x.org/compare/#job');
  });
});

describe('citations', () => {
  it.each([
    ['https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions', true],
    ['https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/#performing-a-rolling-update', true],
    ['https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/', false],
    ['http://kubernetes.io/docs/concepts/workloads/pods/#pod-templates', false],
    ['https://kubernetes.io/blog/2024/01/01/x/#y', false],
    ['https://example.com/docs/a/#b', false],
  ])('isSectionSource(%j) = %j', (url, expected) => {
    expect(isSectionSource(url)).toBe(expected);
  });
  it.each([
    [
      'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#pod-management-policies',
      { page: 'StatefulSets', section: 'Pod management policies' },
    ],
    [
      'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
      { page: 'CronJob', section: 'Time zones' },
    ],
    ['https://kubernetes.io/docs/concepts/unknown/some-page/#a-b', { page: 'Some page', section: 'A b' }],
  ])('describeSource(%j)', (url, expected) => {
    expect(describeSource(url)).toEqual(expected);
  });
});
