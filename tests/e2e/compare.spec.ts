// The comparison table after load: sorting, focusing, URL state, deep links, no-JS, narrow screens.
import { expect, test, type Page } from '@playwright/test';
import {
  WORKLOADS,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
  isVisibleAndUncovered,
  clipboardText,
} from './helpers';

const rowOrder = (page: Page) =>
  page
    .locator('table.compare tbody tr:not([hidden])')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.workload));
const header = (page: Page, id: string) => page.locator(`#col-${id}`);
const sortButton = (page: Page, id: string) => header(page, id).getByRole('button');
const announcer = (page: Page) => page.locator('#announcer');

/** The order the ranks in the built table imply: by rank, ties in the default order. */
async function expectedOrder(page: Page, dimension: string, dir: 'asc' | 'desc'): Promise<string[]> {
  const ranks = await page
    .locator(`table.compare tbody [id$="-${dimension}"]`)
    .evaluateAll((cells) =>
      cells.map((cell) => ({ id: cell.id.replace(/-[a-z-]+$/, ''), rank: Number((cell as HTMLElement).dataset.key) })),
    );
  const rank = (id: string) => ranks.find((r) => r.id === id)?.rank ?? 0;
  return [...WORKLOADS].sort(
    (a, b) => (dir === 'asc' ? 1 : -1) * (rank(a) - rank(b)) || WORKLOADS.indexOf(a) - WORKLOADS.indexOf(b),
  );
}

test.describe('full table', () => {
  test('has seven rows and every dimension, with row, cell and column ids, and numbered caveats', async ({ page }) => {
    await page.goto('/compare/');
    await expect(page.locator('table.compare tbody tr')).toHaveCount(7);
    expect(await rowOrder(page)).toEqual(WORKLOADS);
    const dimensions = await page
      .locator('table.compare thead th[data-dimension]')
      .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.dimension));
    expect(dimensions.slice(0, 6)).toEqual([
      'pod-uniqueness',
      'scaling',
      'network-identity',
      'storage',
      'use-case',
      'ordering',
    ]);
    for (const id of [
      'api-version',
      'update-strategy',
      'autoscaling',
      'runs-to-completion',
      'pod-names',
      'failure-recovery',
    ])
      expect(dimensions).toContain(id);
    await expect(page.locator('#statefulset')).toHaveJSProperty('tagName', 'TR');
    await expect(page.locator('#statefulset-storage')).toHaveJSProperty('tagName', 'TD');
    await expect(page.locator('#col-storage')).toHaveAttribute('scope', 'col');
    await expect(page.locator('table.compare caption')).toBeVisible();
    await expect(page.locator('table.compare tbody th[scope="row"]')).toHaveCount(7);

    // Caveats are numbered notes with their own ids and a kubernetes.io source.
    const ref = page.locator('#statefulset-ordering sup a');
    await expect(ref).toHaveAttribute('href', '#note-statefulset-ordering');
    const note = page.locator('#note-statefulset-ordering');
    await expect(note).toContainText('OrderedReady');
    await expect(note.locator('a[href^="https://kubernetes.io/docs/"]')).toHaveAttribute('href', /#[a-z0-9-]+$/);
    await expect(page.locator('#note-daemonset-scaling')).toBeAttached();
  });
});

