// The share-URL rule (src/lib/links/share.ts): page path and id → the address that unfurls as the place.
import { describe, expect, it } from 'vitest';
import { editionPath, shareFolder, shareKey, sharePath } from '../../../src/lib/links/share';
import { absoluteUrl } from '../../../src/lib/links/urls';

describe('share URLs', () => {
  it.each([
    ['/', 'home'],
    ['/compare/', 'compare'],
    ['/workloads/statefulset/', 'workloads/statefulset'],
  ])('the key of %j is %j', (page, key) => {
    expect(shareKey(page)).toBe(key);
  });

  it.each([
    ['/compare/', 'statefulset-storage', undefined, '/s/compare/statefulset-storage/'],
    ['/workloads/statefulset/', 'partition', undefined, '/s/workloads/statefulset/partition/'],
    ['/', 'core-three', undefined, '/s/home/core-three/'],
    ['/glossary/', 'headless-service', '1.36', '/v1.36/s/glossary/headless-service/'],
    ['/choose/', 'q-finishes', '1.37', '/v1.37/s/choose/q-finishes/'],
  ])('%j #%s in edition %s → %s', (page, id, edition, path) => {
    expect(sharePath(page, id, edition)).toBe(path);
    expect(`${shareFolder(page, edition)}${id}/`).toBe(path);
  });

  it.each([
    ['/compare/', undefined, '/compare/'],
    ['/compare/', '1.36', '/v1.36/compare/'],
    ['/', '1.37', '/v1.37/'],
  ])('the page %j in edition %s is %j', (page, edition, path) => {
    expect(editionPath(page, edition)).toBe(path);
  });

  it('under a base path, the share URL keeps the base before /s/', () => {
    expect(absoluteUrl('https://example.org', '/k8s-workloads/', sharePath('/compare/', 'job'))).toBe(
      'https://example.org/k8s-workloads/s/compare/job/',
    );
  });
});
