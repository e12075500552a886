// The reader's version in the address (`?k8s=1.33`): only a known minor is ever used, whatever the
// address holds, and rewriting the query keeps every other parameter exactly as written.
import { describe, expect, it } from 'vitest';
import { readVersion, versionIn, withVersion } from '../../../src/lib/versions/version-param';

const KNOWN = ['1.37', '1.36', '1.35', '1.34', '1.33', '1.32', '1.31', '1.30', '1.29'];

describe('readVersion', () => {
  it.each<[string, string | null]>([
    ['?k8s=1.33', '1.33'],
    ['?k8s=v1.30', '1.30'],
    ['?sort=storage&k8s=1.36&dir=desc', '1.36'],
    ['?k8s=1.33&k8s=1.30', '1.33'],
    ['?k8s=1%2E33', '1.33'],
    ['', null],
    ['?k8s=', null],
    ['?k8s=1.28', null],
    ['?k8s=1.38', null],
    ['?k8s=1.3', null],
    ['?k8s=1.330', null],
    ['?k8s=2.33', null],
    ['?k8s=1.33.4', null],
    ['?k8s=%201.33', null],
    ['?k8s=1.33%20', null],
    ['?k8s=1.33%00', null],
    ['?k8s=latest', null],
    ['?k8s=<img src=x onerror=alert(1)>', null],
    ['?k8s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', null],
    ['?k8s="><script>alert(1)</script>', null],
    ['?k8s=1.33<svg/onload=alert(1)>', null],
    ['?k8s=javascript:alert(1)', null],
    ['?k8s=__proto__', null],
    ['?k8s=constructor', null],
    ['?k8s=%E0%A4%A', null],
    [`?k8s=${'1'.repeat(10_000)}`, null],
    ['?K8S=1.33', null],
  ])('%s → %s', (search, expected) => {
    expect(readVersion(search, KNOWN)).toBe(expected);
  });
  it('never returns anything outside the known list', () => {
    for (const search of ['?k8s=1.99', '?k8s=1.33', '?k8s=v1.29', '?k8s=1.00']) {
      const found = readVersion(search, KNOWN);
      expect(found === null || KNOWN.includes(found)).toBe(true);
    }
  });
});

describe('versionIn: a well-formed minor, known or not (kept by scripts that rewrite the query)', () => {
  it.each<[string, string | null]>([
    ['?k8s=1.33', '1.33'],
    ['?k8s=1.99', '1.99'],
    ['?k8s=<b>', null],
    ['?answers=no,yes', null],
  ])('%s → %s', (search, expected) => {
    expect(versionIn(search)).toBe(expected);
  });
});

describe('withVersion', () => {
  it.each<[string, string | null | undefined, string]>([
    ['', '1.33', '?k8s=1.33'],
    ['?sort=storage&dir=desc', '1.33', '?sort=storage&dir=desc&k8s=1.33'],
    ['?workloads=job,cronjob&k8s=1.30', '1.33', '?workloads=job,cronjob&k8s=1.33'],
    ['?k8s=1.30&answers=no,yes', null, '?answers=no,yes'],
    ['?k8s=1.30', undefined, ''],
    ['?k8s=<img src=x>&sort=storage', '', '?sort=storage'],
    ['?sort=storage', '<img src=x onerror=alert(1)>', '?sort=storage'],
    ['?sort=storage', 'v1.36', '?sort=storage&k8s=1.36'],
    ['answers=no', '1.36', '?answers=no&k8s=1.36'],
    ['?', null, ''],
  ])('%s with %s → %s', (search, version, expected) => {
    expect(withVersion(search, version)).toBe(expected);
  });
});
