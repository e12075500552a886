// Moving between pages: the navigation, the side navigation, the skip link, a stable layout.
// What every page shows as it arrives (headings, link previews, axe in both schemes at two
// widths) is checked in one load per page under nginx: tests/e2e/nginx/pages.spec.ts.
import { expect, test } from '@playwright/test';
import { PUBLIC_PAGES, WORKLOADS, layoutShiftAfterLoad } from './helpers';

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

test('a skip link moves focus to the content', async ({ page }) => {
  await page.goto('/compare/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});

// Every public page is measured as it loads (tests/e2e/nginx/pages.spec.ts); this is the view
// that the table's script rearranges from the URL right after load.
test('nothing shifts after load, even when the URL sorts the table', async ({ page }) => {
  await page.goto('/compare/?sort=storage&dir=desc');
  expect(await layoutShiftAfterLoad(page)).toBeLessThan(0.01);
});

// A document that arrives in pieces (a slow network, a busy CPU) must not paint a table with
// half its rows: its columns would widen when the rest arrive, and everything below would move.
// The layout's render-blocking "expect" link (src/layouts/Base.astro) holds the first paint.
test('a page arriving slowly paints once, whole: its tables do not reflow as rows arrive', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // 100 KiB/s: the comparison table's rows arrive over about a second.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: 100 * 1024,
    uploadThroughput: -1,
  });
  await page.goto('/compare/');
  expect(await layoutShiftAfterLoad(page)).toBeLessThan(0.001);
});
