// "My cluster runs …": every badge, comparison cell, guide result and manifest note follows the
// reader's Kubernetes version; the choice lives in the address (`?k8s=1.33`), survives reload and
// Back, travels with copied links and is remembered; hostile values fall back and never reach the
// DOM; without JavaScript the histories are there in words. Plus the /versions/ page itself.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SITE_VERSION, expectNoAxeViolations, clipboardText } from './helpers';
import { sharePath } from '../../src/lib/links/share';

/** The visible badge of a `<Feature id>` in the page's prose. */
const badge = (page: Page, feature: string) => page.locator(`.mdx-body [data-feature="${feature}"] > .badge:visible`);
const picker = (page: Page) => page.getByLabel('My cluster runs');
/** Rendered text (innerText): what a reader sees, without the alternatives for other versions. */
const seen = (locator: Locator) => expect.poll(() => locator.innerText().then((t) => t.replace(/\s+/g, ' ')));
const STATEFULSET = '/workloads/statefulset/';

test.describe('a version in the address', () => {
  test('?k8s=1.36 shows StatefulSet maxUnavailable as beta and off, ?k8s=1.37 as beta and on', async ({ page }) => {
    await page.goto(`${STATEFULSET}?k8s=1.36`);
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(
      'v1.36: beta, off: needs the MaxUnavailableStatefulSet gate',
    );
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveAttribute('data-tone', 'no');
    await expect(picker(page)).toHaveValue('1.36');
    await page.goto(`${STATEFULSET}?k8s=1.37`);
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText('v1.37: beta, on by default');
    await expect(picker(page)).toHaveValue('1.37');
  });

  test('?k8s=1.30 shows the start ordinal as beta and on, and a patch split in v1.35', async ({ page }) => {
    await page.goto(`${STATEFULSET}?k8s=1.30`);
    await expect(badge(page, 'stateful-set-start-ordinal')).toHaveText('v1.30: beta, on by default');
    await page.goto(`${STATEFULSET}?k8s=1.35`);
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(
      'v1.35: beta; on by default in v1.35.0–v1.35.3, off from v1.35.4',
    );
    await expect(badge(page, 'stateful-set-start-ordinal')).toHaveText(
      'v1.35: always on; gate removed in v1.34 (inferred)',
    );
  });

  test('every badge on a page states the chosen version, one badge per feature', async ({ page }) => {
    await page.goto('/workloads/job/?k8s=1.30');
    const features = page.locator('.mdx-body [data-feature]');
    const count = await features.count();
    expect(count).toBeGreaterThan(10);
    for (let i = 0; i < count; i++) {
      await expect(features.nth(i).locator('> .badge:visible')).toHaveCount(1);
      await expect(features.nth(i).locator('> .badge:visible')).toHaveText(/^v1\.30: /);
    }
    await expect(badge(page, 'job-success-policy')).toHaveText('v1.30: alpha, off: needs the JobSuccessPolicy gate');
  });

  test('a hostile value falls back to the newest version and never reaches the DOM', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${STATEFULSET}?k8s=<img src=x onerror=alert(1)>`);
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(`v${SITE_VERSION}: beta, on by default`);
    await expect(picker(page)).toHaveValue(SITE_VERSION);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.content()).not.toContain('onerror=alert');
    await expect(page).toHaveURL(new RegExp(`${STATEFULSET}$`));
    expect(dialogs).toEqual([]);
  });

  test('an unknown version falls back too, and does not replace a remembered choice', async ({ page }) => {
    await page.goto(`${STATEFULSET}?k8s=1.33`);
    await page.goto(`${STATEFULSET}?k8s=1.99`);
    await expect(picker(page)).toHaveValue(SITE_VERSION);
    await page.goto(STATEFULSET);
    await expect(picker(page)).toHaveValue('1.33');
  });
});

test.describe('choosing a version', () => {
  test('updates every page, survives reload and Back, and is remembered for the next visit', async ({ page }) => {
    await page.goto(STATEFULSET);
    await expect(picker(page)).toHaveValue(SITE_VERSION);
    await picker(page).selectOption('1.33');
    await expect(page).toHaveURL(/\?k8s=1\.33$/);
    await expect(page.locator('#announcer')).toHaveText('Showing what Kubernetes v1.33 does');
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(
      'v1.33: alpha, off: needs the MaxUnavailableStatefulSet gate',
    );
    await page.reload();
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(/^v1\.33: alpha/);

    // Another page: the remembered choice applies and the address says so.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compare' }).click();
    await expect(page).toHaveURL(/\/compare\/\?k8s=1\.33$/);
    await seen(page.locator('#statefulset-ordering')).toContain('maxUnavailable: alpha · off');
    await expect(page.locator('#compare-caption')).toContainText(
      'below the table. Where v1.33 differs, the cell says so.',
    );
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${STATEFULSET}\\?k8s=1\\.33$`));
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(/^v1\.33: alpha/);

    // Choosing the newest is no choice: the address loses k8s and the next page shows the newest.
    await picker(page).selectOption(SITE_VERSION);
    await expect(page).toHaveURL(new RegExp(`${STATEFULSET}$`));
    await page.goto('/workloads/job/');
    await expect(picker(page)).toHaveValue(SITE_VERSION);
  });

  test('a copied link keeps k8s=, and so does the Markdown link', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${STATEFULSET}?k8s=1.34`);
    const canonical = (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
    const share = new URL(`${sharePath(STATEFULSET, 'use-cases')}?k8s=1.34`, canonical).href;
    await page.getByRole('button', { name: 'Copy link to Use cases' }).click();
    await expect(page.locator('#announcer')).toHaveText('Link copied');
    await expect.poll(() => clipboardText(page)).toBe(share);
    await page.getByRole('button', { name: 'Copy Markdown link to Use cases' }).click();
    await expect(page.locator('#announcer')).toHaveText('Markdown link copied');
    await expect.poll(() => clipboardText(page)).toBe(`[StatefulSet › Use cases](${share})`);
    // The copied link opens the same view, through the share page's redirect.
    await page.goto(new URL(share).pathname + new URL(share).search);
    await expect(page).toHaveURL(/\/workloads\/statefulset\/\?k8s=1\.34#use-cases$/);
    await expect(badge(page, 'max-unavailable-stateful-set')).toHaveText(/^v1\.34: alpha, off/);
  });
});

test.describe('the table, the guide and the examples follow the version', () => {
  test('comparison cells and notes that list features say what the version does; sorting keeps k8s=', async ({
    page,
  }) => {
    await page.goto('/compare/?k8s=1.36');
    // Cells describe the site's version; in another, a cell names (by short name) the features
    // whose state differs there, the caption says so, and the note has every feature's full line.
    const cell = page.locator('#statefulset-update-strategy');
    await expect(page.locator('#compare-caption')).toContainText('Where v1.36 differs, the cell says so.');
    await seen(cell).toContain('Recreate strategy: not available');
    await seen(cell).toContain('maxUnavailable: beta · off');
    await seen(page.locator('#note-statefulset-update-strategy')).toContain(
      'v1.36 · StatefulSet maxUnavailable: beta · off',
    );
    // The start ordinal is GA in every offered version: nothing in the cell, the whole line in the note.
    await seen(page.locator('#statefulset-pod-names')).not.toContain('start ordinal');
    await seen(page.locator('#note-statefulset-pod-names')).toContain('v1.36 · StatefulSet start ordinal: GA');
    await seen(page.locator('#statefulset-ordering')).toContain('maxUnavailable: beta · off');
    await page.getByRole('button', { name: 'Storage' }).click();
    await expect(page).toHaveURL(/\?sort=storage&dir=asc&k8s=1\.36$/);
    await page.reload();
    await seen(cell).toContain('maxUnavailable: beta · off');
    await page.goto('/compare/');
    await picker(page).selectOption('1.37');
    // Back in the version the cells describe: no differences, no sentence about them.
    await seen(cell).not.toContain('maxUnavailable');
    await seen(page.locator('#compare-caption')).not.toContain('differs');
    await seen(page.locator('#note-statefulset-update-strategy')).toContain(
      'v1.37 · StatefulSet Recreate update strategy: alpha · off',
    );
  });

  test('a decision result warns when its advice needs a newer version, in the tree and the stepper', async ({
    page,
  }) => {
    await page.goto('/choose/?k8s=1.36');
    const result = page.locator('section[data-node="statefulset"]');
    const warning = 'Needs v1.37 or newer: StatefulSet maxUnavailable is beta and off by default in v1.36.';
    await expect(result.locator('.version-warning:visible')).toHaveText(warning);
    // The stepper keeps the version in the address as it steps, and shows the same warning.
    await page.locator('k8s-stepper').getByRole('button', { name: 'No, it runs until stopped' }).click();
    await expect(page).toHaveURL(/\?answers=no&k8s=1\.36$/);
    await page.goto('/choose/?k8s=1.37');
    await expect(result.locator('.version-warning:visible')).toHaveCount(0);
    await picker(page).selectOption('1.34');
    await expect(result.locator('.version-warning:visible')).toHaveText(
      'Needs v1.37 or newer: StatefulSet maxUnavailable is alpha and off by default in v1.34.',
    );
  });

  test('a manifest notes the version-sensitive fields it sets, in the chosen version', async ({ page }) => {
    await page.goto('/workloads/pod/?k8s=1.30');
    const note = page.locator('figure.manifest li', { hasText: 'spec.containers.resizePolicy' });
    await expect(note).toContainText('In-place resize of container resources');
    await expect(note.locator('.badge:visible')).toHaveText(
      'v1.30: alpha, off: needs the InPlacePodVerticalScaling gate',
    );
    await picker(page).selectOption('1.35');
    await expect(note.locator('.badge:visible')).toHaveText('v1.35: stable');
  });
});

test.describe('/versions/', () => {
  test('lists the supported minors, the changes per release and the matrix with linkable cells', async ({ page }) => {
    await page.goto('/versions/');
    await expect(page.locator('section[aria-labelledby="support"]')).toContainText('v1.32–v1.37 are supported');
    await expect(page.locator('#support-v1-31')).toContainText('no one');
    const changes = page.locator('section[aria-labelledby="changes-v1-37"]');
    await expect(changes.getByRole('link', { name: 'StatefulSet maxUnavailable' })).toHaveAttribute(
      'href',
      /\/workloads\/statefulset\/#/,
    );
    await expect(changes).toContainText('StatefulSet maxUnavailable: on by default again');
    await expect(page.locator('#max-unavailable-stateful-set-v1-35')).toHaveText('beta · on, off from v1.35.4');
    await expect(page.locator('#stateful-set-start-ordinal-v1-34')).toContainText('GA · gate removed');
    await expect(page.locator('#stateful-set-start-ordinal-v1-34')).toContainText('inferred');
  });

  test('sorts by a version column, keeps the sort and the version in the address', async ({ page }) => {
    await page.goto('/versions/?k8s=1.33');
    const column = page.locator('#col-v1-37');
    await column.getByRole('button').click();
    await expect(column).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/\?sort=v1-37&dir=asc&k8s=1\.33$/);
    const ranks = await page
      .locator('tbody tr td[id$="-v1-37"]')
      .evaluateAll((cells) => cells.map((c) => Number((c as HTMLElement).dataset.key)));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await page.reload();
    await expect(column).toHaveAttribute('aria-sort', 'ascending');
  });

  test('a cell link lands on the cell', async ({ page }) => {
    await page.goto('/versions/#job-success-policy-v1-30');
    await expect(page.locator('#job-success-policy-v1-30')).toBeFocused();
    await expect(page.locator('#job-success-policy-v1-30')).toHaveText('alpha · off');
  });

  test('on a phone, version columns show beside the feature column and a cell link lands in view', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/versions/#job-success-policy-v1-30');
    const cell = page.locator('#job-success-policy-v1-30');
    await expect(cell).toBeFocused();
    await expect(cell).toBeInViewport({ ratio: 1 });
    const [head, box] = await Promise.all([page.locator('#job-success-policy th').boundingBox(), cell.boundingBox()]);
    // The sticky feature column leaves most of the screen to the versions and never covers the cell.
    expect(head && head.width).toBeLessThan(360 / 2);
    expect(head && box && box.x).toBeGreaterThanOrEqual((head?.x ?? 0) + (head?.width ?? 0) - 0.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the histories are readable, the newest version shows and the control is not offered', async ({ page }) => {
    await page.goto(`${STATEFULSET}?k8s=1.30`);
    await expect(picker(page)).toBeHidden();
    const feature = page.locator('.mdx-body [data-feature="max-unavailable-stateful-set"]');
    await expect(feature.locator('> .badge:visible')).toHaveText(`v${SITE_VERSION}: beta, on by default`);
    await expect(feature.locator('.feature-history')).toHaveText(
      '(gate MaxUnavailableStatefulSet; v1.24–v1.34: alpha, off by default; ' +
        'v1.35.0–v1.35.3: beta, on by default; v1.35.4–v1.36: beta, off by default; ' +
        'since v1.37: beta, on by default)',
    );
    await page.goto('/versions/');
    await expect(page.locator('#max-unavailable-stateful-set-v1-36')).toHaveText('beta · off');
  });
});

test.describe('axe with a version chosen', () => {
  for (const path of [
    `${STATEFULSET}?k8s=1.30`,
    '/compare/?k8s=1.36',
    '/choose/?k8s=1.36#use-statefulset',
    '/versions/?k8s=1.33',
  ]) {
    test(`${path}: light and dark`, async ({ page }) => {
      await page.goto(path);
      await expect(picker(page)).not.toHaveValue(SITE_VERSION);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoAxeViolations(page);
      }
    });
  }
});
