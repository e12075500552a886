// The decision page: the guided stepper (with the URL as its state), the linked tree without
// JavaScript, and the flowchart.
import { expect, test, type Page } from '@playwright/test';
import { WORKLOADS, expectNoAxeViolations } from './helpers';

interface Tree {
  root: string;
  questions: Record<string, { id: string; label: string; next: string }[]>;
}

/** The tree as the page renders it (the text tree is the source of every step). */
async function readTree(page: Page): Promise<Tree> {
  return page.locator('.decision-tree').evaluate((tree) => ({
    root: (tree as HTMLElement).dataset.root ?? '',
    questions: Object.fromEntries(
      [...tree.querySelectorAll<HTMLElement>('[data-kind="question"]')].map((q) => [
        q.dataset.node,
        [...q.querySelectorAll<HTMLElement>('[data-answer]')].map((li) => ({
          id: li.dataset.answer ?? '',
          label: li.querySelector('span')?.textContent?.trim() ?? '',
          next: li.dataset.next ?? '',
        })),
      ]),
    ),
  }));
}

/** Every path of answers from the root to each workload result. */
function pathsToResults(tree: Tree): Map<string, { id: string; label: string }[]> {
  const paths = new Map<string, { id: string; label: string }[]>();
  const visit = (node: string, path: { id: string; label: string }[]) => {
    const answers = tree.questions[node];
    if (!answers) {
      if (!paths.has(node)) paths.set(node, path);
      return;
    }
    for (const a of answers) visit(a.next, [...path, { id: a.id, label: a.label }]);
  };
  visit(tree.root, []);
  return paths;
}

const stepper = (page: Page) => page.locator('k8s-stepper');

// Each walk after the first starts with "Start over", as a reader trying every answer would.
test('walks to every result by mouse, and says why', async ({ page }) => {
  await page.goto('/choose/');
  const paths = pathsToResults(await readTree(page));
  expect([...paths.keys()].sort()).toEqual([...WORKLOADS].sort());
  for (const [workload, path] of paths) {
    if (page.url().includes('?')) await stepper(page).getByRole('button', { name: 'Start over' }).click();
    await expect(page).toHaveURL(/\/choose\/$/);
    for (const step of path) await stepper(page).getByRole('button', { name: step.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?answers=${path.map((s) => s.id).join(',')}$`));
    await expect(stepper(page).locator('.step-title')).toContainText('Use a');
    await expect(stepper(page)).toContainText('Why');
    await expect(stepper(page)).toContainText('What you give up');
    await expect(stepper(page).getByRole('link', { name: new RegExp(`in the comparison table$`) })).toHaveAttribute(
      'href',
      new RegExp(`/compare/#${workload}$`),
    );
    await expect(stepper(page).getByText('What if you had answered differently?')).toBeVisible();
  }
});

test('walks to every result by keyboard', async ({ page }) => {
  await page.goto('/choose/');
  const paths = pathsToResults(await readTree(page));
  for (const path of paths.values()) {
    if (page.url().includes('?')) {
      await stepper(page).getByRole('button', { name: 'Start over' }).focus();
      await page.keyboard.press('Enter');
    }
    await expect(page).toHaveURL(/\/choose\/$/);
    for (const step of path) {
      const button = stepper(page).getByRole('button', { name: step.label, exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
      // Focus moves to the new step's title, so screen readers hear it.
      await expect(stepper(page).locator('.step-title')).toBeFocused();
    }
    await expect(stepper(page).locator('.step-title')).toContainText('Use a');
  }
});

test('Back and reload keep the steps; the Back button of the browser steps back', async ({ page }) => {
  await page.goto('/choose/');
  const tree = await readTree(page);
  const first = tree.questions[tree.root]?.[1];
  if (!first) throw new Error('root question has fewer than two answers');
  await stepper(page).getByRole('button', { name: first.label, exact: true }).click();
  const second = tree.questions[first.next]?.[0];
  if (!second) throw new Error(`${first.next} is not a question`);
  await stepper(page).getByRole('button', { name: second.label, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`answers=${first.id},${second.id}$`));
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`answers=${first.id},${second.id}$`));
  await expect(stepper(page).locator('ol li')).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`answers=${first.id}$`));
  await expect(stepper(page).locator('ol li')).toHaveCount(1);
  await stepper(page).getByRole('button', { name: 'Back' }).click();
  await expect(page).toHaveURL(/\/choose\/$/);
  await expect(stepper(page).getByRole('button', { name: 'Back' })).toBeDisabled();
});

