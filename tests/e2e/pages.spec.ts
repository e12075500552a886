// Every page: renders its headings, is reachable from the navigation, works on a phone and a
// desktop in both colour schemes, and passes axe.
import { expect, test } from '@playwright/test';
import { PUBLIC_PAGES, SITE_VERSION, WORKLOADS, expectNoAxeViolations, expectNoHorizontalOverflow } from './helpers';

test.describe('every public page', () => {
  for (const path of PUBLIC_PAGES) {
    test(`${path} renders its title, headings and footer`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      for (const heading of await page.getByRole('heading', { level: 2 }).all()) await expect(heading).toBeVisible();
      await expect(page.locator('main')).not.toBeEmpty();
      await expect(page.locator('footer')).toContainText(`Kubernetes v${SITE_VERSION}`);
      await expect(page).toHaveTitle(/Kubernetes workloads, compared/);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBeTruthy();
    });
  }
});

test('the navigation reaches every page', async ({ page }) => {
  const seen = new Set<string>();
  await page.goto('/');
  for (const name of ['Compare', 'Choose', 'Glossary', 'Versions']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    seen.add(new URL(page.url()).pathname);
  }
  await page.goto('/');
  for (const id of WORKLOADS) {
    await page.goto('/');
    await page.locator(`section[aria-labelledby="workloads"] a[href$="/workloads/${id}/"]`).click();
    await expect(page).toHaveURL(new RegExp(`/workloads/${id}/$`));
    seen.add(new URL(page.url()).pathname);
  }
  expect([...seen].sort()).toEqual(PUBLIC_PAGES.filter((p) => p !== '/').sort());
});

test('a workload page links every other workload in its side navigation', async ({ page }) => {
  await page.goto('/workloads/job/');
  const nav = page.getByRole('navigation', { name: 'Workloads' });
  await expect(nav.getByRole('link')).toHaveCount(7);
  await expect(nav.getByRole('link', { name: 'Job', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('an unknown URL answers 404 with a helpful page', async ({ page }) => {
  const response = await page.goto('/workloads/mongodb/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
  await expect(page.getByRole('link', { name: 'The comparison table' })).toBeVisible();
  await expect(page.locator('main a[href$="/workloads/statefulset/"]')).toBeVisible();
});

test('a skip link moves focus to the content', async ({ page }) => {
  await page.goto('/compare/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

// Each page in light and dark, at 1280 px and at 360 px: one page load, four checks.
for (const path of [...PUBLIC_PAGES, '/404.html']) {
  test(`${path}: no axe violations and no sideways scrolling, light and dark, 1280 and 360 px`, async ({ page }) => {
    await page.goto(path);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await test.step(`${colorScheme}, ${width}px`, async () => {
          await expectNoHorizontalOverflow(page);
          await expectNoAxeViolations(page);
        });
      }
    }
  });
}

test('nothing shifts after load', async ({ page }) => {
  for (const path of ['/', '/compare/', '/choose/', '/workloads/statefulset/', '/compare/?sort=storage&dir=desc']) {
    await page.goto(path);
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & {
              value: number;
              hadRecentInput: boolean;
            })[]) {
              if (!entry.hadRecentInput) total += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift, path).toBeLessThan(0.01);
  }
});
