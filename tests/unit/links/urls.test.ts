// Path rules of built files: one answer for every tool that asks (the pass, the checks, the bench).
import { describe, expect, test } from 'vitest';
import { outputFileOf, pageAddresses, pagePathOf, resolvePath, withBase } from '../../../src/lib/links/urls';

describe('pagePathOf', () => {
  test.each([
    ['index.html', '/'],
    ['compare/index.html', '/compare/'],
    ['workloads/job/index.html', '/workloads/job/'],
    // The 404 page declares "/404.html" as its path (src/pages/404.astro); every host serves that.
    ['404.html', '/404.html'],
  ])('%s → %s', (file, path) => {
    expect(pagePathOf(file)).toBe(path);
  });
  test('Windows separators', () => {
    expect(pagePathOf('workloads\\pod\\index.html')).toBe('/workloads/pod/');
  });
});

describe('pageAddresses', () => {
  test.each([
    ['index.html', ['/', '/index.html']],
    ['workloads/job/index.html', ['/workloads/job/', '/workloads/job/index.html']],
    ['404.html', ['/404', '/404.html']],
  ])('%s answers to %j', (file, addresses) => {
    expect(pageAddresses(file)).toEqual(addresses);
  });
});

describe('outputFileOf', () => {
  test.each<[string, string, string | undefined]>([
    ['/', '/_astro/a.css', '_astro/a.css'],
    ['/k8s-workloads/', '/k8s-workloads/_astro/a.css', '_astro/a.css'],
    ['/k8s-workloads', '/k8s-workloads/scripts/x.js', 'scripts/x.js'],
    ['/', '/og/a%20b.png', 'og/a b.png'],
    ['/k8s-workloads/', '/other/a.css', undefined],
  ])('base %s: %s → %s', (base, url, file) => {
    expect(outputFileOf(base, url)).toBe(file);
  });
});

describe('resolvePath and withBase', () => {
  test.each([
    ['./chunk.js', '/_astro/site.js', '/_astro/chunk.js'],
    ['../a.css', '/workloads/job/', '/workloads/a.css'],
    ['/_astro/x.js', '/compare/', '/_astro/x.js'],
    ['x.js?v=1', '/compare/', '/compare/x.js'],
  ])('%s from %s → %s', (reference, from, path) => {
    expect(resolvePath(reference, from)).toBe(path);
  });
  test.each([
    ['/', '/compare/', '/compare/'],
    ['/k8s-workloads/', '/compare/', '/k8s-workloads/compare/'],
    ['/k8s-workloads', 'compare/', '/k8s-workloads/compare/'],
  ])('withBase(%s, %s) → %s', (base, path, url) => {
    expect(withBase(base, path)).toBe(url);
  });
});