test('a copied address restores the step in a new page', async ({ page, context }) => {
  await page.goto('/choose/');
  const tree = await readTree(page);
  const answer = tree.questions[tree.root]?.[0];
  if (!answer) throw new Error('no answers');
  await stepper(page).getByRole('button', { name: answer.label, exact: true }).click();
  await expect(page).toHaveURL(/\?answers=/);
  const copied = page.url();
  const other = await context.newPage();
  await other.goto(copied);
  await expect(stepper(other).locator('ol li')).toHaveCount(1);
  await expect(stepper(other).locator('ol li')).toContainText(answer.label);
});

test('"Start over" and "what if" links change the path', async ({ page }) => {
  await page.goto('/choose/');
  const paths = pathsToResults(await readTree(page));
  const path = paths.get('statefulset');
  if (!path) throw new Error('no path to statefulset');
  await page.goto(`/choose/?answers=${path.map((s) => s.id).join(',')}`);
  await stepper(page).locator('ul a[data-path]').first().click();
  await expect(page).not.toHaveURL(new RegExp(path.map((s) => s.id).join(',')));
  await stepper(page).getByRole('button', { name: 'Start over' }).click();
  await expect(page).toHaveURL(/\/choose\/$/);
});

test('a stale or hostile URL starts over with a notice, never an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  for (const query of [
    '?answers=maybe',
    '?answers=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    '?answers=no,no,no,no,no,no,no,no',
    '?answers=constructor',
  ]) {
    await page.goto(`/choose/${query}`);
    await expect(stepper(page).locator('[data-notice]')).toBeVisible();
    await expect(stepper(page).locator('[data-notice]')).toContainText('starts from the first question');
    await expect(page).toHaveURL(/\/choose\/$/);
    await expect(page.locator('main img')).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('every question and result has an id and a flowchart node; the summary and the mistakes', async ({ page }) => {
  await page.goto('/choose/');
  const tree = await readTree(page);
  for (const id of Object.keys(tree.questions)) {
    await expect(page.locator(`#q-${id}`)).toBeAttached();
    await expect(page.locator(`figure svg a[href="#q-${id}"]`)).toHaveCount(1);
  }
  for (const id of WORKLOADS) {
    await expect(page.locator(`#use-${id}`)).toBeAttached();
    await expect(page.locator(`figure svg a[href="#use-${id}"]`)).toHaveCount(1);
  }
  const edges = Object.values(tree.questions).flat().length;
  expect(await page.locator('figure svg').getByText(/./).count()).toBeGreaterThanOrEqual(edges);

  // The summary has one line per workload, and the common mistakes are there.
  await expect(page.locator('section[aria-labelledby="summary"] li')).toHaveCount(7);
  expect(await page.locator('section[aria-labelledby="mistakes"] article').count()).toBeGreaterThanOrEqual(4);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('every result is reachable by following links from the first question', async ({ page }) => {
    await page.goto('/choose/');
    await expect(stepper(page)).toBeHidden();
    const root = await page.locator('.decision-tree').getAttribute('data-root');
    const reached = new Set<string>();
    const queue = [`q-${root}`];
    while (queue.length) {
      const id = queue.shift() as string;
      if (reached.has(id)) continue;
      reached.add(id);
      const hrefs = await page
        .locator(`section:has(> * #${id}), section:has(#${id})`)
        .last()
        .locator('.answers a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')?.slice(1) ?? ''));
      for (const href of hrefs) {
        await page.goto(`/choose/#${href}`);
        await expect(page.locator(`#${href}`)).toBeInViewport();
        queue.push(href);
      }
    }
    for (const id of WORKLOADS) expect(reached.has(`use-${id}`), id).toBe(true);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: no violations at a result (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/choose/');
    const paths = pathsToResults(await readTree(page));
    await page.goto(`/choose/?answers=${(paths.get('statefulset') ?? []).map((s) => s.id).join(',')}`);
    await expectNoAxeViolations(page);
  });
}
