import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';

/** Every public page of the site, from the committed id registry (tests/anchors.json). */
export const PUBLIC_PAGES: string[] = Object.keys(
  JSON.parse(readFileSync('tests/anchors.json', 'utf8')) as Record<string, string[]>,
);

/** The Kubernetes version every page states, from its one home (src/content/site.yaml). */
export const KUBERNETES_VERSION: string = (
  parse(readFileSync('src/content/site.yaml', 'utf8')) as { kubernetesVersion: string }[]
)[0]!.kubernetesVersion;

/** The seven workload ids in display order. */
export const WORKLOADS = ['deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob', 'pod'];

/**
 * Runs axe (WCAG 2.x A/AA and best practices) and expects no violations. Legacy mode runs axe in
 * the page itself (the site has no frames), three times faster than axe's default, which opens
 * an extra page to merge frame results. Every rule still runs; `resultTypes` only spares axe
 * collecting the nodes of passed and incomplete checks, which nothing reads (about 2.5 times
 * faster on a workload page).
 */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  // options() replaces every option, so it comes before withTags().
  let builder = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .setLegacyMode(true);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** No axe violation and no sideways scrolling at 1280 px and 360 px, in light and dark. */
export async function expectAccessibleEverywhere(page: Page): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await test.step(`${colorScheme}, ${width}px: no axe violations, no sideways scrolling`, async () => {
        await expectNoHorizontalOverflow(page);
        await expectNoAxeViolations(page);
      });
    }
  }
}

/**
 * The layout shift score of the page since it started loading, read once at least `settle` ms
 * have passed since its load event (shifts after that are not the page settling).
 */
export async function layoutShiftAfterLoad(page: Page, settle = 500): Promise<number> {
  return page.evaluate(
    (settle) =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const loaded = navigation?.loadEventEnd || performance.now();
        setTimeout(() => resolve(total), Math.max(0, loaded + settle - performance.now()));
      }),
    settle,
  );
}

/** The page does not scroll sideways. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Is the element inside the viewport and not covered by anything (e.g. a sticky header)? */
export async function isVisibleAndUncovered(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return false;
    const x = Math.min(Math.max(box.left + 4, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + 4, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return !!hit && (element === hit || element.contains(hit));
  }, selector);
}
