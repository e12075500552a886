// The comparison table at every width from a 360 px phone to a 1440 px desktop (issue 12): all
// columns at 1440 px, a caption that says when more columns follow, links to rows, cells and
// columns that land fully in view (clear of the sticky workload column and header row), sorting,
// narrowing and copying at each width, and the embedded rows on the home and workload pages.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { WORKLOADS, expectNoAxeViolations, expectNoHorizontalOverflow, clipboardText } from './helpers';
import { sharePath } from '../../src/lib/links/share';

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
  { width: 360, height: 740 },
] as const;
/** Where the default view of /compare/ shows every column without scrolling sideways. */
const ALL_COLUMNS_FIT = 1440;
/** Widths at which the whole table, all seven rows, fits its region without scrolling down. */
const ALL_ROWS_FIT = [1440, 1024, 768, 360];
const EMBEDS = ['/', '/workloads/statefulset/'];
/** Widths that axe checks here; tests/e2e/nginx/pages.spec.ts checks every page at 1280 and 360 px. */
const AXE_WIDTHS = [1440, 1024, 768];
const MORE = 'More columns to the right';

const fullRegion = (page: Page) => page.getByRole('region', { name: /^Kubernetes workload resources compared/ });
const rowOrder = (page: Page) =>
  page
    .locator('table.compare tbody tr:not([hidden])')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.workload));

/** How far a region scrolls sideways and down (0 when its table fits). */
const overflow = (region: Locator) =>
  region.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }));

/** Scrolls a region to its right end; returns how far each workload name then sits from its left edge. */
const namesAfterScrollingRight = (region: Locator) =>
  region.evaluate((el) => {
    el.scrollTo({ left: el.scrollWidth, behavior: 'instant' });
    const left = el.getBoundingClientRect().left + el.clientLeft;
    return [...el.querySelectorAll('tbody th')].map((th) => Math.round(th.getBoundingClientRect().left - left));
  });

/**
 * Why the element with this id is not fully in view after a link landed on it, or '' when it is:
 * inside the viewport and its region, right of the sticky workload column (cells and column
 * headers), below the sticky header row (cells and rows) and not covered at its centre. A row is
 * judged by its header cell, the part of it that is always in view.
 */
function landingProblem(id: string): string {
  const target = document.getElementById(id);
  if (!target) return `${id}: missing`;
  const row = target.closest('tr') as HTMLTableRowElement;
  const table = target.closest('table') as HTMLTableElement;
  const region = table.parentElement as HTMLElement;
  const shown = (target.tagName === 'TR' ? row.cells[0] : target) as HTMLElement;
  const box = shown.getBoundingClientRect();
  const outer = region.getBoundingClientRect();
  const inner = {
    left: outer.left + region.clientLeft,
    top: outer.top + region.clientTop,
    right: outer.left + region.clientLeft + region.clientWidth,
    bottom: outer.top + region.clientTop + region.clientHeight,
  };
  const stickyRight = (row.cells[0] as HTMLElement).getBoundingClientRect().right;
  const headerBottom = (table.tHead as HTMLElement).getBoundingClientRect().bottom;
  const problems: string[] = [];
  const r = (n: number) => Math.round(n);
  if (box.left < Math.max(inner.left, 0) - 0.5) problems.push(`left ${r(box.left)} cut off`);
  if (box.right > Math.min(inner.right, innerWidth) + 0.5) problems.push(`right ${r(box.right)} cut off`);
  if (box.top < Math.max(inner.top, 0) - 0.5) problems.push(`top ${r(box.top)} cut off`);
  if (box.bottom > Math.min(inner.bottom, innerHeight) + 0.5) problems.push(`bottom ${r(box.bottom)} cut off`);
  if (shown !== row.cells[0] && box.left < stickyRight - 0.5)
    problems.push(`left ${r(box.left)} under the workload column (to ${r(stickyRight)})`);
  if (row.parentElement !== table.tHead && box.top < headerBottom - 0.5)
    problems.push(`top ${r(box.top)} under the header row (to ${r(headerBottom)})`);
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!hit || !shown.contains(hit)) problems.push(`covered by ${hit?.tagName ?? 'nothing'}`);
  return problems.length ? `${id}: ${problems.join(', ')}` : '';
}

/** Why the element with this id is not fully in view (see landingProblem), read in the page. */
const problemAt = (page: Page, id: string): Promise<string> => page.evaluate(landingProblem, id);