test.describe('sorting', () => {
  test('by mouse: ascending, descending, then the original order; aria-sort only on the active column', async ({
    page,
  }) => {
    await page.goto('/compare/');
    await sortButton(page, 'storage').click();
    await expect(header(page, 'storage')).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('thead th[aria-sort]')).toHaveCount(1);
    await expect(announcer(page)).toHaveText('Sorted by Storage, ascending');
    const ascending = await rowOrder(page);
    // Ranks, not labels: one volume per Pod (StatefulSet) ranks highest, whatever its label says.
    expect(ascending.at(-1)).toBe('statefulset');
    expect(ascending).toEqual(await expectedOrder(page, 'storage', 'asc'));
    await expect(page).toHaveURL(/\?sort=storage&dir=asc$/);

    await sortButton(page, 'storage').click();
    await expect(header(page, 'storage')).toHaveAttribute('aria-sort', 'descending');
    await expect(announcer(page)).toHaveText('Sorted by Storage, descending');
    expect((await rowOrder(page))[0]).toBe('statefulset');
    await expect(page.locator('table.compare caption')).toContainText('sorted by Storage, descending');

    await sortButton(page, 'storage').click();
    await expect(page.locator('thead th[aria-sort]')).toHaveCount(0);
    await expect(announcer(page)).toHaveText('Original order restored');
    expect(await rowOrder(page)).toEqual(WORKLOADS);
    await expect(page).toHaveURL(/\/compare\/$/);
  });

  test('is stable: ties keep the default order in both directions', async ({ page }) => {
    await page.goto('/compare/?sort=storage&dir=desc');
    // The sort from the URL is applied by a script loaded on demand: read the rows once it has.
    await expect(header(page, 'storage')).toHaveAttribute('aria-sort', 'descending');
    const order = await rowOrder(page);
    const keys = await page
      .locator('table.compare tbody tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows.map((r) => [
            (r as HTMLElement).dataset.workload,
            (r.querySelector('[id$="-storage"]') as HTMLElement).dataset.key,
          ]),
        ),
      );
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1] as string, order[i] as string];
      if (keys[a] === keys[b]) expect(WORKLOADS.indexOf(a)).toBeLessThan(WORKLOADS.indexOf(b));
      else expect(Number(keys[a])).toBeGreaterThan(Number(keys[b]));
    }
  });

  test('by keyboard: Enter and Space', async ({ page }) => {
    await page.goto('/compare/');
    await sortButton(page, 'ordering').focus();
    await page.keyboard.press('Enter');
    await expect(header(page, 'ordering')).toHaveAttribute('aria-sort', 'ascending');
    await page.keyboard.press('Space');
    await expect(header(page, 'ordering')).toHaveAttribute('aria-sort', 'descending');
    await expect(sortButton(page, 'ordering')).toBeFocused();
  });

  test('a visible indicator shows the direction', async ({ page }) => {
    await page.goto('/compare/?sort=storage&dir=asc');
    await expect(header(page, 'storage')).toHaveAttribute('aria-sort', 'ascending');
    const fill = (selector: string) =>
      page.locator(`#col-storage ${selector}`).evaluate((el) => getComputedStyle(el).fill);
    expect(await fill('.up')).not.toEqual(await fill('.down'));
  });
});

test.describe('state in the URL', () => {
  test('reload keeps the sorted and narrowed view', async ({ page }) => {
    await page.goto('/compare/');
    await page.getByText('Focus the comparison').click();
    await page.getByRole('button', { name: 'The core three' }).click();
    await page.getByRole('checkbox', { name: 'Use case' }).uncheck();
    await sortButton(page, 'storage').click();
    await expect(page).toHaveURL(/sort=storage&dir=asc&workloads=deployment,statefulset,daemonset&dimensions=/);
    await page.reload();
    await expect.poll(() => rowOrder(page)).toEqual(['deployment', 'daemonset', 'statefulset']);
    await expect(header(page, 'storage')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header(page, 'use-case')).toBeHidden();
    await expect(page.locator('#deployment-use-case')).toBeHidden();
  });

  test('?workloads=&dimensions= restores a focused comparison in a new page', async ({ page }) => {
    await page.goto('/compare/?workloads=deployment,statefulset&dimensions=storage,ordering');
    await expect.poll(() => rowOrder(page)).toEqual(['deployment', 'statefulset']);
    const visible = await page
      .locator('thead th[data-dimension]:not([hidden])')
      .evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.dimension));
    expect(visible).toEqual(['storage', 'ordering']);
    await page.getByText('Focus the comparison').click();
    await expect(page.getByRole('checkbox', { name: 'Job', exact: true })).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'StatefulSet', exact: true })).toBeChecked();
  });

  test('presets and reset', async ({ page }) => {
    await page.goto('/compare/');
    await page.getByText('Focus the comparison').click();
    await page.getByRole('button', { name: 'Batch' }).click();
    await expect.poll(() => rowOrder(page)).toEqual(['job', 'cronjob']);
    await expect(announcer(page)).toHaveText('Showing 2 of 7 workloads and 13 of 13 dimensions');
    await page.getByRole('button', { name: 'All long-running' }).click();
    await expect.poll(() => rowOrder(page)).toEqual(['deployment', 'statefulset', 'daemonset', 'replicaset']);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(() => rowOrder(page)).toEqual(WORKLOADS);
    await expect(page).toHaveURL(/\/compare\/$/);
  });

  test('the last workload cannot be unchecked', async ({ page }) => {
    await page.goto('/compare/?workloads=job');
    await page.getByText('Focus the comparison').click();
    await page.getByRole('checkbox', { name: 'Job', exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Job', exact: true })).toBeChecked();
    await expect(announcer(page)).toHaveText('At least one workload stays visible');
  });

  test('hostile or unknown values are ignored and never reach the page as HTML', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(
      '/compare/?sort=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&dir=sideways' +
        '&workloads=%3Cscript%3Ealert(2)%3C%2Fscript%3E,job&dimensions=__proto__',
    );
    await expect.poll(() => rowOrder(page)).toEqual(['job']);
    await expect(page.locator('thead th[aria-sort]')).toHaveCount(0);
    await expect(page.locator('main img, main script:not([src])')).toHaveCount(0);
    await expect(page).toHaveURL(/\/compare\/\?workloads=job$/);
    expect(dialogs).toEqual([]);
  });
});

