// Site-wide behaviour: colour theme, search, example manifests.
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, clipboardText } from './helpers';

/**
 * The background the page declares for each scheme (`<meta name="theme-color" media=…>`, which
 * the browser also paints around the page), as computed styles print it: the body must match.
 */
async function declaredBackgrounds(page: Page): Promise<Record<'light' | 'dark', string>> {
  const colour = async (scheme: string) => {
    const hex = (await page.locator(`meta[name="theme-color"][media*="${scheme}"]`).getAttribute('content')) ?? '';
    expect(hex, `theme-color for ${scheme}`).toMatch(/^#[0-9a-f]{6}$/i);
    return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  };
  return { light: await colour('light'), dark: await colour('dark') };
}

test.describe('theme', () => {
  // Colours are read through toHaveCSS, which waits until the stylesheet has applied: a
  // computed style read right after navigation can predate it.
  test('light, dark and system, remembered across pages', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    const background = await declaredBackgrounds(page);
    expect(background.dark).not.toBe(background.light);
    const body = page.locator('body');
    await expect(body).toHaveCSS('background-color', background.light);
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await expect(body).toHaveCSS('background-color', background.dark);
    await page.goto('/compare/');
    await expect(body).toHaveCSS('background-color', background.dark);
    await expect(page.getByRole('button', { name: 'Dark' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'System' }).click();
    await expect(body).toHaveCSS('background-color', background.light);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(body).toHaveCSS('background-color', background.dark);
  });

  test('the stored theme applies before any script file runs (no flash)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    // Hold back every script file: only the inline head script can act.
    await page.route('**/*.js', () => undefined);
    await page.goto('/choose/', { waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
    await expect(page.locator('body')).toHaveCSS('background-color', (await declaredBackgrounds(page)).dark);
  });

  test('without JavaScript the system scheme applies and the switch is hidden', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('group', { name: 'Colour theme' })).toBeHidden();
    await expect(page.locator('body')).toHaveCSS('background-color', (await declaredBackgrounds(page)).dark);
    await context.close();
  });
});

test.describe('search', () => {
  test('loads only on focus, finds sections, and `/` focuses it', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/compare/');
    expect(requests.some((p) => p.includes('pagefind'))).toBe(false);
    await page.locator('main').click();
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search the site' });
    await expect(box).toBeFocused();
    await box.fill('volumeClaimTemplates');
    const results = page.locator('#search-results');
    await expect(results.getByRole('link').first()).toBeVisible();
    expect(requests.some((p) => p.includes('pagefind'))).toBe(true);
    const hrefs = await results.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => /\/workloads\/statefulset\/#[a-z-]+$/.test(h ?? ''))).toBe(true);
    await expect(page.locator('#search-status')).toContainText('for “volumeClaimTemplates”');
    await expectNoAxeViolations(page, '.search');
    await page.keyboard.press('ArrowDown');
    await expect(results.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#[a-z-]+$/);
  });
});

test.describe('example manifests', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('are highlighted, copy exactly, and are published raw', async ({ page, request }) => {
    await page.goto('/workloads/statefulset/');
    const figure = page.locator('figure.manifest').first();
    await expect(figure.locator('pre .hl-k').first()).toBeVisible();
    await figure.getByRole('button', { name: /^Copy/ }).click();
    const raw = await (await request.get('/manifests/statefulset.yaml')).text();
    await expect.poll(() => clipboardText(page)).toBe(raw.endsWith('\n') ? raw : `${raw}\n`);
    expect(raw).toContain('clusterIP: None');
    await expect(page.locator('#announcer')).toHaveText('Manifest copied');
  });
});
