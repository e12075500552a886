// Links that land and never break: permalinks, Copy link, Copy as Markdown link, landing with
// focus, aliases for renamed ids, redirects for renamed pages.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, isVisibleAndUncovered, clipboardText } from './helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const canonical = async (page: import('@playwright/test').Page) =>
  (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
/** The share URL of a place (the rule of src/lib/links/share.ts), on the page's canonical origin. */
const share = async (page: import('@playwright/test').Page, key: string, id: string) =>
  new URL(`/s/${key}/${id}/`, await canonical(page)).href;

test('Copy link copies the section share URL, Copy as Markdown link [Page › Section](url); both announce it', async ({
  page,
}) => {
  await page.goto('/workloads/statefulset/');
  await page.getByRole('button', { name: 'Copy link to Use cases' }).click();
  const url = await share(page, 'workloads/statefulset', 'use-cases');
  await expect.poll(() => clipboardText(page)).toBe(url);
  await expect(page.locator('#announcer')).toHaveText('Link copied');

  // Copy as Markdown link copies [Page › Section](url).
  await page.getByRole('button', { name: 'Copy Markdown link to Use cases' }).click();
  await expect.poll(() => clipboardText(page)).toBe(`[StatefulSet › Use cases](${url})`);
  await expect(page.locator('#announcer')).toHaveText('Markdown link copied');
});

test('a table row and a decision step have the same affordances', async ({ page }) => {
  await page.goto('/compare/');
  await page.getByRole('button', { name: 'Copy Markdown link to StatefulSet' }).click();
  await expect
    .poll(() => clipboardText(page))
    .toBe(`[Compare all seven workload resources › StatefulSet](${await share(page, 'compare', 'statefulset')})`);
  await page.goto('/choose/');
  await page.locator('.decision-tree').getByRole('button', { name: 'Copy link to Use a StatefulSet' }).click();
  await expect.poll(() => clipboardText(page)).toBe(await share(page, 'choose', 'use-statefulset'));
});

test('the permalink shows on hover and on keyboard focus, and keeps the heading name clean', async ({ page }) => {
  await page.goto('/workloads/job/');
  const heading = page.getByRole('heading', { level: 2, name: 'Use cases', exact: true });
  await expect(heading).toBeVisible();
  const permalink = page.getByRole('link', { name: 'Permalink: Use cases' });
  await expect(permalink).toHaveCSS('opacity', '0');
  await heading.hover();
  await expect(permalink).toHaveCSS('opacity', '1');
  await page.mouse.move(0, 0);
  await permalink.focus();
  await expect(permalink).toHaveCSS('opacity', '1');
  await expect(permalink).toHaveAttribute('href', '#use-cases');
});

test.describe('on touch screens', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  test('the permalink is always visible', async ({ page }) => {
    await page.goto('/workloads/job/');
    await expect(page.getByRole('link', { name: 'Permalink: Use cases' })).toHaveCSS('opacity', '1');
  });
});

for (const target of [
  '/workloads/statefulset/#use-cases',
  '/compare/#statefulset-storage',
  '/choose/#use-statefulset',
  '/glossary/#headless-service',
  '/compare/#note-statefulset-ordering',
]) {
  test(`${target} lands visible, highlighted and focused`, async ({ page }) => {
    await page.goto(target);
    const id = target.split('#')[1] as string;
    await expect(page.locator(`#${id}`)).toBeFocused();
    await expect(page.locator(`#${id}`)).toHaveAttribute('data-landed', '');
    await expect.poll(() => isVisibleAndUncovered(page, `#${id}`)).toBe(true);
  });
}

test('following an in-page link lands the same way', async ({ page }) => {
  await page.goto('/workloads/statefulset/');
  await page
    .getByRole('navigation', { name: 'On this page' })
    .getByRole('link', { name: 'Storage', exact: true })
    .click();
  await expect(page.locator('#storage')).toBeFocused();
});

test('the outline beside a long page reaches its last section from the top of the page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/workloads/statefulset/');
  const last = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport({ ratio: 1 });
  // The outline scrolls on its own: the page moves at most until the outline sticks, far from the
  // article's end (where a sticky outline taller than the screen would first show its last link).
  expect(await page.evaluate(() => scrollY)).toBeLessThan(720);
  await last.click();
  await expect(page.locator(`[id="${(await last.getAttribute('href'))?.slice(1)}"]`)).toBeFocused();
});

test('an aliased old id lands at its new target', async ({ page }) => {
  await page.goto('/choose/#when-to-use-which');
  await expect(page).toHaveURL(/\/choose\/#summary$/);
  await expect(page.locator('#summary')).toBeFocused();
  await expect.poll(() => isVisibleAndUncovered(page, '#summary')).toBe(true);
});

test('an unknown or hostile fragment is harmless', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const fragment of [
    '#does-not-exist',
    '#%3Cimg%20src=x%20onerror=alert(1)%3E',
    '#%E0%A4%A',
    '#constructor',
    '#__proto__',
  ]) {
    await page.goto(`/compare/${fragment}`);
    await expect(page.locator('[data-landed]')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('a renamed page keeps its old URL, with the fragment', async ({ page }) => {
  await page.goto('/workloads/sts/#storage');
  await expect(page).toHaveURL(/\/workloads\/statefulset\/#storage$/);
  await expect(page.locator('#storage')).toBeFocused();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('permalinks are plain links and copy buttons are absent', async ({ page }) => {
    await page.goto('/workloads/job/');
    await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Permalink: Use cases' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#use-cases$/);
  });
  test('a redirect page still leads to the new home', async ({ page }) => {
    await page.goto('/workloads/deploy/');
    await expect(page).toHaveURL(/\/workloads\/deployment\/$/, { timeout: 5000 });
  });
});

test('axe: no violations in the affordances while they show', async ({ page }) => {
  await page.goto('/workloads/statefulset/#use-cases');
  await page.getByRole('heading', { level: 2, name: 'Use cases', exact: true }).hover();
  await expectNoAxeViolations(page, '.hx');
});

test('each page links its Markdown twin, which holds the page headings', async ({ page, request }) => {
  await page.goto('/workloads/statefulset/');
  const twin = await page.getByRole('link', { name: 'View this page as Markdown' }).getAttribute('href');
  expect(twin).toMatch(/\/workloads\/statefulset\.md$/);
  const markdown = await (await request.get(twin ?? '')).text();
  expect(markdown).toMatch(/^# StatefulSet/m);
  expect(markdown).toMatch(/^## Use cases/m);
  // No HTML left: tags may only appear inside code spans, as text such as `<statefulset>-<ordinal>`.
  expect(markdown.replace(/`[^`\n]*`/g, '')).not.toMatch(/<\/?(a|p|span|div|table|tr|td|svg|button|h[1-6])\b/);
});
