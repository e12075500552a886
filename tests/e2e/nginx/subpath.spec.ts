// The sub-path build (BASE_PATH=/k8s-workloads/) under nginx, as when the site is mounted
// below another site's root: every page loads cleanly and no link escapes the sub-path.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { clipboardText } from '../helpers';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { withBase } from '../../../src/lib/links/urls.ts';
import { SUBPATH, SUBPATH_DIST, SUBPATH_ORIGIN, publicPages, watch } from './site.ts';

const pages = publicPages(SUBPATH_DIST, SUBPATH);
const url = (sitePath: string): string => `${SUBPATH_ORIGIN}${withBase(SUBPATH, sitePath)}`;

interface PageAlias {
  type: 'page';
  from: string;
  to: string;
}
const aliases = (
  parse(readFileSync(resolve(import.meta.dirname, '../../../src/content/aliases.yaml'), 'utf8')) as { type: string }[]
).filter((alias): alias is PageAlias => alias.type === 'page');

/** Status of each internal URL already fetched by this worker: pages share most links. */
const statuses = new Map<string, Promise<number>>();

test('the sub-path build has public pages', () => {
  expect(pages).toContain(SUBPATH);
  expect(pages.length).toBeGreaterThan(5);
});

for (const path of pages) {
  test(`${path}: loads cleanly; every internal link stays under ${SUBPATH} and answers 200`, async ({ page }) => {
    const watcher = await watch(page, SUBPATH_ORIGIN);
    const response = await page.goto(`${SUBPATH_ORIGIN}${path}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await watcher.problems()).toEqual([]);

    // Resolve every href (HTML and SVG links alike) against the page's address.
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => new URL(link.getAttribute('href') ?? '', document.baseURI).href));
    const internal = [
      ...new Set(
        hrefs
          .map((href) => new URL(href))
          .filter((link) => link.origin === SUBPATH_ORIGIN)
          .map((link) => `${link.origin}${link.pathname}${link.search}`),
      ),
    ];
    expect(internal.length).toBeGreaterThan(0);
    for (const link of internal) {
      expect(new URL(link).pathname, `link on ${path}`).toMatch(new RegExp(`^${SUBPATH}`));
      if (!statuses.has(link))
        statuses.set(
          link,
          page.request.get(link, { maxRedirects: 0 }).then((r) => r.status()),
        );
      expect(await statuses.get(link), `${link} (linked from ${path})`).toBe(200);
    }
  });
}

// One test and one tab for all aliases: a browser context each would cost more than the
// redirects. Arriving (the target's commit) is enough: the page tests above load every target.
test('every alias redirect page ends at its target page', async ({ page }) => {
  test.slow();
  expect(aliases.length).toBeGreaterThan(0);
  const watcher = await watch(page, SUBPATH_ORIGIN);
  for (const alias of aliases) {
    const response = await page.goto(url(alias.from), { waitUntil: 'commit' });
    expect.soft(response?.status(), alias.from).toBe(200);
    const arrived = await page.waitForURL(url(alias.to), { waitUntil: 'commit', timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    expect.soft(arrived ? url(alias.to) : page.url(), `${alias.from} redirects to ${alias.to}`).toBe(url(alias.to));
  }
  expect(await watcher.problems()).toEqual([]);
});

test('the footer links the Markdown twin of the page', async ({ page }) => {
  await page.goto(url('/workloads/statefulset/'));
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'View this page as Markdown' });
  await expect(link).toHaveAttribute('href', withBase(SUBPATH, '/workloads/statefulset.md'));
  const response = await page.request.get(await link.evaluate((a) => (a as HTMLAnchorElement).href));
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('text/markdown; charset=utf-8');
  expect(await response.text()).toMatch(/^# StatefulSet\b/);
});

test.describe('copied links carry the sub-path', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('Copy link, Copy as Markdown link and Copy pinned link', async ({ page }) => {
    await page.goto(url('/workloads/statefulset/'));
    const canonical = (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
    expect(new URL(canonical).pathname).toBe(withBase(SUBPATH, '/workloads/statefulset/'));
    const shared = new URL(withBase(SUBPATH, '/s/workloads/statefulset/use-cases/'), canonical).href;
    await page.getByRole('button', { name: 'Copy link to Use cases' }).click();
    await expect.poll(() => clipboardText(page)).toBe(shared);
    await page.getByRole('button', { name: 'Copy Markdown link to Use cases' }).click();
    await expect.poll(() => clipboardText(page)).toBe(`[StatefulSet › Use cases](${shared})`);
    await page.getByRole('button', { name: 'Copy pinned link to Use cases' }).click();
    await expect
      .poll(() => clipboardText(page))
      .toMatch(new RegExp(`${withBase(SUBPATH, '/v\\d+\\.\\d+/s/workloads/statefulset/use-cases/')}$`));
  });
  test('a share page and an edition page work under the sub-path', async ({ page }) => {
    await page.goto(url('/s/workloads/statefulset/use-cases/'));
    await expect(page).toHaveURL(url('/workloads/statefulset/#use-cases'));
    await expect(page.locator('#use-cases')).toBeFocused();
    await page.goto(url('/v1.36/compare/#statefulset-storage'));
    await expect(page.locator('#statefulset-storage')).toBeFocused();
    const current = page.getByRole('link', { name: /^Read it in the current edition/ });
    await expect(current).toHaveAttribute('href', withBase(SUBPATH, '/compare/#statefulset-storage'));
    await current.click();
    await expect(page).toHaveURL(url('/compare/#statefulset-storage'));
  });
  test('an aliased id and a redirected page with a fragment land under the sub-path', async ({ page }) => {
    await page.goto(url('/compare/#storage'));
    await expect(page).toHaveURL(url('/compare/#col-storage'));
    await expect(page.locator('#col-storage')).toBeFocused();
    await page.goto(url('/workloads/sts/#storage'));
    await expect(page).toHaveURL(url('/workloads/statefulset/#storage'));
  });
  test('search finds sections and links them under the sub-path', async ({ page }) => {
    await page.goto(url('/'));
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    await box.fill('headless');
    await expect(page.locator('#search-results a').first()).toBeVisible();
    const hrefs = await page
      .locator('#search-results a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^${SUBPATH}`));
  });
});
