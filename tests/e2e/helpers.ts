import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import axe from 'axe-core';
import { parse } from 'yaml';

/** Every public page of the site, from the committed id registry (tests/anchors.json). */
export const PUBLIC_PAGES: string[] = Object.keys(
  JSON.parse(readFileSync('tests/anchors.json', 'utf8')) as Record<string, string[]>,
);

/** The Kubernetes version the site states, from its one home (src/content/site.yaml). */
export const SITE_VERSION = String(
  (parse(readFileSync('src/content/site.yaml', 'utf8')) as { kubernetesVersion: string }[])[0]?.kubernetesVersion,
);

/** The seven workload ids in display order. */
export const WORKLOADS = ['deployment', 'statefulset', 'daemonset', 'replicaset', 'job', 'cronjob', 'pod'];

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

/** The rules axe runs: WCAG 2.x A and AA, and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core in the page (the whole document, or the elements `include` selects) and expects
 * no violations. axe's 0.5 MB source is evaluated once per document, not once per run (as
 * @axe-core/playwright does, twice), because the page tests run it four times on each page; and
 * axe keeps only the nodes of violations (`resultTypes`), the same rules still running.
 */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async ({ include, tags }) => {
      const results = await window.axe!.run(include ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { include, tags: AXE_TAGS },
  );
  expect(violations).toEqual([]);
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

/**
 * The clipboard's text, as a paste into a plain editor would get it. Poll it after a copy
 * (`expect.poll(() => clipboardText(page))`): the site writes the clipboard asynchronously.
 */
export const clipboardText = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

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
