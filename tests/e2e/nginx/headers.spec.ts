// The root build under nginx with deploy/nginx.conf: what a reader's browser gets from the
// production server. Every public page is checked for the security headers and loaded in
// the browser, which reports anything the Content-Security-Policy blocks.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { CACHE_CONTROL, securityHeaders } from '../../../src/lib/output/security-headers.ts';
import { DIST, ORIGIN, publicPages, watch } from './site.ts';

const pages = publicPages(DIST);
const assets = readdirSync(join(DIST, '_astro')).map((file) => `/_astro/${file}`);

const expectSecurityHeaders = (headers: Record<string, string>): void => {
  for (const { name, value } of securityHeaders()) expect(headers[name.toLowerCase()], name).toBe(value);
};

test('the build has public pages', () => {
  expect(pages).toContain('/');
  expect(pages.length).toBeGreaterThan(5);
});

for (const path of pages) {
  test(`${path}: security headers, no CSP violation, no console error, no other origin`, async ({ page }) => {
    const watcher = await watch(page, ORIGIN);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expectSecurityHeaders(headers);
    expect(headers['cache-control']).toBe(CACHE_CONTROL.revalidate);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    await page.waitForLoadState('networkidle');
    expect(await watcher.problems()).toEqual([]);
  });
}

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

test('an unknown address answers 404 with the 404 page and the security headers', async ({ page }) => {
  const watcher = await watch(page, ORIGIN);
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  expectSecurityHeaders(response?.headers() ?? {});
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
  await page.waitForLoadState('networkidle');
  // The browser logs the document's own 404 status; nothing else may go wrong.
  expect((await watcher.problems()).filter((problem) => !/status of 404/.test(problem))).toEqual([]);
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
