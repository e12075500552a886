// Every public page of the root build as nginx serves it, in one load each: the status and
// security headers, nothing the Content-Security-Policy or the console complains about, the
// title, headings and footer, the link previews (with the image they name), a layout that does
// not shift, and axe with no sideways scrolling in light and dark at 1280 and 360 px.
import { expect, test } from '@playwright/test';
import { CACHE_CONTROL } from '../../../src/lib/output/security-headers.ts';
import { SITE_VERSION, PUBLIC_PAGES, WORKLOADS, expectAccessibleEverywhere, layoutShiftAfterLoad } from '../helpers';
import { DIST, ORIGIN, expectSecurityHeaders, publicPages, watch } from './site.ts';

const pages = publicPages(DIST);

/** Width and height of a PNG, from its IHDR chunk; null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    return null;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the build has the public pages of the id registry', () => {
  expect(pages).toContain('/');
  expect(pages.length).toBeGreaterThan(5);
  expect(pages).toEqual([...PUBLIC_PAGES].sort());
});

// The checks that interact with a page live in the spec files of its feature (tests/e2e/*.spec.ts).
for (const path of pages) {
  test(`${path}: headers, CSP, headings, link previews, layout shift; axe in both schemes at 1280 and 360 px`, async ({
    page,
    request,
  }) => {
    // Four axe runs and a page load: allow what a loaded machine needs (the timeout guards hangs, not speed).
    test.slow();
    const watcher = await watch(page, ORIGIN);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);

    await test.step('security headers', async () => {
      const headers = response?.headers() ?? {};
      expectSecurityHeaders(headers);
      expect(headers['cache-control']).toBe(CACHE_CONTROL.revalidate);
      expect(headers['content-type']).toBe('text/html; charset=utf-8');
    });

    await test.step('title, headings and footer', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      for (const heading of await page.getByRole('heading', { level: 2 }).all()) await expect(heading).toBeVisible();
      await expect(page.locator('main')).not.toBeEmpty();
      await expect(page.locator('footer')).toContainText(`Kubernetes v${SITE_VERSION}`);
      await expect(page).toHaveTitle(/Kubernetes workloads, compared/);
      if (path.startsWith('/workloads/')) {
        // A workload page links every workload in its side navigation, itself as the current page.
        const nav = page.getByRole('navigation', { name: 'Workloads' });
        await expect(nav.getByRole('link')).toHaveCount(WORKLOADS.length);
        await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', new RegExp(`${path}$`));
      }
    });

    await test.step('link previews: canonical URL, Open Graph and a 1200×630 PNG image', async () => {
      const head = page.locator('head');
      const meta = (key: string) =>
        head.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
      const description = await meta('description');
      expect(description?.length, 'meta description').toBeGreaterThan(20);
      const canonical = new URL((await head.locator('link[rel=canonical]').getAttribute('href')) ?? '');
      expect(canonical.pathname).toBe(path);
      expect(await meta('og:url')).toBe(canonical.href);
      // The preview names the page as its tab does: the site name, or the page's title and the site name.
      const title = (await meta('og:title')) ?? '';
      const siteName = (await meta('og:site_name')) ?? '';
      expect(title.length * siteName.length, 'og:title and og:site_name').toBeGreaterThan(0);
      expect([siteName, `${title} · ${siteName}`]).toContain(await page.title());
      expect(await meta('og:description')).toBe(description);
      expect(await meta('twitter:card')).toBe('summary_large_image');
      expect(await meta('og:image:alt')).toContain(title);
      const image = new URL((await meta('og:image')) ?? '');
      expect(image.origin, 'og:image is absolute, on the site').toBe(canonical.origin);
      expect([await meta('og:image:width'), await meta('og:image:height')]).toEqual(['1200', '630']);
      const served = await request.get(image.pathname);
      expect(served.status(), image.pathname).toBe(200);
      expect(served.headers()['content-type']).toBe('image/png');
      expect(pngSize(await served.body()), image.pathname).toEqual({ width: 1200, height: 630 });
    });

    expect(await layoutShiftAfterLoad(page), 'layout shift after load').toBeLessThan(0.01);
    await page.waitForLoadState('networkidle');
    expect(await watcher.problems(), 'CSP violations, console errors, other origins').toEqual([]);

    await expectAccessibleEverywhere(page);
    expect(await watcher.problems(), 'CSP violations, console errors, other origins during axe').toEqual([]);
  });
}

test('an unknown address answers 404 with a helpful page, the security headers, and passes axe', async ({ page }) => {
  test.slow();
  const watcher = await watch(page, ORIGIN);
  const response = await page.goto('/workloads/mongodb/');
  expect(response?.status()).toBe(404);
  expectSecurityHeaders(response?.headers() ?? {});
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
  await expect(page.getByRole('link', { name: 'The comparison table' })).toBeVisible();
  await expect(page.locator('main a[href$="/workloads/statefulset/"]')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The browser logs the document's own 404 status; nothing else may go wrong.
  expect((await watcher.problems()).filter((problem) => !/status of 404/.test(problem))).toEqual([]);
  await expectAccessibleEverywhere(page);
});
