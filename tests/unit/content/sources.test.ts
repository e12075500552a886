// What counts as a citable kubernetes.io section, and how a citation is named: anchors are lower
// case everywhere except on the generated API reference, whose type sections keep the type's name.
import { describe, expect, it } from 'vitest';
import { describeSource, isSectionSource } from '../../../src/lib/content/sources';

const API = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources';
const CONCEPTS = 'https://kubernetes.io/docs/concepts/workloads/controllers';

describe('isSectionSource', () => {
  it.each<[string, string, boolean]>([
    ['a concept section', `${CONCEPTS}/statefulset/#partitions`, true],
    ['an API reference type section', `${API}/stateful-set-v1/#StatefulSetStatus`, true],
    ['an API reference section in lower case', `${API}/job-v1/#operations`, true],
    ['a mixed-case anchor outside the API reference', `${CONCEPTS}/statefulset/#Partitions`, false],
    ['a mixed-case anchor on another reference page', 'https://kubernetes.io/docs/reference/kubectl/#Syntax', false],
    ['an API reference page without a section', `${API}/stateful-set-v1/`, false],
    ['an API reference anchor that starts with a hyphen', `${API}/stateful-set-v1/#-StatefulSetStatus`, false],
    ['an API reference anchor with punctuation', `${API}/stateful-set-v1/#StatefulSet.Status`, false],
    ['the API reference path in another case', 'https://kubernetes.io/docs/reference/Kubernetes-API/x/#A', false],
    ['a page outside /docs/', 'https://kubernetes.io/blog/2026/08/26/x/#Y', false],
  ])('%s', (_, url, expected) => {
    expect(isSectionSource(url)).toBe(expected);
  });
});

describe('describeSource', () => {
  it.each([
    [`${API}/stateful-set-v1/#StatefulSetStatus`, { page: 'StatefulSet API', section: 'StatefulSetStatus' }],
    [`${API}/job-v1/#JobStatus`, { page: 'Job API', section: 'JobStatus' }],
    [`${CONCEPTS}/job/#pod-failure-policy`, { page: 'Jobs', section: 'Pod failure policy' }],
  ])('%s', (url, expected) => {
    expect(describeSource(url)).toEqual(expected);
  });
});
