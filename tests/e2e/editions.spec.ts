// The pinned v1.36 edition under /v1.36/: every id it published still lands, its banner names it
// and links the reader's place in the current edition, saying whether that place changed, and its
// own table still works.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, SITE_VERSION } from './helpers';

const REGISTRY = JSON.parse(readFileSync('editions/v1.36/anchors.json', 'utf8')) as Record<string, string[]>;

for (const [path, ids] of Object.entries(REGISTRY)) {
  test(`every id the v1.36 edition published on ${path} resolves under /v1.36/`, async ({ page }) => {
    const response = await page.goto(`/v1.36${path}`);
    expect(response?.status()).toBe(200);
    const missing = await page.evaluate((all) => all.filter((id) => !document.getElementById(id)), ids);
    expect(missing).toEqual([]);
  });
}

test('the banner names the edition and, on a linked place, links it in the current edition', async ({ page }) => {
  await page.goto('/v1.36/compare/#statefulset-storage');
  await expect(page.locator('#statefulset-storage')).toBeFocused();
  const banner = page.locator('[data-edition-banner]');
  await expect(banner).toContainText('v1.36 edition: this page as reviewed against Kubernetes v1.36 on 2026-11-29');
  await expect(banner).toContainText(`has changed since: v${SITE_VERSION} says something else`);
  const current = banner.getByRole('link', { name: `Read it in the current edition (v${SITE_VERSION})` });
  await expect(current).toHaveAttribute('href', '/compare/#statefulset-storage');
  // The place itself carries the marker, linking the place as it is now.
  await expect(page.locator('#statefulset-storage [data-edition-mark]')).toHaveText(`changed in v${SITE_VERSION}`);
  await current.click();
  await expect(page).toHaveURL(/\/compare\/#statefulset-storage$/);
  await expect(page.locator('#statefulset-storage')).toBeFocused();
});

test('the banner follows the fragment as the reader moves', async ({ page }) => {
  await page.goto('/v1.36/glossary/');
  const current = page.locator('[data-edition-current]');
  await expect(current).toHaveAttribute('href', '/glossary/');
  await page.goto('/v1.36/glossary/#headless-service');
  await expect(current).toHaveAttribute('href', '/glossary/#headless-service');
  await expect(page.locator('[data-edition-status]')).toHaveText(
    /^The place you followed (reads the same|has changed)/,
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the banner links the current page', async ({ page }) => {
    await page.goto('/v1.36/workloads/statefulset/#partition');
    await expect(page.getByRole('link', { name: `Read the current edition (v${SITE_VERSION})` })).toHaveAttribute(
      'href',
      '/workloads/statefulset/',
    );
  });
});

test("the edition's table sorts with its own code, loaded on first use", async ({ page }) => {
  await page.goto('/v1.36/compare/');
  const table = page.locator('k8s-compare');
  await table.getByRole('button', { name: 'Storage' }).click();
  await expect(page).toHaveURL(/[?&]sort=storage/);
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
});

test('edition pages are noindex and their share pages say the edition', async ({ page, request }) => {
  await page.goto('/v1.36/');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  const html = await (await request.get('/v1.36/s/workloads/statefulset/partition/')).text();
  expect(html).toMatch(/<meta property="og:title" content="StatefulSet › partition \(canaries\) · v1\.36 edition">/);
  expect(html).toMatch(/data-to="\/v1\.36\/workloads\/statefulset\/#partition"/);
});

test('axe: the banner and the markers have no violations', async ({ page }) => {
  await page.goto('/v1.36/workloads/statefulset/#partition');
  await expectNoAxeViolations(page);
});