/**
 * Follows a link to each id in turn, all in one round trip to the page: from the far corner of
 * the page and the table (so each link has to bring its target into view), sets the address's
 * fragment, waits for its hashchange (the site lands in its own listener) and records what
 * landingProblem finds. One evaluation instead of four per id keeps the hundred landings per
 * width to a second.
 */
const landEach = (page: Page, ids: string[]): Promise<string[]> =>
  page.evaluate(`(async (problemOf, ids) => {
    const problems = [];
    for (const id of ids) {
      const region = document.querySelector('.table-full');
      region.scrollTo({ left: region.scrollWidth, top: region.scrollHeight, behavior: 'instant' });
      scrollTo({ top: document.body.scrollHeight, behavior: 'instant' });
      // The site's own hashchange listener, added before this one, lands first.
      const changed = new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
      location.hash = id;
      await changed;
      const target = document.getElementById(id);
      if (!target.hasAttribute('data-landed')) problems.push(id + ': never landed');
      else {
        const problem = problemOf(id);
        if (problem) problems.push(problem);
      }
    }
    return problems;
  })(${landingProblem.toString()}, ${JSON.stringify(ids)})`);

for (const size of WIDTHS) {
  const { width } = size;
  test.describe(`${width} px`, () => {
    test.use({ viewport: size });

    test('the page never scrolls sideways; the region says whether more columns follow', async ({ page }) => {
      await page.goto('/compare/');
      await expectNoHorizontalOverflow(page);
      const region = fullRegion(page);
      const hint = region.getByText(MORE);
      const { x, y } = await overflow(region);
      if (ALL_ROWS_FIT.includes(width)) expect(y, 'rows hidden below the region').toBeLessThanOrEqual(0);
      if (width >= ALL_COLUMNS_FIT) {
        expect(x, 'columns hidden to the right').toBeLessThanOrEqual(0);
        await expect(hint).toBeHidden();
        await expect(page.getByRole('region', { name: new RegExp(MORE) })).toHaveCount(0);
        return;
      }
      expect(x).toBeGreaterThan(0);
      // Seen, and part of the region's name, so a screen reader says it on entering the table.
      await expect(hint).toBeVisible();
      await expect(page.getByRole('region', { name: new RegExp(MORE) })).toBeVisible();
      // Scrolled to the end, nothing more follows, and the workload names are still in view.
      expect(await namesAfterScrollingRight(region)).toEqual(WORKLOADS.map(() => 0));
      await expect(hint).toBeHidden();
    });

    test('a pasted link to a cell lands on that value, fully in view', async ({ page }) => {
      await page.goto('/compare/#statefulset-storage');
      const cell = page.locator('#statefulset-storage');
      await expect(cell).toBeFocused();
      await expect(cell).toHaveAttribute('data-landed', '');
      await expect.poll(() => problemAt(page, 'statefulset-storage')).toBe('');
      await expectNoHorizontalOverflow(page);
    });

    test('a link with a sort in it lands on the moved row and cell', async ({ page }) => {
      for (const dir of ['asc', 'desc'])
        for (const id of ['statefulset-storage', 'statefulset', 'job-failure-recovery']) {
          await page.goto(`/compare/?sort=storage&dir=${dir}#${id}`);
          await expect(page.locator('#col-storage')).toHaveAttribute('aria-sort', `${dir}ending`);
          await expect(page.locator(`#${id}`)).toBeFocused();
          await expect.poll(() => problemAt(page, id), `${dir} #${id}`).toBe('');
        }
    });

    test('every row, cell and column link lands fully in view', async ({ page }) => {
      // Instant scrolling, so each landing is measured where it ends.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto('/compare/');
      const ids = await page
        .locator('table.compare [id]:is(tr, td, th)')
        .evaluateAll((elements) => elements.map((element) => element.id));
      expect(ids.length).toBe(7 + 7 * 13 + 13);
      const problems = await landEach(page, ids);
      expect(problems).toEqual([]);
    });

    test('sorting and narrowing work', async ({ page }) => {
      await page.goto('/compare/');
      await page.locator('#col-storage').getByRole('button').click();
      await expect(page.locator('#col-storage')).toHaveAttribute('aria-sort', 'ascending');
      expect((await rowOrder(page)).at(-1)).toBe('statefulset');
      await page.getByText('Focus the comparison').click();
      await page.getByRole('button', { name: 'The core three' }).click();
      expect(await rowOrder(page)).toEqual(['deployment', 'daemonset', 'statefulset']);
      await page.getByRole('checkbox', { name: 'Use case' }).uncheck();
      await expect(page.locator('#col-use-case')).toBeHidden();
      await expect(page).toHaveURL(/sort=storage&dir=asc&workloads=deployment,statefulset,daemonset&dimensions=/);
      await expectNoHorizontalOverflow(page);
    });

    // As the page loads (with the hint shown where columns are hidden), in both schemes on one
    // load. Mid-scroll, links slide under the sticky header row and workload column, which axe's
    // target-size rule measures as crowded; the landing tests above check that a linked place is
    // never among them. At 1280 and 360 px, tests/e2e/nginx/pages.spec.ts runs axe over these
    // pages as they load, in both schemes.
    if (AXE_WIDTHS.includes(width)) {
      test('axe: no violations, light and dark', async ({ page }) => {
        for (const path of ['/compare/', ...EMBEDS]) {
          await page.goto(path);
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            await test.step(`${path} ${colorScheme}`, () =>
              expectNoAxeViolations(page, path === '/compare/' ? undefined : '.table-embed'));
          }
        }
      });
    }

    test('the embedded rows follow the same rules', async ({ page }) => {
      for (const path of EMBEDS) {
        await page.goto(path);
        await expectNoHorizontalOverflow(page);
        const region = page.locator('.table-embed');
        const hint = region.getByText(MORE);
        const { x, y } = await overflow(region);
        expect(y, `${path}: rows hidden below the region`).toBeLessThanOrEqual(0);
        if (width >= 768) {
          expect(x, `${path}: columns hidden to the right`).toBeLessThanOrEqual(0);
          await expect(hint).toBeHidden();
        } else {
          expect(x).toBeGreaterThan(0);
          await expect(hint).toBeVisible();
          // The hint is part of the table's name (its caption).
          await expect(region.getByRole('table', { name: new RegExp(MORE) })).toBeVisible();
          const names = await namesAfterScrollingRight(region);
          expect(names.length).toBeGreaterThan(1);
          expect(names.every((offset) => offset === 0)).toBe(true);
          await expect(hint).toBeHidden();
        }
      }
    });
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, permissions: ['clipboard-read', 'clipboard-write'] });

  test('two workloads on one dimension, side by side at a glance', async ({ page }) => {
    await page.goto('/compare/?workloads=deployment,statefulset&dimensions=storage');
    const region = fullRegion(page);
    await expect.poll(async () => (await overflow(region)).x).toBeLessThanOrEqual(0);
    // Once the table is on screen, both values and both names show at once: one look, no scrolling.
    await region.scrollIntoViewIfNeeded();
    for (const id of ['deployment-storage', 'statefulset-storage'])
      await expect(page.locator(`#${id}`)).toBeInViewport({ ratio: 1 });
    for (const id of ['deployment', 'statefulset'])
      await expect(page.locator(`#${id} th`)).toBeInViewport({ ratio: 1 });
  });

  test('a whole column at a glance: all seven values of a dimension show together', async ({ page }) => {
    await page.goto('/compare/#col-storage');
    await expect(page.locator('#col-storage')).toBeFocused();
    for (const workload of WORKLOADS) {
      await expect(page.locator(`#${workload}-storage`)).toBeInViewport({ ratio: 1 });
      await expect(page.locator(`#${workload} th`)).toBeInViewport({ ratio: 1 });
    }
  });

  test('the copy buttons sit whole in the workload column and copy', async ({ page }) => {
    await page.goto('/compare/');
    const head = page.locator('#statefulset th');
    const button = page.getByRole('button', { name: 'Copy link to StatefulSet', exact: true });
    const [cell, box] = await Promise.all([head.boundingBox(), button.boundingBox()]);
    expect(box && cell && box.x >= cell.x && box.x + box.width <= cell.x + cell.width).toBe(true);
    await button.click();
    const canonical = (await page.locator('link[rel=canonical]').getAttribute('href')) ?? '';
    await expect(page.locator('#announcer')).toHaveText('Link copied');
    await expect.poll(() => clipboardText(page)).toBe(new URL(sharePath('/compare/', 'statefulset'), canonical).href);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('1440 px shows every column; a phone lands a pasted link on its value', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/compare/');
    expect((await overflow(fullRegion(page))).x).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/compare/#statefulset-storage');
    await expect.poll(() => problemAt(page, 'statefulset-storage')).toBe('');
    await expectNoHorizontalOverflow(page);
  });
});
