// Small pure helpers: links, copied text, citations.
import { describe, expect, it } from 'vitest';
import { absoluteUrl, markdownTwinPath, withBase } from '../../../src/lib/links/urls';
import { htmlLink, markdownLink, placeUrl } from '../../../src/lib/links/copy-text';
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
  it.each([
    [
      'StatefulSet',
      'Use cases',
      'https://x.org/s/workloads/statefulset/use-cases/',
      '<a href="https://x.org/s/workloads/statefulset/use-cases/">StatefulSet › Use cases</a>',
    ],
    ['Compare', 'Compare', 'https://x.org/compare/', '<a href="https://x.org/compare/">Compare</a>'],
    // What the page's text holds never becomes markup in the editor it is pasted into.
    [
      'A & B',
      '<img src=x onerror=alert(1)>',
      'https://x.org/?a=1&b="2"',
      '<a href="https://x.org/?a=1&amp;b=&quot;2&quot;">A &amp; B › &lt;img src=x onerror=alert(1)></a>',
    ],
  ])('htmlLink(%j, %j)', (page, section, url, expected) => {
    expect(htmlLink(page, section, url)).toBe(expected);
  });
  it.each([
    [
      'https://x.org/s/workloads-statefulset/',
      'updates',
      '1.33',
      'https://x.org/s/workloads-statefulset/updates/?k8s=1.33',
    ],
    ['https://x.org/v1.37/s/compare/', 'job', undefined, 'https://x.org/v1.37/s/compare/job/'],
    ['https://x.org/s/compare/', 'job', '<b>', 'https://x.org/s/compare/job/'],
  ])('placeUrl(%j, %j, %j) carries only a well-formed Kubernetes version', (folder, id, version, expected) => {
    expect(placeUrl(folder, id, version)).toBe(expected);
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
