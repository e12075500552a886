// The root build under nginx with deploy/nginx.conf: what the production server sends besides
// the pages themselves (tests/e2e/nginx/pages.spec.ts): search within the policy, compression,
// caching, content types, and the security headers on every kind of file.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CACHE_CONTROL } from '../../../src/lib/output/security-headers.ts';
import { DIST, ORIGIN, expectSecurityHeaders, watch } from './site.ts';

const assets = readdirSync(join(DIST, '_astro')).map((file) => `/_astro/${file}`);

test('search loads Pagefind (WebAssembly) within the policy and finds "storage"', async ({ page }) => {
  // The first search fetches and compiles the WebAssembly and loads the index.
  test.slow();
  const watcher = await watch(page, ORIGIN);
  await page.goto('/');
  const pagefind = page.waitForResponse((response) => response.url().endsWith('/pagefind/pagefind.js'));
  const box = page.getByRole('searchbox', { name: 'Search the site' });
  await box.focus();
  expect((await pagefind).status()).toBe(200);
  await box.fill('storage');
  const results = page.locator('#search-results');
  await expect(results).toBeVisible({ timeout: 15_000 });
  await expect(results.getByRole('list', { name: 'Results for storage' }).getByRole('link').first()).toBeVisible();
  await expect(page.locator('#search-status')).toHaveText(/^\d+ results? for “storage”$/);
  expect(await watcher.problems()).toEqual([]);
});

test('HTML, CSS and JavaScript are served gzip-compressed', async ({ request }) => {
  const css = assets.find((file) => file.endsWith('.css'));
  const js = assets.find((file) => file.endsWith('.js'));
  expect(css && js, 'dist/_astro has a stylesheet and a script').toBeTruthy();
  for (const [path, type] of [
    ['/', 'text/html'],
    ['/compare/', 'text/html'],
    [css, 'text/css'],
    [js, 'application/javascript'],
    ['/scripts/search-ui.js', 'application/javascript'],
    ['/pagefind/pagefind.js', 'application/javascript'],
  ] as const) {
    const response = await request.get(path ?? '', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-encoding'], path).toBe('gzip');
    expect(response.headers()['content-type'], path).toContain(type);
  }
});

test('content-hashed /_astro/ files are cached for a year as immutable; pages are revalidated', async ({ request }) => {
  expect(assets.length).toBeGreaterThan(0);
  for (const path of assets) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toBe(CACHE_CONTROL.immutable);
    expectSecurityHeaders(response.headers());
  }
  for (const path of ['/', '/compare/', '/404.html', '/scripts/search-ui.js']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe(CACHE_CONTROL.revalidate);
  }
});

test('manifests are served as application/yaml', async ({ request }) => {
  const manifest = readdirSync(join(DIST, 'manifests')).find((file) => file.endsWith('.yaml'));
  const response = await request.get(`/manifests/${manifest}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/yaml');
  expect(response.headers()['cache-control']).toBe(CACHE_CONTROL.revalidate);
  expectSecurityHeaders(response.headers());
});
