// The _headers job of the post-build pass: security headers and caching rules for every page.
import { describe, expect, test } from 'vitest';
import { headerRules } from '../../../src/lib/output/headers-file.ts';
import { CACHE_CONTROL } from '../../../src/lib/output/security-headers.ts';

describe('headerRules', () => {
  const files = ['index.html', '404.html', 'compare/index.html', 'workloads/job/index.html'];

  test.each([
    [
      '/',
      '/*',
      '/_astro/*',
      [
        '/',
        '/404',
        '/404.html',
        '/compare/',
        '/compare/index.html',
        '/index.html',
        '/workloads/job/',
        '/workloads/job/index.html',
      ],
    ],
    [
      '/k8s-workloads/',
      '/k8s-workloads/*',
      '/k8s-workloads/_astro/*',
      [
        '/k8s-workloads/',
        '/k8s-workloads/404',
        '/k8s-workloads/404.html',
        '/k8s-workloads/compare/',
        '/k8s-workloads/compare/index.html',
        '/k8s-workloads/index.html',
        '/k8s-workloads/workloads/job/',
        '/k8s-workloads/workloads/job/index.html',
      ],
    ],
  ])('base %s: security headers on %s, immutable %s, no-cache on each page address', (base, all, assets, pages) => {
    const rules = headerRules(base, files);
    expect(rules[0]?.path).toBe(all);
    expect(rules[0]?.headers.map((h) => h.name)).not.toContain('Cache-Control');
    expect(rules[1]).toEqual({ path: assets, headers: [{ name: 'Cache-Control', value: CACHE_CONTROL.immutable }] });
    expect(rules.slice(2).map((r) => r.path)).toEqual(pages);
    for (const rule of rules.slice(2))
      expect(rule.headers).toEqual([{ name: 'Cache-Control', value: CACHE_CONTROL.revalidate }]);
  });

  test('no path gets Cache-Control from two rules (Cloudflare would join the values)', () => {
    const paths = headerRules('/', ['index.html', '_astro/odd/index.html'])
      .filter((r) => r.headers.some((h) => h.name === 'Cache-Control'))
      .map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