test.describe('deep links', () => {
  test('/compare/#statefulset-storage lands on that cell, clear of the sticky header, highlighted and focused', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto('/compare/#statefulset-storage');
    const cell = page.locator('#statefulset-storage');
    await expect(cell).toBeFocused();
    await expect(cell).toHaveAttribute('data-landed', '');
    await expect.poll(() => isVisibleAndUncovered(page, '#statefulset-storage')).toBe(true);
    const background = await cell.evaluate((el) => getComputedStyle(el).backgroundColor);
    const other = await page.locator('#deployment-storage').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toEqual(other);
  });

  test('a link to a row the URL would hide still lands (the link wins)', async ({ page }) => {
    await page.goto('/compare/?workloads=job#statefulset');
    await expect(page.locator('#statefulset')).toBeVisible();
    await expect(page.locator('#statefulset')).toBeFocused();
  });

  test('a dimension id is an alias for its column', async ({ page }) => {
    await page.goto('/compare/#storage');
    await expect(page).toHaveURL(/#col-storage$/);
    await expect(page.locator('#col-storage')).toBeFocused();
  });
});

test.describe('copying a row link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test("copies once, in the reader's press, without loading the table code", async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/scripts/compare-table')) loaded.push(request.url());
    });
    // Fresh pages, as a reader opening the link again and again: each copy must hold.
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.goto('/compare/');
      await page.getByRole('button', { name: 'Copy Markdown link to StatefulSet' }).click();
      await expect(page.locator('#announcer')).toHaveText('Markdown link copied');
      await expect
        .poll(() => clipboardText(page))
        .toMatch(/^\[Compare all seven workload resources › StatefulSet\]\(.+\/s\/compare\/statefulset\/\)$/);
    }
    expect(loaded).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the full table shows in the default order, and the focus controls do not show', async ({ page }) => {
    await page.goto('/compare/?sort=storage&dir=desc&workloads=job');
    expect(await rowOrder(page)).toEqual(WORKLOADS);
    await expect(page.locator('thead th[data-dimension]:visible')).toHaveCount(
      await page.locator('thead th[data-dimension]').count(),
    );
    await expect(page.getByText('Focus the comparison')).toBeHidden();
    await expect(page.locator('#statefulset-storage')).toBeVisible();
  });
});

test.describe('narrow screens', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('no sideways page scroll; the table scrolls in a labelled region, header and first column sticky', async ({
    page,
  }) => {
    await page.goto('/compare/');
    await expectNoHorizontalOverflow(page);
    // At 740 px the whole table fits its region's height; a shorter screen scrolls it both ways.
    await page.setViewportSize({ width: 360, height: 560 });
    const region = page.getByRole('region', { name: /compared/ });
    await expect(region).toHaveAttribute('tabindex', '0');
    await region.focus();
    await region.evaluate((el) => el.scrollBy(500, 300));
    // After scrolling both ways inside the region, the header row and the first column stay put.
    const offsets = await page.evaluate(() => {
      const region = document.querySelector('.table-full') as HTMLElement;
      const box = region.getBoundingClientRect();
      const rowHead = document.querySelector('table.compare tbody tr:last-child th') as HTMLElement;
      const colHead = document.querySelector('#col-ordering') as HTMLElement;
      return {
        left: Math.round(rowHead.getBoundingClientRect().left - box.left),
        top: Math.round(colHead.getBoundingClientRect().top - box.top),
        scrolled: region.scrollLeft > 0 && region.scrollTop > 0,
      };
    });
    expect(offsets.scrolled).toBe(true);
    expect(offsets.left).toBeLessThanOrEqual(1);
    expect(offsets.top).toBeLessThanOrEqual(1);
    await sortButton(page, 'ordering').click();
    await expect(header(page, 'ordering')).toHaveAttribute('aria-sort', 'ascending');
  });
});

test('print shows the full table whatever the view', async ({ page }) => {
  await page.goto('/compare/?workloads=job&dimensions=storage');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#statefulset')).toBeVisible();
  await expect(page.locator('#col-ordering')).toBeVisible();
  await expect(page.getByText('Focus the comparison')).toBeHidden();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: no violations in the sorted, focused table (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/compare/?sort=ordering&dir=desc&workloads=deployment,statefulset,daemonset');
    await page.getByText('Focus the comparison').click();
    await expectNoAxeViolations(page);
  });
}

test('each workload page embeds its own row against the core three', async ({ page }) => {
  await page.goto('/workloads/job/');
  const rows = page.locator('#at-a-glance').locator('xpath=ancestor::section[1]').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('main table [id]')).toHaveCount(0);
});
